package org.deciban.inference;

import java.time.LocalDate;
import java.util.List;

/**
 * The filtered posterior at one date of a {@link Timeline}.
 *
 * @param date          the date; {@code null} only when the case has no dates at all
 * @param itemIds       the items applied at this date, in the case's order (empty for the final
 *                      step at the evaluation date when no item is dated on it)
 * @param carry         exp(-drift * dt), the share of the previous posterior carried over since the
 *                      previous step (1 for the first step and for dt = 0); the rest, 1 - carry, is
 *                      re-drawn from the prior
 * @param probabilities the filtered posterior after this step, one per hypothesis; a probability vector
 * @param logNormaliser log of this step's normaliser, log sum_k f(k) prod_e L'_e(k)^{w_e} over the items
 *                      of the step with f the predicted distribution (0 for a step without items)
 */
public record TimelineStep(LocalDate date, List<String> itemIds, double carry, List<Double> probabilities,
                           double logNormaliser) {

    public TimelineStep {
        itemIds = List.copyOf(itemIds);
        probabilities = List.copyOf(probabilities);
        if (!(carry >= 0 && carry <= 1)) {
            throw new IllegalArgumentException("carry " + carry + " must be in [0, 1]");
        }
    }

    /** The posterior as a fresh array. */
    public double[] toArray() {
        return probabilities.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
