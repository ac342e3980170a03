package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.JsonReport;
import org.deciban.report.Provenance;
import org.deciban.report.SensitivityReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deciban sensitivity}: leave-one-out, tornado, prior neighbourhood and "what would it take". */
@Command(name = "sensitivity", header = "How robust the judgment is: leave-one-out, tornado, prior, what it would take.", mixinStandardHelpOptions = true,
        description = {"How fragile the leading hypothesis is: leave-one-out, a tornado over each item's likelihood "
                + "uncertainty, the prior neighbourhood, and the decibans one new item would need to change it.",
                "Writes reports/<case>/sensitivity.md and sensitivity-loo.csv, -tornado.csv, -prior.csv and "
                + "-threshold.csv."})
public final class SensitivityCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Mixin
    ReportOutput output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        Case c = loader.load(caseArg.resolve(loader));
        Sensitivity.Figures f = Sensitivity.figures(CaseRun.model(c));
        Provenance prov = CaseRun.provenance(c, null, null);
        Map<String, String> files = SensitivityReport.render(c, f, prov);
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(JsonReport.text(SensitivityReport.json(c, f, prov)));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        out.print(SensitivityReport.text(c, f, screen.layout()));
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
