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
import org.deciban.inference.update.Scoring;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.report.ResolvedIndicatorReport;
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
                "Resolved indicators (with resolution: in their file) are evidence now: they are listed apart, with "
                        + "the probability the forecast gave them the day before they resolved.",
                "Writes reports/<case>/indicators.md and indicators.csv (and indicators-resolved.csv once one has "
                        + "resolved)."})
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
        List<EvidenceItem> open = ind.items().stream().filter(i -> i.resolution() == null).toList();
        List<Scoring.Prediction> resolved = Scoring.predictions(c);
        List<InformationGain.Value> ranked = InformationGain.rank(model, open);
        Provenance prov = CaseRun.provenance(c, ind.inputs(), null, null);
        Map<String, String> files = new java.util.LinkedHashMap<>(IndicatorReport.render(c, p, ranked, open, prov));
        if (!resolved.isEmpty()) {
            ResolvedIndicatorReport.addTo(files, c, resolved);
        }
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ResolvedIndicatorReport.indicatorsJson(c, p, ranked, prov, resolved));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        if (open.isEmpty()) {
            screen.line("No open indicator: every candidate indicator has resolved.");
        } else {
            IndicatorReport.summary(c, p, ranked).forEach(screen::line);
            screen.blank().text(TerminalTables.indicators(screen.layout(), c, ranked));
            String given = TerminalTables.indicatorsGiven(screen.layout(), c, ranked);
            if (!given.isEmpty()) {
                screen.blank().line("Under each state of another parent of the indicator's variable, as if it were known:")
                        .blank().text(given);
            }
        }
        if (!resolved.isEmpty()) {
            screen.blank().line(ResolvedIndicatorReport.summary(resolved)).blank()
                    .text(TerminalTables.resolvedIndicators(screen.layout(), c, resolved));
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
