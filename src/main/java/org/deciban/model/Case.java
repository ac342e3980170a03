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
 * <p>Every case is a discrete Bayesian network (design.md "Cases built as networks"). The
 * hypotheses are the states of its question variable, in the same order. A case written without
 * {@code variables:} or {@code network:} is the one-variable network whose only variable is the
 * question, its states the hypotheses and its root table the prior; such a case has
 * {@code network().size() == 1} and a non-null {@link #prior()}. A network case (more than one
 * variable) has no prior of its own: the prior of its question variable is a marginal of the network,
 * which inference computes, so {@link #prior()} is {@code null} there and {@link #structured()} is true.
 * Each evidence item is on one variable ({@link EvidenceItem#on()}, the question variable when
 * {@code null}) and has one likelihood per state of it.
 *
 * @param id         case id, also the folder name under evidence/ and reports/
 * @param question   the question the case answers
 * @param asOf       the date of the forecast, or {@code null}
 * @param hypotheses the hypotheses, in a fixed order that every per-hypothesis list follows
 * @param prior      the prior over the hypotheses
 * @param settings   run settings
 * @param evidence   the evidence items
 * @param inputs     the files the case was read from, for provenance
 * @param network    the case's network (the one-variable network of the question for a case without variables)
 * @param questionVariable id of the variable the question asks about; its states are the hypotheses
 * @param sourceReading how the case reads its source ({@code source_reading:}), or {@code null}; for reports only
 * @param assessment the analyst's analytic confidence ({@code assessment:}), or {@code null}; for reports only
 */
public record Case(
        String id,
        String question,
        LocalDate asOf,
        List<Hypothesis> hypotheses,
        Prior prior,
        Settings settings,
        List<EvidenceItem> evidence,
        List<InputFile> inputs,
        Network network,
        String questionVariable,
        SourceReading sourceReading,
        Assessment assessment) {

    /** Id of the question variable of a case written without {@code variables:} or {@code network:}. */
    public static final String QUESTION = "question";

    public Case {
        Objects.requireNonNull(id, "id");
        question = question == null ? "" : question;
        hypotheses = List.copyOf(hypotheses);
        evidence = List.copyOf(evidence);
        inputs = List.copyOf(inputs);
        if (hypotheses.isEmpty()) {
            throw new IllegalArgumentException("a case needs at least one hypothesis");
        }
        java.util.Objects.requireNonNull(network, "network");
        int q = network.indexOf(questionVariable);
        if (q < 0) {
            throw new IllegalArgumentException("question variable '" + questionVariable + "' is not in the network");
        }
        List<State> qStates = network.variable(q).states();
        if (qStates.size() != hypotheses.size()) {
            throw new IllegalArgumentException("question variable '" + questionVariable + "' has " + qStates.size()
                    + " states for " + hypotheses.size() + " hypotheses");
        }
        for (int k = 0; k < qStates.size(); k++) {
            if (!qStates.get(k).id().equals(hypotheses.get(k).id())) {
                throw new IllegalArgumentException("hypothesis " + k + " '" + hypotheses.get(k).id()
                        + "' is not state " + k + " '" + qStates.get(k).id() + "' of the question variable");
            }
        }
        if (network.size() == 1 ? prior == null : prior != null) {
            throw new IllegalArgumentException(network.size() == 1 ? "a one-variable case needs its prior"
                    : "a network case has no prior of its own (its question's prior is a marginal)");
        }
        if (prior != null && prior.probabilities().size() != hypotheses.size()) {
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
            String on = e.on() == null ? questionVariable : e.on();
            int v = network.indexOf(on);
            if (v < 0) {
                throw new IllegalArgumentException("item '" + e.id() + "' is on '" + on + "', not a variable of the network");
            }
            if (e.likelihoods().size() != network.states(v)) {
                throw new IllegalArgumentException("item '" + e.id() + "' has " + e.likelihoods().size()
                        + " likelihoods for the " + network.states(v) + " states of '" + on + "'");
            }
        }
    }

    /** A case without a source reading or an assessment. */
    public Case(String id, String question, LocalDate asOf, List<Hypothesis> hypotheses, Prior prior,
                Settings settings, List<EvidenceItem> evidence, List<InputFile> inputs, Network network,
                String questionVariable) {
        this(id, question, asOf, hypotheses, prior, settings, evidence, inputs, network, questionVariable, null, null);
    }

    /**
     * A case written without {@code variables:} or {@code network:}: the one-variable network of the
     * question variable {@value #QUESTION}, whose states are the hypotheses and whose root table is the prior.
     */
    public Case(String id, String question, LocalDate asOf, List<Hypothesis> hypotheses, Prior prior,
                Settings settings, List<EvidenceItem> evidence, List<InputFile> inputs) {
        this(id, question, asOf, hypotheses, prior, settings, evidence, inputs, questionNetwork(hypotheses, prior), QUESTION);
    }

    /** The one-variable network of a question: its states the hypotheses, its table the prior. */
    public static Network questionNetwork(List<Hypothesis> hypotheses, Prior prior) {
        List<State> states = new ArrayList<>();
        for (Hypothesis h : hypotheses) {
            states.add(new State(h.id(), h.label()));
        }
        return Network.of(new Variable(QUESTION, "the question", states, List.of(),
                ConditionalTable.root(prior.probabilities()), prior.concentration(), new TableForm.Prior(), null));
    }

    /** Whether the case is a network of more than one variable (its question's prior is then a marginal). */
    public boolean structured() {
        return network.size() > 1;
    }

    /** The variable an item is evidence about: its {@code on}, or the question variable. */
    public Variable variableOf(EvidenceItem item) {
        return network.variable(item.on() == null ? questionVariable : item.on());
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
        return new Case(id, question, asOf, hypotheses, prior, settings, items, inputs, network, questionVariable,
                sourceReading, assessment);
    }

    /** This case as of another date (the same evidence; the caller chooses which items count by then). */
    public Case withAsOf(LocalDate date) {
        return new Case(id, question, date, hypotheses, prior, settings, evidence, inputs, network, questionVariable,
                sourceReading, assessment);
    }

    /**
     * This one-variable case with another prior.
     *
     * @throws UnsupportedOperationException for a network case, whose question's prior is a marginal
     */
    public Case withPrior(Prior newPrior) {
        if (structured()) {
            throw new UnsupportedOperationException("a network case's prior is set through its tables");
        }
        return new Case(id, question, asOf, hypotheses, newPrior, settings, evidence, inputs,
                questionNetwork(hypotheses, newPrior), QUESTION, sourceReading, assessment);
    }
}
