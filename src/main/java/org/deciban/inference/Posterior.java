package org.deciban.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;

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

    /**
     * A posterior with its per-outcome sums (design step 6): P(preferred outcome o) is the sum over the
     * hypotheses whose outcome is o; the rest is the share of the hypotheses that favour no outcome.
     */
    public static Posterior of(Case c, List<Double> prior, List<Double> post, double logZ, List<ItemWeight> items) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        double nonePrior = 0;
        double nonePost = 0;
        List<Hypothesis> hs = c.hypotheses();
        for (int h = 0; h < hs.size(); h++) {
            String o = hs.get(h).outcome();
            if (o == null) {
                nonePrior += prior.get(h);
                nonePost += post.get(h);
            } else {
                double[] s = sums.computeIfAbsent(o, x -> new double[2]);
                s[0] += prior.get(h);
                s[1] += post.get(h);
            }
        }
        List<OutcomeShare> outcomes = new ArrayList<>();
        sums.forEach((o, s) -> outcomes.add(new OutcomeShare(o, s[0], s[1])));
        return new Posterior(prior, post, logZ, items, outcomes, nonePrior, nonePost);
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
