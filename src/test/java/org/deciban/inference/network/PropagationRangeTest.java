package org.deciban.inference.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.inference.VariableMarginal;
import org.deciban.model.Case;
import org.deciban.model.ConditionalTable;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Network;
import org.deciban.model.Settings;
import org.deciban.model.State;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;
import org.deciban.testing.NetworkQueries;
import org.junit.jupiter.api.Test;

/**
 * Findings and messages whose entries span more than the double range (Propagation, "Range"). Every expected
 * value here is worked out by hand from design.md N1 (closed forms written out below), not by the engine or by
 * {@link NetworkBruteForce}.
 *
 * <p>Tolerance {@link #EXACT} = 1e-12, as in {@link JunctionTreeProperties}: absolute on probabilities,
 * relative to max(1, |log P(e)|) on logs.
 */
class PropagationRangeTest {

    static final double EXACT = 1e-12;

    private static Variable variable(String id, int states, List<String> parents, double... table) {
        List<State> ss = new ArrayList<>();
        for (int s = 0; s < states; s++) {
            ss.add(new State("s" + s, "state " + s));
        }
        return new Variable(id, id, ss, parents, ConditionalTable.of(table.length / states, states, table), null,
                new TableForm.Rows("test"), "test:" + id);
    }

    private static EvidenceItem item(String id, String on, double reliability, String group, boolean observed,
                                     Double... likelihoods) {
        return new EvidenceItem(id, null, "other", "test", reliability, null, "", "", List.of(likelihoods), null, group,
                observed, "test:" + id, List.of(), on);
    }

    /**
     * The sample jqwik shrank to from seed 958491924068219705 of
     * {@link JunctionTreeProperties#everyMarginalAndLogEvidenceEqualEnumeration}: v0's prior is [0, 0, 1], and
     * e3 and e6 give its only possible state s2 the likelihood 1e-300 each, so v0's combined finding is
     * about [1e-6, 0.74, 1e-600] (and smaller still with the other items): scaled by its largest entry, s2's
     * entry, exp(-1381), was 0, and the engine called the items impossible together. They are not:
     * P(e) = exp(-1420.6).
     *
     * <p>By hand: v0 = s2 for certain and v1 is independent of v0 (each of its rows is [0.5, 0.5]), v2 has
     * one state, and no group holds two items, so every w_e = 1 (design.md step 2). Then
     * log P(e) = sum_{e on v0} log L'_e(s2) + log sum_s 0.5 prod_{e on v1} L'_e(s) + log L'_e9(s0), with
     * L' = r L + (1 - r) mean L, and 1 - L' for an absent item (design.md steps 1 and 3).
     */
    @Test
    void twoItemsOfLikelihood1em300OnTheOnlyPossibleStateAreNotImpossible() {
        Network net = new Network(List.of(
                variable("v0", 3, List.of(), 0, 0, 1),
                variable("v1", 2, List.of("v0"), 0.5, 0.5, 0.5, 0.5, 0.5, 0.5),
                variable("v2", 1, List.of("v0", "v1"), 1, 1, 1, 1, 1, 1)));
        List<EvidenceItem> items = List.of(
                item("e0", "v0", 1.0, null, false, 0.999, 0.999, 0.999),
                item("e1", "v1", 1.0, null, true, 0.001054, 0.001487),
                item("e2", "v0", 1.0e-6, null, true, 0.999, 0.999, 0.999),
                item("e3", "v0", 1.0, null, true, 0.001188, 0.737237, 1.0e-300),
                item("e4", "v0", 1.0, "g2", true, 0.018551, 0.001537, 0.019979),
                item("e5", "v0", 3.77e-4, null, true, 0.001, 0.0, 0.005938),
                item("e6", "v0", 1.0, "g1", true, 0.001216, 1.0, 1.0e-300),
                item("e7", "v0", 0.0, null, true, 1.0e-300, 1.0, 0.006015),
                item("e8", "v1", 0.72913, "g0", false, 1.0, 1.0e-300),
                item("e9", "v2", 1.0, null, true, 0.001),
                item("e10", "v1", 1.0, null, false, 0.002445, 1.0e-300),
                item("e11", "v1", 1.0, null, true, 0.001, 0.001));
        Settings settings = new Settings(0.753, Map.of(), Settings.DEFAULT_DRAWS, Settings.DEFAULT_SEED);
        Case c = new Case("generated", "generated", null, List.of(new Hypothesis("s0", "state 0", "first")), null,
                settings, items, List.of(), net, "v2");

        double onV0 = Math.log(1 - 0.999)                                             // e0, absent
                + Math.log(1e-6 * 0.999 + (1 - 1e-6) * 0.999)                          // e2
                + Math.log(1e-300)                                                      // e3
                + Math.log(0.019979)                                                    // e4
                + Math.log(3.77e-4 * 0.005938 + (1 - 3.77e-4) * (0.001 + 0 + 0.005938) / 3) // e5
                + Math.log(1e-300)                                                      // e6
                + Math.log((1e-300 + 1 + 0.006015) / 3);                                // e7, r = 0: the mean
        double r8 = 0.72913;
        double[] onV1 = {
            0.5 * 0.001054 * (1 - (r8 * 1 + (1 - r8) * 0.5)) * (1 - 0.002445) * 0.001,    // e1, e8, e10, e11 at s0
            0.5 * 0.001487 * (1 - (r8 * 1e-300 + (1 - r8) * 0.5)) * (1 - 1e-300) * 0.001}; // at s1
        double logZ = onV0 + Math.log(onV1[0] + onV1[1]) + Math.log(0.001);             // e9 on v2
        double[][] posterior = {{0, 0, 1}, {onV1[0] / (onV1[0] + onV1[1]), onV1[1] / (onV1[0] + onV1[1])}, {1}};
        double[][] prior = {{0, 0, 1}, {0.5, 0.5}, {1}};

        NetworkPosterior got = CaseNetwork.compile(c).posterior();
        assertEquals(logZ, got.posterior().logEvidence(), EXACT * Math.abs(logZ), "log P(e)");
        List<VariableMarginal> vs = got.variables();
        for (int v = 0; v < 3; v++) {
            assertArrayEquals(posterior[v], unbox(vs.get(v).posterior()), EXACT, vs.get(v).id() + " posterior");
            assertArrayEquals(prior[v], unbox(vs.get(v).prior()), EXACT, vs.get(v).id() + " prior");
        }
    }

