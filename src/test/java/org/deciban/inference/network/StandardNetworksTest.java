package org.deciban.inference.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.deciban.model.Network;
import org.deciban.testing.NetworkQueries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every standard network of shared/networks compiles, and under the finding sets A and B of
 * shared/bench/network-queries.md ({@link NetworkQueries}) every marginal and P(e) of the junction tree
 * agree with {@link VariableElimination}, a second method written apart, to {@link #AGREE} = 1e-9 (both
 * are exact; their sums run in different orders, so they differ by rounding, far below that).
 * ALARM's P(A) and P(B) match the 4-decimal figures of network-queries.md to {@link #FOUR_DECIMALS}.
 * Variable elimination is run once per variable checked, so on networks of 24 variables or more every
 * (n / 12)-th variable is checked (at least 12 per set, and P(e) always); munin (1,041 variables) is
 * checked on every 97th variable and P(e), and is tagged "slow": it takes about 80 s, so the default
 * test run leaves it out ({@code mvn test -Dtest=StandardNetworksTest -Dexcluded.groups=none} runs it).
 */
class StandardNetworksTest {

    static final double AGREE = 1e-9;
    /** Half a unit in the fourth decimal. */
    static final double FOUR_DECIMALS = 0.5e-4;

    static Stream<String> networks() {
        return Stream.of("asia", "sachs", "child", "insurance", "alarm", "water", "hailfinder", "hepar2", "win95pts",
                "pathfinder", "andes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void marginalsAgreeWithVariableElimination(String name) {
        check(name, Math.max(1, NetworkQueries.network(name).size() / 12));
    }

    @Test
    @Tag("slow")
    void muninAgreesWithVariableEliminationOnASample() {
        check("munin", 97);
    }

    private static void check(String name, int every) {
        Network net = NetworkQueries.network(name);
        JunctionTree tree = JunctionTree.compile(net);
        Propagation w = tree.newPropagation();
        VariableElimination ve = new VariableElimination(net);
        for (boolean first : new boolean[] {true, false}) {
            int[][] f = NetworkQueries.indices(net, NetworkQueries.of(name).findings(first));
            Map<Integer, Integer> findings = new LinkedHashMap<>();
            w.retractAll();
            for (int[] x : f) {
                w.setState(x[0], x[1]);
                findings.put(x[0], x[1]);
            }
            double logPe = w.propagate();
            double pe = ve.probability(findings);
            assertEquals(Math.log(pe), logPe, AGREE, name + " log P(e)");
            for (int v = 0; v < net.size(); v += every) {
                double[] want = ve.marginal(v, findings);
                double[] got = w.marginal(v);
                for (int s = 0; s < want.length; s++) {
                    assertEquals(want[s], got[s], AGREE, name + " " + net.variable(v).id() + "=" + net.variable(v).states().get(s).id());
                }
            }
        }
    }

    /** All 12 files read and compile, munin (1,041 variables, 1.2 MB of text) included, within the default limits. */
    @Test
    void everyStandardNetworkReadsAndCompiles() {
        for (NetworkQueries.Sets sets : NetworkQueries.all()) {
            Network net = NetworkQueries.network(sets.network());
            Propagation w = JunctionTree.compile(net).newPropagation();
            for (int[] x : NetworkQueries.indices(net, sets.findings(true))) {
                w.setState(x[0], x[1]);
            }
            double logPe = w.propagate();
            assertEquals(true, logPe < 0 && Double.isFinite(logPe), sets.network() + " log P(A) = " + logPe);
            double[] m = w.marginal(net.size() - 1);
            assertEquals(1.0, java.util.Arrays.stream(m).sum(), AGREE, sets.network());
        }
    }

    /** The reader keeps BIF's row order: ALARM's text has "(FALSE, TRUE) 0.98, 0.01, 0.01" for LVEDVOLUME | HYPOVOLEMIA, LVFAILURE. */
    @Test
    void bifRowsKeepTheirParentStates() {
        Network net = NetworkQueries.network("alarm");
        org.deciban.model.Variable v = net.variable("LVEDVOLUME");
        assertEquals(java.util.List.of("HYPOVOLEMIA", "LVFAILURE"), v.parents());
        // states TRUE, FALSE: row (FALSE, TRUE) = 1 * 2 + 0
        assertEquals(0.98, v.table().get(2, 0), 1e-15);
        assertEquals(0.01, v.table().get(2, 2), 1e-15);
        assertEquals(0.2, net.variable("HYPOVOLEMIA").table().get(0, 0), 1e-15);
    }

    @Test
    void alarmProbabilitiesOfTheFindingSetsMatchTheWorkload() {
        Network net = NetworkQueries.network("alarm");
        Propagation w = JunctionTree.compile(net).newPropagation();
        double[] p = new double[2];
        for (int i = 0; i < 2; i++) {
            w.retractAll();
            for (int[] x : NetworkQueries.indices(net, NetworkQueries.of("alarm").findings(i == 0))) {
                w.setState(x[0], x[1]);
            }
            p[i] = Math.exp(w.propagate());
        }
        assertEquals(NetworkQueries.ALARM_P_A, p[0], FOUR_DECIMALS, "P(A)");
        assertEquals(NetworkQueries.ALARM_P_B, p[1], FOUR_DECIMALS, "P(B)");
    }
}
