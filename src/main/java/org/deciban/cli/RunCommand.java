package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.ExactEngine;
import org.deciban.inference.Posterior;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.Display;
import org.deciban.report.HistoryRecord;
import org.deciban.report.JsonReport;
import org.deciban.report.PosteriorTables;
import org.deciban.report.Provenance;
import org.deciban.report.ReportFolder;
import org.deciban.report.RunPage;
import org.deciban.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban run}: the posterior of a case, printed and written to reports/&lt;case&gt;/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Update the prior with the evidence; print the posterior per hypothesis and per outcome;",
                "write reports/<case>/posterior.md, posterior.csv, evidence.md and evidence.csv;",
                "write reports/<case>/report.html and append the run to reports/<case>/history.jsonl."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--json", description = "Print the figures as one JSON document on stdout (reports are still written).")
    boolean json;

    @Option(names = "--no-write", description = "Print only; write no report files.")
    boolean noWrite;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        Case c = loader.load(caseArg.resolve(loader));
        Posterior p = ExactEngine.run(c);
        Provenance prov = CaseRun.provenance(c, null, null);
        Map<String, String> files = RunReport.render(c, p, prov);
        ReportFolder folder = CaseRun.reportFolder(common.root, c.id());
        // history and report.html (issue 5): the page charts the history with this run included
        RunHistory history = RunHistory.read(folder, HistoryRecord.of(c, p, prov));
        files.put("report.html", RunPage.build(c, p, prov, history.entriesWithThisRun(), null).render());
        List<Path> written = new ArrayList<>();
        if (!noWrite) {
            written.add(history.append(spec.commandLine().getErr()));
            written.addAll(RunReport.write(folder, files));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.text(JsonReport.of(c, p, prov)));
            return 0;
        }
        out.println(c.id() + ": " + c.question());
        out.println();
        out.print(Display.text(PosteriorTables.posterior(c, p)));
        out.println();
        for (String line : RunReport.headline(p)) {
            out.println(line);
        }
        if (!written.isEmpty()) {
            out.println();
            for (Path f : written) {
                out.println("wrote " + common.root.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()));
            }
        }
        return 0;
    }
}
