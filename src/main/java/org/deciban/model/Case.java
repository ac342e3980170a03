package org.deciban.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A forecasting case: a question, K exclusive and exhaustive hypotheses, a prior over them,
 * settings and evidence. Immutable once built.
 *
 * @param id         case id, also the folder name under evidence/ and reports/
 * @param question   the question the case answers
 * @param asOf       the date of the forecast, or {@code null}
 * @param hypotheses the hypotheses, in a fixed order that every per-hypothesis list follows
 * @param prior      the prior over the hypotheses
 * @param settings   run settings
 * @param evidence   the evidence items
 * @param inputs     the files the case was read from, for provenance
 */
public record Case(
        String id,
        String question,
        LocalDate asOf,
        List<Hypothesis> hypotheses,
        Prior prior,
        Settings settings,
        List<EvidenceItem> evidence,
        List<InputFile> inputs) {

    public Case {
        Objects.requireNonNull(id, "id");
        question = question == null ? "" : question;
        hypotheses = List.copyOf(hypotheses);
        evidence = List.copyOf(evidence);
        inputs = List.copyOf(inputs);
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one hypothesis");
        }
        if (prior.probabilities().size() != hypotheses.size()) {
            throw new IllegalArgumentException("prior has " + prior.probabilities().size()
                    + " probabilities for " + hypotheses.size() + " hypotheses");
        }
        Set<String> ids = new HashSet<>();
        for (Hypothesis h : hypotheses) {
            if (!ids.add(h.id())) {
                throw new IllegalArgumentException("duplicate hypothesis id '" + h.id() + "'");
            }
        }
        Set<String> itemIds = new HashSet<>();
        for (EvidenceItem e : evidence) {
            if (!itemIds.add(e.id())) {
                throw new IllegalArgumentException("duplicate evidence id '" + e.id() + "'");
            }
            if (e.likelihoods().size() != hypotheses.size()) {
                throw new IllegalArgumentException("item '" + e.id() + "' has " + e.likelihoods().size()
                        + " likelihoods for " + hypotheses.size() + " hypotheses");
            }
        }
    }

    /** Number of hypotheses K. */
    public int size() {
        return hypotheses.size();
    }

    /** Index of a hypothesis id, or -1. */
    public int indexOf(String hypothesisId) {
        for (int k = 0; k < hypotheses.size(); k++) {
            if (hypotheses.get(k).id().equals(hypothesisId)) {
                return k;
            }
        }
        return -1;
    }

    /** The distinct outcomes named by hypotheses, in order of first appearance. */
    public List<String> outcomes() {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Hypothesis h : hypotheses) {
            if (h.outcome() != null) {
                seen.put(h.outcome(), Boolean.TRUE);
            }
        }
        return new ArrayList<>(seen.keySet());
    }

    /** This case with other evidence (same question, prior and settings). */
    public Case withEvidence(List<EvidenceItem> items) {
        return new Case(id, question, asOf, hypotheses, prior, settings, items, inputs);
    }

    /** This case with another prior. */
    public Case withPrior(Prior newPrior) {
        return new Case(id, question, asOf, hypotheses, newPrior, settings, evidence, inputs);
    }
}
