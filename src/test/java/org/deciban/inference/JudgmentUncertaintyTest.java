package org.deciban.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.deciban.model.EvidenceItem;
import org.deciban.model.LikelihoodInterval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JudgmentUncertaintyTest {

    /** The matched quantiles are checked with Commons Math's CDF, an independent computation of P(L <= x). */
    private static final double CDF_TOL = 1e-6;

    @ParameterizedTest
    @CsvSource({"0.48, 0.83", "0.05, 0.95", "0.01, 0.1", "0.6, 0.62", "0.2, 0.9", "0.001, 0.999"})
    void betaFromIntervalPutsFivePercentOnEitherSide(double low, double high) {
        double[] ab = JudgmentUncertainty.fromInterval(low, high);
        BetaDistribution beta = new BetaDistribution(null, ab[0], ab[1]);
        assertEquals(0.05, beta.cumulativeProbability(low), CDF_TOL, "a " + ab[0] + " b " + ab[1]);
        assertEquals(0.95, beta.cumulativeProbability(high), CDF_TOL, "a " + ab[0] + " b " + ab[1]);
    }

    @Test
    void symmetricIntervalGivesSymmetricBeta() {
        // by symmetry of Beta(a, a) around 1/2, an interval symmetric around 1/2 needs a = b
        double[] ab = JudgmentUncertainty.fromInterval(0.3, 0.7);
        assertEquals(ab[0], ab[1], 1e-6 * ab[0]);
    }

    @Test
    void emptyOrOutOfRangeIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> JudgmentUncertainty.fromInterval(0.5, 0.5));
        assertThrows(IllegalArgumentException.class, () -> JudgmentUncertainty.fromInterval(0, 0.5));
    }

    private static EvidenceItem item(Double confidence, List<LikelihoodInterval> intervals) {
        return new EvidenceItem("e", null, "other", "s", 1, null, "", "", List.of(0.2, 0.6, 1.0), confidence, null, true,
                "t:1", intervals);
    }

    @Test
    void oneSourceOfUncertaintyInOrderIntervalConfidenceDefault() {
        // hand derivation: Beta(c L, c (1 - L)); the interval wins over the confidence; 0 and 1 stay fixed
        EvidenceItem own = item(20.0, List.of(new LikelihoodInterval(0, 0.1, 0.4)));
        double[] interval = JudgmentUncertainty.shapes(own, 0, 10);
        // the interval's Beta, checked by Commons Math's CDF (independent): 5% below 0.1, 95% below 0.4
        BetaDistribution matched = new BetaDistribution(null, interval[0], interval[1]);
        assertEquals(0.05, matched.cumulativeProbability(0.1), CDF_TOL);
        assertEquals(0.95, matched.cumulativeProbability(0.4), CDF_TOL);
        assertEquals(JudgmentUncertainty.Source.INTERVAL, JudgmentUncertainty.source(own, 0));
        double[] confident = JudgmentUncertainty.shapes(own, 1, 10);
        assertEquals(20 * 0.6, confident[0], 1e-12);
        assertEquals(20 * 0.4, confident[1], 1e-12);
        assertEquals(JudgmentUncertainty.Source.CONFIDENCE, JudgmentUncertainty.source(own, 1));
        EvidenceItem none = item(null, List.of());
        double[] byDefault = JudgmentUncertainty.shapes(none, 1, 7);
        assertEquals(7 * 0.6, byDefault[0], 1e-12);
        assertEquals(7 * 0.4, byDefault[1], 1e-12);
        assertEquals(JudgmentUncertainty.Source.DEFAULT, JudgmentUncertainty.source(none, 1));
        assertEquals(null, JudgmentUncertainty.shapes(none, 2, 7));
        assertEquals(JudgmentUncertainty.Source.FIXED, JudgmentUncertainty.source(none, 2));
        double[] fixedRange = JudgmentUncertainty.range(none, 2, 7);
        assertEquals(1.0, fixedRange[0], 0.0);
        assertEquals(1.0, fixedRange[1], 0.0);
    }

    @Test
    void rangeIsTheBetasNinetyPercentInterval() {
        // checked with Commons Math's CDF, an independent computation of P(L <= x)
        double[] range = JudgmentUncertainty.range(item(null, List.of()), 0, 10);
        BetaDistribution beta = new BetaDistribution(null, 2, 8);
        assertEquals(0.05, beta.cumulativeProbability(range[0]), CDF_TOL);
        assertEquals(0.95, beta.cumulativeProbability(range[1]), CDF_TOL);
    }
}
