package org.deciban.inference.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BetaJudgmentTest {

    /** The matched quantiles are checked with Commons Math's CDF, an independent computation of P(L <= x). */
    private static final double CDF_TOL = 1e-6;

    @ParameterizedTest
    @CsvSource({"0.48, 0.83", "0.05, 0.95", "0.01, 0.1", "0.6, 0.62", "0.2, 0.9", "0.001, 0.999"})
    void betaFromIntervalPutsFivePercentOnEitherSide(double low, double high) {
        double[] ab = BetaJudgment.fromInterval(low, high);
        BetaDistribution beta = new BetaDistribution(null, ab[0], ab[1]);
        assertEquals(0.05, beta.cumulativeProbability(low), CDF_TOL, "a " + ab[0] + " b " + ab[1]);
        assertEquals(0.95, beta.cumulativeProbability(high), CDF_TOL, "a " + ab[0] + " b " + ab[1]);
    }

    @Test
    void symmetricIntervalGivesSymmetricBeta() {
        // by symmetry of Beta(a, a) around 1/2, an interval symmetric around 1/2 needs a = b
        double[] ab = BetaJudgment.fromInterval(0.3, 0.7);
        assertEquals(ab[0], ab[1], 1e-6 * ab[0]);
    }

    @Test
    void emptyOrOutOfRangeIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BetaJudgment.fromInterval(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> BetaJudgment.fromInterval(0, 0.5));
    }
}