    private static double[] unbox(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A -> B, B -> E1, B -> E2, B -> D: P(A) = [0.5, 0.5], B, E1 and E2 copy their parent, D = 1 - B. Findings
     * A, E1, E2: [1, 1e-200] each (every one well inside the double range on its own), D: [1, 0], which rules
     * out B = 0 and so forces A = B = E1 = E2 = 1. By hand: P(e) = 0.5 * (1e-200)^3, one configuration, so
     * log P(e) = log 0.5 - 600 log 10 and every marginal is an indicator. The scaled pass would multiply two
     * or three entries of 1e-200 into one clique entry (1e-400 and below) while the B = 0 entries, of size 1,
     * were still alive; the engine must not call these findings impossible.
     */
    @Test
    void messagesWhoseProductLeavesTheDoubleRangeAreNotImpossible() {
        Propagation w = starOfCopies();
        w.setFinding(0, new double[] {1, 1e-200});
        w.setFinding(2, new double[] {1, 1e-200});
        w.setFinding(3, new double[] {1, 1e-200});
        w.setFinding(4, new double[] {1, 0});
        double want = Math.log(0.5) - 600 * Math.log(10);
        assertEquals(want, w.propagate(), EXACT * Math.abs(want), "log P(e)");
        assertTrue(w.lastPassInLogSpace(), "the bounds send this propagation to the log-space pass");
        double[][] marginals = {{0, 1}, {0, 1}, {0, 1}, {0, 1}, {1, 0}};
        for (int v = 0; v < marginals.length; v++) {
            assertArrayEquals(marginals[v], w.marginal(v), EXACT, "variable " + v);
        }
    }

    /** The same network with A's finding [1, 0]: now B = 1 is ruled out too, P(e) = 0, in either pass. */
    @Test
    void findingsImpossibleTogetherStayImpossibleInLogSpace() {
        Propagation w = starOfCopies();
        w.setFinding(0, new double[] {1, 0});
        w.setFinding(2, new double[] {1, 1e-200});
        w.setFinding(3, new double[] {1, 1e-200});
        w.setFinding(4, new double[] {1, 0});
        assertEquals(Double.NEGATIVE_INFINITY, w.propagate(), "scaled pass (or the log pass it falls back to)");
        assertEquals(Double.NEGATIVE_INFINITY, w.propagateInLogSpace(), "log-space pass");
    }

    private static Propagation starOfCopies() {
        Network net = new Network(List.of(
                variable("a", 2, List.of(), 0.5, 0.5),
                variable("b", 2, List.of("a"), 1, 0, 0, 1),
                variable("e1", 2, List.of("b"), 1, 0, 0, 1),
                variable("e2", 2, List.of("b"), 1, 0, 0, 1),
                variable("d", 2, List.of("b"), 0, 1, 1, 0)));
        return JunctionTree.compile(net).newPropagation();
    }

    /**
     * Tables whose product leaves the double range: P(A) = [1e-200, 1 - 1e-200], P(B = 0 | A = 0) = 1e-200, with
     * A = 0 and B = 0 observed. By hand P(e) = 1e-200 * 1e-200, log P(e) = -400 log 10, while the initial clique
     * table's entry is 1e-400, 0 in doubles. The same through {@link Propagation#setTable} on a network compiled
     * with ordinary tables.
     */
    @Test
    void tablesWhoseProductLeavesTheDoubleRange() {
        double tiny = 1e-200;
        double[] a = {tiny, 1 - tiny};
        double[] b = {tiny, 1 - tiny, 0.5, 0.5};
        double want = -400 * Math.log(10);
        Propagation compiled = JunctionTree.compile(new Network(List.of(
                variable("a", 2, List.of(), a), variable("b", 2, List.of("a"), b)))).newPropagation();
        Propagation replaced = JunctionTree.compile(new Network(List.of(
                variable("a", 2, List.of(), 0.5, 0.5), variable("b", 2, List.of("a"), 0.5, 0.5, 0.5, 0.5)))).newPropagation();
        replaced.setTable(0, a);
        replaced.setTable(1, b);
        for (Propagation w : List.of(compiled, replaced)) {
            w.setState(0, 0);
            w.setState(1, 0);
            assertEquals(want, w.propagate(), EXACT * Math.abs(want), "log P(e)");
            assertArrayEquals(new double[] {1, 0}, w.marginal(0), EXACT, "a");
            assertArrayEquals(new double[] {1, 0}, w.marginal(1), EXACT, "b");
        }
    }

    /**
     * On ALARM with finding sets A and B (and none) the scaled pass proves its range (an ordinary query never
     * pays for the log-space pass), and the log-space pass gives the same log P(e) and marginals; P(A) and P(B)
     * are those of shared/bench/network-queries.md, given there to three figures ({@link #FIGURES}).
     */
    @Test
    void ordinaryQueriesStayScaledAndTheLogPassAgrees() {
        Network net = NetworkQueries.network("alarm");
        JunctionTree tree = JunctionTree.compile(net);
        Propagation w = tree.newPropagation();
        double[] published = {1, NetworkQueries.ALARM_P_A, NetworkQueries.ALARM_P_B};
        for (int k = 0; k < 3; k++) {
            w.retractAll();
            if (k > 0) {
                PropagationApiTest.enter(w, net, k == 1);
            }
            double scaled = w.propagate();
            assertFalse(w.lastPassInLogSpace(), "query " + k + " took the log-space pass");
            assertEquals(published[k], Math.exp(scaled), FIGURES * published[k], "P(e) of query " + k);
            double[][] want = PropagationApiTest.all(w);
            assertEquals(scaled, w.propagateInLogSpace(), EXACT * Math.max(1, Math.abs(scaled)), "log P(e) in log space");
            assertTrue(w.lastPassInLogSpace());
            double[][] got = PropagationApiTest.all(w);
            for (int v = 0; v < want.length; v++) {
                assertArrayEquals(want[v], got[v], EXACT, net.variable(v).id());
            }
        }
    }

    /**
     * A table given in log space whose entries span more than the double range ({@link Propagation#setLogTable}):
     * a -&gt; b with log P(a) = [-1000, 0] (P(a = 0) = e^-1000, 0 as a double) and P(b | a) = [[0.25, 0.75], [0.5,
     * 0.5]]; a = 0 observed. By hand P(e) = e^-1000 (b's row sums to 1), so log P(e) = -1000, a's marginal is
     * [1, 0] and b's is row 0, [0.25, 0.75]. The same table through {@link Propagation#setTable} with the doubles
     * exp(log P(a)) = [0, 1] is impossible: that is the loss the log-space entry avoids. A later setTable (and
     * resetTable) drops the logs.
     */
    @Test
    void aTableInLogSpaceKeepsEntriesBelowTheDoubleRange() {
        Propagation w = JunctionTree.compile(new Network(List.of(
                variable("a", 2, List.of(), 0.5, 0.5),
                variable("b", 2, List.of("a"), 0.25, 0.75, 0.5, 0.5)))).newPropagation();
        w.setState(0, 0);
        w.setLogTable(0, new double[] {-1000, 0});
        assertEquals(-1000, w.propagate(), EXACT * 1000, "log P(e)");
        assertTrue(w.lastPassInLogSpace(), "e^-1000 is 0 as a double: the bounds send this to the log-space pass");
        assertArrayEquals(new double[] {1, 0}, w.marginal(0), EXACT, "a");
        assertArrayEquals(new double[] {0.25, 0.75}, w.marginal(1), EXACT, "b");

        w.setTable(0, new double[] {Math.exp(-1000), 1});
        assertEquals(Double.NEGATIVE_INFINITY, w.propagate(), "the same table as doubles loses P(a = 0)");
        w.setLogTable(0, new double[] {-1000, 0});
        w.resetTable(0);
        assertEquals(Math.log(0.5), w.propagate(), EXACT, "the network's own table again");
        assertThrows(IllegalArgumentException.class, () -> w.setLogTable(0, new double[] {Double.NaN, 0}));
        assertThrows(IllegalArgumentException.class, () -> w.setLogTable(0, new double[] {Double.POSITIVE_INFINITY, 0}));
        assertThrows(IllegalArgumentException.class, () -> w.setLogTable(0, new double[] {0}));
    }

    /**
     * In range, {@link Propagation#setLogTable} is {@link Propagation#setTable} with the doubles exp(log T): on
     * ALARM with finding set A, each variable's table in turn is replaced by log T (T its own table) in one
     * workspace and by exp(log T) in another; log P(e) and every marginal are bit for bit the same, and both
     * stay on the scaled pass.
     */
    @Test
    void inRangeALogTableIsTheScaledPassBitForBit() {
        Network net = NetworkQueries.network("alarm");
        JunctionTree tree = JunctionTree.compile(net);
        Propagation logs = tree.newPropagation();
        Propagation doubles = tree.newPropagation();
        PropagationApiTest.enter(logs, net, true);
        PropagationApiTest.enter(doubles, net, true);
        for (int v = 0; v < net.size(); v++) {
            double[] t = net.variable(v).table().toArray();
            double[] logT = new double[t.length];
            double[] back = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                logT[i] = t[i] == 0 ? Double.NEGATIVE_INFINITY : Math.log(t[i]);
                back[i] = Math.exp(logT[i]);
            }
            logs.setLogTable(v, logT);
            doubles.setTable(v, back);
            double want = doubles.propagate();
            assertEquals(want, logs.propagate(), 0.0, net.variable(v).id() + ": log P(e)");
            assertFalse(logs.lastPassInLogSpace(), net.variable(v).id() + " took the log-space pass");
            double[][] a = PropagationApiTest.all(doubles);
            double[][] b = PropagationApiTest.all(logs);
            for (int x = 0; x < a.length; x++) {
                assertArrayEquals(a[x], b[x], 0.0, net.variable(v).id() + ": marginal of " + net.variable(x).id());
            }
            logs.resetTable(v);
            doubles.resetTable(v);
        }
    }

    /** Half a unit in the third significant figure, relative: the precision P(A) and P(B) are published to. */
    static final double FIGURES = 0.005;
}
