package org.deciban.inference.network;

import java.util.Arrays;

/**
 * One workspace of exact inference over a {@link JunctionTree}: findings, replaced tables, clique and
 * separator tables, and the result of the last propagation. Not thread-safe; make one per thread from
 * the same tree (the tree itself is shared and never changes). Nothing is allocated per propagation.
 *
 * <p><b>Findings.</b> A finding on variable V is a likelihood vector lambda(v) &gt;= 0 over its states;
 * the joint with findings is P(x, e) = prod_V P(x_V | x_pa(V)) prod_F lambda_F(x_{V_F}). A hard
 * finding (V observed in state s) is the indicator of s. {@link #setLogFinding} takes log lambda
 * (the sum over items of w_e log L'_e, design.md N1), subtracts its maximum M and keeps both
 * log lambda - M and exp(log lambda - M), so the vector's largest entry is 1, with M added back to log P(e).
 * Setting a finding replaces the variable's previous one; {@link #retract} removes it. Nothing is recompiled.
 *
 * <p><b>Tables.</b> {@link #setTable} replaces one variable's conditional table (for example a row
 * drawn from a Dirichlet, or the question's rows after a drift filter); only the initial table of the
 * clique holding its family is recomputed, once, at the next propagation, however many of its tables
 * changed. {@link #setLogTable} takes the table as log T (entries -infinity for 0), for tables whose entries
 * span more than the double range (the question's rows alpha_u under drift, design.md N4, whose sizes
 * P(dated findings | u) may differ by far more than e^745): the scaled pass gets exp(log T), the same doubles
 * {@link #setTable} would get, and the log-space pass adds log T itself. An entry
 * whose exp underflows (to 0 or to a subnormal) fails the scaled pass's bounds ("Range"), so the propagation
 * then runs in log space and that entry keeps its true size.
 *
 * <p><b>Propagation</b> (Hugin architecture, rescaled): the clique tables are reset to the initial
 * product, findings are multiplied into each variable's home clique, then
 * <ol>
 *   <li>collect, leaves to root: each clique's marginal on its separator, m = sum_{C \ S} phi_C, is
 *       divided by its sum s (log s added to log P(e)), stored as the separator table, and multiplied
 *       into the parent;</li>
 *   <li>at the root, the table's sum r gives log P(e) = sum log s + log r + sum M;</li>
 *   <li>distribute, root to leaves: the parent's marginal on the separator, normalised, divided by
 *       the stored separator table (0/0 = 0), is multiplied into the child.</li>
 * </ol>
 * Every clique table is then proportional to P(x_C, e), so any variable's posterior marginal is its
 * home clique's table summed to the variable and normalised. When P(e) = 0 (findings impossible
 * together) {@link #propagate} returns -infinity and no marginal is available.
 *
 * <p><b>Range.</b> One scale per table is not enough on its own: a finding (or message) whose entries
 * span more than the double range (exp(-708) relative to its largest, as two items of likelihood 1e-300 on
 * one state give) loses its small entries, and they may be the only ones the rest of the network allows
 * (the largest entry's state having prior 0): a false "impossible", or marginals from subnormal numbers.
 * So the scaled pass proves its own safety. It tracks, per clique, bounds as powers of two on the nonzero
 * entries (binary exponents: no log is taken): lo = the initial table's ({@link JunctionTree#initialLo}) +
 * floor(log2) of the smallest nonzero entry of every finding and message multiplied in (each at most 1, so
 * every partial product is at least 2^lo), and hi likewise from the largest entries; in the distribute
 * pass each child's bounds move by those of the nonzero ratios new/old, from the smallest nonzero entries
 * of new and of old (both at most 1). Each nonzero
 * message entry must come out a normal double. When every clique keeps lo &gt;= {@link #LOG2_FLOOR} and
 * hi + ceil(log2(size)) &lt;= {@link #LOG2_CEILING}, no product underflowed or overflowed: every nonzero
 * entry carries only rounding error relative to its size, and an entry 0 is an exact 0. Otherwise the
 * propagation is done again in log space: clique tables hold log phi (log P from the tables, log lambda - M
 * from the findings),
 * multiplications are additions and every marginalisation is a log-sum-exp shifted by the true maximum
 * of each separator entry (design.md step 3's rule), so no finding, message or product underflows whatever
 * its range, and log P(e) is the root's log-sum-exp plus sum M. The log-space pass costs an exp per
 * table entry and is taken only when the bounds fail (extreme evidence; hard findings on standard
 * networks never take it).
 */
