package org.deciban.inference.montecarlo;

/**
 * Weighted quantiles. The q-quantile of values x_s with weights W_s &gt;= 0 is the smallest x_s with
 * sum_{x_t &lt;= x_s} W_t &gt;= q sum W (the inverse of the weighted empirical CDF); with equal
 * weights it is the ceil(q n)-th smallest value.
 */
final class WeightedQuantiles {

    private WeightedQuantiles() {
    }

    /**
     * Exact weighted quantiles, for increasing probabilities qs, in O(n): a first pass bins the
     * weights into {@link MonteCarloEngine#BINS} bins over [0, 1] and finds the bin where the
     * cumulative weight crosses q; only that bin's values are then sorted and walked. Values and
     * weights are not changed.
     */
    static double[] exact(double[] values, double[] weights, double[] qs) {
        return exact(values, 0, 1, weights, qs);
    }

    /**
     * As {@link #exact(double[], double[], double[])} for the strided values
     * {@code values[off + i * stride]}, i = 0 .. weights.length - 1, with weight {@code weights[i]}
     * (one quantity of draws stored row by row).
     */
    static double[] exact(double[] values, int off, int stride, double[] weights, double[] qs) {
        int n = weights.length;
        int bins = MonteCarloEngine.BINS;
        double[] hist = new double[bins];
        for (int i = 0, at = off; i < n; i++, at += stride) {
            hist[MonteCarloEngine.bin(values[at])] += weights[i];
        }
        double total = 0;
        for (double h : hist) {
            total += h;
        }
        double[] out = new double[qs.length];
        double cum = 0;
        int b = 0;
        for (int j = 0; j < qs.length; j++) {
            double target = qs[j] * total;
            while (b < bins - 1 && (cum + hist[b] < target || hist[b] == 0)) {
                cum += hist[b];
                b++;
            }
            out[j] = withinBin(values, off, stride, weights, b, target - cum);
        }
        return out;
    }

    /** The smallest value of bin b whose cumulative weight within the bin reaches {@code need}. */
    private static double withinBin(double[] values, int off, int stride, double[] weights, int b, double need) {
        int n = weights.length;
        int count = 0;
        for (int i = 0, at = off; i < n; i++, at += stride) {
            if (MonteCarloEngine.bin(values[at]) == b) {
                count++;
            }
        }
        double[] v = new double[count];
        double[] w = new double[count];
        int c = 0;
        for (int i = 0, at = off; i < n; i++, at += stride) {
            if (MonteCarloEngine.bin(values[at]) == b) {
                v[c] = values[at];
                w[c++] = weights[i];
            }
        }
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        IndexSort.sort(idx, v);
        double cum = 0;
        int last = -1;
        for (int i : idx) {
            if (w[i] == 0) {
                continue;
            }
            last = i;
            cum += w[i];
            if (cum >= need) {
                return v[i];
            }
        }
        return last >= 0 ? v[last] : (b + 0.5) / MonteCarloEngine.BINS;
    }

    /** Quantiles from a histogram of {@code bins} equal bins over [0, 1]: the midpoint of the crossing bin. */
    static double[] histogram(double[] hist, int off, int bins, double[] qs) {
        double total = 0;
        for (int b = 0; b < bins; b++) {
            total += hist[off + b];
        }
        double[] out = new double[qs.length];
        double cum = 0;
        int b = 0;
        for (int j = 0; j < qs.length; j++) {
            double target = qs[j] * total;
            while (b < bins - 1 && (cum + hist[off + b] < target || hist[off + b] == 0)) {
                cum += hist[off + b];
                b++;
            }
            out[j] = (b + 0.5) / bins;
        }
        return out;
    }
}
