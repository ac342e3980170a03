package org.deciban.inference.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deciban.model.Network;

/**
 * Variable elimination, written for the tests apart from the junction tree: a second, independent way
 * to the marginals and P(e) of a network under hard findings. Factors are tables over sorted variable
 * lists; each conditional table is a factor, observed variables are fixed in every factor (reducing it),
 * and all variables but the target are summed out one at a time, each time the one whose elimination
 * makes the smallest product (ties: the lower index).
 */
final class VariableElimination {

    /** A table over sorted variables, the last varying fastest. */
    record Factor(int[] vars, int[] cards, double[] values) {
    }

    private final Network net;
    private final int[] cards;

    VariableElimination(Network net) {
        this.net = net;
        this.cards = new int[net.size()];
        for (int v = 0; v < cards.length; v++) {
            cards[v] = net.variable(v).size();
        }
    }

    /** P(target | findings), or for an observed target its indicator. */
    double[] marginal(int target, Map<Integer, Integer> findings) {
        if (findings.containsKey(target)) {
            double[] out = new double[cards[target]];
            out[findings.get(target)] = 1;
            return out;
        }
        Factor f = eliminateAllBut(target, findings);
        double sum = Arrays.stream(f.values()).sum();
        double[] out = f.values().clone();
        for (int s = 0; s < out.length; s++) {
            out[s] /= sum;
        }
        return out;
    }

    /** P(findings). */
    double probability(Map<Integer, Integer> findings) {
        return eliminateAllBut(-1, findings).values()[0];
    }

