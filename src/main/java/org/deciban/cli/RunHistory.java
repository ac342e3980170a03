package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deciban.io.HistoryLog;
import org.deciban.model.HistoryRecord;
import org.deciban.io.ReportFolder;
import org.deciban.model.HistoryEntry;

/**
 * The history step of {@code deciban run}, inside the report folder's writing session (its lock is
 * held throughout, so no other run appends in between): reads reports/&lt;case&gt;/history.jsonl
 * before the reports are rendered, so report.html shows the history exactly as it stands once this
 * run's record is appended; appends the record only after every report is in place; and says what
 * it found: a torn last line it sealed, or a chain already broken.
 */
final class RunHistory {

    private final HistoryLog log;
    private final HistoryLog.Reading before;
    private final HistoryRecord record;

    private RunHistory(HistoryLog log, HistoryLog.Reading before, HistoryRecord record) {
        this.log = log;
        this.before = before;
        this.record = record;
    }

    /** Reads the history of the folder; call it inside the folder's {@link ReportFolder.Writing} session. */
    static RunHistory read(ReportFolder folder, HistoryRecord record) throws IOException {
        HistoryLog log = HistoryLog.in(folder);
        return new RunHistory(log, log.read(), record);
    }

    /** The newest runs report.html charts and lists: this one and the {@value #PAGE_RUNS} before it. */
    static final int PAGE_RUNS = 200;

    /** The recorded runs (the newest {@link #PAGE_RUNS}) and this one, as the page shows them. */
    List<HistoryEntry> entriesWithThisRun() {
        List<HistoryEntry> kept = before.entries();
        List<HistoryEntry> out = new ArrayList<>(kept.subList(Math.max(0, kept.size() - PAGE_RUNS), kept.size()));
        out.add(new HistoryEntry(Math.toIntExact(Math.min(Integer.MAX_VALUE, before.lines() + 1)), record));
        return out;
    }

    /** Appends this run's record; warnings go to {@code err}. Returns the history file. */
    Path append(PrintWriter err) throws IOException {
        log.append(record);
        if (before.tornTail() != null) {
            err.println("deciban: warning: " + log.path().getFileName() + ": " + before.tornTail()
                    .replaceFirst(" \\(.*", "") + "; a run was interrupted while appending. Kept it and noted it in the new record.");
        }
        if (before.brokenLine() != 0) {
            err.println("deciban: warning: " + log.path().getFileName() + ": the chain is broken at record "
                    + before.brokenLine() + " (" + before.broken() + "); this run was appended after it. "
                    + "See `deciban history --verify`.");
        }
        return log.path();
    }
}
