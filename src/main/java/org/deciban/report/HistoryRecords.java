package org.deciban.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.HistoryRecord;

/** The history record of a run: its provenance and its posterior, as {@code history.jsonl} keeps them. */
public final class HistoryRecords {

    private HistoryRecords() {
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
