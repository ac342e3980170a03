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
 * (the sum over items of w_e log L'_e, design.md N1), subtracts its maximum M and keeps exp(log lambda - M),
 * so the vector's largest entry is 1, with M added back to log P(e): thousands of items on one variable
 * neither underflow nor lose precision. Setting a finding replaces the variable's previous one;
 * {@link #retract} removes it. Nothing is recompiled.
 *
 * <p><b>Tables.</b> {@link #setTable} replaces one variable's conditional table (for example a row
 * drawn from a Dirichlet, or the question's rows after a drift filter); only the initial table of the
 * clique holding its family is recomputed.
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
 * home clique's table summed to the variable and normalised. Every message sums to 1 before it is
 * multiplied in, so no product of many small numbers underflows, and log P(e) is the sum of exactly
 * accumulated logs. When P(e) = 0 (findings impossible together) {@link #propagate} returns
 * -infinity and no marginal is available.
 */
public final class Propagation {

    private final JunctionTree t;
    private final double[] pot;
    private final double[] sep;
    private final double[] msg;
    private final double[] findings;
    private final int[] findingOffset;
    private final boolean[] hasFinding;
    private final double[] findingScale;
    private final double[][] tables;
    private final boolean[] tableReplaced;
    private final double[][] cliqueOverride;
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
        this.tables = tree.tables.clone();
        this.tableReplaced = new boolean[tree.n];
        this.cliqueOverride = new double[tree.vars.length][];
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
        for (int s = 0; s < k; s++) {
            findings[off + s] = max == 0 ? 0 : lambda[s] / max;
        }
        findingScale[v] = max == 0 ? Double.NEGATIVE_INFINITY : Math.log(max);
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
        for (int s = 0; s < k; s++) {
            findings[off + s] = max == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logLambda[s] - max);
        }
        findingScale[v] = max;
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
        findingScale[v] = 0;
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
     * the entries are copied). Only the initial table of the clique holding v's family is recomputed.
     */
    public void setTable(int v, double[] table) {
        t.checkTable(v, table);
        if (!tableReplaced[v]) {
            tables[v] = new double[table.length];
            tableReplaced[v] = true;
        }
        System.arraycopy(table, 0, tables[v], 0, table.length);
        recomputeClique(t.familyClique[v]);
    }

    /** Restores the network's own table of variable v. */
    public void resetTable(int v) {
        if (tableReplaced[v]) {
            tables[v] = t.tables[v];
            tableReplaced[v] = false;
            recomputeClique(t.familyClique[v]);
        }
    }

    private void recomputeClique(int c) {
        boolean any = false;
        for (int v : t.assigned[c]) {
            any |= tableReplaced[v];
        }
        if (!any) {
            cliqueOverride[c] = null;
        } else {
            if (cliqueOverride[c] == null) {
                cliqueOverride[c] = new double[t.size[c]];
            }
            t.cliqueInitial(c, tables, cliqueOverride[c], 0, digit);
        }
        fresh = false;
    }

    private void check(int v, double[] vec) {
        if (vec.length != t.cards[v]) {
            throw new IllegalArgumentException("finding on variable '" + t.network.variable(v).id() + "' has "
                    + vec.length + " entries for " + t.cards[v] + " states");
        }
    }

    /**
     * Propagates the current findings and tables through the tree.
     *
     * @return log P(e), the log of the probability of the findings (0 with none); -infinity when the
     *         findings are impossible together, in which case no marginal can be read
     */
    public double propagate() {
        JunctionTree tr = t;
        System.arraycopy(tr.initial, 0, pot, 0, tr.total);
        for (int c = 0; c < cliqueOverride.length; c++) {
            if (cliqueOverride[c] != null) {
                System.arraycopy(cliqueOverride[c], 0, pot, tr.offset[c], tr.size[c]);
            }
        }
        double logZ = 0;
        for (int v = 0; v < tr.n; v++) {
            if (hasFinding[v]) {
                logZ += findingScale[v];
                int h = tr.home[v];
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
            for (int j = 0; j < s; j++) {
                sum += msg[j];
            }
            if (!(sum > 0)) {
                return fail();
            }
            logZ += Math.log(sum);
            double inv = 1 / sum;
            int so = tr.sepOffset[c];
            for (int j = 0; j < s; j++) {
                double x = msg[j] * inv;
                msg[j] = x;
                sep[so + j] = x;
            }
            multiplyInto(p, c);
        }
        int root = order[0];
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
            for (int j = 0; j < s; j++) {
                sum += msg[j];
            }
            double inv = 1 / sum;
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
        CliqueKernels.sumVariable(pot, tr.offset[h], tr.size[h], tr.homeStride[v], k, out);
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
