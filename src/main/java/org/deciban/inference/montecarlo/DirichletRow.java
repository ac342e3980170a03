package org.deciban.inference.montecarlo;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Draws of one Dirichlet(alpha) row into a buffer the caller keeps: y_i = G_i / sum_j G_j with G_i ~
 * Gamma(alpha_i, 1), drawn again when the sum is 0 or not finite. The same draws, bit for bit and from the
 * same random numbers, as Commons RNG's {@code DirichletSampler.of(rng, alpha).sample()} (its Gamma(1, 1)
 * is the exponential sampler, every other shape Ahrens-Dieter / Marsaglia-Tsang), which returns a new
 * array each time: a network case draws dozens of rows a draw, and those arrays were most of a Monte
 * Carlo run's garbage ({@code DirichletRowTest} holds the two to the same bits).
 */
final class DirichletRow {

    private final ContinuousSampler[] gammas;

    /**
     * @param alpha at least two concentrations, each positive and finite
     * @throws IllegalArgumentException otherwise, as DirichletSampler does
     */
    DirichletRow(UniformRandomProvider rng, double[] alpha) {
        if (alpha.length < 2) {
            throw new IllegalArgumentException("Invalid number of categories: " + alpha.length);
        }
        gammas = new ContinuousSampler[alpha.length];
        for (int i = 0; i < alpha.length; i++) {
            double a = alpha[i];
            if (!(a > 0 && a < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("alpha concentration is not strictly positive finite: " + a);
            }
            gammas[i] = a == 1 ? ZigguratSampler.Exponential.of(rng) : AhrensDieterMarsagliaTsangGammaSampler.of(rng, a, 1);
        }
    }

    /** Draws the row into y[0, K). */
    void sampleInto(double[] y) {
        double norm;
        do {
            double sum = 0;
            for (int i = 0; i < gammas.length; i++) {
                double g = gammas[i].sample();
                sum += g;
                y[i] = g;
            }
            norm = 1.0 / sum;
        } while (!(norm > 0 && norm < Double.POSITIVE_INFINITY));
        for (int i = 0; i < gammas.length; i++) {
            y[i] *= norm;
        }
    }
}
