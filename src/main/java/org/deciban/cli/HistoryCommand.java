package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import org.deciban.io.CaseLoader;
import org.deciban.report.Numbers;
import org.deciban.report.HistoryLog;
import org.deciban.report.HistoryTables;
import org.deciban.report.ReportFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deciban history}: the timeline of a case's recorded runs, and {@code --verify}, which checks
 * the hash chain of reports/&lt;case&gt;/history.jsonl. Exit codes: 0 intact; 1 verification failed
 * (a record was changed, removed or inserted, or the last line is torn); 2 bad input.
 */
@Command(name = "history", header = "Past runs of a case, and proof that none was edited (--verify).", mixinStandardHelpOptions = true,
        description = {"Print the timeline of a case's estimates, run by run, and which input files changed between runs.",
                "With --verify, check the hash chain of reports/<case>/history.jsonl and name the first broken record.",
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String caseId = caseArg.resolve(new CaseLoader(common.root));
        ReportFolder folder = CaseRun.reportFolder(common.root, caseId);
        HistoryLog log = HistoryLog.in(folder);
        PrintWriter out = spec.commandLine().getOut();
        String name = common.root.toAbsolutePath().normalize().relativize(log.path().toAbsolutePath().normalize()).toString();
        if (!Files.exists(log.path())) {
            out.println(name + ": no history yet (no run of " + caseId + " has been recorded)");
            return 0;
        }
        HistoryLog.Reading r = log.read();
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
            if (r.intact()) {
                out.println(name + ": OK, " + Numbers.count(r.entries().size(), "record") + ", chain intact"
                        + (r.sealed().isEmpty() ? "" : " (" + Numbers.count(r.sealed().size(), "interrupted run")
                        + " noted above)"));
                return 0;
            }
            return VERIFY_FAILED;
        }
        return 0;
    }

    private static void timeline(Screen screen, String caseId, String name, HistoryLog.Reading r) {
        List<HistoryLog.Entry> entries = r.entries();
        screen.line(caseId + ": " + Numbers.count(entries.size(), "recorded run") + " in " + name).blank();
        if (entries.isEmpty()) {
            return;
        }
        screen.table(HistoryTables.timeline(entries).removeColumns("inputs_changed")).blank();
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
