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
     * weights (and counts the values) into {@link MonteCarloEngine#BINS} bins over [0, 1] and finds the
     * bin where the cumulative weight crosses each q; a second pass collects the values of those bins
     * only, which are then sorted and walked. Values and weights are not changed.
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
        int[] count = new int[bins];
        for (int i = 0, at = off; i < n; i++, at += stride) {
            int b = MonteCarloEngine.bin(values[at]);
            hist[b] += weights[i];
            count[b]++;
        }
        double total = 0;
        for (double h : hist) {
            total += h;
        }
        int m = qs.length;
        int[] crossing = new int[m];
        double[] need = new double[m];
        double cum = 0;
        int b = 0;
        for (int j = 0; j < m; j++) {
            double target = qs[j] * total;
            while (b < bins - 1 && (cum + hist[b] < target || hist[b] == 0)) {
                cum += hist[b];
                b++;
            }
            crossing[j] = b;
            need[j] = target - cum;
        }
        // slot[b]: index of bin b among the distinct crossing bins, or -1
        int[] slot = new int[bins];
        java.util.Arrays.fill(slot, -1);
        int distinct = 0;
        for (int j = 0; j < m; j++) {
            if (slot[crossing[j]] < 0) {
                slot[crossing[j]] = distinct++;
            }
        }
        double[][] v = new double[distinct][];
        double[][] w = new double[distinct][];
        int[] filled = new int[distinct];
        for (int j = 0; j < m; j++) {
            int s = slot[crossing[j]];
            if (v[s] == null) {
                v[s] = new double[count[crossing[j]]];
                w[s] = new double[count[crossing[j]]];
            }
        }
        for (int i = 0, at = off; i < n; i++, at += stride) {
            int s = slot[MonteCarloEngine.bin(values[at])];
            if (s >= 0) {
                v[s][filled[s]] = values[at];
                w[s][filled[s]++] = weights[i];
            }
        }
        int[][] order = new int[distinct][];
        double[] out = new double[m];
        for (int j = 0; j < m; j++) {
            int s = slot[crossing[j]];
            if (order[s] == null) {
                order[s] = new int[v[s].length];
                for (int i = 0; i < order[s].length; i++) {
                    order[s][i] = i;
                }
                IndexSort.sort(order[s], v[s]);
            }
            out[j] = withinBin(v[s], w[s], order[s], crossing[j], need[j]);
        }
        return out;
    }

    /**
     * The smallest value of bin b (values v, weights w, in increasing order by {@code order}) whose
     * cumulative weight within the bin reaches {@code need}.
     */
    private static double withinBin(double[] v, double[] w, int[] order, int b, double need) {
        double cum = 0;
        int last = -1;
        for (int i : order) {
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
