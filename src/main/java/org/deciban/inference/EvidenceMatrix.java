package org.deciban.inference;

import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * A case's evidence in flat primitive arrays, for the engines' hot loops.
 *
 * <p>Row e, column k of {@link #likelihoods} is the stated L_e(k); the effective likelihood as it
 * enters the posterior is {@link #effective}: L'(k) = r L(k) + (1 - r) mean_j L(j), replaced by
 * 1 - L'(k) when the item is recorded as absent. The arrays are private copies and never change.
 */
public final class EvidenceMatrix implements PosteriorKernel {

    private final int hypotheses;
    private final int items;
    private final double[] likelihoods;
    private final double[] reliability;
    private final double[] weight;
    private final boolean[] observed;
    private final double[] logPrior;
    /**
     * Items taken at face value (r = 1, observed, w = 1): their effective likelihood is the table
     * entry itself (r L + (1 - r) mean = L exactly when r = 1, and 1 * log L = log L), so the kernel
     * skips the reliability mixing and the weight for them with bit-identical results.
     */
    private final boolean[] plain;

    /**
     * 2^-255: a face-value factor at least this enters the running product; a smaller one (including 0)
     * goes through its own log.
     */
    static final double BLOCK_FLOOR = 0x1p-255;
    /**
     * 2^-700: a running product that falls below this is rescaled exactly by a power of two into [1, 2).
     * Before each multiplication it is therefore at least 2^-700, and after it at least
     * 2^-700 * 2^-255 = 2^-955, a normal double: it neither underflows nor loses precision to subnormals.
     */
    static final double RESCALE_BELOW = 0x1p-700;
    /** ln 2 in two parts (fdlibm's): LN2_HI has 21 trailing zero bits, so e * LN2_HI is exact for |e| &lt; 2^21. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private EvidenceMatrix(int hypotheses, int items, double[] likelihoods, double[] reliability,
                           double[] weight, boolean[] observed, double[] logPrior) {
        this.hypotheses = hypotheses;
        this.items = items;
        this.likelihoods = likelihoods;
        this.reliability = reliability;
        this.weight = weight;
        this.observed = observed;
        this.logPrior = logPrior;
        this.plain = new boolean[items];
        for (int e = 0; e < items; e++) {
            plain[e] = reliability[e] == 1 && observed[e] && weight[e] == 1;
        }
    }

    /**
     * Compiles a case.
     *
     * @throws ImpossibleEvidenceException when an item's effective likelihood is 0 under every hypothesis
     */
    public static EvidenceMatrix of(Case c) {
        List<EvidenceItem> evidence = c.evidence();
        int k = c.size();
        int n = evidence.size();
        double[] l = new double[Math.multiplyExact(n, k)];
        double[] r = new double[n];
        boolean[] obs = new boolean[n];
        for (int e = 0; e < n; e++) {
            EvidenceItem item = evidence.get(e);
            for (int h = 0; h < k; h++) {
                l[e * k + h] = item.likelihoods().get(h);
            }
            r[e] = item.reliability();
            obs[e] = item.observed();
        }
        double[] logPrior = c.prior().toArray();
        for (int h = 0; h < k; h++) {
            logPrior[h] = Math.log(logPrior[h]);
        }
        EvidenceMatrix m = new EvidenceMatrix(k, n, l, r, GroupWeights.of(evidence, c.settings()), obs, logPrior);
        double[] row = new double[k];
        for (int e = 0; e < n; e++) {
            m.effective(e, l, row);
            boolean possible = false;
            for (double x : row) {
                possible |= x > 0;
            }
            if (!possible) {
                EvidenceItem item = evidence.get(e);
                throw new ImpossibleEvidenceException(item.origin() + ": item '" + item.id()
                        + "' has effective likelihood 0 under every hypothesis; at least one must be above 0");
            }
        }
        return m;
    }

    /** Number of hypotheses K. */
    public int hypotheses() {
        return hypotheses;
    }

    /** Number of items. */
    public int items() {
        return items;
    }

    /** A copy of the stated likelihoods, n rows of K. */
    public double[] likelihoods() {
        return likelihoods.clone();
    }

    /** Whether item e was observed (false: looked for and not found). */
    public boolean observed(int e) {
        return observed[e];
    }

    /** Weight w_e of item e. */
    public double weight(int e) {
        return weight[e];
    }

    /** log pi(k). */
    public double logPrior(int k) {
        return logPrior[k];
    }

    /** A copy of log pi. */
    public double[] logPrior() {
        return logPrior.clone();
    }

    /**
     * The effective likelihoods of item e as it enters the posterior, computed from the
     * likelihood table {@code table} (n rows of K; the stated one or a sampled one).
     */
    public void effective(int e, double[] table, double[] out) {
        effective(table, e * hypotheses, hypotheses, reliability[e], observed[e], out);
    }

    /**
     * DESIGN steps 1 and 3 for one item of k stated likelihoods {@code table[off..off+k)}: out[h] =
     * r L(h) + (1 - r) mean_j L(j), or 1 minus that when the item is recorded as absent. The one place
     * this formula is written; network findings (DESIGN N1) use it over the states of their variable.
     */
    public static void effective(double[] table, int off, int k, double r, boolean observed, double[] out) {
        double mean = 0;
        for (int h = 0; h < k; h++) {
            mean += table[off + h];
        }
        mean /= k;
        for (int h = 0; h < k; h++) {
            double eff = r * table[off + h] + (1 - r) * mean;
            out[h] = observed ? eff : 1 - eff;
        }
    }

    /**
     * The log-space posterior of DESIGN step 3 for a likelihood table and a log prior:
     * out[k] = exp(log pi(k) + sum_e w_e log L'_e(k) - log Z).
     *
     * <p>Items taken at face value (r = 1, observed, w = 1) enter as L_e(k) itself, and a run of
     * consecutive such items is multiplied in linear space before one log: whenever the running
     * product falls below {@link #RESCALE_BELOW} it is rescaled exactly by a power of two into [1, 2)
     * (its binary exponent e is kept apart), so with every factor at least {@link #BLOCK_FLOOR}
     * (smaller ones, and 0, take their own log) it stays a normal double; at the end of the run
     * log(product) + e ln 2 is added. The product of m factors carries a relative rounding error of
     * about m/2 units in the last place, so the result agrees with the item-by-item sum of logs to
     * about m * 1.1e-16 in each log posterior, while the kernel takes one log per run and hypothesis
     * instead of one per item and hypothesis.
     *
     * @param table    n rows of K likelihoods
     * @param logPi    log prior, K entries
     * @param work     scratch of at least 2K entries
     * @param out      receives the posterior, K entries
     * @return log Z, the log of the evidence normaliser; -infinity when the evidence eliminates
     *         every hypothesis (out is then undefined)
     */
    @Override
    public double posterior(double[] table, double[] logPi, double[] work, double[] out) {
        int k = hypotheses;
        double[] acc = out;
        System.arraycopy(logPi, 0, acc, 0, k);
        // work[0, k): running products of the current run of face-value items; work[k, 2k): their exponents
        boolean open = false;
        for (int e = 0; e < items; e++) {
            if (plain[e]) {
                if (!open) {
                    for (int h = 0; h < k; h++) {
                        work[h] = 1;
                        work[k + h] = 0;
                    }
                    open = true;
                }
                int off = e * k;
                for (int h = 0; h < k; h++) {
                    double x = table[off + h];
                    if (x >= BLOCK_FLOOR) {
                        double p = work[h] * x;
                        if (p < RESCALE_BELOW) {
                            // p is normal (at least 2^-955), so 2^-ex is a normal power of two and the scaling exact
                            int ex = Math.getExponent(p);
                            p *= Double.longBitsToDouble((long) (Double.MAX_EXPONENT - ex) << 52);
                            work[k + h] += ex;
                        }
                        work[h] = p;
                    } else {
                        acc[h] += LogSpace.log(x);
                    }
                }
                continue;
            }
            if (open) {
                flush(acc, work, k);
                open = false;
            }
            effective(e, table, work);
            double w = weight[e];
            for (int h = 0; h < k; h++) {
                acc[h] += w * LogSpace.log(work[h]);
            }
        }
        if (open) {
            flush(acc, work, k);
        }
        return LogSpace.normaliseInto(acc, out);
    }

    private static void flush(double[] acc, double[] work, int k) {
        for (int h = 0; h < k; h++) {
            double ex = work[k + h];
            acc[h] += Math.log(work[h]) + ex * LN2_LO + ex * LN2_HI;
        }
    }

    /** {@link #posterior} with the stated likelihoods and the case's prior. */
    public double posterior(double[] out) {
        return posterior(likelihoods, logPrior, new double[2 * hypotheses], out);
    }
}
