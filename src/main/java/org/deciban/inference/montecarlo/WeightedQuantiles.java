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
        int n = values.length;
        int bins = MonteCarloEngine.BINS;
        double[] hist = new double[bins];
        for (int i = 0; i < n; i++) {
            hist[MonteCarloEngine.bin(values[i])] += weights[i];
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
            out[j] = withinBin(values, weights, b, target - cum);
        }
        return out;
    }

    /** The smallest value of bin b whose cumulative weight within the bin reaches {@code need}. */
    private static double withinBin(double[] values, double[] weights, int b, double need) {
        int count = 0;
        for (double v : values) {
            if (MonteCarloEngine.bin(v) == b) {
                count++;
            }
        }
        int[] idx = new int[count];
        int c = 0;
        for (int i = 0; i < values.length; i++) {
            if (MonteCarloEngine.bin(values[i]) == b) {
                idx[c++] = i;
            }
        }
        IndexSort.sort(idx, values);
        double cum = 0;
        int last = -1;
        for (int i : idx) {
            if (weights[i] == 0) {
                continue;
            }
            last = i;
            cum += weights[i];
            if (cum >= need) {
                return values[i];
            }
        }
        return last >= 0 ? values[last] : (b + 0.5) / MonteCarloEngine.BINS;
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
