package org.deciban.inference.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fill-reducing triangulation of a network's moral graph by greedy variable elimination, and the
 * maximal cliques it yields.
 *
 * <p>The moral graph joins every variable to its parents and the parents of each variable to one
 * another. Eliminating a variable v joins all its remaining neighbours pairwise (the fill-in) and
 * makes {v} + neighbours(v) an elimination clique of table size prod card. Two greedy orders are
 * tried and the one whose maximal cliques hold fewer table entries in total is kept:
 * <ul>
 *   <li>min-fill: the variable whose elimination adds the fewest edges, ties broken by the smaller
 *       clique table, then by the lower variable index;</li>
 *   <li>min-weight: the variable whose elimination clique has the smallest table, ties broken by
 *       fewer fill edges, then by the lower index.</li>
 * </ul>
 * Everything is deterministic: the same network always gives the same cliques. The maximal cliques of
 * the triangulated graph are the elimination cliques not contained in another (a clique formed when v
 * is eliminated can only lie inside one formed earlier, since it contains v).
 */
final class Triangulation {

    /**
     * The result of one elimination order.
     *
     * @param order      the elimination order
     * @param cliques    the maximal cliques, each a sorted array of variable indices, in elimination order
     * @param totalSize  sum of the clique table sizes (as a double: it may exceed a long for hopeless networks)
     * @param largest    index into cliques of the clique with the largest table
     * @param largestSize its table size
     */
    record Result(int[] order, List<int[]> cliques, double totalSize, int largest, double largestSize) {
    }

    private Triangulation() {
    }

    /**
     * The better of the min-fill and min-weight triangulations of the moral graph of a network.
     *
     * @param cards   number of states of each variable
     * @param parents parent indices of each variable
     */
    static Result best(int[] cards, int[][] parents) {
        long[][] moral = moralGraph(cards.length, parents);
        Result fill = eliminate(cards, moral, true);
        Result weight = eliminate(cards, moral, false);
        return weight.totalSize() < fill.totalSize() ? weight : fill;
    }

    static long[][] moralGraph(int n, int[][] parents) {
        int words = (n + 63) >>> 6;
        long[][] adj = new long[n][words];
        for (int v = 0; v < n; v++) {
            int[] ps = parents[v];
            for (int i = 0; i < ps.length; i++) {
                link(adj, v, ps[i]);
                for (int j = i + 1; j < ps.length; j++) {
                    link(adj, ps[i], ps[j]);
                }
            }
        }
        return adj;
    }

    private static void link(long[][] adj, int a, int b) {
        adj[a][b >>> 6] |= 1L << b;
        adj[b][a >>> 6] |= 1L << a;
    }

    private static boolean has(long[] set, int i) {
        return (set[i >>> 6] & (1L << i)) != 0;
    }

    static Result eliminate(int[] cards, long[][] moral, boolean minFill) {
        int n = cards.length;
        int words = moral.length == 0 ? 0 : moral[0].length;
        long[][] adj = new long[n][];
        for (int v = 0; v < n; v++) {
            adj[v] = moral[v].clone();
        }
        double[] logCard = new double[n];
        for (int v = 0; v < n; v++) {
            logCard[v] = Math.log(cards[v]);
        }
        long[] fill = new long[n];
        double[] weight = new double[n];
        for (int v = 0; v < n; v++) {
            fill[v] = fillIn(adj, v, words);
            weight[v] = cliqueWeight(adj[v], v, logCard);
        }
        boolean[] gone = new boolean[n];
        int[] order = new int[n];
        List<int[]> candidates = new ArrayList<>(n);
        List<long[]> candidateSets = new ArrayList<>(n);
        long[] affected = new long[words];
        for (int step = 0; step < n; step++) {
            int best = -1;
            for (int v = 0; v < n; v++) {
                if (!gone[v] && (best < 0 || better(v, best, fill, weight, minFill))) {
                    best = v;
                }
            }
            int v = best;
            order[step] = v;
            long[] nb = adj[v].clone();
            long[] clique = nb.clone();
            clique[v >>> 6] |= 1L << v;
            candidateSets.add(clique);
            candidates.add(members(clique));
            Arrays.fill(affected, 0);
            for (int a = nextBit(nb, 0); a >= 0; a = nextBit(nb, a + 1)) {
                long[] row = adj[a];
                for (int w = 0; w < words; w++) {
                    row[w] |= nb[w];
                }
                row[a >>> 6] &= ~(1L << a);
                row[v >>> 6] &= ~(1L << v);
                for (int w = 0; w < words; w++) {
                    affected[w] |= row[w];
                }
                affected[a >>> 6] |= 1L << a;
            }
            gone[v] = true;
            affected[v >>> 6] &= ~(1L << v);
            for (int u = nextBit(affected, 0); u >= 0; u = nextBit(affected, u + 1)) {
                fill[u] = fillIn(adj, u, words);
                weight[u] = cliqueWeight(adj[u], u, logCard);
            }
        }
        // keep the maximal elimination cliques: candidate i is contained only in an earlier one
        List<int[]> cliques = new ArrayList<>();
        double total = 0;
        int largest = 0;
        double largestSize = -1;
        for (int i = 0; i < candidates.size(); i++) {
            long[] ci = candidateSets.get(i);
            boolean contained = false;
            for (int j = 0; j < i && !contained; j++) {
                contained = subset(ci, candidateSets.get(j));
            }
            if (!contained) {
                int[] members = candidates.get(i);
                double size = 1;
                for (int m : members) {
                    size *= cards[m];
                }
                if (size > largestSize) {
                    largestSize = size;
                    largest = cliques.size();
                }
                total += size;
                cliques.add(members);
            }
        }
        return new Result(order, cliques, total, largest, largestSize);
    }

    private static boolean better(int v, int best, long[] fill, double[] weight, boolean minFill) {
        if (minFill) {
            if (fill[v] != fill[best]) {
                return fill[v] < fill[best];
            }
            return weight[v] < weight[best];
        }
        if (weight[v] != weight[best]) {
            return weight[v] < weight[best];
        }
        return fill[v] < fill[best];
    }

    /** Number of pairs of neighbours of u that are not yet joined. */
    private static long fillIn(long[][] adj, int u, int words) {
        long[] nb = adj[u];
        long missing = 0;
        for (int a = nextBit(nb, 0); a >= 0; a = nextBit(nb, a + 1)) {
            long[] na = adj[a];
            for (int w = 0; w < words; w++) {
                missing += Long.bitCount(nb[w] & ~na[w]);
            }
            missing--; // a itself is in nb and not in na
        }
        return missing / 2;
    }

    private static double cliqueWeight(long[] nb, int u, double[] logCard) {
        double w = logCard[u];
        for (int a = nextBit(nb, 0); a >= 0; a = nextBit(nb, a + 1)) {
            w += logCard[a];
        }
        return w;
    }

    private static boolean subset(long[] a, long[] b) {
        for (int w = 0; w < a.length; w++) {
            if ((a[w] & ~b[w]) != 0) {
                return false;
            }
        }
        return true;
    }

    static int[] members(long[] set) {
        int count = 0;
        for (long w : set) {
            count += Long.bitCount(w);
        }
        int[] out = new int[count];
        int i = 0;
        for (int b = nextBit(set, 0); b >= 0; b = nextBit(set, b + 1)) {
            out[i++] = b;
        }
        return out;
    }

    static int nextBit(long[] set, int from) {
        int w = from >>> 6;
        if (w >= set.length) {
            return -1;
        }
        long word = set[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == set.length) {
                return -1;
            }
            word = set[w];
        }
    }
}
