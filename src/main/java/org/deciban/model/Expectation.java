package org.deciban.model;

import java.util.Objects;

/**
 * Something an analyst expects of a case's posterior, checked by {@code deciban test}.
 *
 * <p>Either "hypothesis h leads" (its posterior is the largest, strictly), or a comparison of
 * the posterior of a hypothesis or of an outcome with a number or an ICD 203 band:
 * {@code at_least x} means p &gt;= x, {@code at_most x} p &lt;= x, {@code above x} p &gt; x,
 * {@code below x} p &lt; x. With a band instead of a number, the comparison is between the band of
 * p and that band ("at_least likely": the band of p is likely or higher).
 *
 * @param subject    what is compared
 * @param target     hypothesis id or outcome name
 * @param comparison how
 * @param number     the number compared with, or {@code null} when {@code band} is given (or for LEADS)
 * @param band       the band compared with, or {@code null}
 * @param text       the expectation as the analyst wrote it, for reports
 */
public record Expectation(Subject subject, String target, Comparison comparison, Double number, Icd203 band,
                          String text) {

    /** What an expectation is about. */
    public enum Subject { HYPOTHESIS, OUTCOME }

    /** The comparisons an expectation may make. */
    public enum Comparison { LEADS, AT_LEAST, AT_MOST, ABOVE, BELOW }

    public Expectation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(text, "text");
        if (comparison == Comparison.LEADS ? subject != Subject.HYPOTHESIS || number != null || band != null
                : (number == null) == (band == null)) {
            throw new IllegalArgumentException("malformed expectation: " + text);
        }
        if (number != null && !(number >= 0 && number <= 1)) {
            throw new IllegalArgumentException("expectation " + text + ": " + number + " is not in [0, 1]");
        }
    }

    /** Whether a probability p meets this comparison (not for LEADS). */
    public boolean holdsFor(double p) {
        if (band != null) {
            int have = Icd203.of(Math.max(0, Math.min(1, p))).ordinal();
            int want = band.ordinal();
            switch (comparison) {
                case AT_LEAST: return have >= want;
                case AT_MOST: return have <= want;
                case ABOVE: return have > want;
                case BELOW: return have < want;
                default: throw new IllegalStateException("LEADS has no threshold");
            }
        }
        switch (comparison) {
            case AT_LEAST: return p >= number;
            case AT_MOST: return p <= number;
            case ABOVE: return p > number;
            case BELOW: return p < number;
            default: throw new IllegalStateException("LEADS has no threshold");
        }
    }
}
