package org.deciban.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;

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
 *                   naming no outcome under {@link PosteriorTables#NO_OUTCOME}
 */
public record HistoryRecord(String time, String version, String java, Map<String, String> inputs,
                            Long seed, Long draws, Map<String, Double> hypotheses, Map<String, Double> outcomes) {

    public HistoryRecord {
        if (time == null || version == null || java == null) {
            throw new IllegalArgumentException("a history record needs time, version and java");
        }
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        hypotheses = Collections.unmodifiableMap(new LinkedHashMap<>(hypotheses));
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The record of a run: its provenance and its posterior. */
    public static HistoryRecord of(Case c, Posterior p, Provenance prov) {
        Map<String, Double> hs = new LinkedHashMap<>();
        for (int k = 0; k < c.size(); k++) {
            hs.put(c.hypotheses().get(k).id(), p.probabilities().get(k));
        }
        Map<String, Double> os = new LinkedHashMap<>();
        for (OutcomeShare o : p.outcomes()) {
            os.put(o.outcome(), o.probability());
        }
        if (!p.outcomes().isEmpty() && p.noOutcomePrior() > 0) {
            os.put(PosteriorTables.NO_OUTCOME, p.noOutcomeProbability());
        }
        return new HistoryRecord(prov.time(), prov.version(), prov.java(), prov.inputs(), prov.seed(), prov.draws(), hs, os);
    }
}
