package org.deciban.inference;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of forward filtering: the posterior after each date that holds evidence, then at the
 * evaluation date.
 *
 * @param drift     the drift rate used, per year
 * @param end       the evaluation date ({@code null} only when the case has no dates at all)
 * @param steps     one step per distinct item date in ascending order, then a last step at {@code end}
 *                  (its items are those dated on {@code end}, if any, so dates are never repeated)
 * @param posterior the filtered posterior at {@code end}; its log evidence is the sum of the steps'
 *                  log normalisers, log P(all items), and its item ledger is the static one of design.md
 *                  step 4 (each item's weight judged under the prior, not discounted by drift)
 */
public record Timeline(double drift, LocalDate end, List<TimelineStep> steps, Posterior posterior) {

    public Timeline {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a timeline has at least its final step");
        }
    }
}
