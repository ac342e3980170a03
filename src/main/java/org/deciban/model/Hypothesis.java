package org.deciban.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One of the competing hypotheses of a case.
 *
 * @param id      identifier, unique within the case: {@code [a-z0-9-]+} when written in a case file; a
 *                question variable read from a network file keeps its state names as written
 *                ({@link Variable#isStateName})
 * @param label   human-readable statement of the hypothesis
 * @param outcome the outcome this hypothesis favours, or {@code null} when it favours none
 *                (design.md step 6: P(outcome o) is the sum of the posteriors of the hypotheses
 *                whose outcome is o)
 */
public record Hypothesis(String id, String label, String outcome) {

    /** Allowed shape of every id in a case (hypotheses and evidence items). */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public Hypothesis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        if (!ID.matcher(id).matches() && !Variable.isStateName(id)) {
            throw new IllegalArgumentException("hypothesis id '" + id + "' must match [a-z0-9-]+");
        }
        if (outcome != null && outcome.isBlank()) {
            outcome = null;
        }
    }
}
