package org.deciban.inference;

import java.util.List;

/**
 * What one evidence item did to the posterior.
 *
 * @param itemId    the item
 * @param weight    its dependence weight w_e (design.md step 2)
 * @param effective the effective likelihoods L'_e(k) as they enter the posterior (after reliability
 *                  mixing, and as 1 - L' for an absent item)
 * @param decibans  weight of evidence for each hypothesis (design.md step 4):
 *                  w_e * 10 log10(L'_e(k) / M_e(k)); NaN when K = 1
 */
public record ItemWeight(String itemId, double weight, List<Double> effective, List<Double> decibans) {

    public ItemWeight {
        effective = List.copyOf(effective);
        decibans = List.copyOf(decibans);
    }

    /** The largest |decibans| over the hypotheses (NaN entries ignored; 0 when all are NaN). */
    public double largestAbsoluteWeight() {
        double max = 0;
        for (double d : decibans) {
            if (Math.abs(d) > max) {
                max = Math.abs(d);
            }
        }
        return max;
    }
}
