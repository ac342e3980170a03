package org.deciban.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Optional intervals to draw on the report's charts and print beside the headline: the exact
 * engine has none; a Monte Carlo run supplies them.
 *
 * @param label      what the intervals are, e.g. "90% credible interval, 100000 draws"
 * @param hypotheses interval per hypothesis id (a hypothesis may be missing)
 * @param outcomes   interval per outcome name (an outcome may be missing)
 */
public record Uncertainty(String label, Map<String, Range> hypotheses, Map<String, Range> outcomes) {

    public Uncertainty {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an uncertainty needs a label saying what its intervals are");
        }
        hypotheses = Collections.unmodifiableMap(new LinkedHashMap<>(hypotheses));
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }
}
