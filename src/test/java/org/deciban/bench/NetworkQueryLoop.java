package org.deciban.bench;

import org.deciban.inference.network.JunctionTree;
import org.deciban.inference.network.Propagation;
import org.deciban.model.Network;
import org.deciban.testing.NetworkQueries;

/**
 * One query of shared/bench/network-queries.md on a compiled network: set five hard findings (set A or
 * B, alternating), propagate, read the marginal of every variable. Nothing is allocated per query.
 */
final class NetworkQueryLoop {

    private final Propagation work;
    private final int[][][] sets;
    private final double[] out;
    private final int n;
    private int next;

    NetworkQueryLoop(JunctionTree tree, String network) {
        Network net = tree.network();
        this.work = tree.newPropagation();
        this.sets = new int[][][] {
            NetworkQueries.indices(net, NetworkQueries.of(network).findings(true)),
            NetworkQueries.indices(net, NetworkQueries.of(network).findings(false))};
        this.n = net.size();
        int max = 1;
        for (int v = 0; v < n; v++) {
            max = Math.max(max, net.states(v));
        }
        this.out = new double[max];
    }

    /** P(variable 0 = its first state | set A), after which the next query uses set A again. */
    double firstMarginal() {
        next = 0;
        query();
        work.marginal(0, out);
        next = 0;
        return out[0];
    }

    /** Runs one query; returns a checksum of the marginals read (so nothing is optimised away) plus log P(e). */
    double query() {
        int[][] set = sets[next];
        next ^= 1;
        work.retractAll();
        for (int[] f : set) {
            work.setState(f[0], f[1]);
        }
        double sum = work.propagate();
        for (int v = 0; v < n; v++) {
            work.marginal(v, out);
            sum += out[0];
        }
        return sum;
    }
}
