package org.deciban.inference.montecarlo;

/**
 * Options of a Monte Carlo run.
 *
 * @param draws     number of draws, at least 1
 * @param seed      seed of the one generator whose successive jumps give every chunk its stream
 * @param threads   worker threads, at least 1; the figures do not depend on it
 * @param weighting importance weighting by Z_s (the default) or the unweighted judgment spread
 */
public record MonteCarloOptions(long draws, long seed, int threads, Weighting weighting) {

    public MonteCarloOptions {
        if (draws < 1) {
            throw new IllegalArgumentException("draws " + draws + " must be at least 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        if (weighting == null) {
            weighting = Weighting.IMPORTANCE;
        }
    }
}
