package org.deciban.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.deciban.model.HistoryEntry;
import org.deciban.model.HistoryRecord;

/** The forecast history as tables and chart series: estimates per run and the inputs that changed. */
public final class HistoryTables {

    private HistoryTables() {
    }

    /**
     * One row per record: record (its line number), time, version, p_&lt;id&gt; per hypothesis,
     * outcome_&lt;outcome&gt; per outcome and no_outcome for the share naming none (named by the records,
     * through {@link ColumnNames}, so no two names collide; a run lacking one leaves the cell missing),
     * and inputs_changed against the record before.
     */
    public static Table timeline(List<HistoryEntry> entries) {
        ColumnNames names = new ColumnNames("record", "time", "version", "no_outcome", "inputs_changed");
        IntColumn record = IntColumn.create("record");
        StringColumn time = StringColumn.create("time");
        StringColumn version = StringColumn.create("version");
        Map<String, DoubleColumn> hs = new LinkedHashMap<>();
        Map<String, DoubleColumn> os = new LinkedHashMap<>();
        DoubleColumn none = DoubleColumn.create("no_outcome");
        boolean anyNone = false;
        for (HistoryEntry e : entries) {
            for (String h : e.record().hypotheses().keySet()) {
                hs.computeIfAbsent(h, k -> DoubleColumn.create(names.derive("p_", k)));
            }
            for (String o : e.record().outcomes().keySet()) {
                if (isNoOutcome(o)) {
                    anyNone = true;
                } else {
                    os.computeIfAbsent(o, k -> DoubleColumn.create(names.derive("outcome_", k)));
                }
            }
        }
        StringColumn changed = StringColumn.create("inputs_changed");
        HistoryRecord before = null;
        for (HistoryEntry e : entries) {
            HistoryRecord r = e.record();
            record.append(e.line());
            time.append(r.time());
            version.append(r.version());
            hs.forEach((key, col) -> append(col, r.hypotheses().get(key)));
            os.forEach((key, col) -> append(col, r.outcomes().get(key)));
            Double n = r.outcomes().get(PosteriorTables.NO_OUTCOME);
            append(none, n != null ? n : r.outcomes().get(PosteriorTables.NO_OUTCOME_BEFORE));
            changed.append(before == null ? "(first run)" : String.join("; ", changes(before, r)).replaceFirst("^$", "none"));
            before = r;
        }
        Table t = Table.create("history", record, time, version);
        hs.values().forEach(t::addColumns);
        os.values().forEach(t::addColumns);
        if (anyNone) {
            t.addColumns(none);
        }
        t.addColumns(changed);
        return t;
    }

    private static void append(DoubleColumn col, Double v) {
        if (v == null) {
            col.appendMissing();
        } else {
            col.append(v);
        }
    }

    /** Whether a record's outcome key is the share of hypotheses naming no outcome (either spelling). */
    static boolean isNoOutcome(String key) {
        return key.equals(PosteriorTables.NO_OUTCOME) || key.equals(PosteriorTables.NO_OUTCOME_BEFORE);
    }

    /** Per hypothesis id, its posterior in each record (null where a record lacks it). */
    public static Map<String, List<Double>> hypothesisSeries(List<HistoryEntry> entries) {
        Set<String> hs = new LinkedHashSet<>();
        entries.forEach(e -> hs.addAll(e.record().hypotheses().keySet()));
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String h : hs) {
            List<Double> v = new ArrayList<>();
            entries.forEach(e -> v.add(e.record().hypotheses().get(h)));
            out.put(h, v);
        }
        return out;
    }

    /** Input files added, removed or changed (by SHA-256) from one record to the next, e.g. "changed evidence/x/a.yaml". */
    public static List<String> changes(HistoryRecord before, HistoryRecord after) {
        List<String> out = new ArrayList<>();
        after.inputs().forEach((path, hash) -> {
            String old = before.inputs().get(path);
            if (old == null) {
                out.add("added " + path);
            } else if (!old.equals(hash)) {
                out.add("changed " + path);
            }
        });
        before.inputs().keySet().stream().filter(p -> !after.inputs().containsKey(p)).forEach(p -> out.add("removed " + p));
        if (!before.version().equals(after.version())) {
            out.add("deciban " + before.version() + " -> " + after.version());
        }
        return out;
    }
}
