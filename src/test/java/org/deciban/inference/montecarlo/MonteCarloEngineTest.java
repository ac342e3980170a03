package org.deciban.inference.montecarlo;

import org.deciban.testing.Models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deciban.model.Case;
import org.deciban.testing.CaseBuilder;
import org.junit.jupiter.api.Test;

class MonteCarloEngineTest {

    /** Figures computed without randomness (sums of a few exact terms). */
    private static final double EXACT = 1e-12;
    /**
     * A weighted mean is accepted within Z_TOL Monte Carlo standard errors of the exact value. For a
     * normal estimator the two-sided false-failure rate of one comparison is 2 (1 - Phi(4.5)) = 6.8e-6;
     * the test makes at most 6 comparisons, so a random seed would fail it with probability below 5e-5.
     * The seed is pinned, so the test is deterministic.
     */
    private static final double Z_TOL = 4.5;

    private static MonteCarloResult run(Case c, long draws, long seed, int threads, Weighting w) {
        return MonteCarloEngine.run(Models.compile(c), new MonteCarloOptions(draws, seed, threads, w));
    }

    @Test
    void withoutUncertaintyEveryDrawIsTheExactPosterior() {
        // Prior (0.5, 0.5), no concentration; one item L = (1, 0), which stays fixed (likelihoods of 0 and 1
        // are never drawn, design step 5), at reliability 0.6: L' = (0.6 + 0.4 * 0.5, 0.4 * 0.5) = (0.8, 0.2);
        // posterior by hand = (0.5*0.8, 0.5*0.2) / 0.5 = (0.8, 0.2).
        Case c = TestCases.of(List.of(new org.deciban.model.Hypothesis("x", "X", null),
                        new org.deciban.model.Hypothesis("y", "Y", null)), List.of(0.5, 0.5), null,
                List.of(TestCases.item("e", 0.6, true, null, null, 1.0, 0.0)));
        MonteCarloResult r = run(c, 5000, 3, 1, Weighting.IMPORTANCE);
        Interval x = r.hypotheses().get(0);
        assertEquals(0.8, x.mean(), EXACT);
        assertEquals(0.8, x.median(), EXACT);
        assertEquals(0.8, x.p05(), EXACT);
        assertEquals(0.8, x.p95(), EXACT);
        assertEquals(1.0, x.leadShare(), EXACT);
        assertEquals(0.0, r.hypotheses().get(1).leadShare(), EXACT);
        assertEquals(0.2, r.hypotheses().get(1).p95(), EXACT);
        // all weights equal: ESS = number of draws
        assertEquals(5000, x.ess(), 1e-6);
        assertTrue(x.mcse() < 1e-12, "mcse " + x.mcse());
    }

    @Test
    void weightedMeanIsTheExactPosteriorWhenNoGroupHasWeightBelowOne() {
        // Hand derivation (design.md steps 1-3 on TestCases.worked()):
        // item two L' = 0.5 L + 0.5 * mean(0.2, 0.7, 0.4) = (0.1, 0.35, 0.2) + 0.21667 = (0.31667, 0.56667, 0.41667)
        // item three absent: 1 - L = (0.7, 0.9, 0.4)
        // numerators: a 0.5*0.6*0.31667*0.7, b 0.3*0.3*0.56667*0.9, c 0.2*0.5*0.41667*0.4
        double m = 0.2 + 0.7 + 0.4;
        double[] two = {0.5 * 0.2 + 0.5 * m / 3, 0.5 * 0.7 + 0.5 * m / 3, 0.5 * 0.4 + 0.5 * m / 3};
        double[] num = {0.5 * 0.6 * two[0] * 0.7, 0.3 * 0.3 * two[1] * 0.9, 0.2 * 0.5 * two[2] * 0.4};
        double z = num[0] + num[1] + num[2];
        MonteCarloResult r = run(TestCases.worked(), 200_000, 20240801L, 2, Weighting.IMPORTANCE);
        for (int k = 0; k < 3; k++) {
            Interval iv = r.hypotheses().get(k);
            assertEquals(num[k] / z, iv.mean(), Z_TOL * iv.mcse(), "hypothesis " + k + " mcse " + iv.mcse());
            assertTrue(iv.p05() < iv.median() && iv.median() < iv.p95(), iv.toString());
        }
        // outcomes: A wins = a, B wins = b; no-outcome share = c (design.md step 6)
        assertEquals(num[0] / z, r.outcomes().get(0).mean(), Z_TOL * r.outcomes().get(0).mcse());
        assertEquals(num[1] / z, r.outcomes().get(1).mean(), Z_TOL * r.outcomes().get(1).mcse());
        assertEquals(num[2] / z, r.noOutcome().mean(), Z_TOL * r.noOutcome().mcse());
        // the lead shares of the hypotheses add up to 1
        double lead = r.hypotheses().stream().mapToDouble(Interval::leadShare).sum();
        assertEquals(1.0, lead, 1e-9);
        assertTrue(r.ess() > 0.01 * 200_000, "ess " + r.ess());
    }

    @Test
    void sameSeedGivesBitIdenticalFiguresOnOneTwoFourAndEightThreads() {
        long draws = 4L * MonteCarloEngine.CHUNK + 1234;
        MonteCarloResult one = run(TestCases.grouped(), draws, 99, 1, Weighting.IMPORTANCE);
        for (int threads : new int[] {2, 4, 8}) {
            MonteCarloResult many = run(TestCases.grouped(), draws, 99, threads, Weighting.IMPORTANCE);
            // record equality compares doubles by Double.compare: bit for bit
            assertEquals(one.hypotheses(), many.hypotheses(), "threads " + threads);
            assertEquals(one.outcomes(), many.outcomes(), "threads " + threads);
            assertEquals(one.noOutcome(), many.noOutcome(), "threads " + threads);
            assertEquals(Double.doubleToRawLongBits(one.ess()), Double.doubleToRawLongBits(many.ess()));
        }
        MonteCarloResult other = run(TestCases.grouped(), draws, 100, 1, Weighting.IMPORTANCE);
        assertNotEquals(one.hypotheses(), other.hypotheses(), "another seed gives other draws");
    }

