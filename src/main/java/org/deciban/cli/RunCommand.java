package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.Posterior;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.Display;
import org.deciban.report.JsonReport;
import org.deciban.report.PosteriorTables;
import org.deciban.report.Provenance;
import org.deciban.report.ReportFolder;
import org.deciban.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban run}: the posterior of a case, printed and written to reports/&lt;case&gt;/. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Update the prior with the evidence; print the posterior per hypothesis and per outcome;",
                "write reports/<case>/posterior.md, posterior.csv, evidence.md and evidence.csv."})
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
        DriftRun.Result engine = DriftRun.posterior(c);
        Posterior p = engine.posterior();
        Provenance prov = CaseRun.provenance(c, null, null);
        Map<String, String> files = engine.annotate(RunReport.render(c, p, prov));
        List<Path> written = List.of();
        if (!noWrite) {
            ReportFolder folder = ReportFolder.of(common.root.resolve("reports"), c.id());
            written = RunReport.write(folder, files);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.text(JsonReport.of(c, p, prov).put("engine", engine.note())));
            return 0;
        }
        out.println(c.id() + ": " + c.question());
        out.println();
        out.print(Display.text(PosteriorTables.posterior(c, p)));
        out.println();
        for (String line : RunReport.headline(p)) {
            out.println(line);
        }
        out.println(engine.note());
        if (!written.isEmpty()) {
            out.println();
            for (Path f : written) {
                out.println("wrote " + common.root.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()));
            }
        }
        return 0;
    }
}
