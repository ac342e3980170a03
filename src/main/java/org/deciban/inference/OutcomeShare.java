package org.deciban.inference;

/**
 * design.md step 6: the probability that the preferred outcome is {@code outcome}, the sum of the
 * probabilities of the hypotheses whose outcome it is.
 *
 * @param outcome     the outcome's name
 * @param prior       its prior probability
 * @param probability its posterior probability
 */
public record OutcomeShare(String outcome, double prior, double probability) {
}