public final class Propagation {

    /** Smallest bound, as a power of two, of a nonzero entry the scaled pass accepts: twice the least normal double. */
    static final int LOG2_FLOOR = Double.MIN_EXPONENT + 1;
    /** Largest bound, as a power of two, of a table's sum the scaled pass accepts: under half the largest double. */
    static final int LOG2_CEILING = Double.MAX_EXPONENT - 1;

    /** What the scaled pass returns when it cannot prove its range (NaN: never a log P(e) it computes). */
    private static final double OUT_OF_RANGE = Double.NaN;
    private static final double LN2 = Math.log(2);

    private final JunctionTree t;
    private final double[] pot;
    private final double[] sep;
    private final double[] msg;
    private final double[] findings;
    private final int[] findingOffset;
    private final boolean[] hasFinding;
    private final double[] findingScale;
    /** Per variable: log lambda - M of its finding (for the log-space pass). */
    private final double[] logFindings;
    /** Per variable: floor(log2) of the smallest nonzero entry of its scaled finding (at most 0). */
    private final double[] findingLo;
    /** Per clique: bounds (powers of two) of its initial table (the tree's, or of its replaced tables). */
    private final double[] initLo;
    private final double[] initHi;
    /** Per clique, during the scaled pass: bounds (powers of two) on its nonzero entries. */
    private final double[] lo;
    private final double[] hi;
    /** Per clique, during the scaled pass: the binary exponent of the smallest nonzero entry of its separator table. */
    private final int[] sepLeast;
    /** Scratch for the log-space pass, made on its first use. */
    private double[] scratch;
    /** Whether the last propagation was done in log space (clique tables hold logs). */
    private boolean logSpace;
    private final double[][] tables;
    /** Per variable: log T of a table set in log space ({@link #setLogTable}), else null. */
    private final double[][] logTables;
    private final boolean[] tableReplaced;
    private final double[][] cliqueOverride;
    /** Per clique: a table assigned to it was replaced or reset since its initial table was last computed. */
    private final boolean[] cliqueStale;
    private final int[] digit;
    private double logEvidence = Double.NaN;
    private boolean fresh;

    Propagation(JunctionTree tree) {
        this.t = tree;
        this.pot = new double[tree.total];
        this.sep = new double[Math.max(1, tree.sepTotal)];
        this.msg = new double[Math.max(tree.maxSep, max(tree.cards))];
        int[] off = new int[tree.n];
        int total = 0;
        for (int v = 0; v < tree.n; v++) {
            off[v] = total;
            total += tree.cards[v];
        }
        this.findings = new double[total];
        this.findingOffset = off;
        this.hasFinding = new boolean[tree.n];
        this.findingScale = new double[tree.n];
        this.logFindings = new double[total];
        this.findingLo = new double[tree.n];
        this.initLo = tree.initialLo.clone();
        this.initHi = tree.initialHi.clone();
        this.lo = new double[tree.vars.length];
        this.hi = new double[tree.vars.length];
        this.sepLeast = new int[tree.vars.length];
        this.tables = tree.tables.clone();
        this.logTables = new double[tree.n][];
        this.tableReplaced = new boolean[tree.n];
        this.cliqueOverride = new double[tree.vars.length][];
        this.cliqueStale = new boolean[tree.vars.length];
        this.digit = new int[Math.max(1, tree.maxWidth)];
    }

