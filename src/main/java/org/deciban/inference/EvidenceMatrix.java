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

    /** Face-value items multiplied together before one log in {@link #posterior}. */
    static final int BLOCK = 4;
    /**
     * 2^-255: a product of {@value #BLOCK} factors each at least this is at least 2^-1020, a normal
     * double, so the block product neither underflows nor loses precision to subnormals; a smaller
     * factor (including 0) goes through its own log.
     */
    static final double BLOCK_FLOOR = 0x1p-255;

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
        int k = hypotheses;
        int off = e * k;
        double mean = 0;
        for (int h = 0; h < k; h++) {
            mean += table[off + h];
        }
        mean /= k;
        double r = reliability[e];
        for (int h = 0; h < k; h++) {
            double eff = r * table[off + h] + (1 - r) * mean;
            out[h] = observed[e] ? eff : 1 - eff;
        }
    }

    /**
     * The log-space posterior of DESIGN step 3 for a likelihood table and a log prior:
     * out[k] = exp(log pi(k) + sum_e w_e log L'_e(k) - log Z).
     *
     * <p>Items taken at face value (r = 1, observed, w = 1) enter as L_e(k) itself, and up to
     * {@value #BLOCK} consecutive such items are multiplied in linear space before one log: the sum
     * of logs becomes log of a product of at most {@value #BLOCK} factors, each at least
     * {@link #BLOCK_FLOOR} (smaller ones, and 0, take their own log), so the product is a normal
     * double and the result agrees with the item-by-item sum of logs to a few units in the last
     * place, while the kernel takes a quarter of the logs.
     *
     * @param table    n rows of K likelihoods
     * @param logPi    log prior, K entries
     * @param work     scratch of at least K entries
     * @param out      receives the posterior, K entries
     * @return log Z, the log of the evidence normaliser; -infinity when the evidence eliminates
     *         every hypothesis (out is then undefined)
     */
    @Override
    public double posterior(double[] table, double[] logPi, double[] work, double[] out) {
        int k = hypotheses;
        double[] acc = out;
        System.arraycopy(logPi, 0, acc, 0, k);
        int pending = 0;
        for (int e = 0; e < items; e++) {
            if (plain[e]) {
                if (pending == 0) {
                    for (int h = 0; h < k; h++) {
                        work[h] = 1;
                    }
                }
                int off = e * k;
                for (int h = 0; h < k; h++) {
                    double x = table[off + h];
                    if (x >= BLOCK_FLOOR) {
                        work[h] *= x;
                    } else {
                        acc[h] += LogSpace.log(x);
                    }
                }
                if (++pending == BLOCK) {
                    flush(acc, work);
                    pending = 0;
                }
                continue;
            }
            if (pending > 0) {
                flush(acc, work);
                pending = 0;
            }
            effective(e, table, work);
            double w = weight[e];
            for (int h = 0; h < k; h++) {
                acc[h] += w * LogSpace.log(work[h]);
            }
        }
        if (pending > 0) {
            flush(acc, work);
        }
        return LogSpace.normaliseInto(acc, out);
    }

    private void flush(double[] acc, double[] product) {
        for (int h = 0; h < hypotheses; h++) {
            acc[h] += Math.log(product[h]);
        }
    }

    /** {@link #posterior} with the stated likelihoods and the case's prior. */
    public double posterior(double[] out) {
        return posterior(likelihoods, logPrior, new double[hypotheses], out);
    }
}
