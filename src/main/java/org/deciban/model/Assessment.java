package org.deciban.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The analyst's statement of analytic confidence ({@code assessment:} in the case file), in the terms of
 * ICD 203: how sound the judgment's basis is (the quality and number of its sources, how much rests on
 * assumptions, how far the analysts agree), stated apart from the probability it gives. A probability
 * says how likely; the confidence says how much the analyst would bet that the probability is itself
 * right. The two are never merged into one figure.
 *
 * @param confidence low, moderate or high
 * @param reasons    why, one reason an entry; at least one
 */
public record Assessment(Confidence confidence, List<String> reasons) {

    /** ICD 203's three levels of analytic confidence. */
    public enum Confidence {
        LOW, MODERATE, HIGH;

        /** The word as written in case files and reports: "low", "moderate", "high". */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Assessment {
        Objects.requireNonNull(confidence, "confidence");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an assessment of analytic confidence needs at least one reason");
        }
    }
}