    private static int max(int[] xs) {
        int m = 1;
        for (int x : xs) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** The tree this workspace propagates over. */
    public JunctionTree tree() {
        return t;
    }

    /** Index of a variable id in the network, or -1. */
    public int indexOf(String variableId) {
        return t.network.indexOf(variableId);
    }

    /** Number of states of variable v. */
    public int states(int v) {
        return t.cards[v];
    }

    /**
     * Sets a soft finding on variable v: a likelihood lambda(s) &gt;= 0 per state (not all 0 is not
     * required: an all-zero finding makes P(e) = 0). Replaces any finding v had.
     */
    public void setFinding(int v, double[] lambda) {
        check(v, lambda);
        int k = t.cards[v];
        double max = 0;
        for (int s = 0; s < k; s++) {
            if (!(lambda[s] >= 0 && lambda[s] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("finding on variable " + v + " has entry " + lambda[s]
                        + "; allowed: finite numbers >= 0");
            }
            max = Math.max(max, lambda[s]);
        }
        int off = findingOffset[v];
        double logMax = max == 0 ? Double.NEGATIVE_INFINITY : Math.log(max);
        double least = 0;
        for (int s = 0; s < k; s++) {
            findings[off + s] = max == 0 ? 0 : lambda[s] / max;
            double x = lambda[s] == 0 ? Double.NEGATIVE_INFINITY : Math.log(lambda[s]) - logMax;
            logFindings[off + s] = x;
            if (x > Double.NEGATIVE_INFINITY) {
                least = Math.min(least, x);
            }
        }
        findingScale[v] = logMax;
        findingLo[v] = Math.floor(least / LN2);
        hasFinding[v] = true;
        fresh = false;
    }

    /**
     * Sets a soft finding on variable v from log likelihoods (entries -infinity allowed, +infinity and
     * NaN not), kept as exp(log lambda - max) with the max added to log P(e). Replaces any finding v had.
     */
    public void setLogFinding(int v, double[] logLambda) {
        check(v, logLambda);
        int k = t.cards[v];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < k; s++) {
            double x = logLambda[s];
            if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("log finding on variable " + v + " has entry " + x
                        + "; allowed: finite numbers or -infinity");
            }
            max = Math.max(max, x);
        }
        int off = findingOffset[v];
        double least = 0;
        for (int s = 0; s < k; s++) {
            double x = max == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : logLambda[s] - max;
            logFindings[off + s] = x;
            findings[off + s] = Math.exp(x);
            if (x > Double.NEGATIVE_INFINITY) {
                least = Math.min(least, x);
            }
        }
        findingScale[v] = max;
        findingLo[v] = Math.floor(least / LN2);
        hasFinding[v] = true;
        fresh = false;
    }

    /** Sets a hard finding: variable v observed in state s. Replaces any finding v had. */
    public void setState(int v, int s) {
        int k = t.cards[v];
        if (s < 0 || s >= k) {
            throw new IllegalArgumentException("state " + s + " of variable " + v + " is out of range 0.." + (k - 1));
        }
        int off = findingOffset[v];
        Arrays.fill(findings, off, off + k, 0);
        findings[off + s] = 1;
        Arrays.fill(logFindings, off, off + k, Double.NEGATIVE_INFINITY);
        logFindings[off + s] = 0;
        findingScale[v] = 0;
        findingLo[v] = 0;
        hasFinding[v] = true;
        fresh = false;
    }

    /** Removes the finding on variable v, if any. */
    public void retract(int v) {
        hasFinding[v] = false;
        fresh = false;
    }

    /** Removes every finding. */
    public void retractAll() {
        Arrays.fill(hasFinding, false);
        fresh = false;
    }

    /** Whether variable v has a finding. */
    public boolean hasFinding(int v) {
        return hasFinding[v];
    }

