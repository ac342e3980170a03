package org.deciban.inference.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * DirichletRow against its oracle, Commons RNG's DirichletSampler: two generators seeded alike, one drawn
 * through each, must give the same rows to the last bit, draw after draw, and refuse the same input.
 */
class DirichletRowTest {

    private static final int DRAWS = 20_000;

    @Test
    void drawsTheSameRowsAsDirichletSamplerFromTheSameNumbers() {
        // shapes below 1 (Ahrens-Dieter), exactly 1 (the exponential sampler), above 1 (Marsaglia-Tsang),
        // equal ones, tiny ones whose Gamma draws can underflow, and many categories
        double[][] alphas = {
            {0.5, 2.5}, {1, 1, 1}, {1, 3.7, 0.2}, {20 * 0.45, 20 * 0.19, 20 * 0.36}, {0.01, 0.02, 0.015},
            {5, 5, 5, 5, 5, 5, 5, 5}, {1e-3, 1e3},
        };
        long seed = 20240731;
        for (double[] alpha : alphas) {
            UniformRandomProvider a = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            UniformRandomProvider b = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            DirichletSampler oracle = DirichletSampler.of(a, alpha);
            DirichletRow row = new DirichletRow(b, alpha);
            double[] y = new double[alpha.length];
            for (int d = 0; d < DRAWS; d++) {
                row.sampleInto(y);
                assertArrayEquals(oracle.sample(), y, 0.0, () -> java.util.Arrays.toString(alpha));
            }
            seed++;
        }
    }

    @Test
    void refusesWhatDirichletSamplerRefuses() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        for (double[] alpha : new double[][] {{1.0}, {1, 0}, {1, -2}, {1, Double.NaN}, {1, Double.POSITIVE_INFINITY}}) {
            assertThrows(IllegalArgumentException.class, () -> DirichletSampler.of(rng, alpha));
            assertThrows(IllegalArgumentException.class, () -> new DirichletRow(rng, alpha));
        }
    }
}
