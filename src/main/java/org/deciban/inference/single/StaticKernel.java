package org.deciban.inference.single;

import org.deciban.inference.EffectiveLikelihood;
import org.deciban.inference.LogSpace;

/**
 * The static posterior of design step 3 for any table of stated likelihoods and any log prior: the
 * Monte Carlo kernel of a one-variable case without drift.
 *
 * <p>out[k] = exp(log pi(k) + sum_e w_e log L'_e(k) - log Z). Items taken at face value (r = 1,
 * observed, w = 1) enter as L_e(k) itself, and a run of consecutive such items is multiplied in
 * linear space before one log: whenever the running product falls below {@link #RESCALE_BELOW} it is
 * rescaled exactly by a power of two into [1, 2) (its binary exponent is kept apart), so with every
 * factor at least {@link #BLOCK_FLOOR} (smaller ones, and 0, take their own log) it stays a normal
 * double; at the end of the run log(product) + e ln 2 is added. The product of m factors carries a
 * relative rounding error of about m/2 units in the last place, so the result agrees with the
 * item-by-item sum of logs to about m * 1.1e-16 in each log posterior, while the kernel takes one log
 * per run and hypothesis instead of one per item and hypothesis.
 */
final class StaticKernel {

    /** 2^-255: a face-value factor at least this enters the running product; a smaller one (and 0) its own log. */
    static final double BLOCK_FLOOR = 0x1p-255;
    /**
     * 2^-700: a running product below this is rescaled exactly by a power of two into [1, 2). Before each
     * multiplication it is therefore at least 2^-700, and after it at least 2^-700 * 2^-255 = 2^-955, a
     * normal double: it neither underflows nor loses precision to subnormals.
     */
    static final double RESCALE_BELOW = 0x1p-700;
    /** ln 2 in two parts (fdlibm's): LN2_HI has 21 trailing zero bits, so e * LN2_HI is exact for |e| &lt; 2^21. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private final int k;
    private final int items;
    private final double[] reliability;
    private final boolean[] observed;
    private final double[] weight;
    private final boolean[] plain;

    StaticKernel(int k, double[] reliability, boolean[] observed, double[] weight) {
        this.k = k;
        this.items = weight.length;
        this.reliability = reliability;
        this.observed = observed;
        this.weight = weight;
        this.plain = new boolean[items];
        for (int e = 0; e < items; e++) {
            plain[e] = reliability[e] == 1 && observed[e] && weight[e] == 1;
        }
    }

    /**
     * The posterior for a likelihood table (n rows of K) and a log prior.
     *
     * @param work scratch of at least 2K entries
     * @param acc  scratch of K entries
     * @return log Z; -infinity when the evidence eliminates every hypothesis (out is then undefined)
     */
    double posterior(double[] table, double[] logPi, double[] work, double[] acc, double[] out) {
        System.arraycopy(logPi, 0, acc, 0, k);
        // work[0, k): running products of the current run of face-value items; work[k, 2k): their exponents
        boolean open = false;
        for (int e = 0; e < items; e++) {
            int off = e * k;
            if (plain[e]) {
                if (!open) {
                    for (int h = 0; h < k; h++) {
                        work[h] = 1;
                        work[k + h] = 0;
                    }
                    open = true;
                }
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
                flush(acc, work);
                open = false;
            }
            EffectiveLikelihood.into(table, off, k, reliability[e], observed[e], work);
            double w = weight[e];
            for (int h = 0; h < k; h++) {
                acc[h] += w * LogSpace.log(work[h]);
            }
        }
        if (open) {
            flush(acc, work);
        }
        return LogSpace.normaliseInto(acc, out);
    }

    private void flush(double[] acc, double[] work) {
        for (int h = 0; h < k; h++) {
            double ex = work[k + h];
            acc[h] += Math.log(work[h]) + ex * LN2_LO + ex * LN2_HI;
        }
    }
}
