package org.deciban.model;

import java.util.List;

/**
 * The prior distribution pi over the hypotheses, in the order of {@link Case#hypotheses()}.
 *
 * <p>Every probability is strictly positive and they sum to 1 within {@link #SUM_TOLERANCE}.
 * The optional {@code concentration} c is the strength of a Dirichlet(c * pi) prior over pi
 * used by Monte Carlo; {@code null} means the prior is taken as exact.
 *
 * @param probabilities pi(k), one per hypothesis
 * @param concentration Dirichlet strength, positive, or {@code null}
 */
public record Prior(List<Double> probabilities, Double concentration) {

    /** How far the prior may sum from 1 (design.md: "sum to 1 (±1e-9)"). */
    public static final double SUM_TOLERANCE = 1e-9;

    public Prior {
        probabilities = List.copyOf(probabilities);
        double sum = 0;
        for (double p : probabilities) {
            if (!(p > 0 && p <= 1)) {
                throw new IllegalArgumentException("prior probability " + p + " must be in (0, 1]");
            }
            sum += p;
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw new IllegalArgumentException("prior probabilities sum to " + sum + ", not 1");
        }
        if (concentration != null && !(concentration > 0 && Double.isFinite(concentration))) {
            throw new IllegalArgumentException("concentration " + concentration + " must be a positive number");
        }
    }

    /** The prior as a fresh array, for hot loops. */
    public double[] toArray() {
        double[] out = new double[probabilities.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = probabilities.get(k);
        }
        return out;
    }
}
