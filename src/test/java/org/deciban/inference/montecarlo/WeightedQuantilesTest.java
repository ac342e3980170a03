package org.deciban.inference.montecarlo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class WeightedQuantilesTest {

    private static final double[] QS = {0.05, 0.5, 0.95};

    @Test
    void exactQuantilesInvertTheWeightedCdf() {
        // sorted: 1 (w 1), 2 (w 2), 3 (w 1); total 4; cumulative 1, 3, 4.
        // q = 0.05: target 0.2, first cumulative >= 0.2 is at 1; q = 0.5: target 2 -> at 2; q = 0.95: 3.8 -> at 3
        double[] qs = WeightedQuantiles.exact(new double[] {3, 1, 2}, new double[] {1, 1, 2}, QS);
        assertArrayEquals(new double[] {1, 2, 3}, qs, 0.0);
    }

    @Test
    void zeroWeightsAreSkipped() {
        // value 0.9 has weight 0 and can be no quantile; the rest: 0.1 (w 1), 0.5 (w 1): median target 1 -> 0.1
        double[] qs = WeightedQuantiles.exact(new double[] {0.9, 0.5, 0.1}, new double[] {0, 1, 1}, QS);
        assertArrayEquals(new double[] {0.1, 0.1, 0.5}, qs, 0.0);
    }

    @Test
    void exactQuantilesMatchAFullSortOfManyValues() {
        // Independent computation: sort all (value, weight) pairs by value and walk the cumulative weight
        // to the first value reaching q * total (the definition). Values spread over [0, 1] so the three
        // quantiles fall in different bins; a fifth of the weights are 0; some values repeat exactly.
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        int n = 20_000;
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 7 == 0 ? 0.25 : r.nextDouble() * r.nextDouble();
            w[i] = r.nextInt(5) == 0 ? 0 : r.nextDouble();
        }
        Integer[] idx = new Integer[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            idx[i] = i;
            total += w[i];
        }
        java.util.Arrays.sort(idx, (x, y) -> Double.compare(v[x], v[y]));
        double[] expected = new double[QS.length];
        for (int j = 0; j < QS.length; j++) {
            double cum = 0;
            for (Integer i : idx) {
                cum += w[i];
                if (w[i] > 0 && cum >= QS[j] * total) {
                    expected[j] = v[i];
                    break;
                }
            }
        }
        // exact: each quantile is one of the values (with this pinned seed no cumulative sum lands within
        // rounding of a target, so the two summation orders cannot pick different values)
        assertArrayEquals(expected, WeightedQuantiles.exact(v, w, QS), 0.0);
    }

    @Test
    void histogramQuantileIsTheMidpointOfTheCrossingBin() {
        // 4 bins over [0, 1]: weights 0, 1, 2, 1; total 4, cumulative 0, 1, 3, 4.
        // q = 0.05 -> bin 1 (midpoint 0.375), 0.5 -> bin 2 (0.625), 0.95 -> bin 3 (0.875)
        double[] qs = WeightedQuantiles.histogram(new double[] {0, 1, 2, 1}, 0, 4, QS);
        assertArrayEquals(new double[] {0.375, 0.625, 0.875}, qs, 1e-15);
    }
}
