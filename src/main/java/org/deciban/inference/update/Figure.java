package org.deciban.inference.update;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.inference.WeightOfEvidence;
import org.deciban.model.Case;

/**
 * One probability a forecast reports: a hypothesis' posterior, an outcome's share (design step 6), or
 * the share of the hypotheses that name no outcome.
 *
 * @param kind which of the three
 * @param id   the hypothesis id or the outcome; empty for {@link Kind#NO_OUTCOME}
 */
public record Figure(Kind kind, String id) {

    /** What a figure is the probability of. */
    public enum Kind { HYPOTHESIS, OUTCOME, NO_OUTCOME }

    public Figure {
        Objects.requireNonNull(kind, "kind");
        id = kind == Kind.NO_OUTCOME ? "" : Objects.requireNonNull(id, "id");
    }

    /** A hypothesis' posterior. */
    public static Figure hypothesis(String id) {
        return new Figure(Kind.HYPOTHESIS, id);
    }

    /** An outcome's share. */
    public static Figure outcome(String outcome) {
        return new Figure(Kind.OUTCOME, outcome);
    }

    /** The share of the hypotheses that name no outcome. */
    public static Figure noOutcome() {
        return new Figure(Kind.NO_OUTCOME, "");
    }

    /**
     * The probabilities a forecast reports, in report order: every hypothesis, every outcome, and the share
     * naming no outcome when some hypotheses name one and the others have prior mass.
     */
    public static Map<Figure, Double> of(Case c, Posterior p) {
        Map<Figure, Double> out = new LinkedHashMap<>();
        for (int k = 0; k < c.size(); k++) {
            out.put(hypothesis(c.hypotheses().get(k).id()), p.probabilities().get(k));
        }
        for (OutcomeShare o : p.outcomes()) {
            out.put(outcome(o.outcome()), o.probability());
        }
        if (!p.outcomes().isEmpty() && p.noOutcomePrior() > 0) {
            out.put(noOutcome(), p.noOutcomeProbability());
        }
        return out;
    }

    /**
     * The log-odds of a probability in decibans, 10 log10(p / (1 - p)): +-infinity at 1 and 0, NaN outside
     * [0, 1]. A change of log-odds is the weight of evidence that moves p (design step 4's unit). Computed as
     * {@link WeightOfEvidence#fromLogRatio} of ln p - log1p(-p), so p near 0 or 1 keeps its precision.
     */
    public static double logOdds(double p) {
        if (!(p >= 0 && p <= 1)) {
            return Double.NaN;
        }
        return WeightOfEvidence.fromLogRatio(Math.log(p) - Math.log1p(-p));
    }
}
