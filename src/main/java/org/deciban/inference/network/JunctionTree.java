package org.deciban.inference.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deciban.model.ConditionalTable;
import org.deciban.model.Network;
import org.deciban.model.Settings;

/**
 * A network compiled for exact inference (design.md N6): a junction tree of the cliques of a fill-reducing
 * triangulation ({@link Triangulation}), with every index the propagation needs computed once.
 *
 * <p>What is compiled here never changes and is shared by every {@link Propagation} made from it, on
 * any number of threads: the cliques (each a flat table over its variables, the last varying fastest),
 * the tree (each clique but the root has a parent and a separator, their shared variables), the index
 * maps from clique entries to separator entries (stored for cliques of at most {@link #MAP_LIMIT}
 * entries, walked by an odometer beyond), the clique that holds each variable's family (where its
 * conditional table is multiplied in, through a stored index map when the clique is small) and the smallest clique holding each variable (where its
 * findings enter and its marginal is read), and the initial clique tables: the product of the
 * conditional tables assigned to each clique, so that the product of all clique tables is the joint
 * P(x) = prod_V P(x_V | x_pa(V)).
 *
 * <p>A clique table over more than {@code settings.max_clique} doubles is refused with its variables
 * and size ({@link CliqueTooLargeException}).
 */
public final class JunctionTree {

    /**
     * Cliques of at most this many entries get stored index maps (a plain array lookup per entry, the
     * fastest walk for small cliques), while {@link #MAP_BUDGET} lasts; larger ones are walked by
     * odometer over {@link CliqueKernels#compress compressed} dimensions.
     */
    static final int MAP_LIMIT = 1 << 18;
    /**
     * Family cliques of at most this many entries get stored maps into each assigned conditional table
     * ({@link #familyMap}): small cliques, where the odometer's short inner loops cost most.
     */
    static final int FAMILY_MAP_LIMIT = 1 << 12;
    /** Most index-map entries stored for one tree (2^24 ints, 64 MiB). */
    static final long MAP_BUDGET = 1L << 24;

    final Network network;
    final int n;
    final int[] cards;
    final int[][] vars;
    final int[][] cliqueCards;
    final int[] size;
    final int[] offset;
    final int total;
    final int[] parent;
    /** Cliques from the root down: every clique after its parent. */
    final int[] preorder;
    final int[] sepSize;
    final int[] sepOffset;
    final int sepTotal;
    final int maxSep;
    final int maxWidth;
    /** Per clique c (not the root): stride in c's separator of each of c's variables (0 when absent). */
    final int[][] sepStrideInChild;
    /** Per clique c (not the root): stride in c's separator of each variable of c's parent. */
    final int[][] sepStrideInParent;
    /** Per clique c (not the root): {@link CliqueKernels#compress compressed} cards and strides of the walk over c to its separator. */
    final int[][][] childWalk;
    /** Per clique c (not the root): compressed cards and strides of the walk over c's parent to c's separator. */
    final int[][][] parentWalk;
    /** Per clique c: separator index of each of c's entries, or null when c is walked by odometer. */
    final int[][] childMap;
    /** Per clique c: separator index of each entry of c's parent, or null when the parent is walked by odometer. */
    final int[][] parentMap;
    /** Per variable: its smallest clique, where findings enter and marginals are read. */
    final int[] home;
    /** Per variable: its stride in its home clique. */
    final int[] homeStride;
    /** Per variable: the clique that holds its family. */
    final int[] familyClique;
    /** Per variable: the stride, in its conditional table, of each variable of its family clique. */
    final int[][] familyStrides;
    /**
     * Per variable: the index in its conditional table of each entry of its family clique, or null when that
     * clique is walked by odometer (large cliques, or the map budget spent). A Monte Carlo draw that replaces
     * the tables recomputes the clique's initial table by these plain lookups.
     */
    final int[][] familyMap;
    /** Per clique: the variables whose conditional tables are multiplied into it. */
    final int[][] assigned;
    /** The conditional tables, flat, as in the network. */
    final double[][] tables;
    /** The initial clique tables, the product of the assigned conditional tables. */
    final double[] initial;
    /**
     * Per clique: bounds, as powers of two, on the initial table and every partial product of it
     * ({@link #initialBounds}): each nonzero entry is at least 2^initialLo[c] and at most 2^initialHi[c].
     */
    final double[] initialLo;
    /** Per clique: see {@link #initialLo}. */
    final double[] initialHi;
    /** Per clique: ceil(log2(size)), so a sum of its entries is at most 2^(hi + log2Size) when each is at most 2^hi. */
    final int[] log2Size;