    private Factor eliminateAllBut(int keep, Map<Integer, Integer> findings) {
        List<Factor> factors = new ArrayList<>();
        for (int v = 0; v < net.size(); v++) {
            Factor f = cpt(v);
            for (Map.Entry<Integer, Integer> e : findings.entrySet()) {
                f = reduce(f, e.getKey(), e.getValue());
            }
            factors.add(f);
        }
        List<Set<Factor>> holding = new ArrayList<>();
        for (int v = 0; v < net.size(); v++) {
            holding.add(new LinkedHashSet<>());
        }
        for (Factor f : factors) {
            for (int v : f.vars()) {
                holding.get(v).add(f);
            }
        }
        Set<Integer> left = new HashSet<>();
        for (int v = 0; v < net.size(); v++) {
            if (v != keep && !findings.containsKey(v)) {
                left.add(v);
            }
        }
        List<Factor> scalars = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = -1;
            double bestSize = Double.POSITIVE_INFINITY;
            for (int v : left) {
                Set<Integer> union = new HashSet<>();
                for (Factor f : holding.get(v)) {
                    for (int u : f.vars()) {
                        union.add(u);
                    }
                }
                double size = 1;
                for (int u : union) {
                    size *= cards[u];
                }
                if (size < bestSize || size == bestSize && v < best) {
                    bestSize = size;
                    best = v;
                }
            }
            int v = best;
            left.remove(v);
            List<Factor> with = new ArrayList<>(holding.get(v));
            Factor prod = with.get(0);
            for (int i = 1; i < with.size(); i++) {
                prod = product(prod, with.get(i));
            }
            for (Factor f : with) {
                for (int u : f.vars()) {
                    holding.get(u).remove(f);
                }
                factors.remove(f);
            }
            Factor summed = sumOut(prod, v);
            factors.add(summed);
            for (int u : summed.vars()) {
                holding.get(u).add(summed);
            }
            if (summed.vars().length == 0) {
                scalars.add(summed);
            }
        }
        Factor result = new Factor(new int[0], new int[0], new double[] {1});
        for (Factor f : factors) {
            result = product(result, f);
        }
        return result;
    }

    private Factor cpt(int v) {
        int[] ps = net.parents(v);
        int[] family = new int[ps.length + 1];
        System.arraycopy(ps, 0, family, 0, ps.length);
        family[ps.length] = v;
        int[] sorted = family.clone();
        Arrays.sort(sorted);
        int[] fc = new int[sorted.length];
        int size = 1;
        for (int i = 0; i < sorted.length; i++) {
            fc[i] = cards[sorted[i]];
            size *= fc[i];
        }
        double[] values = new double[size];
        int[] digit = new int[sorted.length];
        for (int i = 0; i < size; i++) {
            int rest = i;
            for (int j = sorted.length - 1; j >= 0; j--) {
                digit[j] = rest % fc[j];
                rest /= fc[j];
            }
            int row = 0;
            for (int p : ps) {
                row = row * cards[p] + digit[Arrays.binarySearch(sorted, p)];
            }
            values[i] = net.variable(v).table().get(row, digit[Arrays.binarySearch(sorted, v)]);
        }
        return new Factor(sorted, fc, values);
    }

    private static Factor reduce(Factor f, int v, int state) {
        int at = Arrays.binarySearch(f.vars(), v);
        if (at < 0) {
            return f;
        }
        int m = f.vars().length;
        int[] vars = new int[m - 1];
        int[] cs = new int[m - 1];
        for (int j = 0, o = 0; j < m; j++) {
            if (j != at) {
                vars[o] = f.vars()[j];
                cs[o++] = f.cards()[j];
            }
        }
        int size = 1;
        for (int c : cs) {
            size *= c;
        }
        double[] values = new double[size];
        int[] digit = new int[m];
        for (int i = 0; i < f.values().length; i++) {
            int rest = i;
            for (int j = m - 1; j >= 0; j--) {
                digit[j] = rest % f.cards()[j];
                rest /= f.cards()[j];
            }
            if (digit[at] != state) {
                continue;
            }
            int idx = 0;
            for (int j = 0; j < m; j++) {
                if (j != at) {
                    idx = idx * f.cards()[j] + digit[j];
                }
            }
            values[idx] = f.values()[i];
        }
        return new Factor(vars, cs, values);
    }

    private Factor product(Factor a, Factor b) {
        int[] vars = java.util.stream.IntStream.concat(Arrays.stream(a.vars()), Arrays.stream(b.vars()))
                .distinct().sorted().toArray();
        int[] cs = new int[vars.length];
        int size = 1;
        for (int j = 0; j < vars.length; j++) {
            cs[j] = cards[vars[j]];
            size *= cs[j];
        }
        int[] sa = strides(vars, a);
        int[] sb = strides(vars, b);
        double[] values = new double[size];
        int[] digit = new int[vars.length];
        int ia = 0;
        int ib = 0;
        for (int i = 0; i < size; i++) {
            values[i] = a.values()[ia] * b.values()[ib];
            for (int j = vars.length - 1; j >= 0; j--) {
                ia += sa[j];
                ib += sb[j];
                if (++digit[j] < cs[j]) {
                    break;
                }
                ia -= sa[j] * cs[j];
                ib -= sb[j] * cs[j];
                digit[j] = 0;
            }
        }
        return new Factor(vars, cs, values);
    }

    /** For each of {@code vars}, its stride in factor f (0 when f lacks it). */
    private static int[] strides(int[] vars, Factor f) {
        int[] out = new int[vars.length];
        int s = 1;
        int[] own = new int[f.vars().length];
        for (int j = f.vars().length - 1; j >= 0; j--) {
            own[j] = s;
            s *= f.cards()[j];
        }
        for (int j = 0; j < vars.length; j++) {
            int at = Arrays.binarySearch(f.vars(), vars[j]);
            out[j] = at >= 0 ? own[at] : 0;
        }
        return out;
    }

    private static Factor sumOut(Factor f, int v) {
        int at = Arrays.binarySearch(f.vars(), v);
        int m = f.vars().length;
        int[] vars = new int[m - 1];
        int[] cs = new int[m - 1];
        for (int j = 0, o = 0; j < m; j++) {
            if (j != at) {
                vars[o] = f.vars()[j];
                cs[o++] = f.cards()[j];
            }
        }
        int size = 1;
        for (int c : cs) {
            size *= c;
        }
        // stride in the result of each of f's variables (0 for the one summed out)
        int[] st = new int[m];
        int s = 1;
        for (int j = m - 1; j >= 0; j--) {
            if (j != at) {
                st[j] = s;
                s *= f.cards()[j];
            }
        }
        double[] values = new double[size];
        int[] digit = new int[m];
        int idx = 0;
        double[] in = f.values();
        for (int i = 0; i < in.length; i++) {
            values[idx] += in[i];
            for (int j = m - 1; j >= 0; j--) {
                idx += st[j];
                if (++digit[j] < f.cards()[j]) {
                    break;
                }
                idx -= st[j] * f.cards()[j];
                digit[j] = 0;
            }
        }
        return new Factor(vars, cs, values);
    }
}
