package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.CaseModel;
import org.deciban.inference.update.ForecastDiff;
import org.deciban.io.CaseLoader;
import org.deciban.io.Dates;
import org.deciban.model.Case;
import org.deciban.io.HistoryLog;
import org.deciban.model.HistoryEntry;
import org.deciban.model.HistoryRecord;
import org.deciban.report.Provenance;
import org.deciban.io.ReportFolder;
import org.deciban.report.TerminalTables;
import org.deciban.report.UpdateNote;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban diff}: what changed between two forecasts of a case, and what each change did. */
@Command(name = "diff", header = "What changed since the last forecast, and what each change did to it.",
        mixinStandardHelpOptions = true,
        description = {"Compare two forecasts of a case: items added, removed and changed (by id and content), settings "
                + "and tables changed, indicators resolved, and the change of each reported probability decomposed "
                + "into the contributions of those changes, in decibans of log-odds.",
                "REF is a history record's hash prefix (at least " + DiffCommand.MIN_PREFIX + " hexadecimal digits, as "
                        + "`deciban history` prints them), a day yyyy-mm-dd (the run recorded that day, UTC; a day with "
                        + "several runs needs the hash), as-of:yyyy-mm-dd (the forecast as it stood that day, replayed "
                        + "from the case as it is now, as timeline --as-of does), or now. Default: the last recorded "
                        + "run against now.",
                "Writes reports/<case>/update-<date>.md, an update note for a briefing, and update-<date>.csv (the "
                        + "decomposition), the date the later forecast's."})
public final class DiffCommand implements Callable<Integer> {

    /** The shortest hash prefix a REF may be. */
    static final int MIN_PREFIX = 4;

    /** The prefix of a REF that names a replay rather than a record. */
    static final String AS_OF = "as-of:";

    private static final String REF_ALLOWED = "allowed: a history record's hash prefix (at least " + MIN_PREFIX
            + " hexadecimal digits, as `deciban history` prints them), the day yyyy-mm-dd of one recorded run, "
            + AS_OF + "yyyy-mm-dd (the forecast replayed as of that day from the case as it is now), or now";

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--from", paramLabel = "REF", description = "The earlier forecast (default: the last recorded run).")
    String from;

    @Option(names = "--to", paramLabel = "REF", description = "The later forecast (default: now, the case as it is).")
    String to;

