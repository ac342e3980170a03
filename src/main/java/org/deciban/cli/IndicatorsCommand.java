package org.deciban.cli;

import org.deciban.inference.CaseModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.Posterior;
import org.deciban.inference.sensitivity.InformationGain;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.TerminalTables;
import org.deciban.report.IndicatorReport;
import org.deciban.report.JsonReport;
import org.deciban.report.Provenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deciban indicators}: candidate indicators ranked by expected information gain. */
@Command(name = "indicators", header = "What to look for next: indicators ranked by expected information gain.", mixinStandardHelpOptions = true,
        description = {"Rank the candidate indicators of evidence/<case>/indicators/*.yaml by expected information "
                + "gain (bits), with P(observed) and the posterior if observed and if not.",
                "Writes reports/<case>/indicators.md and indicators.csv."})
public final class IndicatorsCommand implements Callable<Integer> {

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
        String id = caseArg.resolve(loader);
        Case c = loader.load(id);
        CaseLoader.ItemFiles ind = loader.loadIndicators(id);
        if (ind.items().isEmpty()) {
            throw new BadInput("evidence/" + id + "/indicators/: no indicator files; allowed: one or more *.yaml files "
                    + "of items in the evidence format, likelihoods = P(indicator observed | hypothesis)");
        }
        CaseModel model = CaseRun.model(c);
        Posterior p = model.posterior();
        List<InformationGain.Value> ranked = InformationGain.rank(model, ind.items());
        Provenance prov = CaseRun.provenance(c, ind.inputs(), null, null);
        Map<String, String> files = IndicatorReport.render(c, p, ranked, ind.items(), prov);
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(JsonReport.text(IndicatorReport.json(c, p, ranked, prov)));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        IndicatorReport.summary(c, p, ranked).forEach(screen::line);
        screen.blank().text(TerminalTables.indicators(screen.layout(), c, ranked));
        String given = TerminalTables.indicatorsGiven(screen.layout(), c, ranked);
        if (!given.isEmpty()) {
            screen.blank().line("Under each state of another parent of the indicator's variable, as if it were known:")
                    .blank().text(given);
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
