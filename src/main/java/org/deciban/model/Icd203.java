package org.deciban.model;

import java.util.Locale;

/**
 * The ICD 203 expressions of likelihood (design.md step 7).
 *
 * <p>Each band holds its lower bound and not its upper one: [0, .05) almost no chance,
 * [.05, .20) very unlikely, [.20, .45) unlikely, [.45, .55) roughly even chance,
 * [.55, .80) likely, [.80, .95) very likely, [.95, 1] almost certain.
 */
public enum Icd203 {
    ALMOST_NO_CHANCE("almost no chance", 0.00, 0.05),
    VERY_UNLIKELY("very unlikely", 0.05, 0.20),
    UNLIKELY("unlikely", 0.20, 0.45),
    ROUGHLY_EVEN_CHANCE("roughly even chance", 0.45, 0.55),
    LIKELY("likely", 0.55, 0.80),
    VERY_LIKELY("very likely", 0.80, 0.95),
    ALMOST_CERTAIN("almost certain", 0.95, 1.00);

    private final String phrase;
    private final double lower;
    private final double upper;

    Icd203(String phrase, double lower, double upper) {
        this.phrase = phrase;
        this.lower = lower;
        this.upper = upper;
    }

    /** The words, e.g. "very likely". */
    public String phrase() {
        return phrase;
    }

    /** Inclusive lower bound of the band. */
    public double lower() {
        return lower;
    }

    /** Exclusive upper bound of the band (1 is inclusive for the last band). */
    public double upper() {
        return upper;
    }

    /** The band's midpoint, the default number a phrase stands for when read as a likelihood. */
    public double midpoint() {
        return (lower + upper) / 2;
    }

    /** The band of a probability p in [0, 1]. */
    public static Icd203 of(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability " + p + " is not in [0, 1]");
        }
        for (Icd203 band : values()) {
            if (p < band.upper) {
                return band;
            }
        }
        return ALMOST_CERTAIN;
    }

    /** Words and range, e.g. "likely (55-80%)". */
    public String withRange() {
        return String.format(Locale.ROOT, "%s (%d-%d%%)", phrase,
                Math.round(lower * 100), Math.round(upper * 100));
    }
}
