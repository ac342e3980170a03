package org.deciban.inference.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deciban.model.ConditionalTable;
import org.deciban.model.Network;
import org.deciban.testing.NetworkQueries;
import org.junit.jupiter.api.Test;

/**
 * The workspace API later analyses rely on (package-info, (a)-(d)), on ALARM: retracting findings, replacing
 * a table without recompiling, and propagating on several threads over one compiled tree.
 */
class PropagationApiTest {

    static final double EXACT = 1e-12;

    static double[][] all(Propagation w) {
        int n = w.tree().network().size();
        double[][] out = new double[n][];
        for (int v = 0; v < n; v++) {
            out[v] = w.marginal(v);
        }
        return out;
    }

    static void enter(Propagation w, Network net, boolean first) {
        w.retractAll();
        for (int[] x : NetworkQueries.indices(net, NetworkQueries.of("alarm").findings(first))) {
            w.setState(x[0], x[1]);
        }
    }

    @Test
    void retractingFindingsGivesTheFreshResult() {
        Network net = NetworkQueries.network("alarm");
        JunctionTree tree = JunctionTree.compile(net);
        Propagation fresh = tree.newPropagation();
        fresh.propagate();
        double[][] prior = all(fresh);
        Propagation w = tree.newPropagation();
        enter(w, net, true);
        w.propagate();
        w.retractAll();
        assertEquals(0.0, w.propagate(), EXACT, "log P(no findings)");
        double[][] again = all(w);
        for (int v = 0; v < prior.length; v++) {
            assertArrayEquals(prior[v], again[v], EXACT);
        }
        assertThrows(IllegalStateException.class, () -> {
            w.setState(0, 0);
            w.marginal(0);
        }, "a marginal after a change and before propagate() is refused");
    }

    /** setTable on a workspace gives what compiling the network with that table gives. */
    @Test
    void replacingATableEqualsRecompilingWithIt() {
        Network net = NetworkQueries.network("alarm");
        int v = net.indexOf("LVEDVOLUME");
        ConditionalTable old = net.variable(v).table();
        double[] t = reversedRows(old);
        Network replaced = net.withTable("LVEDVOLUME", ConditionalTable.of(old.rows(), old.states(), t));
        Propagation want = JunctionTree.compile(replaced).newPropagation();
        JunctionTree tree = JunctionTree.compile(net);
        Propagation got = tree.newPropagation();
        got.setTable(replaced.indexOf("LVEDVOLUME"), t);
        enter(want, replaced, true);
        enter(got, net, true);
        assertSamePropagation(want, got);
        got.resetTable(replaced.indexOf("LVEDVOLUME"));
        Propagation original = tree.newPropagation();
        enter(original, net, true);
        assertEquals(original.propagate(), got.propagate(), 0.0, "resetTable restores the network's table exactly");
    }

    /** Each row reversed: a different, valid table of the same shape. */
    static double[] reversedRows(ConditionalTable old) {
        double[] t = old.toArray();
        for (int r = 0; r < old.rows(); r++) {
            for (int s = 0; s < old.states() / 2; s++) {
                double x = t[r * old.states() + s];
                t[r * old.states() + s] = t[r * old.states() + old.states() - 1 - s];
                t[r * old.states() + old.states() - 1 - s] = x;
            }
        }
        return t;
    }

    /**
     * Several replacements and resets of tables assigned to one clique before a propagation (the clique's initial
     * table is recomputed once, at the propagation) give what compiling the network with the last tables gives;
     * the expected marginals come from that separate compilation.
     */
    @Test
    void manyChangesToOneCliqueBeforeAPropagationEqualRecompilingWithTheLastTables() {
        Network net = NetworkQueries.network("alarm");
        JunctionTree tree = JunctionTree.compile(net);
        int a = -1;
        int b = -1;
        for (int x = 0; x < net.size() && b < 0; x++) {
            for (int y = x + 1; y < net.size(); y++) {
                if (tree.familyClique[x] == tree.familyClique[y] && net.variable(x).table().states() > 1
                        && net.variable(y).table().states() > 1) {
                    a = x;
                    b = y;
                    break;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(b >= 0, "ALARM has a clique holding two families");
        double[] ta = reversedRows(net.variable(a).table());
        double[] tb = reversedRows(net.variable(b).table());
        Network replaced = net.withTable(net.variable(a).id(), ConditionalTable.of(net.variable(a).table().rows(),
                net.variable(a).table().states(), ta));
        Propagation got = tree.newPropagation();
        got.setTable(a, ta);
        got.setTable(b, tb);
        got.resetTable(b);
        got.resetTable(a);
        got.setTable(a, ta);
        enter(got, net, false);
        Propagation want = JunctionTree.compile(replaced).newPropagation();
        enter(want, replaced, false);
        assertSamePropagation(want, got);
    }

    /** Propagates both: the same log P(e) and the same marginal of every variable, to EXACT. */
    private static void assertSamePropagation(Propagation want, Propagation got) {
        assertEquals(want.propagate(), got.propagate(), EXACT);
        double[][] x = all(want);
        double[][] y = all(got);
        for (int i = 0; i < x.length; i++) {
            assertArrayEquals(x[i], y[i], EXACT);
        }
    }

    /** Four threads, each with its own workspace over one tree, give bit-identical results to one thread. */
    @Test
    void workspacesPropagateInParallelOverOneTree() throws Exception {
        Network net = NetworkQueries.network("alarm");
        JunctionTree tree = JunctionTree.compile(net);
        Propagation alone = tree.newPropagation();
        double[][][] want = new double[2][][];
        double[] wantZ = new double[2];
        for (int i = 0; i < 2; i++) {
            enter(alone, net, i == 0);
            wantZ[i] = alone.propagate();
            want[i] = all(alone);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    Propagation w = tree.newPropagation();
                    for (int q = 0; q < 2000; q++) {
                        int i = q & 1;
                        enter(w, net, i == 0);
                        if (w.propagate() != wantZ[i] || !java.util.Arrays.deepEquals(all(w), want[i])) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertEquals(true, f.get(), "a thread's result differed from the single-thread one");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