    @Test
    void histogramQuantilesAreWithinHalfABinOfTheExactOnesAndThreadIndependent() {
        long draws = 3L * MonteCarloEngine.CHUNK;
        MonteCarloOptions o1 = new MonteCarloOptions(draws, 5, 1, Weighting.IMPORTANCE);
        MonteCarloOptions o8 = new MonteCarloOptions(draws, 5, 8, Weighting.IMPORTANCE);
        MonteCarloResult exact = MonteCarloEngine.run(Models.compile(TestCases.grouped()), o1);
        MonteCarloResult hist1 = MonteCarloEngine.run(Models.compile(TestCases.grouped()), o1, d -> { }, 0);
        MonteCarloResult hist8 = MonteCarloEngine.run(Models.compile(TestCases.grouped()), o8, d -> { }, 0);
        assertTrue(exact.exactQuantiles());
        assertTrue(!hist1.exactQuantiles());
        assertEquals(hist1.hypotheses(), hist8.hypotheses());
        assertEquals(hist1.outcomes(), hist8.outcomes());
        // the crossing bin holds the exact quantile, and the midpoint is within half a bin of it
        double tol = MonteCarloEngine.BIN_WIDTH / 2 + EXACT;
        for (int k = 0; k < 3; k++) {
            Interval e = exact.hypotheses().get(k);
            Interval h = hist1.hypotheses().get(k);
            assertEquals(e.mean(), h.mean(), 0.0, "means are the same sums in both modes");
            assertEquals(e.p05(), h.p05(), tol);
            assertEquals(e.median(), h.median(), tol);
            assertEquals(e.p95(), h.p95(), tol);
        }
    }

    @Test
    void aLargeCaseDrawsInSmallerChunksWhoseSizeDependsOnTheCaseAlone() {
        // by hand from the rule CHUNK = 16384 up to 1024 judgments, else the largest power of two not above
        // 16384 * 1024 / judgments, at least 64: 16,777,216 / 30,000 = 559.2 -> 512; / 300,000 = 55.9 -> 32 -> 64
        assertEquals(16_384, MonteCarloEngine.chunkSize(1024));
        assertEquals(8_192, MonteCarloEngine.chunkSize(1025));
        assertEquals(512, MonteCarloEngine.chunkSize(30_000));
        assertEquals(64, MonteCarloEngine.chunkSize(300_000));
        // 1,500 items of 3 likelihoods, each uncertain by the default confidence (the prior has no concentration):
        // 4,500 judgments -> 16,777,216 / 4,500 = 3,728.3 -> 2,048 draws a chunk, so 5,000 draws are 3 chunks
        CaseBuilder b = CaseBuilder.prior(0.5, 0.3, 0.2);
        for (int i = 0; i < 1_500; i++) {
            b.item(0.3 + 0.4 * (i % 7) / 6.0, 0.5, 0.6 - 0.3 * (i % 5) / 4.0);
        }
        Case big = b.build();
        DrawModel drawn = DrawModel.of(Models.compile(big));
        assertEquals(4_500, drawn.uncertainCells() + drawn.rowCells());
        MonteCarloResult one = run(big, 5_000, 7, 1, Weighting.IMPORTANCE);
        MonteCarloResult two = run(big, 5_000, 7, 2, Weighting.IMPORTANCE);
        assertEquals(one.hypotheses(), two.hypotheses(), "bit for bit on one thread and two");
        assertEquals(Double.doubleToRawLongBits(one.ess()), Double.doubleToRawLongBits(two.ess()));
    }

    @Test
    void judgmentSpreadWeighsEveryDrawEqually() {
        MonteCarloResult spread = run(TestCases.worked(), 20_000, 11, 1, Weighting.JUDGMENT_SPREAD);
        MonteCarloResult weighted = run(TestCases.worked(), 20_000, 11, 1, Weighting.IMPORTANCE);
        // weights all 1: ESS = (sum 1)^2 / sum 1 = number of draws
        assertEquals(20_000, spread.ess(), 1e-6);
        assertTrue(weighted.ess() < 20_000);
        // same draws, other weights: the means differ
        assertNotEquals(weighted.hypotheses().get(0).mean(), spread.hypotheses().get(0).mean());
    }

    @Test
    void lowEffectiveSampleSizeIsWarned() {
        // Forty items with L = 0.5 under both hypotheses at confidence 0.5 (Beta(0.25, 0.25), U-shaped):
        // each draw's Z_s is a product of forty scattered factors and spans many orders of magnitude,
        // so a handful of draws carry nearly all the weight and the ESS collapses.
        List<org.deciban.model.EvidenceItem> items = new java.util.ArrayList<>();
        for (int e = 0; e < 40; e++) {
            items.add(TestCases.item("e" + e, 1, true, 0.5, null, 0.5, 0.5));
        }
        Case c = TestCases.of(List.of(new org.deciban.model.Hypothesis("x", "X", null),
                new org.deciban.model.Hypothesis("y", "Y", null)), List.of(0.5, 0.5), null, items);
        MonteCarloResult r = run(c, 2000, 1, 1, Weighting.IMPORTANCE);
        assertTrue(r.ess() < 20, "ess " + r.ess());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("effective sample size")), r.warnings().toString());
    }
}
