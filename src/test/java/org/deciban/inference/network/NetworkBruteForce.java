package org.deciban.inference.network;

import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Network;
import org.deciban.testing.BruteForce;

/**
 * design.md N1 and N3 by enumeration of every joint configuration, written from the formulas and sharing no
 * code with the junction tree: log P(x, e) = sum_V log P(x_V | x_pa(V)) + sum_e w_e log L'_e(x_{V_e}), with
 * L' and w from {@link BruteForce} (exact decimal arithmetic), normalised by log-sum-exp over all x.
 */
public final class NetworkBruteForce {

    /** Marginals of every variable (network order) and log P(e); marginals null when P(e) = 0. */
    public record Result(double[][] marginals, double logZ) {
    }

    private NetworkBruteForce() {
    }

    static int[] cards(Network net) {
        int[] c = new int[net.size()];
        for (int v = 0; v < c.length; v++) {
            c[v] = net.variable(v).size();
        }
        return c;
    }

    /** Log of the joint of one configuration x under the network alone. */
    static double logJoint(Network net, int[] x) {
        double s = 0;
        for (int v = 0; v < net.size(); v++) {
            int[] ps = net.parents(v);
            int row = 0;
            for (int p : ps) {
                row = row * net.variable(p).size() + x[p];
            }
            double pr = net.variable(v).table().get(row, x[v]);
            s += pr == 0 ? Double.NEGATIVE_INFINITY : Math.log(pr);
        }
        return s;
    }

    /** Enumerates the joint with the case's items (or none). */
    public static Result solve(Case c, boolean withItems) {
        Network net = c.network();
        int[] cards = cards(net);
        int total = 1;
        for (int k : cards) {
            total *= k;
        }
        List<EvidenceItem> items = c.evidence();
        double[] w = BruteForce.weights(c);
        double[][] eff = new double[items.size()][];
        int[] on = new int[items.size()];
        for (int e = 0; e < items.size(); e++) {
            eff[e] = BruteForce.effective(items.get(e));
            on[e] = net.indexOf(items.get(e).on() == null ? c.questionVariable() : items.get(e).on());
        }
        double[] logp = new double[total];
        int[] x = new int[cards.length];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int v = cards.length - 1; v >= 0; v--) {
                x[v] = rest % cards[v];
                rest /= cards[v];
            }
            double s = logJoint(net, x);
            if (withItems) {
                for (int e = 0; e < items.size(); e++) {
                    double l = eff[e][x[on[e]]];
                    s += l == 0 ? Double.NEGATIVE_INFINITY : w[e] * Math.log(l);
                }
            }
            logp[i] = s;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logp) {
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return new Result(null, Double.NEGATIVE_INFINITY);
        }
        double sum = 0;
        for (double l : logp) {
            sum += Math.exp(l - max);
        }
        double logZ = max + Math.log(sum);
        double[][] m = new double[cards.length][];
        for (int v = 0; v < cards.length; v++) {
            m[v] = new double[cards[v]];
        }
        for (int i = 0; i < total; i++) {
            double p = Math.exp(logp[i] - logZ);
            int rest = i;
            for (int v = cards.length - 1; v >= 0; v--) {
                m[v][rest % cards[v]] += p;
                rest /= cards[v];
            }
        }
        return new Result(m, logZ);
    }

    /**
     * N3 by enumeration: w_e 10 log10(sum_v P(V_e = v | Q = k) L'(v) / sum_v P(V_e = v | Q != k) L'(v)) for
     * every item and state k of the question.
     */
    static double[][] decibans(Case c) {
        Network net = c.network();
        int[] cards = cards(net);
        int q = net.indexOf(c.questionVariable());
        int total = 1;
        for (int k : cards) {
            total *= k;
        }
        // joint[state of Q][variable][state]: P(V = s, Q = k)
        double[][][] joint = new double[cards[q]][cards.length][];
        for (int k = 0; k < cards[q]; k++) {
            for (int v = 0; v < cards.length; v++) {
                joint[k][v] = new double[cards[v]];
            }
        }
        int[] x = new int[cards.length];
        for (int i = 0; i < total; i++) {
            int rest = i;
            for (int v = cards.length - 1; v >= 0; v--) {
                x[v] = rest % cards[v];
                rest /= cards[v];
            }
            double p = Math.exp(logJoint(net, x));
            for (int v = 0; v < cards.length; v++) {
                joint[x[q]][v][x[v]] += p;
            }
        }
        double[] pi = new double[cards[q]];
        for (int k = 0; k < cards[q]; k++) {
            for (double p : joint[k][q]) {
                pi[k] += p;
            }
        }
        List<EvidenceItem> items = c.evidence();
        double[] w = BruteForce.weights(c);
        double[][] out = new double[items.size()][cards[q]];
        for (int e = 0; e < items.size(); e++) {
            int v = net.indexOf(items.get(e).on() == null ? c.questionVariable() : items.get(e).on());
            double[] eff = BruteForce.effective(items.get(e));
            for (int k = 0; k < cards[q]; k++) {
                double num = 0;
                double den = 0;
                double other = 0;
                for (int j = 0; j < cards[q]; j++) {
                    for (int s = 0; s < cards[v]; s++) {
                        if (j == k) {
                            num += joint[j][v][s] * eff[s];
                        } else {
                            den += joint[j][v][s] * eff[s];
                        }
                    }
                    if (j != k) {
                        other += pi[j];
                    }
                }
                if (cards[q] < 2 || pi[k] == 0 || other == 0 || num == 0 && den == 0) {
                    out[e][k] = Double.NaN;
                } else {
                    out[e][k] = w[e] * 10 * Math.log10((num / pi[k]) / (den / other));
                }
            }
        }
        return out;
    }
}
