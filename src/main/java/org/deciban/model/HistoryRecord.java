package org.deciban.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a case in {@code reports/<case>/history.jsonl}.
 *
 * @param time       time of the run, ISO-8601 UTC (from the run's provenance)
 * @param version    deciban's version
 * @param java       the Java runtime's version
 * @param inputs     SHA-256 of each input file, by path relative to the project root
 * @param seed       seed of the run, or null
 * @param draws      Monte Carlo draws, or null
 * @param hypotheses posterior per hypothesis id, in case order
 * @param outcomes   posterior per outcome, in order of first appearance; the share of hypotheses
 *                   naming no outcome under the report's name for no outcome ("(no outcome)")
 * @param content    what determined the forecast (each item's content hash and numbers, the settings and
 *                   tables), so that {@code deciban diff} needs only the record; {@code null} in records written
 *                   before deciban kept it, for a case too large to keep it, and in the records a plain reading
 *                   of the history keeps in memory (the history log reads one record with it on demand)
 */
public record HistoryRecord(String time, String version, String java, Map<String, String> inputs,
                            Long seed, Long draws, Map<String, Double> hypotheses, Map<String, Double> outcomes,
                            CaseContent content) {

    public HistoryRecord {
        if (time == null || version == null || java == null) {
            throw new IllegalArgumentException("a history record needs time, version and java");
        }
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        hypotheses = Collections.unmodifiableMap(new LinkedHashMap<>(hypotheses));
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** A record without content. */
    public HistoryRecord(String time, String version, String java, Map<String, String> inputs,
                         Long seed, Long draws, Map<String, Double> hypotheses, Map<String, Double> outcomes) {
        this(time, version, java, inputs, seed, draws, hypotheses, outcomes, null);
    }

    /** This record with a content. */
    public HistoryRecord withContent(CaseContent c) {
        return new HistoryRecord(time, version, java, inputs, seed, draws, hypotheses, outcomes, c);
    }

    /** This record without its content (what a reading keeps in memory). */
    public HistoryRecord withoutContent() {
        return content == null ? this : new HistoryRecord(time, version, java, inputs, seed, draws, hypotheses, outcomes);
    }
}
