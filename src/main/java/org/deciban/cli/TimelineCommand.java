package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.dynamics.DriftFilter;
import org.deciban.inference.dynamics.Timeline;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.model.Limits;
import org.deciban.report.Display;
import org.deciban.report.JsonReport;
import org.deciban.report.Numbers;
import org.deciban.report.Provenance;
import org.deciban.report.ReportFolder;
import org.deciban.report.RunReport;
import org.deciban.report.TimelineReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/** {@code deciban timeline}: the filtered posterior after each evidence date and at as_of. */
@Command(name = "timeline", header = "How the forecast moved over time, under the case's drift.", mixinStandardHelpOptions = true,
        description = {"Filter the evidence forward in date order under the case's drift (settings.drift, per year):",
                "print the posterior after each evidence date and at as_of; write reports/<case>/timeline.md and .csv",
                "(timeline-as-of-DATE.* with --as-of, ...-drift-X.* with --drift, so replays never overwrite the forecast).",
                "Items without a date count as observed at the case's as_of."})
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
        Case used = c;
        if (asOf != null) {
            used = c.withEvidence(DriftFilter.observedBy(c, asOf));
        } else {
            DriftRun.requireObservedBy(c, DriftFilter.evaluationDate(c, null), "the case's as_of");
        }
        Timeline t = DriftFilter.run(used, rate, asOf);
        Provenance prov = CaseRun.provenance(c, null, null);
        String base = "timeline" + (asOf == null ? "" : "-as-of-" + asOf)
                + (drift == null ? "" : "-drift-" + Numbers.fixed(rate, 6).replaceAll("0+$", "").replaceAll("\\.$", ""));
        Map<String, String> files = TimelineReport.render(used, t, base, prov);
        List<Path> written = List.of();
        if (!noWrite) {
            written = RunReport.write(ReportFolder.of(common.root.resolve("reports"), c.id()), files);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.text(TimelineReport.json(used, t, prov)));
            return 0;
        }
        out.println(c.id() + ": " + c.question());
        out.println("as of " + (t.end() == null ? "(no date)" : t.end()) + ", " + TimelineReport.driftWords(rate)
                + "; " + used.evidence().size() + " of " + c.evidence().size() + " items");
        out.println();
        Table table = TimelineReport.table(used, t);
        out.print(Display.text(table.removeColumns("items")));
        out.println();
        for (String line : RunReport.headline(t.posterior())) {
            out.println(line);
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