    /**
     * Replaces the conditional table of variable v (same shape as the network's, rows summing to 1;
     * the entries are copied). Only the initial table of the clique holding v's family is recomputed, at the
     * next propagation.
     */
    public void setTable(int v, double[] table) {
        t.checkTable(v, table);
        copyTable(v, table);
        logTables[v] = null;
        markStale(t.familyClique[v]);
    }

    /** The largest log a table entry may have: log of the largest double, so exp(log T) stays finite. */
    static final double LOG_TABLE_CEILING = Math.log(Double.MAX_VALUE);

    /**
     * Replaces the conditional table of variable v by T = exp(logTable) entrywise (same shape as the network's;
     * entries -infinity for T = 0, finite ones at most {@link #LOG_TABLE_CEILING}; the entries are copied).
     * Unlike {@link #setTable}, no entry is lost however far below the others it lies: the scaled pass multiplies
     * the doubles exp(log T) (identical to {@link #setTable} with those doubles whenever every nonzero one is a
     * normal double), and when some exp(log T) underflowed to 0 or to a subnormal, the bounds send the
     * propagation to the log-space pass, which adds log T as given (class comment, "Tables" and "Range").
     */
    public void setLogTable(int v, double[] logTable) {
        t.checkTable(v, logTable);
        double[] table = new double[logTable.length];
        for (int i = 0; i < logTable.length; i++) {
            double x = logTable[i];
            if (Double.isNaN(x) || x > LOG_TABLE_CEILING) {
                throw new IllegalArgumentException("log table of variable '" + t.network.variable(v).id()
                        + "' has entry " + x + " at " + i + "; allowed: -infinity or numbers up to " + LOG_TABLE_CEILING);
            }
            table[i] = Math.exp(x);
        }
        setTable(v, table, logTable);
    }

    /**
     * {@link #setLogTable} with the doubles of T computed by the caller: table[i] must be exp(logTable[i]) to
     * rounding (0 where that underflows; 0 exactly where logTable[i] = -infinity), so that a caller which forms
     * T as a product (alpha_u = f_u * exp(log c_u - max), design.md N4) enters the very doubles it entered
     * through {@link #setTable} when they are in range. Both arrays are copied.
     */
    void setTable(int v, double[] table, double[] logTable) {
        t.checkTable(v, table);
        t.checkTable(v, logTable);
        copyTable(v, table);
        if (logTables[v] == null) {
            logTables[v] = new double[logTable.length];
        }
        System.arraycopy(logTable, 0, logTables[v], 0, logTable.length);
        markStale(t.familyClique[v]);
    }

    private void copyTable(int v, double[] table) {
        if (!tableReplaced[v]) {
            tables[v] = new double[table.length];
            tableReplaced[v] = true;
        }
        System.arraycopy(table, 0, tables[v], 0, table.length);
    }

    /** Restores the network's own table of variable v. */
    public void resetTable(int v) {
        if (tableReplaced[v]) {
            tables[v] = t.tables[v];
            logTables[v] = null;
            tableReplaced[v] = false;
            markStale(t.familyClique[v]);
        }
    }

    /**
     * Marks the initial table of clique c as stale: it is recomputed once, at the next propagation, however many
     * of its tables are replaced before then (a Monte Carlo draw replaces every table of a family clique).
     */
    private void markStale(int c) {
        cliqueStale[c] = true;
        fresh = false;
    }

    /** Recomputes the initial tables (and their bounds) of the stale cliques. */
    private void refreshCliques() {
        for (int c = 0; c < cliqueStale.length; c++) {
            if (cliqueStale[c]) {
                refreshClique(c);
                cliqueStale[c] = false;
            }
        }
    }

    private void refreshClique(int c) {
        boolean any = false;
        for (int v : t.assigned[c]) {
            any |= tableReplaced[v];
        }
        if (!any) {
            cliqueOverride[c] = null;
            initLo[c] = t.initialLo[c];
            initHi[c] = t.initialHi[c];
        } else {
            if (cliqueOverride[c] == null) {
                cliqueOverride[c] = new double[t.size[c]];
            }
            t.cliqueInitial(c, tables, cliqueOverride[c], 0, digit);
            t.initialBounds(c, tables, logTables, initLo, initHi);
        }
    }

