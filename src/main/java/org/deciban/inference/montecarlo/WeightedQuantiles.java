package org.deciban.inference.montecarlo;

/**
 * Weighted quantiles. The q-quantile of values x_s with weights W_s &gt;= 0 is the smallest x_s with
 * sum_{x_t &lt;= x_s} W_t &gt;= q sum W (the inverse of the weighted empirical CDF); with equal
 * weights it is the ceil(q n)-th smallest value.
 */
final class WeightedQuantiles {

    private WeightedQuantiles() {
    }

    /** Exact weighted quantiles, for increasing probabilities qs. Values and weights are not changed. */
    static double[] exact(double[] values, double[] weights, double[] qs) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, values);
        double total = 0;
        for (int i = 0; i < n; i++) {
            total += weights[order[i]];
        }
        double[] out = new double[qs.length];
        double cum = 0;
        int i = 0;
        for (int j = 0; j < qs.length; j++) {
            double target = qs[j] * total;
            while (i < n - 1 && (cum + weights[order[i]] < target || weights[order[i]] == 0)) {
                cum += weights[order[i]];
                i++;
            }
            out[j] = values[order[i]];
        }
        return out;
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
