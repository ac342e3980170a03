package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CaseModel;
import org.deciban.inference.EffectiveLikelihood;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.model.Case;
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
 *
 * <p><b>Conditions.</b> An indicator on a variable V other than the question variable Q may also depend
 * on other parents of V (a signal that depends on the preference and on who wins an election). For each
 * such parent W and each state w, {@link Value#given()} holds P(observed | W = w, e) and the posterior of Q
 * if it is observed once W = w is known, from hard findings on the compiled model (see {@link #given}). NaN when
 * the evidence rules out W = w.
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
     * @param given        P(observed) and the posterior if observed under each state of every other parent of the
     *                     indicator's variable (empty for an indicator on the question variable or one whose
     *                     variable has no other parent)
     */
    public record Value(String itemId, String variable, List<String> states, List<Double> effective, double pObserved,
                        List<Double> ifObserved, List<Double> ifNotObserved, double gainBits, List<Given> given) {
        public Value {
            states = List.copyOf(states);
            effective = List.copyOf(effective);
            ifObserved = List.copyOf(ifObserved);
            ifNotObserved = List.copyOf(ifNotObserved);
            given = List.copyOf(given);
        }
    }

    /**
     * An indicator's chance under one state of a condition (another parent of its variable).
     *
     * @param variable   the condition's variable
     * @param state      its state
     * @param pState     P(W = w | e), the forecast's probability of that state
     * @param pObserved  P(observed | W = w, e)
     * @param byState    P(observed | Q = k, W = w, e) for each state k of the question variable:
     *                   p(k | observed, w) P(observed | w) / p(k | w) (NaN where p(k | w) is 0)
     * @param ifObserved the question variable's posterior if it is observed and W = w
     */
    public record Given(String variable, String state, double pState, double pObserved, List<Double> byState,
                        List<Double> ifObserved) {
        public Given {
            byState = List.copyOf(byState);
            ifObserved = List.copyOf(ifObserved);
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
        return new Value(indicator.id(), on.id(), on.stateIds(), effective, pObs, ifYes, ifNo, gain / LN2,
                given(m, indicator, on, eff));
    }

    /**
     * The indicator under each state of each parent of its variable other than the question variable, from hard
     * findings on the compiled model ({@link CaseModel#query}): with W = w given, P(v | w, e) for each state v of
     * the indicator's variable V, and the question's posterior given w and v; then
     * P(observed | w, e) = sum_v P(v | w, e) L'(v), and P(Q = k, observed | w, e) = sum_v P(v | w, e) L'(v)
     * P(k | v, w, e).
     */
    static List<Given> given(CaseModel m, EvidenceItem indicator, org.deciban.model.Variable on, double[] eff) {
        Case c = m.source();
        List<Given> out = new ArrayList<>();
        if (on.id().equals(c.questionVariable())) {
            return out;
        }
        int q = c.network().indexOf(c.questionVariable());
        int iv = c.network().indexOf(on.id());
        double logZ = m.posterior().logEvidence();
        for (String parent : on.parents()) {
            if (parent.equals(c.questionVariable())) {
                continue;
            }
            int iw = c.network().indexOf(parent);
            org.deciban.model.Variable w = c.network().variable(iw);
            for (int s = 0; s < w.size(); s++) {
                double pState = 0;
                double pObs = Double.NaN;
                double[] joint = new double[m.states()];
                double[] pq = new double[m.states()];
                java.util.Arrays.fill(pq, Double.NaN);
                try {
                    CaseModel.Marginals known = m.query(java.util.Map.of(iw, s), true);
                    pState = Math.exp(known.logEvidence() - logZ);
                    List<Double> pv = known.variables().get(iv).posterior();
                    pq = known.variables().get(q).posterior().stream().mapToDouble(Double::doubleValue).toArray();
                    pObs = 0;
                    for (int v = 0; v < eff.length; v++) {
                        double weight = pv.get(v) * eff[v];
                        if (weight > 0) {
                            List<Double> post = m.query(java.util.Map.of(iw, s, iv, v), true).variables().get(q).posterior();
                            for (int h = 0; h < joint.length; h++) {
                                joint[h] += weight * post.get(h);
                            }
                            pObs += weight;
                        }
                    }
                } catch (ImpossibleEvidenceException e) {
                    pState = 0;
                }
                List<Double> ifYes = new ArrayList<>();
                List<Double> byState = new ArrayList<>();
                for (int h = 0; h < m.states(); h++) {
                    ifYes.add(pObs > 0 ? joint[h] / pObs : Double.NaN);
                    byState.add(pq[h] > 0 ? joint[h] / pq[h] : Double.NaN);
                }
                out.add(new Given(parent, w.stateIds().get(s), pState, pObs, byState, ifYes));
            }
        }
        return out;
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