    private void check(int v, double[] vec) {
        if (vec.length != t.cards[v]) {
            throw new IllegalArgumentException("finding on variable '" + t.network.variable(v).id() + "' has "
                    + vec.length + " entries for " + t.cards[v] + " states");
        }
    }

    /**
     * Propagates the current findings and tables through the tree: the scaled pass, or the log-space pass
     * when the scaled one cannot prove that every entry stayed a normal double (class comment, "Range").
     *
     * @return log P(e), the log of the probability of the findings (0 with none); -infinity when the
     *         findings are impossible together, in which case no marginal can be read
     */
    public double propagate() {
        refreshCliques();
        double logZ = propagateScaled();
        return Double.isNaN(logZ) ? propagateLog() : logZ;
    }

    private boolean inRange(int c) {
        return lo[c] >= LOG2_FLOOR && hi[c] + t.log2Size[c] <= LOG2_CEILING;
    }

    /**
     * The scaled (Hugin) pass; {@link #OUT_OF_RANGE} when a bound shows that some entry may have left the
     * normal range, so that the log-space pass must decide.
     */
    private double propagateScaled() {
        JunctionTree tr = t;
        System.arraycopy(tr.initial, 0, pot, 0, tr.total);
        for (int c = 0; c < cliqueOverride.length; c++) {
            if (cliqueOverride[c] != null) {
                System.arraycopy(cliqueOverride[c], 0, pot, tr.offset[c], tr.size[c]);
            }
        }
        System.arraycopy(initLo, 0, lo, 0, lo.length);
        System.arraycopy(initHi, 0, hi, 0, hi.length);
        double logZ = 0;
        for (int v = 0; v < tr.n; v++) {
            if (hasFinding[v]) {
                logZ += findingScale[v];
                int h = tr.home[v];
                lo[h] += findingLo[v];
                CliqueKernels.multiplyVariable(pot, tr.offset[h], tr.size[h], tr.homeStride[v], tr.cards[v],
                        findings, findingOffset[v]);
            }
        }
        if (logZ == Double.NEGATIVE_INFINITY) {
            return fail();
        }
        int[] order = tr.preorder;
        // collect
        for (int i = order.length - 1; i >= 1; i--) {
            int c = order[i];
            if (!inRange(c)) {
                return OUT_OF_RANGE;
            }
            int p = tr.parent[c];
            int s = tr.sepSize[c];
            Arrays.fill(msg, 0, s, 0);
            int[] map = tr.childMap[c];
            int off = tr.offset[c];
            if (map != null) {
                for (int j = 0, size = tr.size[c]; j < size; j++) {
                    msg[map[j]] += pot[off + j];
                }
            } else {
                CliqueKernels.marginalize(pot, off, tr.size[c], tr.childWalk[c][0], tr.childWalk[c][1], msg, digit);
            }
            double sum = 0;
            double least = Double.POSITIVE_INFINITY;
            for (int j = 0; j < s; j++) {
                double x = msg[j];
                sum += x;
                if (x != 0 && x < least) {
                    least = x;
                }
            }
            if (!(sum > 0)) {
                return fail();
            }
            logZ += Math.log(sum);
            double inv = 1 / sum;
            // the smallest nonzero entry of the normalised message: no entry may become subnormal or 0
            least *= inv;
            if (least < Double.MIN_NORMAL) {
                return OUT_OF_RANGE;
            }
            sepLeast[c] = Math.getExponent(least);
            lo[p] += sepLeast[c];
            int so = tr.sepOffset[c];
            for (int j = 0; j < s; j++) {
                double x = msg[j] * inv;
                msg[j] = x;
                sep[so + j] = x;
            }
            multiplyInto(p, c);
        }
        int root = order[0];
        if (!inRange(root)) {
            return OUT_OF_RANGE;
        }
        double r = 0;
        for (int j = tr.offset[root], end = j + tr.size[root]; j < end; j++) {
            r += pot[j];
        }
        if (!(r > 0)) {
            return fail();
        }
        logZ += Math.log(r);
        // distribute
        for (int i = 1; i < order.length; i++) {
            int c = order[i];
            int p = tr.parent[c];
            int s = tr.sepSize[c];
            Arrays.fill(msg, 0, s, 0);
            int[] map = tr.parentMap[c];
            int off = tr.offset[p];
            if (map != null) {
                for (int j = 0, size = tr.size[p]; j < size; j++) {
                    msg[map[j]] += pot[off + j];
                }
            } else {
                CliqueKernels.marginalize(pot, off, tr.size[p], tr.parentWalk[c][0], tr.parentWalk[c][1], msg, digit);
            }
            double sum = 0;
            double smallest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < s; j++) {
                double x = msg[j];
                sum += x;
                if (x != 0 && x < smallest) {
                    smallest = x;
                }
            }
            double inv = 1 / sum;
            // no entry of the normalised marginal may become subnormal or 0
            if (!(sum > 0) || smallest * inv < Double.MIN_NORMAL) {
                return OUT_OF_RANGE;
            }
            // each nonzero ratio new/old lies in [2^(e(new) - 1), 2^(1 - e(old))], e the binary exponent of the
            // smallest nonzero entry, as new and old are at most 1 (to rounding)
            lo[c] += Math.getExponent(smallest * inv) - 1;
            hi[c] += 1 - sepLeast[c];
            if (!inRange(c)) {
                return OUT_OF_RANGE;
            }
            int so = tr.sepOffset[c];
            for (int j = 0; j < s; j++) {
                double old = sep[so + j];
                msg[j] = old == 0 ? 0 : msg[j] * inv / old;
            }
            int[] cmap = tr.childMap[c];
            int coff = tr.offset[c];
            if (cmap != null) {
                for (int j = 0, size = tr.size[c]; j < size; j++) {
                    pot[coff + j] *= msg[cmap[j]];
                }
            } else {
                CliqueKernels.multiply(pot, coff, tr.size[c], tr.childWalk[c][0], tr.childWalk[c][1], msg, digit);
            }
        }
        logEvidence = logZ;
        logSpace = false;
        fresh = true;
        return logZ;
    }

    /**
     * The log-space pass: clique tables hold log phi, messages are log-sum-exp marginals (not normalised:
     * logs need no scale), and the distribute pass adds new - old (with old = -infinity giving -infinity,
     * the 0/0 = 0 of the scaled pass). log P(e) = the root's log-sum-exp + sum M.
     */
    private double propagateLog() {
        JunctionTree tr = t;
        if (scratch == null) {
            scratch = new double[msg.length];
        }
        for (int c = 0; c < tr.vars.length; c++) {
            tr.cliqueLogInitial(c, tables, logTables, pot, tr.offset[c], digit);
        }
        double logZ = 0;
        for (int v = 0; v < tr.n; v++) {
            if (hasFinding[v]) {
                logZ += findingScale[v];
                int h = tr.home[v];
                CliqueKernels.addVariable(pot, tr.offset[h], tr.size[h], tr.homeStride[v], tr.cards[v],
                        logFindings, findingOffset[v]);
            }
        }
        if (logZ == Double.NEGATIVE_INFINITY) {
            return fail();
        }
        int[] order = tr.preorder;
        for (int i = order.length - 1; i >= 1; i--) {
            int c = order[i];
            int p = tr.parent[c];
            int s = tr.sepSize[c];
            int so = tr.sepOffset[c];
            int[][] walk = tr.childWalk[c];
            CliqueKernels.logMarginalize(pot, tr.offset[c], tr.size[c], walk[0], walk[1], sep, so, s, scratch, digit);
            System.arraycopy(sep, so, msg, 0, s);
            int[][] up = tr.parentWalk[c];
            CliqueKernels.add(pot, tr.offset[p], tr.size[p], up[0], up[1], msg, digit);
        }
        int root = order[0];
        double r = org.deciban.inference.LogSpace.logSumExp(pot, tr.offset[root], tr.offset[root] + tr.size[root]);
        if (r == Double.NEGATIVE_INFINITY) {
            return fail();
        }
        logZ += r;
        for (int i = 1; i < order.length; i++) {
            int c = order[i];
            int p = tr.parent[c];
            int s = tr.sepSize[c];
            int so = tr.sepOffset[c];
            int[][] down = tr.parentWalk[c];
            CliqueKernels.logMarginalize(pot, tr.offset[p], tr.size[p], down[0], down[1], msg, 0, s, scratch, digit);
            for (int j = 0; j < s; j++) {
                double old = sep[so + j];
                msg[j] = old == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : msg[j] - old;
            }
            int[][] walk = tr.childWalk[c];
            CliqueKernels.add(pot, tr.offset[c], tr.size[c], walk[0], walk[1], msg, digit);
        }
        logEvidence = logZ;
        logSpace = true;
        fresh = true;
        return logZ;
    }

    private void multiplyInto(int p, int c) {
        JunctionTree tr = t;
        int[] map = tr.parentMap[c];
        int off = tr.offset[p];
        if (map != null) {
            for (int j = 0, size = tr.size[p]; j < size; j++) {
                pot[off + j] *= msg[map[j]];
            }
        } else {
            CliqueKernels.multiply(pot, off, tr.size[p], tr.parentWalk[c][0], tr.parentWalk[c][1], msg, digit);
        }
    }

    private double fail() {
        logEvidence = Double.NEGATIVE_INFINITY;
        fresh = false;
        return logEvidence;
    }

    /** Whether the last propagation was done in log space (the scaled pass could not prove its range). */
    boolean lastPassInLogSpace() {
        return logSpace;
    }

    /** {@link #propagate} in log space whatever the bounds say, for tests that compare the two passes. */
    double propagateInLogSpace() {
        refreshCliques();
        return propagateLog();
    }

    /** log P(e) of the last propagation (NaN before the first). */
    public double logEvidence() {
        return logEvidence;
    }

    /**
     * The posterior marginal P(V = s | e) of variable v after the last propagation, into {@code out}
     * (at least as many entries as v has states).
     *
     * @throws IllegalStateException when findings or tables changed since the last propagation, or it
     *                               found P(e) = 0
     */
    public void marginal(int v, double[] out) {
        if (!fresh) {
            throw new IllegalStateException(logEvidence == Double.NEGATIVE_INFINITY
                    ? "the findings are impossible together (P(e) = 0): no marginal exists"
                    : "propagate() first: findings or tables changed since the last propagation");
        }
        JunctionTree tr = t;
        int h = tr.home[v];
        int k = tr.cards[v];
        if (logSpace) {
            CliqueKernels.logSumVariable(pot, tr.offset[h], tr.size[h], tr.homeStride[v], k, out, scratch);
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < k; s++) {
                max = Math.max(max, out[s]);
            }
            for (int s = 0; s < k; s++) {
                out[s] = Math.exp(out[s] - max);
            }
        } else {
            CliqueKernels.sumVariable(pot, tr.offset[h], tr.size[h], tr.homeStride[v], k, out);
        }
        double sum = 0;
        for (int s = 0; s < k; s++) {
            sum += out[s];
        }
        double inv = 1 / sum;
        for (int s = 0; s < k; s++) {
            out[s] *= inv;
        }
    }

    /** The posterior marginal of variable v as a new array. */
    public double[] marginal(int v) {
        double[] out = new double[t.cards[v]];
        marginal(v, out);
        return out;
    }
}
