package org.deciban.inference;

import org.deciban.testing.Models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deciban.model.Case;
import org.deciban.testing.CaseBuilder;
import org.junit.jupiter.api.Test;

/**
 * Posteriors of small cases, each expected value derived by hand from design.md's formulas (the
 * derivation is in the comment above each test). None of the expected numbers comes from running
 * the engine.
 */
class HandDerivedPosteriorTest {

    /**
     * Exact arithmetic: the inputs are short decimals, so the only error is the rounding of a few
     * double operations (log, exp, division), each within a few ulps of numbers of order 1.
     */
    private static final double EXACT = 1e-12;

    private static void assertPosterior(double[] expected, Posterior p) {
        assertEquals(expected.length, p.probabilities().size());
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], p.probabilities().get(k), EXACT, "posterior of h" + k);
        }
    }

    /*
     * Two hypotheses, prior (0.3, 0.7), one item L = (0.9, 0.3), r = 1.
     * pi * L = (0.27, 0.21); Z = 0.48; posterior = (0.27 / 0.48, 0.21 / 0.48) = (0.5625, 0.4375).
     */
    @Test
    void twoHypothesesOneItem() {
        Posterior p = Models.exact(CaseBuilder.prior(0.3, 0.7).item(0.9, 0.3).build());
        assertPosterior(new double[] {0.5625, 0.4375}, p);
        // log Z = ln 0.48
        assertEquals(Math.log(0.48), p.logEvidence(), EXACT);
    }

    /*
     * Weight of evidence of the same item, design.md step 4:
     * h0: M(0) = pi(1) L(1) / (1 - pi(0)) = 0.7 * 0.3 / 0.7 = 0.3; 10 log10(0.9 / 0.3) = 10 log10 3
     *     = 4.771212547196624 dB (log10 3 = 0.47712125471966244).
     * h1: M(1) = pi(0) L(0) / (1 - pi(1)) = 0.3 * 0.9 / 0.3 = 0.9; 10 log10(0.3 / 0.9) = -4.771212547196624 dB.
     */
    @Test
    void weightOfEvidenceInDecibans() {
        Posterior p = Models.exact(CaseBuilder.prior(0.3, 0.7).item(0.9, 0.3).build());
        List<Double> db = p.items().get(0).decibans();
        assertEquals(4.771212547196624, db.get(0), EXACT);
        assertEquals(-4.771212547196624, db.get(1), EXACT);
    }

    /*
     * Three hypotheses, prior (0.5, 0.25, 0.25), two independent items
     * L1 = (0.8, 0.4, 0.2), L2 = (0.5, 0.5, 1.0):
     * pi * L1 * L2 = (0.5*0.8*0.5, 0.25*0.4*0.5, 0.25*0.2*1.0) = (0.2, 0.05, 0.05); Z = 0.3;
     * posterior = (2/3, 1/6, 1/6).
     */
    @Test
    void threeHypothesesTwoItems() {
        Posterior p = Models.exact(CaseBuilder.prior(0.5, 0.25, 0.25)
                .item(0.8, 0.4, 0.2).item(0.5, 0.5, 1.0).build());
        assertPosterior(new double[] {2.0 / 3, 1.0 / 6, 1.0 / 6}, p);
    }

    /*
     * Weight of evidence with three hypotheses, prior (0.5, 0.25, 0.25), item L = (0.8, 0.4, 0.2):
     * h0: M = (0.25*0.4 + 0.25*0.2) / 0.5 = 0.3; 10 log10(0.8/0.3) = 10 log10(8/3) = 4.259687322722811 dB.
     * h2: M = (0.5*0.8 + 0.25*0.4) / 0.75 = 2/3; 10 log10(0.2/(2/3)) = 10 log10 0.3 = -5.228787452803376 dB.
     */
    @Test
    void weightOfEvidenceAgainstPriorWeightedAlternatives() {
        Posterior p = Models.exact(CaseBuilder.prior(0.5, 0.25, 0.25).item(0.8, 0.4, 0.2).build());
        assertEquals(4.259687322722811, p.items().get(0).decibans().get(0), EXACT);
        assertEquals(-5.228787452803376, p.items().get(0).decibans().get(2), EXACT);
    }

    /*
     * Reliability mixing, design.md step 1: uniform prior over 2, L = (0.9, 0.1), r = 0.5.
     * mean = 0.5; L' = (0.5*0.9 + 0.5*0.5, 0.5*0.1 + 0.5*0.5) = (0.7, 0.3);
     * posterior = (0.7, 0.3) / 1.0 = (0.7, 0.3).
     * And r = 0.64 (Admiralty B2 = 0.8 * 0.8): L' = (0.64*0.9 + 0.36*0.5, 0.64*0.1 + 0.36*0.5)
     * = (0.576 + 0.18, 0.064 + 0.18) = (0.756, 0.244), which sums to 1, so posterior = (0.756, 0.244).
     */
    @Test
    void reliabilityMixesTowardTheMean() {
        Posterior half = Models.exact(CaseBuilder.prior(0.5, 0.5).item(0.5, null, true, 0.9, 0.1).build());
        assertPosterior(new double[] {0.7, 0.3}, half);
        assertEquals(0.7, half.items().get(0).effective().get(0), EXACT);
        assertEquals(0.3, half.items().get(0).effective().get(1), EXACT);
        Posterior b2 = Models.exact(CaseBuilder.prior(0.5, 0.5).item(0.64, null, true, 0.9, 0.1).build());
        assertPosterior(new double[] {0.756, 0.244}, b2);
    }

    /*
     * A group, design.md step 2: uniform prior over 2, two items of group g, each L = (0.8, 0.2), rho = 0.5.
     * n = 2, n_eff = 2 / (1 + 1*0.5) = 4/3, w = n_eff / n = 2/3.
     * Log odds h0:h1 = 2 * (2/3) * ln(0.8/0.2) = (4/3) ln 4, so the odds are 4^(4/3) = 2^(8/3)
     * and p(h0) = 2^(8/3) / (1 + 2^(8/3)) = 6.349604207872798 / 7.349604207872798 = 0.8639377...
     * Without the group (w = 1) it would be 16/17 = 0.941...
     */
    @Test
    void groupWithCorrelationCountsLess() {
        Case c = CaseBuilder.prior(0.5, 0.5).correlation(0.5)
                .item(1.0, "g", true, 0.8, 0.2).item(1.0, "g", true, 0.8, 0.2).build();
        Posterior p = Models.exact(c);
        double odds = Math.pow(2, 8.0 / 3);
        assertPosterior(new double[] {odds / (1 + odds), 1 / (1 + odds)}, p);
        assertEquals(2.0 / 3, p.items().get(0).weight(), EXACT);
        // weight of evidence is scaled by w: (2/3) * 10 log10(0.8 / 0.2) = (20/3) log10 4 = 4.014 dB
        assertEquals(2.0 / 3 * 10 * Math.log10(4), p.items().get(0).decibans().get(0), EXACT);
    }

    /*
     * A per-group correlation overrides the default: rho(g) = 1 with 3 items makes w = 1/3 each, the
     * three items count as one: uniform prior, L = (0.8, 0.2) three times -> posterior (0.8, 0.2).
     */
    @Test
    void groupCorrelationOverride() {
        Case c = CaseBuilder.prior(0.5, 0.5).correlation(0.0).correlation("g", 1.0)
                .item(1.0, "g", true, 0.8, 0.2).item(1.0, "g", true, 0.8, 0.2).item(1.0, "g", true, 0.8, 0.2)
                .build();
        assertPosterior(new double[] {0.8, 0.2}, Models.exact(c));
    }

    /*
     * An absent item, design.md step 3: prior (0.5, 0.5), L = (0.9, 0.3) recorded as observed: false.
     * It enters with 1 - L' = (0.1, 0.7); posterior = (0.05, 0.35) / 0.4 = (0.125, 0.875).
     */
    @Test
    void absentItemEntersWithOneMinusLikelihood() {
        Posterior p = Models.exact(CaseBuilder.prior(0.5, 0.5).item(1.0, null, false, 0.9, 0.3).build());
        assertPosterior(new double[] {0.125, 0.875}, p);
        assertEquals(0.1, p.items().get(0).effective().get(0), EXACT);
    }

    /*
     * An absent item with reliability: prior (0.5, 0.5), L = (0.9, 0.3), r = 0.5, absent.
     * mean = 0.6; L' = (0.45 + 0.3, 0.15 + 0.3) = (0.75, 0.45); absent: (0.25, 0.55);
     * posterior = (0.25, 0.55) / 0.8 = (0.3125, 0.6875).
     */
    @Test
    void absentItemAfterReliabilityMixing() {
        Posterior p = Models.exact(CaseBuilder.prior(0.5, 0.5).item(0.5, null, false, 0.9, 0.3).build());
        assertPosterior(new double[] {0.3125, 0.6875}, p);
    }

    /*
     * An eliminated hypothesis, design.md step 3: uniform prior over 3, L = (0, 0.5, 0.25), r = 1.
     * pi * L = (0, 1/6, 1/12); Z = 1/4; posterior = (0, 2/3, 1/3). The weight of evidence against h0
     * is -infinity.
     * With r = 0.8 the item is no longer certain: mean = 0.25, L' = (0.05, 0.45, 0.25), Z = 0.75/3,
     * posterior = (0.05, 0.45, 0.25) / 0.75 = (1/15, 0.6, 1/3).
     */
    @Test
    void zeroLikelihoodEliminatesAHypothesis() {
        Posterior p = Models.exact(CaseBuilder.prior(1.0 / 3, 1.0 / 3, 1.0 / 3).item(0, 0.5, 0.25).build());
        assertEquals(0.0, p.probabilities().get(0));
        assertPosterior(new double[] {0, 2.0 / 3, 1.0 / 3}, p);
        assertEquals(Double.NEGATIVE_INFINITY, p.items().get(0).decibans().get(0));
        Posterior soft = Models.exact(CaseBuilder.prior(1.0 / 3, 1.0 / 3, 1.0 / 3)
                .item(0.8, null, true, 0, 0.5, 0.25).build());
        assertPosterior(new double[] {1.0 / 15, 0.6, 1.0 / 3}, soft);
    }

    /*
     * Per outcome, design.md step 6: hypotheses h0 (outcome o0), h1 (o1), h2 (o2) from the builder; the
     * posterior of an outcome is that of its single hypothesis; 2/3, 1/6, 1/6 from threeHypothesesTwoItems.
     */
    @Test
    void outcomeSharesSumTheirHypotheses() {
        Posterior p = Models.exact(CaseBuilder.prior(0.5, 0.25, 0.25)
                .item(0.8, 0.4, 0.2).item(0.5, 0.5, 1.0).build());
        assertEquals(3, p.outcomes().size());
        assertEquals("o0", p.outcomes().get(0).outcome());
        assertEquals(2.0 / 3, p.outcomes().get(0).probability(), EXACT);
        assertEquals(0.5, p.outcomes().get(0).prior(), EXACT);
    }

    /* Items that together eliminate every hypothesis: (1, 0) then (0, 1). Bad input, not NaN. */
    @Test
    void evidenceEliminatingEveryHypothesisIsAnError() {
        Case c = CaseBuilder.prior(0.5, 0.5).item(1, 0).item(0, 1).build();
        ImpossibleEvidenceException e = assertThrows(ImpossibleEvidenceException.class, () -> Models.exact(c));
        assertTrue(e.getMessage().contains("rules out every hypothesis"), e.getMessage());
    }

    /* One item impossible under every hypothesis: named in the message. */
    @Test
    void itemImpossibleUnderEveryHypothesisIsNamed() {
        Case c = CaseBuilder.prior(0.5, 0.5).item(0.9, 0.1).item(0, 0).build();
        ImpossibleEvidenceException e = assertThrows(ImpossibleEvidenceException.class, () -> Models.exact(c));
        assertTrue(e.getMessage().contains("'e1'"), e.getMessage());
    }
}
