package org.deciban.proof;

/**
 * One likelihood judgment changed by a perturbation, as reported in a counterexample.
 *
 * @param itemId     the item
 * @param hypothesis the hypothesis the likelihood is conditioned on
 * @param stated     the likelihood as stated in the case
 * @param changed    the likelihood in the counterexample
 */
public record ChangedJudgment(String itemId, String hypothesis, double stated, double changed) {
}
