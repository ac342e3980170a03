package org.deciban.inference;

import java.util.List;

/**
 * The exact posterior of a case.
 *
 * @param prior         pi(k), in the case's hypothesis order
 * @param probabilities p(k), in the same order
 * @param logEvidence   log Z = log sum_k pi(k) prod_e L'_e(k)^{w_e}
 * @param items         per item, in the case's item order: weight, effective likelihoods, decibans
 * @param outcomes      per outcome named by a hypothesis, in order of first appearance
 * @param noOutcomePrior     prior share of the hypotheses that name no outcome
 * @param noOutcomeProbability posterior share of the hypotheses that name no outcome
 */
public record Posterior(
        List<Double> prior,
        List<Double> probabilities,
        double logEvidence,
        List<ItemWeight> items,
        List<OutcomeShare> outcomes,
        double noOutcomePrior,
        double noOutcomeProbability) {

    public Posterior {
        prior = List.copyOf(prior);
        probabilities = List.copyOf(probabilities);
        items = List.copyOf(items);
        outcomes = List.copyOf(outcomes);
    }

    /** Index of the hypothesis with the largest posterior (the first one on a tie). */
    public int leader() {
        int best = 0;
        for (int k = 1; k < probabilities.size(); k++) {
            if (probabilities.get(k) > probabilities.get(best)) {
                best = k;
            }
        }
        return best;
    }

    /** The posterior as a fresh array. */
    public double[] toArray() {
        return probabilities.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
