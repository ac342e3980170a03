package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CaseModel;
import org.deciban.inference.EffectiveLikelihood;
import org.deciban.model.EvidenceItem;

/**
 * Expected information gain of a candidate indicator, in bits.
 *
 * <p>An indicator is an item not yet observed, on any variable V of the case; its likelihoods are
 * L(v) = P(indicator observed | V = v), mixed by its reliability r into L'(v) (design step 1) and
 * taken with weight 1 at the evaluation date (its group, if any, is ignored: it is looked at on its
 * own). The compiled model ({@link CaseModel#withAdded}) gives, with p the question variable's
 * current posterior:
 * <ul>
 * <li>P(observed), the forecast's probability of seeing it: exp(log P(e, observed) - log P(e));
 *     P(not observed) = 1 - P(observed);</li>
 * <li>the posterior of the question variable if it is observed, and if not (an absent item,
 *     1 - L');</li>
 * <li>EIG = H(p) - P(observed) H(p | observed) - P(not) H(p | not), H the Shannon entropy in bits:
 *     the expected information about the question variable.</li>
 * </ul>
 * EIG is the mutual information between the question variable and the indicator; it is computed in
 * the equivalent form sum_k p(k) KL(Bernoulli(l_k) || Bernoulli(P(observed))), where
 * l_k = P(observed | Q = k, e) = p(k | observed) P(observed) / p(k) (L'(k) itself when V is the question
 * variable), each term a non-negative divergence (a term that rounds below 0 is taken as 0). So
 * EIG &gt;= 0, with 0 exactly when every l_k is equal, and at most 1 bit (one yes/no answer). A branch
 * of probability 0 has an undefined posterior (NaN).
 */
public final class InformationGain {

    private static final double LN2 = Math.log(2);

    private InformationGain() {
    }

    /**
     * The value of one indicator.
     *
     * @param itemId       the indicator
     * @param variable     the variable it is on
     * @param states       that variable's states
     * @param effective    L'(v) per state of that variable
     * @param pObserved    P(observed)
     * @param ifObserved   posterior if it is observed
     * @param ifNotObserved posterior if it is not
     * @param gainBits     expected information gain in bits
     */
    public record Value(String itemId, String variable, List<String> states, List<Double> effective, double pObserved,
                        List<Double> ifObserved, List<Double> ifNotObserved, double gainBits) {
        public Value {
            states = List.copyOf(states);
            effective = List.copyOf(effective);
            ifObserved = List.copyOf(ifObserved);
            ifNotObserved = List.copyOf(ifNotObserved);
        }
    }

    /** The indicators ranked by gain (largest first, ties by id), against the compiled case. */
    public static List<Value> rank(CaseModel m, List<EvidenceItem> indicators) {
        List<Value> out = new ArrayList<>();
        for (EvidenceItem ind : indicators) {
            out.add(of(m, ind));
        }
        out.sort(Comparator.comparingDouble((Value v) -> -v.gainBits()).thenComparing(Value::itemId));
        return out;
    }

    /** The value of one indicator against the compiled case. */
    public static Value of(CaseModel m, EvidenceItem indicator) {
        int k = m.states();
        double[] p = m.posterior().toArray();
        double logZ = m.posterior().logEvidence();
        int s = indicator.likelihoods().size();
        double[] stated = new double[s];
        for (int v = 0; v < s; v++) {
            stated[v] = indicator.likelihoods().get(v);
        }
        double[] eff = new double[s];
        EffectiveLikelihood.into(stated, 0, s, indicator.reliability(), true, eff);
        double[] yes = new double[k];
        double pObs = Math.exp(m.withAdded(indicator, yes) - logZ);
        List<Double> effective = new ArrayList<>(s);
        for (double x : eff) {
            effective.add(x);
        }
        List<Double> ifYes = new ArrayList<>(k);
        List<Double> ifNo = new ArrayList<>(k);
        double gain = 0;
        for (int h = 0; h < k; h++) {
            double lk = p[h] > 0 && pObs > 0 ? Math.min(1, yes[h] * pObs / p[h]) : 0;
            ifYes.add(pObs > 0 ? yes[h] : Double.NaN);
            ifNo.add(pObs < 1 ? p[h] * (1 - lk) / (1 - pObs) : Double.NaN);
            if (p[h] > 0) {
                gain += p[h] * Math.max(0, bernoulliKl(lk, pObs));
            }
        }
        org.deciban.model.Variable on = m.source().variableOf(indicator);
        return new Value(indicator.id(), on.id(), on.stateIds(), effective, pObs, ifYes, ifNo, gain / LN2);
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