    private JunctionTree(Network network, List<int[]> cliques, long maxClique) {
        this.network = network;
        this.n = network.size();
        this.cards = new int[n];
        int[][] parents = new int[n][];
        for (int v = 0; v < n; v++) {
            cards[v] = network.states(v);
            parents[v] = network.parents(v);
        }
        int m = cliques.size();
        vars = cliques.toArray(new int[0][]);
        cliqueCards = new int[m][];
        size = new int[m];
        offset = new int[m];
        long t = 0;
        int width = 0;
        for (int c = 0; c < m; c++) {
            cliqueCards[c] = new int[vars[c].length];
            long s = 1;
            for (int j = 0; j < vars[c].length; j++) {
                cliqueCards[c][j] = cards[vars[c][j]];
                s *= cards[vars[c][j]];
            }
            size[c] = (int) s;
            offset[c] = (int) t;
            t += s;
            width = Math.max(width, vars[c].length);
            if (t > Integer.MAX_VALUE - 16) {
                throw new CliqueTooLargeException(names(network, vars[c]), s, maxClique);
            }
        }
        total = (int) t;
        maxWidth = width;
        // tree: Prim's maximum spanning tree on |intersection| from clique 0; ties to the lower index
        parent = new int[m];
        preorder = new int[m];
        spanningTree();
        sepSize = new int[m];
        sepOffset = new int[m];
        sepStrideInChild = new int[m][];
        sepStrideInParent = new int[m][];
        childMap = new int[m][];
        parentMap = new int[m][];
        childWalk = new int[m][][];
        parentWalk = new int[m][][];
        int st = 0;
        int ms = 1;
        long mapped = 0;
        for (int c = 0; c < m; c++) {
            if (parent[c] < 0) {
                continue;
            }
            int[] sep = intersect(vars[c], vars[parent[c]]);
            int[] sepStride = strides(sep);
            int s = 1;
            for (int v : sep) {
                s *= cards[v];
            }
            sepSize[c] = s;
            sepOffset[c] = st;
            st += s;
            ms = Math.max(ms, s);
            sepStrideInChild[c] = stridesIn(vars[c], sep, sepStride);
            sepStrideInParent[c] = stridesIn(vars[parent[c]], sep, sepStride);
            childWalk[c] = CliqueKernels.compress(cliqueCards[c], sepStrideInChild[c]);
            parentWalk[c] = CliqueKernels.compress(cliqueCards[parent[c]], sepStrideInParent[c]);
            if (size[c] <= MAP_LIMIT && mapped + size[c] <= MAP_BUDGET) {
                childMap[c] = new int[size[c]];
                CliqueKernels.fillIndex(cliqueCards[c], sepStrideInChild[c], childMap[c]);
                mapped += size[c];
            }
            if (size[parent[c]] <= MAP_LIMIT && mapped + size[parent[c]] <= MAP_BUDGET) {
                parentMap[c] = new int[size[parent[c]]];
                CliqueKernels.fillIndex(cliqueCards[parent[c]], sepStrideInParent[c], parentMap[c]);
                mapped += size[parent[c]];
            }
        }
        sepTotal = st;
        maxSep = ms;
        // homes and families
        home = new int[n];
        homeStride = new int[n];
        familyClique = new int[n];
        familyStrides = new int[n][];
        List<List<Integer>> assign = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            assign.add(new ArrayList<>());
        }
        tables = new double[n][];
        familyMap = new int[n][];
        for (int v = 0; v < n; v++) {
            home[v] = smallestHolding(new int[] {v});
            homeStride[v] = strideOf(home[v], v);
            int[] family = new int[parents[v].length + 1];
            System.arraycopy(parents[v], 0, family, 0, parents[v].length);
            family[parents[v].length] = v;
            int c = smallestHolding(family);
            familyClique[v] = c;
            assign.get(c).add(v);
            // conditional table index: row(u) * card_v + state; the last parent fastest within the row
            int[] famStride = new int[n];
            int stride = cards[v];
            famStride[v] = 1;
            for (int i = parents[v].length - 1; i >= 0; i--) {
                famStride[parents[v][i]] = stride;
                stride *= cards[parents[v][i]];
            }
            familyStrides[v] = new int[vars[c].length];
            for (int j = 0; j < vars[c].length; j++) {
                familyStrides[v][j] = famStride[vars[c][j]];
            }
            tables[v] = network.variable(v).table().toArray();
            if (size[c] <= FAMILY_MAP_LIMIT && mapped + size[c] <= MAP_BUDGET) {
                familyMap[v] = new int[size[c]];
                CliqueKernels.fillIndex(cliqueCards[c], familyStrides[v], familyMap[v]);
                mapped += size[c];
            }
        }
        assigned = new int[m][];
        for (int c = 0; c < m; c++) {
            List<Integer> vs = assign.get(c);
            assigned[c] = new int[vs.size()];
            for (int i = 0; i < vs.size(); i++) {
                assigned[c][i] = vs.get(i);
            }
        }
        initial = new double[total];
        int[] digit = new int[Math.max(1, maxWidth)];
        initialLo = new double[m];
        initialHi = new double[m];
        log2Size = new int[m];
        for (int c = 0; c < m; c++) {
            log2Size[c] = 32 - Integer.numberOfLeadingZeros(size[c] - 1);
            cliqueInitial(c, tables, initial, offset[c], digit);
            initialBounds(c, tables, null, initialLo, initialHi);
        }
    }

    /**
     * Compiles a network.
     *
     * @param maxClique the largest clique table allowed, in doubles ({@code settings.max_clique})
     * @throws CliqueTooLargeException when the triangulation needs a larger clique
     */
    public static JunctionTree compile(Network network, long maxClique) {
        int n = network.size();
        int[] cards = new int[n];
        int[][] parents = new int[n][];
        for (int v = 0; v < n; v++) {
            cards[v] = network.states(v);
            parents[v] = network.parents(v);
        }
        Triangulation.Result tri = Triangulation.best(cards, parents);
        if (tri.largestSize() > maxClique) {
            throw new CliqueTooLargeException(names(network, tri.cliques().get(tri.largest())), tri.largestSize(), maxClique);
        }
        return new JunctionTree(network, tri.cliques(), maxClique);
    }

    /** Compiles a network with the default limit, {@link Settings#DEFAULT_MAX_CLIQUE}. */
    public static JunctionTree compile(Network network) {
        return compile(network, Settings.DEFAULT_MAX_CLIQUE);
    }

    /** A new workspace for propagations over this tree; one per thread. */
    public Propagation newPropagation() {
        return new Propagation(this);
    }

    /** The network compiled. */
    public Network network() {
        return network;
    }

    /** Number of cliques. */
    public int cliques() {
        return vars.length;
    }

    /** Total entries of all clique tables (one workspace holds this many doubles, plus separators). */
    public long tableEntries() {
        return total;
    }

    /** Entries of the largest clique table. */
    public int largestClique() {
        int max = 0;
        for (int s : size) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** Multiplies the conditional tables assigned to clique c (from {@code tabs}) into {@code dst} at {@code off}. */
    void cliqueInitial(int c, double[][] tabs, double[] dst, int off, int[] digit) {
        Arrays.fill(dst, off, off + size[c], 1.0);
        for (int v : assigned[c]) {
            int[] map = familyMap[v];
            if (map == null) {
                CliqueKernels.multiply(dst, off, size[c], cliqueCards[c], familyStrides[v], tabs[v], digit);
            } else {
                double[] tab = tabs[v];
                for (int i = 0; i < map.length; i++) {
                    dst[off + i] *= tab[map[i]];
                }
            }
        }
    }

    /**
     * Log-space {@link #cliqueInitial}: dst at off gets sum_V log P(x_V | x_pa(V)) over the tables assigned to
     * clique c, with log 0 = -infinity; exact whatever the size of the product. A table given in log space
     * ({@code logTabs[v]} not null, see {@link Propagation#setLogTable}) is added as it is, so entries whose
     * exp underflows in {@code tabs[v]} keep their true logs; {@code logTabs} may be null (none given so).
     */
    void cliqueLogInitial(int c, double[][] tabs, double[][] logTabs, double[] dst, int off, int[] digit) {
        Arrays.fill(dst, off, off + size[c], 0.0);
        for (int v : assigned[c]) {
            if (logTabs != null && logTabs[v] != null) {
                CliqueKernels.add(dst, off, size[c], cliqueCards[c], familyStrides[v], logTabs[v], digit);
            } else {
                CliqueKernels.addLog(dst, off, size[c], cliqueCards[c], familyStrides[v], tabs[v], digit);
            }
        }
    }

    /**
     * Bounds on clique c's initial table and on every partial product of it as {@link #cliqueInitial}
     * forms it, as powers of two: lo[c] = sum_V min(0, floorLog2(smallest nonzero entry of T_V)) and
     * hi[c] = sum_V of ceilLog2(largest entry of T_V) where that exceeds 1 (else 0), over the tables T_V
     * assigned to c, so every nonzero entry (and every partial product) lies in [2^lo[c], 2^hi[c]]. The
     * scaled propagation uses them to prove that no product left the double range ({@link Propagation}).
     *
     * <p>A table given in log space ({@code logTabs[v]} not null; {@code logTabs} may be null) may hold entries
     * whose true value exp(logTabs[v][i]) is above 0 but whose double tabs[v][i] = exp(logTabs[v][i]) underflowed
     * to 0 or to a subnormal. Such an entry counts as smaller than every normal double (2^-1075, as
     * {@link #floorLog2} gives a subnormal), so lo[c] falls below {@link Propagation#LOG2_FLOOR} and the scaled
     * pass hands the propagation to the log-space pass, which adds the true logs ({@link #cliqueLogInitial}).
     * With no entry lost, the bounds are those of tabs[v] alone, as for a table given in linear space.
     */
    void initialBounds(int c, double[][] tabs, double[][] logTabs, double[] lo, double[] hi) {
        double l = 0;
        double h = 0;
        for (int v : assigned[c]) {
            double min = Double.POSITIVE_INFINITY;
            double max = 0;
            double[] logs = logTabs == null ? null : logTabs[v];
            double[] tab = tabs[v];
            for (int i = 0; i < tab.length; i++) {
                double x = tab[i];
                if (x > 0 && x < min) {
                    min = x;
                } else if (x == 0 && logs != null && logs[i] > Double.NEGATIVE_INFINITY) {
                    min = Double.MIN_VALUE;
                }
                if (x > max) {
                    max = x;
                }
            }
            if (min < Double.POSITIVE_INFINITY) {
                l += Math.min(0, floorLog2(min));
                h += max > 1 ? ceilLog2(max) : 0;
            }
        }
        lo[c] = l;
        hi[c] = h;
    }

    /**
     * An integer k with 2^k &lt;= x, for finite x &gt; 0: the binary exponent of a normal x, and -1075 (below
     * every double above 0) for a subnormal one.
     */
    static int floorLog2(double x) {
        return x >= Double.MIN_NORMAL ? Math.getExponent(x) : -1075;
    }

    /** An integer k with x &lt; 2^k, for finite x &gt; 0. */
    static int ceilLog2(double x) {
        return Math.max(Math.getExponent(x), Double.MIN_EXPONENT) + 1;
    }

    private void spanningTree() {
        int m = vars.length;
        long[][] sets = new long[m][];
        int words = (n + 63) >>> 6;
        for (int c = 0; c < m; c++) {
            sets[c] = new long[words];
            for (int v : vars[c]) {
                sets[c][v >>> 6] |= 1L << v;
            }
        }
        boolean[] in = new boolean[m];
        int[] bestWeight = new int[m];
        int[] bestFrom = new int[m];
        Arrays.fill(bestWeight, -1);
        Arrays.fill(parent, -1);
        int placed = 0;
        int next = 0;
        while (placed < m) {
            int c = next;
            in[c] = true;
            preorder[placed++] = c;
            if (placed == m) {
                break;
            }
            next = -1;
            for (int d = 0; d < m; d++) {
                if (in[d]) {
                    continue;
                }
                int w = 0;
                for (int x = 0; x < words; x++) {
                    w += Long.bitCount(sets[c][x] & sets[d][x]);
                }
                if (w > bestWeight[d]) {
                    bestWeight[d] = w;
                    bestFrom[d] = c;
                }
                if (next < 0 || bestWeight[d] > bestWeight[next]) {
                    next = d;
                }
            }
            parent[next] = bestFrom[next];
        }
        // Prim's order places every clique after its parent: it is a preorder of the tree
    }

    private int smallestHolding(int[] family) {
        int best = -1;
        for (int c = 0; c < vars.length; c++) {
            if ((best < 0 || size[c] < size[best]) && containsAll(vars[c], family)) {
                best = c;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no clique holds the family " + Arrays.toString(family));
        }
        return best;
    }

    private static boolean containsAll(int[] sorted, int[] xs) {
        for (int x : xs) {
            if (Arrays.binarySearch(sorted, x) < 0) {
                return false;
            }
        }
        return true;
    }

    private int strideOf(int c, int v) {
        int stride = 1;
        for (int j = vars[c].length - 1; j >= 0; j--) {
            if (vars[c][j] == v) {
                return stride;
            }
            stride *= cliqueCards[c][j];
        }
        throw new IllegalStateException("variable " + v + " is not in clique " + c);
    }

    private static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int k = 0;
        for (int x : a) {
            if (Arrays.binarySearch(b, x) >= 0) {
                out[k++] = x;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Strides of a table over sorted variables {@code vs}, the last fastest. */
    private int[] strides(int[] vs) {
        int[] out = new int[vs.length];
        int s = 1;
        for (int j = vs.length - 1; j >= 0; j--) {
            out[j] = s;
            s *= cards[vs[j]];
        }
        return out;
    }

    /** For each variable of a clique, its stride in a table over {@code sub} (0 when absent). */
    private static int[] stridesIn(int[] clique, int[] sub, int[] subStrides) {
        int[] out = new int[clique.length];
        for (int j = 0; j < clique.length; j++) {
            int at = Arrays.binarySearch(sub, clique[j]);
            out[j] = at >= 0 ? subStrides[at] : 0;
        }
        return out;
    }

    private static List<String> names(Network network, int[] vs) {
        List<String> out = new ArrayList<>();
        for (int v : vs) {
            out.add(network.variable(v).id());
        }
        return out;
    }

    /** Checks a replacement table's shape for variable v. */
    void checkTable(int v, double[] table) {
        ConditionalTable t = network.variable(v).table();
        if (table.length != t.size()) {
            throw new IllegalArgumentException("variable '" + network.variable(v).id() + "' has a table of "
                    + t.size() + " entries, not " + table.length);
        }
    }
}
