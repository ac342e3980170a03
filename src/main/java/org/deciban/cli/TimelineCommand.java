package org.deciban.cli;

import org.deciban.inference.CaseModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.Timeline;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.model.Limits;
import org.deciban.report.TerminalTables;
import org.deciban.report.JsonReport;
import org.deciban.report.Numbers;
import org.deciban.report.Provenance;
import org.deciban.io.ReportFolder;
import org.deciban.report.RunReport;
import org.deciban.report.TimelineReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban timeline}: the filtered posterior after each evidence date and at as_of. */
@Command(name = "timeline", header = "How the forecast moved over time, under the case's drift.", mixinStandardHelpOptions = true,
        description = {"Filter the evidence forward in date order under the case's drift (settings.drift, per year) "
                + "and print the posterior after each evidence date and at as_of. Items without a date count as "
                + "observed at the case's as_of.",
                "Writes reports/<case>/timeline.md and timeline.csv (timeline-as-of-DATE.* with --as-of, "
                + "...-drift-X.* with --drift, so replays never overwrite the forecast)."})
public final class TimelineCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Replay the forecast as of DATE (yyyy-mm-dd): only items observed on or before DATE count "
                    + "(undated items only when DATE is on or after the case's as_of).")
    LocalDate asOf;

    @Option(names = "--drift", paramLabel = "RATE",
            description = "Drift rate per year to use instead of the case's settings.drift (a number >= 0).")
    Double drift;

    @Option(names = "--json", description = "Print the figures as one JSON document on stdout (reports are still written).")
    boolean json;

    @Option(names = "--no-write", description = "Print only; write no report files.")
    boolean noWrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (drift != null && !(drift >= 0 && drift <= Limits.MAX_DRIFT)) {
            throw new BadInput("--drift " + Options.shown(drift) + ": allowed: " + CaseLoader.DRIFT_ALLOWED);
        }
        CaseLoader loader = new CaseLoader(common.root);
        Case c = loader.load(caseArg.resolve(loader));
        double rate = drift != null ? drift : c.settings().drift();
        CaseModel model = asOf != null ? CaseRun.asOf(c, asOf, rate) : CaseRun.model(c, rate, null);
        Case used = model.source();
        Timeline t = model.timeline();
        Provenance prov = CaseRun.provenance(c, null, null);
        String base = "timeline" + (asOf == null ? "" : "-as-of-" + asOf)
                + (drift == null ? "" : "-drift-" + Numbers.fixed(rate, 6).replaceAll("0+$", "").replaceAll("\\.$", ""));
        Map<String, String> files = TimelineReport.render(used, t, base, prov);
        List<Path> written = List.of();
        if (!noWrite) {
            written = ReportFolder.of(common.root.resolve("reports"), c.id()).writeAll(files);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.text(TimelineReport.json(used, t, prov)));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question());
        screen.line("As of " + (t.end() == null ? "(no date)" : t.end()) + ", " + TimelineReport.driftWords(rate)
                + "; " + used.evidence().size() + " of " + Numbers.count(c.evidence().size(), "evidence item") + ".");
        screen.blank();
        screen.text(TerminalTables.timeline(screen.layout(), used, t)).blank();
        for (String line : RunReport.headline(used, t.posterior())) {
            screen.line(line);
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
