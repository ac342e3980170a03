package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CasePosterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * Expected information gain of a candidate indicator, in bits.
 *
 * <p>An indicator is an item not yet observed; its likelihoods are L(k) = P(indicator observed |
 * H_k), mixed by its reliability r into L'(k) = r L(k) + (1 - r) mean_j L(j) (DESIGN step 1) and
 * taken with weight 1 (its group, if any, is ignored: it is looked at on its own). With the
 * current posterior p:
 * <ul>
 * <li>P(observed) = sum_k p(k) L'(k); P(not observed) = 1 - P(observed);</li>
 * <li>posterior if observed: p(k) L'(k) / P(observed); if not: p(k) (1 - L'(k)) / P(not observed)
 *     (DESIGN step 3, an absent item);</li>
 * <li>EIG = H(p) - P(observed) H(p | observed) - P(not) H(p | not), H the Shannon entropy in bits.</li>
 * </ul>
 * EIG is the mutual information between the hypothesis and the indicator; it is computed in the
 * equivalent form sum_k p(k) KL(Bernoulli(L'(k)) || Bernoulli(P(observed))), each term a
 * non-negative divergence (a term that rounds below 0 when L'(k) is within rounding of
 * P(observed) is taken as 0). So EIG &gt;= 0, with 0 exactly when every L'(k) is equal, and at most
 * 1 bit (one yes/no answer). A branch of probability 0 has an undefined posterior (NaN).
 */
public final class InformationGain {

    private static final double LN2 = Math.log(2);

    private InformationGain() {
    }

    /**
     * The value of one indicator.
     *
     * @param itemId       the indicator
     * @param effective    L'(k)
     * @param pObserved    P(observed)
     * @param ifObserved   posterior if it is observed
     * @param ifNotObserved posterior if it is not
     * @param gainBits     expected information gain in bits
     */
    public record Value(String itemId, List<Double> effective, double pObserved, List<Double> ifObserved,
                        List<Double> ifNotObserved, double gainBits) {
        public Value {
            effective = List.copyOf(effective);
            ifObserved = List.copyOf(ifObserved);
            ifNotObserved = List.copyOf(ifNotObserved);
        }
    }

    /** The indicators ranked by gain (largest first, ties by id), against the case's posterior. */
    public static List<Value> rank(Case c, List<EvidenceItem> indicators) {
        double[] post = CasePosterior.of(c).toArray();
        List<Value> out = new ArrayList<>();
        for (EvidenceItem ind : indicators) {
            out.add(of(post, ind));
        }
        out.sort(Comparator.comparingDouble((Value v) -> -v.gainBits()).thenComparing(Value::itemId));
        return out;
    }

    /** The value of one indicator against a posterior p (K entries summing to 1). */
    public static Value of(double[] p, EvidenceItem indicator) {
        int k = p.length;
        if (indicator.likelihoods().size() != k) {
            throw new IllegalArgumentException("indicator '" + indicator.id() + "' has "
                    + indicator.likelihoods().size() + " likelihoods for " + k + " hypotheses");
        }
        double mean = 0;
        for (double l : indicator.likelihoods()) {
            mean += l;
        }
        mean /= k;
        double r = indicator.reliability();
        double[] eff = new double[k];
        double total = 0;
        double pObs = 0;
        for (int h = 0; h < k; h++) {
            eff[h] = r * indicator.likelihoods().get(h) + (1 - r) * mean;
            total += p[h];
            pObs += p[h] * eff[h];
        }
        pObs /= total;
        List<Double> effective = new ArrayList<>(k);
        List<Double> yes = new ArrayList<>(k);
        List<Double> no = new ArrayList<>(k);
        double gain = 0;
        for (int h = 0; h < k; h++) {
            double ph = p[h] / total;
            effective.add(eff[h]);
            yes.add(pObs > 0 ? ph * eff[h] / pObs : Double.NaN);
            no.add(pObs < 1 ? ph * (1 - eff[h]) / (1 - pObs) : Double.NaN);
            if (ph > 0) {
                gain += ph * Math.max(0, bernoulliKl(eff[h], pObs));
            }
        }
        return new Value(indicator.id(), effective, pObs, yes, no, gain / LN2);
    }

    /** KL(Bernoulli(a) || Bernoulli(b)) in nats, with 0 log 0 = 0. */
    static double bernoulliKl(double a, double b) {
        double kl = 0;
        if (a > 0) {
            kl += a * Math.log(a / b);
        }
        if (a < 1) {
            kl += (1 - a) * Math.log((1 - a) / (1 - b));
        }
        return kl;
    }
}
