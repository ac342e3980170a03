package org.deciban.inference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;

/**
 * The exact posterior of DESIGN steps 1-4 and 6, in log space.
 *
 * <p>log p(k) = log pi(k) + sum_e w_e log L'_e(k) - log Z, normalised by log-sum-exp shifted by
 * its maximum, so thousands of items neither underflow nor lose precision. A hypothesis under
 * which some item has effective likelihood 0 gets posterior 0.
 */
public final class ExactEngine {

    private ExactEngine() {
    }

    /**
     * Computes the posterior of a case.
     *
     * @throws ImpossibleEvidenceException when an item, or the evidence together, rules out every hypothesis
     */
    public static Posterior run(Case c) {
        EvidenceMatrix m = EvidenceMatrix.of(c);
        int k = c.size();
        double[] post = new double[k];
        double logZ = m.posterior(post);
        if (logZ == Double.NEGATIVE_INFINITY) {
            throw new ImpossibleEvidenceException("case '" + c.id()
                    + "': the evidence together rules out every hypothesis (each has an item of effective likelihood 0)");
        }
        List<ItemWeight> items = itemWeights(c, m);
        List<Double> probs = new ArrayList<>(k);
        for (double p : post) {
            probs.add(p);
        }
        return outcomes(c, c.prior().probabilities(), probs, logZ, items);
    }

    /**
     * Each item's dependence weight, effective likelihoods and weight of evidence under the prior
     * (DESIGN steps 1, 2 and 4), in the case's item order.
     */
    public static List<ItemWeight> itemWeights(Case c, EvidenceMatrix m) {
        int k = c.size();
        double[] prior = c.prior().toArray();
        double[] table = m.likelihoods();
        double[] eff = new double[k];
        List<ItemWeight> items = new ArrayList<>(m.items());
        for (int e = 0; e < m.items(); e++) {
            m.effective(e, table, eff);
            List<Double> effective = new ArrayList<>(k);
            List<Double> db = new ArrayList<>(k);
            for (int h = 0; h < k; h++) {
                effective.add(eff[h]);
                db.add(WeightOfEvidence.decibans(eff, prior, h, m.weight(e)));
            }
            items.add(new ItemWeight(c.evidence().get(e).id(), m.weight(e), effective, db));
        }
        return items;
    }

    /** Assembles a posterior with its per-outcome sums (DESIGN step 6). */
    public static Posterior outcomes(Case c, List<Double> prior, List<Double> post, double logZ, List<ItemWeight> items) {
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
}
