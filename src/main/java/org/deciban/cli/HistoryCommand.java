package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.deciban.io.CaseLoader;
import org.deciban.report.TerminalTables;
import org.deciban.report.Numbers;
import org.deciban.io.HistoryLog;
import org.deciban.report.HistoryTables;
import org.deciban.io.ReportFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.deciban.model.HistoryEntry;

/**
 * {@code deciban history}: the timeline of a case's recorded runs, and {@code --verify}, which checks
 * the hash chain of reports/&lt;case&gt;/history.jsonl. Exit codes: 0 intact; 1 verification failed
 * (a record was changed, removed or inserted, or the last line is torn); 2 bad input.
 */
@Command(name = "history", header = "Past runs of a case, and proof that none was edited (--verify).", mixinStandardHelpOptions = true,
        description = {"Print the timeline of a case's estimates, run by run, and which input files changed between runs.",
                "With --verify, check the hash chain of reports/<case>/history.jsonl and name the first broken record; "
                        + "with --anchor HASH, also check that a record hash noted earlier is still in the chain at its place.",
                "Exit codes: 0 intact, 1 verification failed (a changed record, or a torn last line), 2 bad input."})
public final class HistoryCommand implements Callable<Integer> {

    /** Exit code of a history that fails verification. */
    public static final int VERIFY_FAILED = 1;

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--verify", description = "Check the chain of records; exit 1 naming the first broken record.")
    boolean verify;

    @Option(names = "--anchor", paramLabel = "HASH",
            description = "With --verify: a record hash noted earlier (in a briefing, a commit); exit 1 unless that "
                    + "record is still in the chain at its place, so nothing up to it was rewritten or removed.")
    String anchor;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (anchor != null) {
            if (!verify) {
                throw new BadInput("--anchor: allowed only with --verify");
            }
            anchor = anchor.strip().toLowerCase(java.util.Locale.ROOT);
            if (!HistoryLog.isHash(anchor)) {
                throw new BadInput("--anchor '" + anchor + "': allowed: a record hash of 64 hexadecimal digits, as "
                        + "`deciban history --verify` prints it");
            }
        }
        String caseId = caseArg.resolve(new CaseLoader(common.root));
        ReportFolder folder = CaseRun.reportFolder(common.root, caseId);
        HistoryLog log = HistoryLog.in(folder);
        PrintWriter out = spec.commandLine().getOut();
        String name = log.displayName();
        if (!log.exists()) {
            out.println(name + ": no history yet (no run of " + caseId + " has been recorded)");
            return anchor == null ? 0 : VERIFY_FAILED;
        }
        HistoryLog.Reading r = log.read(anchor);
        if (!verify) {
            timeline(common.screen(out), caseId, name, r);
        }
        for (String s : r.sealed()) {
            out.println(name + ": note: " + s);
        }
        if (r.brokenLine() != 0) {
            out.println(name + ": BROKEN at record " + r.brokenLine() + ": " + r.broken());
        }
        if (r.tornTail() != null) {
            out.println(name + ": TORN: " + r.tornTail());
        }
        if (verify) {
            boolean anchored = anchor == null || r.anchorLine() != 0;
            if (anchor != null) {
                out.println(name + (anchored ? ": anchor found: record " + r.anchorLine() + " has hash " + anchor
                        + "; the records up to it are as they were when it was noted"
                        : ": ANCHOR NOT FOUND: no record has hash " + anchor + "; the history was rewritten or cut "
                        + "at or before the record it anchored"));
            }
            if (r.intact() && anchored) {
                out.println(name + ": OK, " + Numbers.count(r.recordCount(), "record") + ", chain intact"
                        + (r.sealed().isEmpty() ? "" : " (" + Numbers.count(r.sealed().size(), "interrupted run")
                        + " noted above)"));
                if (r.newestHash() != null) {
                    out.println(name + ": newest record " + r.entries().get(r.entries().size() - 1).line() + ", hash "
                            + r.newestHash() + " (note it elsewhere; --anchor checks later that it is still there)");
                }
                return 0;
            }
            return VERIFY_FAILED;
        }
        return 0;
    }

    private static void timeline(Screen screen, String caseId, String name, HistoryLog.Reading r) {
        List<HistoryEntry> entries = r.entries();
        screen.line(caseId + ": " + Numbers.count(r.recordCount(), "recorded run") + " in " + name
                + (entries.size() < r.recordCount() ? "; the newest " + entries.size() + " shown" : "")).blank();
        if (entries.isEmpty()) {
            return;
        }
        screen.text(TerminalTables.history(screen.layout(), entries)).blank();
        screen.line("Inputs changed between runs:");
        for (int i = 1; i < entries.size(); i++) {
            List<String> ch = HistoryTables.changes(entries.get(i - 1).record(), entries.get(i).record());
            screen.line("  record " + entries.get(i).line() + " (" + entries.get(i).record().time() + "): "
                    + (ch.isEmpty() ? "none" : String.join("; ", ch)));
        }
        if (entries.size() == 1) {
            screen.line("  (only one run)");
        }
    }
}
