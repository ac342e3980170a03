package org.deciban.inference.montecarlo;

import java.util.List;

/**
 * The figures of a Monte Carlo run (design.md step 5).
 *
 * @param hypotheses    one interval per hypothesis, in the case's order
 * @param outcomes      one interval per outcome, in order of first appearance (design.md step 6)
 * @param noOutcome     the interval of the no-outcome share, or {@code null} when there is no such row
 * @param options       draws, seed, threads and weighting of the run
 * @param usedDraws     draws with a finite evidence normaliser (the others rule out every hypothesis
 *                      and carry no weight)
 * @param ess           effective sample size (sum W)^2 / sum W^2
 * @param exactQuantiles true when every draw was stored and the quantiles are exact; false when they
 *                      come from histograms of bin width {@link MonteCarloEngine#BIN_WIDTH}
 * @param warnings      messages for the analyst, such as a low effective sample size
 */
public record MonteCarloResult(
        List<Interval> hypotheses,
        List<Interval> outcomes,
        Interval noOutcome,
        MonteCarloOptions options,
        long usedDraws,
        double ess,
        boolean exactQuantiles,
        List<String> warnings) {

    public MonteCarloResult {
        hypotheses = List.copyOf(hypotheses);
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    /** How the quantiles were computed, in words, with their error bound. */
    public String quantileMethod() {
        return exactQuantiles ? "exact weighted quantiles of the stored draws"
                : "weighted histograms with bins of width " + MonteCarloEngine.BIN_WIDTH
                  + " (quantile error at most " + MonteCarloEngine.BIN_WIDTH / 2 + ")";
    }
}
