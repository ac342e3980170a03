package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;

/**
 * How prose and headlines state a probability: the subject by its label, the ICD 203 phrase, and the
 * number to two decimals, "Kim prefers a Trump win: unlikely (0.41)". Tables, CSV and JSON keep full
 * precision; prose does not pretend to it.
 *
 * <p>An outcome's share is stated by the labels of the hypotheses that favour it (design step 6), never
 * by the outcome's name alone: "Trump wins: 0.41" reads as the chance that Trump wins, which is not what
 * a preference's probability is.
 */
public final class Wording {

    /** Decimals of a probability in prose and headlines. */
    public static final int DECIMALS = 2;

    private Wording() {
    }

    /** A probability in prose: two decimals. */
    public static String probability(double p) {
        return Numbers.fixed(p, DECIMALS);
    }

    /** "subject: phrase (0.41)". */
    public static String statement(String subject, double p) {
        return subject + ": " + phrase(p) + " (" + probability(p) + ")";
    }

    /** "phrase (0.41)", without a subject. */
    public static String phraseAndNumber(double p) {
        return phrase(p) + " (" + probability(p) + ")";
    }

    /** The ICD 203 phrase of a probability (rounding just outside [0, 1] pushed back in). */
    public static String phrase(double p) {
        return Icd203.of(PosteriorTables.clamp(p)).phrase();
    }

    /** Hypothesis k stated by its label: "Kim prefers a Trump win: unlikely (0.41)". */
    public static String hypothesis(Case c, int k, double p) {
        return statement(c.hypotheses().get(k).label(), p);
    }

    /** "Leading hypothesis: Kim prefers a Trump win ('trump'), unlikely (0.41)." */
    public static String leading(Case c, int k, double p) {
        return "Leading hypothesis: " + c.hypotheses().get(k).label() + " ('" + c.hypotheses().get(k).id() + "'), "
                + phraseAndNumber(p) + ".";
    }

    /**
     * A change of probability in prose, signed, to two decimals; to four when two would hide it
     * (a change smaller than 0.005 that is not 0).
     */
    public static String change(double x) {
        String s = Numbers.fixed(x, DECIMALS);
        if (s.matches("-?0\\.00") && x != 0) {
            s = Numbers.fixed(x, 4);
        }
        return x > 0 && !s.matches("0\\.0+") ? "+" + s : s;
    }

    /** The subject of an outcome's share: the labels of the hypotheses that favour it, joined by " or ". */
    public static String outcomeSubject(Case c, String outcome) {
        return PosteriorTables.favouring(c, outcome);
    }

    /** The subject of the share of the hypotheses that name no outcome: their labels, joined by " or ". */
    public static String noOutcomeSubject(Case c) {
        List<String> labels = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            if (h.outcome() == null) {
                labels.add(h.label());
            }
        }
        return String.join(" or ", labels);
    }

    /**
     * The headline subjects and shares of a posterior: one per outcome, then the share of the hypotheses that
     * name none when some do and some do not; empty when no hypothesis names an outcome (the leading
     * hypothesis is then the headline).
     */
    public static List<Share> shares(Case c, Posterior p) {
        List<Share> out = new ArrayList<>();
        if (p.outcomes().isEmpty()) {
            return out;
        }
        for (OutcomeShare o : p.outcomes()) {
            out.add(new Share(outcomeSubject(c, o.outcome()), o.outcome(), o.probability()));
        }
        if (p.noOutcomePrior() > 0) {
            out.add(new Share(noOutcomeSubject(c), PosteriorTables.NO_OUTCOME, p.noOutcomeProbability()));
        }
        return out;
    }

    /**
     * One headline figure.
     *
     * @param subject how prose names it (hypotheses' labels)
     * @param key     the posterior table's row id: the outcome or {@link PosteriorTables#NO_OUTCOME}
     * @param probability the share
     */
    public record Share(String subject, String key, double probability) {
    }
}
