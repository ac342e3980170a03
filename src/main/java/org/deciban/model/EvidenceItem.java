package org.deciban.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One evidence item: something observed (or looked for and not found) and how likely it is
 * under each hypothesis.
 *
 * <p>{@code likelihoods.get(k)} is L(k) = P(item | H_k) in [0, 1], in the order of the case's
 * hypotheses. The item enters the posterior through its effective likelihood
 * L'(k) = r L(k) + (1 - r) mean_j L(j) (design.md step 1); an item recorded as absent
 * ({@code observed == false}) enters with 1 - L'(k) (design.md step 3).
 *
 * @param id          identifier, unique within the case
 * @param date        date of the observation, or {@code null}
 * @param category    statement, defector-report, economic-figure, diplomatic-event, policy-record or other
 * @param source      who reported it
 * @param reliability r in [0, 1]
 * @param reliabilityCode the reliability as written in the file ("A2" or "0.8")
 * @param quote       the quoted evidence, may be empty
 * @param rationale   why these likelihoods, may be empty
 * @param likelihoods L(k) per hypothesis
 * @param confidence  Beta pseudo-count of each likelihood for Monte Carlo, or {@code null}
 * @param group       dependence group, or {@code null} when the item is independent
 * @param observed    {@code false} when the item was looked for and not found
 * @param origin      where the item was read from, for messages ("evidence/kim/a.yaml:12")
 * @param intervals   90% intervals of some likelihoods, for Monte Carlo (at most one per hypothesis,
 *                    each containing its stated likelihood); empty when none are given
 * @param on          the network variable the item is evidence about, or {@code null} for the case's
 *                    question variable (design.md N1); its likelihoods are then over that variable's
 *                    states, in their order
 * @param resolution  for a candidate indicator that has resolved, how it turned out ({@code date} and
 *                    {@code observed} are then the resolution's); {@code null} for any other item
 */
public record EvidenceItem(
        String id,
        LocalDate date,
        String category,
        String source,
        double reliability,
        String reliabilityCode,
        String quote,
        String rationale,
        List<Double> likelihoods,
        Double confidence,
        String group,
        boolean observed,
        String origin,
        List<LikelihoodInterval> intervals,
        String on,
        Resolution resolution) {

    /** The categories design.md allows. */
    public static final List<String> CATEGORIES = List.of(
            "statement", "defector-report", "economic-figure", "diplomatic-event", "policy-record", "other");

    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        if (!Hypothesis.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("item id '" + id + "' must match [a-z0-9-]+");
        }
        likelihoods = List.copyOf(likelihoods);
        for (double l : likelihoods) {
            if (!(l >= 0 && l <= 1)) {
                throw new IllegalArgumentException("likelihood " + l + " of item '" + id + "' must be in [0, 1]");
            }
        }
        if (!(reliability >= 0 && reliability <= 1)) {
            throw new IllegalArgumentException("reliability " + reliability + " of item '" + id + "' must be in [0, 1]");
        }
        if (confidence != null && !(confidence > 0 && Double.isFinite(confidence))) {
            throw new IllegalArgumentException("confidence " + confidence + " of item '" + id + "' must be positive");
        }
        category = category == null ? "other" : category;
        source = source == null ? "" : source;
        quote = quote == null ? "" : quote;
        rationale = rationale == null ? "" : rationale;
        reliabilityCode = reliabilityCode == null ? Double.toString(reliability) : reliabilityCode;
        if (group != null && group.isBlank()) {
            group = null;
        }
        intervals = intervals == null ? List.of() : List.copyOf(intervals);
        if (on != null && on.isBlank()) {
            on = null;
        }
        if (resolution != null && !(resolution.date().equals(date) && resolution.observed() == observed)) {
            throw new IllegalArgumentException("item '" + id + "' is a resolved indicator: its date and observed must "
                    + "be its resolution's");
        }
        boolean[] seen = new boolean[likelihoods.size()];
        for (LikelihoodInterval iv : intervals) {
            if (iv.hypothesis() >= seen.length || seen[iv.hypothesis()]) {
                throw new IllegalArgumentException("interval of item '" + id + "' for hypothesis " + iv.hypothesis()
                        + " is out of range or given twice");
            }
            seen[iv.hypothesis()] = true;
            double l = likelihoods.get(iv.hypothesis());
            if (!(iv.low() <= l && l <= iv.high())) {
                throw new IllegalArgumentException("interval [" + iv.low() + ", " + iv.high() + "] of item '" + id
                        + "' must contain its likelihood " + l);
            }
        }
    }

    /** An item that is not a resolved indicator. */
    public EvidenceItem(String id, LocalDate date, String category, String source, double reliability,
                        String reliabilityCode, String quote, String rationale, List<Double> likelihoods,
                        Double confidence, String group, boolean observed, String origin,
                        List<LikelihoodInterval> intervals, String on) {
        this(id, date, category, source, reliability, reliabilityCode, quote, rationale, likelihoods, confidence,
                group, observed, origin, intervals, on, null);
    }

    /** An item on the question variable. */
    public EvidenceItem(String id, LocalDate date, String category, String source, double reliability,
                        String reliabilityCode, String quote, String rationale, List<Double> likelihoods,
                        Double confidence, String group, boolean observed, String origin,
                        List<LikelihoodInterval> intervals) {
        this(id, date, category, source, reliability, reliabilityCode, quote, rationale, likelihoods, confidence,
                group, observed, origin, intervals, null);
    }

    /** An item without likelihood intervals. */
    public EvidenceItem(String id, LocalDate date, String category, String source, double reliability,
                        String reliabilityCode, String quote, String rationale, List<Double> likelihoods,
                        Double confidence, String group, boolean observed, String origin) {
        this(id, date, category, source, reliability, reliabilityCode, quote, rationale, likelihoods, confidence,
                group, observed, origin, List.of());
    }

    /** Raw likelihoods as a fresh array, for hot loops. */
    public double[] likelihoodArray() {
        double[] out = new double[likelihoods.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = likelihoods.get(k);
        }
        return out;
    }

    /** A copy of this item with other likelihoods (used by sensitivity and tests); its intervals are dropped. */
    public EvidenceItem withLikelihoods(List<Double> newLikelihoods) {
        return new EvidenceItem(id, date, category, source, reliability, reliabilityCode, quote, rationale,
                newLikelihoods, confidence, group, observed, origin, List.of(), on, resolution);
    }

    /** A copy of this item with another reliability. */
    public EvidenceItem withReliability(double r) {
        return new EvidenceItem(id, date, category, source, r, Double.toString(r), quote, rationale,
                likelihoods, confidence, group, observed, origin, intervals, on, resolution);
    }

    /**
     * This candidate indicator resolved: dated at the resolution's date and observed (or absent) as it
     * says. The indicator must not be resolved already.
     */
    public EvidenceItem resolved(Resolution r) {
        if (resolution != null) {
            throw new IllegalStateException("indicator '" + id + "' is resolved already");
        }
        return new EvidenceItem(id, r.date(), category, source, reliability, reliabilityCode, quote, rationale,
                likelihoods, confidence, group, r.observed(), origin, intervals, on, r);
    }

    /**
     * The indicator as a candidate, seen and undated: the item whose probability a forecast gives
     * (P(observed), through {@code CaseModel.withAdded}), whether or not it later resolved.
     */
    public EvidenceItem asCandidate() {
        return new EvidenceItem(id, null, category, source, reliability, reliabilityCode, quote, rationale,
                likelihoods, confidence, group, true, origin, intervals, on, null);
    }
}
