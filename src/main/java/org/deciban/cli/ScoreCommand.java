package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deciban.inference.update.Scoring;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.Numbers;
import org.deciban.report.Provenance;
import org.deciban.report.ScoreReport;
import org.deciban.report.TerminalTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code deciban score}: the resolved indicators of one or more cases, scored against what was forecast. */
@Command(name = "score", header = "How good past forecasts were: resolved indicators scored.", mixinStandardHelpOptions = true,
        description = {"Score every resolved indicator of the named cases (every case under priors/ when none is named) "
                + "against the probability the forecast gave it the day before it resolved: Brier and logarithmic "
                + "scores per indicator and in total, skill against the prior alone, and a calibration table. "
                + "Fewer than " + Scoring.ANECDOTAL_BELOW + " predictions make the scores anecdotal.",
                "Writes reports/<case>/score.md, score.csv and score-calibration.csv for each case with a resolved "
                        + "indicator; report.html of `deciban run` shows the same with a reliability diagram."})
public final class ScoreCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "CASE",
            description = "Case ids (or paths of priors/<case>.yaml); default: every case under priors/.")
    List<String> cases;

    @Mixin
    ReportOutput output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        if (!Files.isDirectory(common.root)) {
            throw new BadInput("--root " + common.root + ": no such folder; allowed: a project folder holding priors/, "
                    + "evidence/ and reports/ (default: the current folder)");
        }
        Set<String> ids = new LinkedHashSet<>();
        if (cases == null || cases.isEmpty()) {
            ids.addAll(loader.availableCases());
            if (ids.isEmpty()) {
                throw new BadInput("no case found: " + common.root.resolve("priors") + " holds no <case>.yaml (see --root)");
            }
        } else {
            for (String given : cases) {
                ids.add(CaseArgument.named(given, common.root));
            }
        }
        // every case is read and scored before anything is written, so bad input writes nothing
        Map<Case, Scoring.Summary> perCase = new LinkedHashMap<>();
        Map<String, Provenance> provenance = new LinkedHashMap<>();
        List<Scoring.Prediction> all = new ArrayList<>();
        for (String id : ids) {
            Case c = loader.load(id);
            List<Scoring.Prediction> ps = Scoring.predictions(c);
            perCase.put(c, Scoring.summarise(ps));
            provenance.put(c.id(), CaseRun.provenance(c, null, null));
            all.addAll(ps);
        }
        Scoring.Summary total = Scoring.summarise(all);
        List<Path> written = new ArrayList<>();
        if (!output.noWrite) {
            for (Map.Entry<Case, Scoring.Summary> e : perCase.entrySet()) {
                if (e.getValue().count() > 0) {
                    CaseRun.reportFolder(common.root, e.getKey().id()).check();
                }
            }
            for (Map.Entry<Case, Scoring.Summary> e : perCase.entrySet()) {
                if (e.getValue().count() > 0) {
                    Case c = e.getKey();
                    written.addAll(output.write(common.root, c.id(), ScoreReport.render(c, e.getValue(), provenance.get(c.id()))));
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ScoreReport.jsonText(perCase, total, provenance));
            return 0;
        }
        Screen screen = common.screen(out);
        for (Map.Entry<Case, Scoring.Summary> e : perCase.entrySet()) {
            Case c = e.getKey();
            Scoring.Summary s = e.getValue();
            screen.line(c.id() + ": " + c.question());
            if (s.count() == 0) {
                screen.line("No resolved indicator yet: nothing to score.").blank();
                continue;
            }
            ScoreReport.summary(s).forEach(screen::line);
            screen.blank().text(TerminalTables.scorePredictions(screen.layout(), s)).blank();
        }
        if (total.count() > 0) {
            int scored = (int) perCase.values().stream().filter(s -> s.count() > 0).count();
            if (scored > 1) {
                screen.line("All " + scored + " cases together:");
                ScoreReport.summary(total).forEach(screen::line);
                screen.blank();
            }
            screen.text(TerminalTables.scoreTotals(screen.layout(), total)).blank();
            screen.text(TerminalTables.scoreCalibration(screen.layout(), total)).blank();
        } else if (perCase.size() > 1) {
            screen.line("None of the " + Numbers.count(perCase.size(), "case") + " has a resolved indicator yet.");
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
