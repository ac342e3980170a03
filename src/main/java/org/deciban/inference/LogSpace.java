package org.deciban.inference;

/**
 * Log-space arithmetic shared by every engine.
 *
 * <p>log-sum-exp is shifted by the true maximum m: log sum_i exp(x_i) = m + log sum_i exp(x_i - m),
 * so the largest term is exp(0) = 1 and nothing overflows; terms of -infinity contribute 0.
 */
public final class LogSpace {

    private LogSpace() {
    }

    /** log sum_i exp(x[i]) over the first n entries; -infinity when every entry is -infinity. */
    public static double logSumExp(double[] x, int n) {
        return logSumExp(x, 0, n);
    }

    /** log sum_i exp(x[i]) over the entries from (inclusive) to to (exclusive); -infinity when every entry is -infinity. */
    public static double logSumExp(double[] x, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (x[i] > max) {
                max = x[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        if (max == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(x[i] - max);
        }
        return max + Math.log(sum);
    }

    /** log sum_i exp(x[i]) over all entries. */
    public static double logSumExp(double[] x) {
        return logSumExp(x, x.length);
    }

    /**
     * Turns log weights into probabilities: out[i] = exp(x[i] - logSumExp(x)), computed as
     * e_i / sum_j e_j with e_i = exp(x[i] - max) (one exp a weight; the same value to a few units in
     * the last place). {@code out} may be {@code logWeights} itself.
     *
     * @return the normaliser log sum_i exp(x[i]); -infinity when every weight is zero, in which
     *         case out is left untouched
     */
    public static double normaliseInto(double[] logWeights, double[] out) {
        int n = logWeights.length;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (logWeights[i] > max) {
                max = logWeights[i];
            }
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        if (max == Double.POSITIVE_INFINITY) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.exp(logWeights[i] - max);
            }
            return max;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(logWeights[i] - max);
            out[i] = e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            out[i] /= sum;
        }
        return max + Math.log(sum);
    }

    /** log(x) for x in [0, 1], with log(0) = -infinity. */
    public static double log(double x) {
        return x == 0 ? Double.NEGATIVE_INFINITY : Math.log(x);
    }
}