    @Mixin
    ReportOutput output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A side resolved: the forecast to compare and how the note names it. */
    private record Resolved(ForecastDiff.Forecast forecast, UpdateNote.Side side) {
    }

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        Case c = loader.load(caseArg.resolve(loader));
        ReportFolder folder = CaseRun.reportFolder(common.root, c.id());
        HistoryLog log = HistoryLog.in(folder);
        Resolved a = resolve(from, "--from", c, log);
        Resolved b = resolve(to == null ? "now" : to, "--to", c, log);
        ForecastDiff.Result r = ForecastDiff.of(a.forecast(), b.forecast(), c);
        Provenance prov = CaseRun.provenance(c, null, null);
        String base = UpdateNote.baseName(b.side(), LocalDate.now());
        Map<String, String> files = UpdateNote.render(c, r, a.side(), b.side(), prov, base);
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(UpdateNote.jsonText(c, r, a.side(), b.side(), prov));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        screen.line(UpdateNote.headline(c, r, a.side(), b.side())).blank();
        screen.line("From: " + a.side().label()).line("To:   " + b.side().label()).blank();
        List<String> changes = UpdateNote.changeList(c, r);
        if (!changes.isEmpty()) {
            screen.line("What changed:");
            changes.forEach(x -> screen.line("- " + x));
            screen.blank();
        }
        List<String> inputs = UpdateNote.inputChanges(a.side(), b.side());
        screen.line("Input files: " + (inputs.isEmpty() ? "none changed." : String.join("; ", inputs) + ".")).blank();
        screen.text(TerminalTables.updateFigures(screen.layout(), c, r)).blank();
        String steps = TerminalTables.updateDecomposition(screen.layout(), c, r);
        if (!steps.isEmpty()) {
            screen.text(steps).blank();
        }
        screen.line(UpdateNote.method(r));
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }

    /** A REF (null: the last recorded run) as the forecast it names. */
    private static Resolved resolve(String ref, String option, Case c, HistoryLog log) throws IOException {
        if (ref == null) {
            HistoryLog.Reading reading = log.read();
            if (reading.entries().isEmpty()) {
                throw new BadInput(log.displayName() + ": no recorded run to compare with; run `deciban run " + c.id()
                        + "` first, or give --from DATE to compare with the forecast replayed as of DATE");
            }
            return record(log.full(reading.entries().get(reading.entries().size() - 1).line()), "(last run)");
        }
        String given = ref.strip();
        if (given.equals("now")) {
            CaseModel m = CaseRun.model(c);
            return new Resolved(ForecastDiff.Forecast.of(m), new UpdateNote.Side("the case as it is now, forecast as of "
                    + (m.evaluationDate() == null ? "(no date)" : m.evaluationDate()), "now", m.evaluationDate(), CaseRun.inputs(c)));
        }
        if (given.startsWith(AS_OF)) {
            LocalDate date = Dates.parse(given.substring(AS_OF.length()));
            if (date == null) {
                throw new BadInput(option + " '" + ref + "': not a date written yyyy-mm-dd after " + AS_OF + "; "
                        + REF_ALLOWED);
            }
            CaseModel m = CaseRun.asOf(c, date, c.settings().drift());
            return new Resolved(ForecastDiff.Forecast.of(m), new UpdateNote.Side("the forecast as of " + date
                    + ", replayed from the case as it is now (" + m.source().evidence().size() + " of "
                    + c.evidence().size() + " items observed by then)", given, date, CaseRun.inputs(c)));
        }
        LocalDate day = Dates.parse(given);
        List<HistoryEntry> matches;
        String what;
        if (day != null) {
            String prefix = day + "T";
            matches = log.matching(e -> e.record().time().startsWith(prefix));
            what = "recorded run of " + day + " (UTC)";
        } else {
            String prefix = given.toLowerCase(java.util.Locale.ROOT);
            if (prefix.length() < MIN_PREFIX || prefix.length() > 64
                    || !prefix.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                throw new BadInput(option + " '" + ref + "': " + REF_ALLOWED);
            }
            matches = log.matching(e -> e.hash().startsWith(prefix));
            what = "record whose hash starts with " + prefix;
        }
        if (matches.isEmpty()) {
            throw new BadInput(option + " '" + ref + "': " + log.displayName() + " holds no " + what + "; "
                    + REF_ALLOWED);
        }
        if (matches.size() > 1) {
            List<String> named = new ArrayList<>();
            for (HistoryEntry e : matches) {
                named.add("record " + e.line() + " " + e.hash().substring(0, 12) + " (" + e.record().time() + ")");
            }
            throw new BadInput(option + " '" + ref + "': matches " + (matches.size() < HistoryLog.MAX_MATCHES
                    ? matches.size() + " records" : "at least " + matches.size() + " records") + " ("
                    + String.join(", ", named) + "); allowed: a reference to one record, such as a hash prefix long "
                    + "enough to name one");
        }
        return record(log.full(matches.get(0).line()), given);
    }

    private static Resolved record(HistoryEntry e, String ref) {
        HistoryRecord r = e.record();
        LocalDate date = r.content() == null ? null : r.content().date();
        String label = "the forecast of record " + e.line() + " (hash " + e.hash().substring(0, 12) + ", run " + r.time()
                + (date == null ? "" : ", as of " + date) + ")";
        return new Resolved(new ForecastDiff.Forecast(r.content(), UpdateNote.reported(r)),
                new UpdateNote.Side(label, ref.equals("(last run)") ? e.hash().substring(0, 12) : ref, date, r.inputs()));
    }
}
