package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.TerminalTables;
import org.deciban.report.ExplainReport;
import org.deciban.report.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deciban explain}: the evidence ledger in date order and the items that carry the leader. */
@Command(name = "explain", header = "Which evidence carries the judgment: the ledger and the carrying items.", mixinStandardHelpOptions = true,
        description = {"Show the evidence ledger in date order (effective likelihoods, decibans, diagnosticity, "
                + "running posterior) and which items carry the leading hypothesis.",
                "Writes reports/<case>/explain.md and explain.csv."})
public final class ExplainCommand implements Callable<Integer> {

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
        Explain.Explanation x = Explain.of(CaseRun.model(c));
        Provenance prov = CaseRun.provenance(c, null, null);
        Map<String, String> files = ExplainReport.render(c, x, prov);
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(org.deciban.report.JsonReport.text(ExplainReport.json(c, x, prov)));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        screen.text(TerminalTables.ledger(screen.layout(), c, x)).blank();
        ExplainReport.summary(c, x).forEach(screen::line);
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
