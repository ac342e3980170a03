package org.deciban.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.CaseContent;

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
 * @param content    what determined the forecast (each item's content hash and numbers, the settings and
 *                   tables), so that {@code deciban diff} needs only the record; {@code null} in records written
 *                   before deciban kept it, for a case too large to keep it, and in the records a plain
 *                   {@link HistoryLog#read} keeps (see {@link HistoryLog#full})
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

    /** The record of a run: its provenance and its posterior, without content. */
    public static HistoryRecord of(Case c, Posterior p, Provenance prov) {
        return of(c, p, prov, null);
    }

    /** The record of a run: its provenance, its posterior (the probabilities it reports) and its content. */
    public static HistoryRecord of(Case c, Posterior p, Provenance prov, CaseContent content) {
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
        return new HistoryRecord(prov.time(), prov.version(), prov.java(), prov.inputs(), prov.seed(), prov.draws(), hs, os,
                content);
    }

    /** This record without its content (what a reading keeps in memory). */
    public HistoryRecord withoutContent() {
        return content == null ? this : new HistoryRecord(time, version, java, inputs, seed, draws, hypotheses, outcomes);
    }
}
