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

/** The forecast history as tables and chart series: estimates per run and the inputs that changed. */
public final class HistoryTables {

    private HistoryTables() {
    }

    /**
     * One row per record: record (its line number), time, version, one column per hypothesis id and
     * per outcome (named by the records; a run lacking one leaves the cell missing), and "inputs
     * changed" against the record before.
     */
    public static Table timeline(List<HistoryLog.Entry> entries) {
        IntColumn record = IntColumn.create("record");
        StringColumn time = StringColumn.create("time");
        StringColumn version = StringColumn.create("version");
        Map<String, DoubleColumn> values = new LinkedHashMap<>();
        for (String key : keys(entries)) {
            values.put(key, DoubleColumn.create(key));
        }
        StringColumn changed = StringColumn.create("inputs changed");
        HistoryRecord before = null;
        for (HistoryLog.Entry e : entries) {
            HistoryRecord r = e.record();
            record.append(e.line());
            time.append(r.time());
            version.append(r.version());
            values.forEach((key, col) -> {
                Double v = r.hypotheses().containsKey(key) ? r.hypotheses().get(key) : r.outcomes().get(key);
                if (v == null) {
                    col.appendMissing();
                } else {
                    col.append(v);
                }
            });
            changed.append(before == null ? "(first run)" : String.join("; ", changes(before, r)).replaceFirst("^$", "none"));
            before = r;
        }
        Table t = Table.create("history", record, time, version);
        values.values().forEach(t::addColumns);
        t.addColumns(changed);
        return t;
    }

    /** Hypothesis ids, then outcomes, in order of first appearance across the records. */
    public static List<String> keys(List<HistoryLog.Entry> entries) {
        Set<String> hs = new LinkedHashSet<>();
        Set<String> os = new LinkedHashSet<>();
        for (HistoryLog.Entry e : entries) {
            hs.addAll(e.record().hypotheses().keySet());
            os.addAll(e.record().outcomes().keySet());
        }
        os.removeAll(hs);
        List<String> out = new ArrayList<>(hs);
        out.addAll(os);
        return out;
    }

    /** Per hypothesis id, its posterior in each record (null where a record lacks it). */
    public static Map<String, List<Double>> hypothesisSeries(List<HistoryLog.Entry> entries) {
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
