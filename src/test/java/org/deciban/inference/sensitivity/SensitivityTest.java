package org.deciban.inference.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.deciban.testing.Models;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Icd203;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    /** Exact arithmetic on a handful of terms: rounding stays within a few ulps of 1. */
    private static final double EXACT = 1e-12;
    /** The contract of "what would it take": the new item produces a tie to this tolerance. */
    private static final double TIE = 1e-9;
    /**
     * Commons Math's BetaDistribution solves its quantile to an absolute accuracy of 1e-9
     * (DEFAULT_INVERSE_ABSOLUTE_ACCURACY); the posterior's derivative in the likelihood is below 10 here.
     */
    private static final double QUANTILE = 1e-8;

    /**
     * Two hypotheses, prior (0.5, 0.5); A: L = (0.8, 0.4); B: L = (0.5, 0.6); reliability 1, independent.
     * Unnormalised posterior: H0 0.5 * 0.8 * 0.5 = 0.2, H1 0.5 * 0.4 * 0.6 = 0.12, so p = (0.625, 0.375).
     */
    private static Case twoHypotheses() {
        return Cases.of(List.of(0.5, 0.5), List.of(
                Cases.dated("a", LocalDate.of(2024, 1, 2), 0.8, 0.4),
                Cases.dated("b", LocalDate.of(2024, 1, 1), 0.5, 0.6)));
    }

    @Test
    void handComputedTwoHypothesisCase() {
        Case c = twoHypotheses();
        // Leave-one-out. Without a: p(H0) = 0.5 / (0.5 + 0.6) = 5/11, H1 leads. Without b: 0.8 / 1.2 = 2/3.
        List<Sensitivity.LeaveOneOut> loo = Sensitivity.leaveOneOut(Models.compile(c));
        assertEquals(5.0 / 11, loo.get(0).posterior().get(0), EXACT);
        assertTrue(loo.get(0).leaderChanged());
        assertEquals(5.0 / 11 - 0.625, loo.get(0).leaderShift(), EXACT);
        assertEquals(2.0 / 3, loo.get(1).posterior().get(0), EXACT);
        assertFalse(loo.get(1).leaderChanged());

        // What it takes: gap 10 log10(0.625 / 0.375) = 10 log10(5/3) = 2.2185 dB. 0.625 is "likely" [0.55, 0.80):
        // up to 0.8: 10 log10(odds 4 / odds 5/3) = 10 log10(2.4) = 3.8021 dB;
        // down to 0.55: 10 log10((5/3) / (11/9)) = 10 log10(15/11) = 1.3470 dB.
        Sensitivity.WhatItTakes w = Sensitivity.whatItTakes(Models.of(c));
        assertEquals(0, w.leader());
        assertEquals(1, w.runnerUp());
        assertEquals(Icd203.LIKELY, w.band());
        assertEquals(10 * Math.log10(5.0 / 3), w.toTieDb(), EXACT);
        assertEquals(2.2184874961635637, w.toTieDb(), 1e-9);
        assertEquals(10 * Math.log10(2.4), w.bandUpDb(), EXACT);
        assertEquals(10 * Math.log10(15.0 / 11), w.bandDownDb(), EXACT);

        // Ledger in date order: b (2024-01-01) before a. After b alone: p(H0) = 0.5 / 1.1 = 5/11; after both 0.625.
        Explain.Explanation x = Explain.of(Models.compile(c));
        assertEquals("b", x.ledger().get(0).itemId());
        assertEquals(5.0 / 11, x.ledger().get(0).runningPosterior().get(0), EXACT);
        assertEquals(0.625, x.ledger().get(1).runningPosterior().get(0), EXACT);
        // Diagnosticity: b 0.6 / 0.5 = 1.2; a 0.8 / 0.4 = 2. Weight of a for H0: 10 log10(0.8 / 0.4) = 3.0103 dB.
        assertEquals(1.2, x.ledger().get(0).diagnosticity(), EXACT);
        assertEquals(2.0, x.ledger().get(1).diagnosticity(), EXACT);
        assertEquals(10 * Math.log10(2), x.ledger().get(1).decibans().get(0), EXACT);
        // Carriers: only a favours H0; without it H1 leads with 6/11.
        assertEquals(1, x.carriers().size());
        assertEquals(List.of("a"), x.carriers().get(0).removed());
        assertTrue(x.carriers().get(0).leaderChanged());
        assertEquals(6.0 / 11, x.carriers().get(0).posteriorAfter().get(1), EXACT);
    }

    @Test
    void handComputedTornadoWithUniformBeta() {
        // c: L = (0.5, 0.5) with confidence 2, so each likelihood is Beta(1, 1) = uniform: quantiles 0.05 and 0.95.
        // With a (0.8, 0.4) and prior (0.5, 0.5), H0 leads with 2/3.
        // Against H0: H0 0.8 * 0.05 = 0.04, H1 0.4 * 0.95 = 0.38, p(H0) = 0.04 / 0.42 = 2/21.
        // For H0:     H0 0.8 * 0.95 = 0.76, H1 0.4 * 0.05 = 0.02, p(H0) = 0.76 / 0.78 = 38/39.
        Case c = Cases.of(List.of(0.5, 0.5), List.of(
                Cases.item("a", 1.0, null, null, 0.8, 0.4),
                Cases.item("c", 1.0, null, 2.0, 0.5, 0.5)));
        Sensitivity.Tornado t = Sensitivity.tornado(Models.compile(c)).stream().filter(x -> x.itemId().equals("c")).findFirst().orElseThrow();
        assertEquals(2.0 / 21, t.low(), QUANTILE);
        assertEquals(38.0 / 39, t.high(), QUANTILE);
        assertEquals(0.05, t.againstLeader().get(0), QUANTILE);
        assertEquals(0.95, t.againstLeader().get(1), QUANTILE);
    }

    @Test
    void itemWithoutUncertaintyHasZeroSwing() {
        // "Without uncertainty" (documented in Sensitivity): reliability 0 (L' is the mean under every hypothesis,
        // whatever L is), or likelihoods of exactly 0 or 1 (fixed, as in design.md step 5).
        Case c = Cases.of(List.of(0.3, 0.3, 0.4), List.of(
                Cases.item("strong", 1.0, null, 5.0, 0.9, 0.2, 0.4),
                Cases.item("unreliable", 0.0, null, 5.0, 0.9, 0.1, 0.5),
                Cases.item("certain", 1.0, null, 5.0, 1.0, 1.0, 0.0)));
        for (Sensitivity.Tornado t : Sensitivity.tornado(Models.compile(c))) {
            if (t.itemId().equals("strong")) {
                assertTrue(t.swing() > 0.1, "an uncertain item must swing: " + t.swing());
            } else {
                assertEquals(0, t.swing(), EXACT, t.itemId());
            }
        }
    }

    @Test
    void leaveOneOutEqualsTheCaseWithoutTheItem() {
        // Groups matter: removing one of three items of group g changes the other two's w from 1/2 to 2/3.
        List<EvidenceItem> items = List.of(
                Cases.item("g1", 0.9, "g", null, 0.7, 0.2, 0.4),
                Cases.item("g2", 0.6, "g", null, 0.6, 0.3, 0.5),
                Cases.item("g3", 1.0, "g", null, 0.5, 0.5, 0.1),
                Cases.item("solo", 0.8, null, null, 0.2, 0.9, 0.4));
        Case c = Cases.of(List.of(0.2, 0.3, 0.5), items);
        List<Sensitivity.LeaveOneOut> loo = Sensitivity.leaveOneOut(Models.compile(c));
        for (int e = 0; e < items.size(); e++) {
            List<EvidenceItem> rest = new ArrayList<>(items);
            rest.remove(e);
            Posterior expected = Models.exact(Cases.of(List.of(0.2, 0.3, 0.5), rest));
            for (int h = 0; h < 3; h++) {
                assertEquals(expected.probabilities().get(h), loo.get(e).posterior().get(h), EXACT);
            }
            assertEquals(expected.leader(), loo.get(e).leader());
        }
    }

    @Test
    void anItemOfTheWhatItTakesWeightProducesATie() {
        Case c = Cases.of(List.of(0.2, 0.3, 0.5), List.of(
                Cases.item("x", 0.9, "g", null, 0.7, 0.2, 0.4),
                Cases.item("y", 0.6, "g", null, 0.6, 0.3, 0.5),
                Cases.item("z", 0.8, null, null, 0.9, 0.3, 0.4)));
        Posterior p = Models.exact(c);
        Sensitivity.WhatItTakes w = Sensitivity.whatItTakes(p);
        int lead = w.leader();
        int ru = w.runnerUp();
        double small = Math.pow(10, -w.toTieDb() / 10);
        Double[] l = new Double[3];
        for (int h = 0; h < 3; h++) {
            l[h] = h == ru ? 1.0 : small;
        }
        List<EvidenceItem> more = new ArrayList<>(c.evidence());
        more.add(Cases.item("new", 1.0, null, null, l));
        Posterior q = Models.exact(c.withEvidence(more));
        assertEquals(q.probabilities().get(lead), q.probabilities().get(ru), TIE);
        for (int h = 0; h < 3; h++) {
            assertTrue(q.probabilities().get(h) <= q.probabilities().get(lead) + TIE);
        }

        // Band up: an item favouring the leader alone by bandUpDb puts it on the band's upper bound.
        double pl = p.probabilities().get(lead);
        Icd203 band = Icd203.of(pl);
        assertEquals(band.upper(), leaderAfter(c, lead, 1.0, Math.pow(10, -w.bandUpDb() / 10)), TIE);
        // Band down: an item against the leader alone by bandDownDb puts it on the band's lower bound.
        assertEquals(band.lower(), leaderAfter(c, lead, Math.pow(10, -w.bandDownDb() / 10), 1.0), TIE);
    }

    private static double leaderAfter(Case c, int lead, double leaderL, double othersL) {
        Double[] l = new Double[c.size()];
        for (int h = 0; h < l.length; h++) {
            l[h] = h == lead ? leaderL : othersL;
        }
        List<EvidenceItem> more = new ArrayList<>(c.evidence());
        more.add(Cases.item("new", 1.0, null, null, l));
        return Models.exact(c.withEvidence(more)).probabilities().get(lead);
    }

    @Test
    void priorSweepRescalesTheOthersInProportion() {
        // No evidence: the posterior is the prior. Moving H0 to t gives H1 0.3 (1 - t) / 0.8 and H2 0.5 (1 - t) / 0.8.
        Case c = Cases.of(List.of(0.2, 0.3, 0.5), List.of(Cases.item("n", 1.0, null, null, 0.5, 0.5, 0.5)));
        Sensitivity.PriorSweep s = Sensitivity.priorSweeps(Models.compile(c)).get(0);
        assertEquals(86, s.priorValues().size());
        assertEquals(0.05, s.min(0), EXACT);
        assertEquals(0.90, s.max(0), EXACT);
        assertEquals(0.3 * 0.95 / 0.8, s.max(1), EXACT);
        assertEquals(0.5 * 0.10 / 0.8, s.min(2), EXACT);
        // H2 leads while 0.5 (1 - t) / 0.8 >= t, i.e. t <= 5/13 = 0.3846; H0 from 0.39.
        int firstH0 = s.leaders().indexOf(0);
        assertEquals(0.39, s.priorValues().get(firstH0), EXACT);
    }
}
