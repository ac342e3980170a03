package org.deciban.inference.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.ConditionalTable;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Network;
import org.deciban.model.Settings;
import org.deciban.model.State;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;
import org.junit.jupiter.api.Test;

/**
 * Drift (design N4) on a network case whose filtered rows alpha_u differ in size by more than the double range.
 * Every expected value is worked out by hand below from N4 (closed forms written out), not by the engine.
 *
 * <p>Tolerance {@link #EXACT} = 1e-12, as in {@link PropagationRangeTest}: absolute on probabilities, relative
 * to |log P(e)| on log P(e).
 */
class DriftRowRangeTest {

    static final double EXACT = 1e-12;
    static final double DRIFT = 0.7;
    static final LocalDate D0 = LocalDate.of(2023, 3, 1);
    static final LocalDate D1 = LocalDate.of(2024, 3, 1);

    private static Variable variable(String id, int states, List<String> parents, double... table) {
        List<State> ss = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            ss.add(new State("s" + s, "state " + s));
        }
        return new Variable(id, id, ss, parents, ConditionalTable.of(table.length / states, states, table), null,
                new TableForm.Rows("test"), "test:" + id);
    }

    private static EvidenceItem item(String id, LocalDate date, String on, Double... likelihoods) {
        return new EvidenceItem(id, date, "other", "test", 1.0, null, "", "", List.of(likelihoods), null, null,
                true, "test:" + id, List.of(), on);
    }

    /**
     * P -&gt; Q. P(P) = [0.4, 0.6]; P(Q | P = 0) = [0.5, 0.5, 0], P(Q | P = 1) = [0, 0, 1]. Items on Q (reliability 1,
     * no groups, so L' = L and w = 1, design.md steps 1-2): e0 at D0 with L0 = [1e-300, 3e-300, 1], e1 at D1 (the
     * as_of) with L1 = [2e-300, 1e-300, 1]. Item p on P with L = [1, 0] rules out P = 1, a static fact.
     *
     * <p>By hand (N4), with a = exp(-drift * years(D0, D1)), for row u with P(Q | u) = pi: the first date gives
     * f0 = pi L0 / c0, c0 = sum pi L0; the second re-draws, f' = a f0 + (1 - a) pi, and weighs by L1, so
     * alpha_u = c0 (a f0 + (1 - a) pi) L1 = (a pi L0 + (1 - a) c0 pi) L1. Row 1 is [0, 0, 1] (no item touches
     * state 2's likelihood 1), row 0: c0 = 0.5 * 1e-300 + 0.5 * 3e-300 = 2e-300, (1 - a) c0 pi = (1 - a) [1e-300,
     * 1e-300, 0], a pi L0 = a [0.5e-300, 1.5e-300, 0], and
     * alpha_0 = [(1 - a/2) 1e-300 * 2e-300, (1 + a/2) 1e-300 * 1e-300, 0] = [(2 - a) 1e-600, (1 + a/2) 1e-600, 0].
     * Row 0's size, about e^-1380, is below the double range relative to row 1's (e^0): the engine once scaled it
     * to exactly 0 before the network saw it, and with P = 1 ruled out called the evidence impossible. With
     * P = 0 certain: P(e) = 0.4 * sum alpha_0 = 0.4 (3 - a/2) 1e-600 and Q's posterior is alpha_0 / sum alpha_0 =
     * [2 - a, 1 + a/2, 0] / (3 - a/2).
     */
    @Test
    void aDriftRowBelowTheDoubleRangeIsNotDropped() {
        Network net = new Network(List.of(
                variable("p", 2, List.of(), 0.4, 0.6),
                variable("q", 3, List.of("p"), 0.5, 0.5, 0, 0, 0, 1)));
        List<EvidenceItem> items = List.of(
                item("e0", D0, "q", 1e-300, 3e-300, 1.0),
                item("e1", D1, "q", 2e-300, 1e-300, 1.0),
                item("p", D1, "p", 1.0, 0.0));
        List<Hypothesis> hs = List.of(new Hypothesis("s0", "state 0", null), new Hypothesis("s1", "state 1", null),
                new Hypothesis("s2", "state 2", null));
        Case c = new Case("range", "range", D1, hs, null, new Settings(0, Map.of(), 1, 1, DRIFT), items, List.of(),
                net, "q");

        double a = Math.exp(-DRIFT * ChronoUnit.DAYS.between(D0, D1) / 365.25);
        double[] alpha0 = {2 - a, 1 + a / 2, 0}; // in units of 1e-600
        double sum = alpha0[0] + alpha0[1];
        double[] want = {alpha0[0] / sum, alpha0[1] / sum, 0};
        double logZ = Math.log(0.4) + Math.log(sum) - 600 * Math.log(10);

        NetworkModel m = NetworkModel.of(c, DRIFT, null);
        assertArrayEquals(want, m.posterior().toArray(), EXACT, "Q's posterior");
        assertEquals(logZ, m.posterior().logEvidence(), EXACT * Math.abs(logZ), "log P(e)");

        // the variations enter alpha through the same path: leaving out item p (P = 1 then possible) and the
        // timeline's last step (the evaluation date, every item) must agree with the closed forms too
        double[] out = new double[3];
        double withoutP = m.without(new int[] {2}, out);
        // without p: P(e) = 0.4 sum alpha_0 + 0.6 * 1 = 0.6 (1 + about 1e-599): log 0.6 and Q = 2 in doubles
        assertEquals(Math.log(0.6), withoutP, EXACT, "log P(e) without item p");
        assertArrayEquals(new double[] {0, 0, 1}, out, EXACT, "Q's posterior without item p");
        var steps = m.timeline().steps();
        assertArrayEquals(want, steps.get(steps.size() - 1).probabilities().stream().mapToDouble(Double::doubleValue)
                .toArray(), EXACT, "the timeline ends at the posterior");
    }
}
