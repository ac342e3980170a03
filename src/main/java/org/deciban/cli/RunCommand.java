package org.deciban.cli;

import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.inference.CaseModel;
import org.deciban.inference.VariableMarginal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.Posterior;
import org.deciban.inference.montecarlo.MonteCarloEngine;
import org.deciban.inference.montecarlo.MonteCarloOptions;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.montecarlo.Weighting;
import org.deciban.io.CaseLoader;
import org.deciban.inference.update.Scoring;
import org.deciban.model.Case;
import org.deciban.model.CaseContent;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.report.TerminalTables;
import org.deciban.report.ConfidenceReport;
import org.deciban.model.Limits;
import org.deciban.report.SourceReport;
import org.deciban.report.HtmlReport;
import org.deciban.report.IntervalReport;
import org.deciban.report.JsonReport;
import org.deciban.report.NetworkDiagram;
import org.deciban.report.Numbers;
import org.deciban.report.NetworkReport;
import org.deciban.report.Provenance;
import org.deciban.io.ReportFolder;
import org.deciban.report.RunPage;
import org.deciban.report.RunPageSections;
import org.deciban.report.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.deciban.report.HistoryRecords;
import org.deciban.report.ScoreReport;

/** {@code deciban run}: the posterior of a case, printed and written to reports/&lt;case&gt;/. */
@Command(name = "run", header = "The posterior of a case, with credible intervals; writes its reports.", mixinStandardHelpOptions = true,
        description = {"Update the prior with the evidence and print the posterior per hypothesis and per outcome, "
                + "with Monte Carlo credible intervals.",
                "Writes reports/<case>/report.html, posterior.md, posterior.csv, evidence.md and evidence.csv, and "
                + "appends the run to reports/<case>/history.jsonl (--no-write: print only)."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--json", description = "Print the figures as one JSON document on stdout (reports are still written).")
    boolean json;

    @Option(names = "--no-write", description = "Print only; write no report files.")
    boolean noWrite;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "The forecast as it stood on DATE (yyyy-mm-dd), replayed as timeline --as-of replays it: only "
                    + "items observed on or before DATE count and the question drifts to DATE. Printed only: nothing is "
                    + "written (the reports and the history hold the case's current forecast).")
    LocalDate asOf;

    @Option(names = "--draws", paramLabel = "N", description = "Monte Carlo draws (default: the case's settings.draws).")
    Long draws;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the Monte Carlo generator (default: the case's settings.seed).")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Worker threads (default: the available processors); the figures do not depend on it.")
    Integer threads;

    @Option(names = "--judgment-spread",
            description = "Report the UNWEIGHTED spread of the posterior as the judgments vary, instead of the "
                    + "credible interval (draws not weighted by the evidence).")
    boolean judgmentSpread;

    @Option(names = "--no-mc", description = "Skip Monte Carlo: exact posterior only.")
    boolean noMonteCarlo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        CaseLoader.Loaded read = loader.loadWithChecks(caseArg.resolve(loader));
        Case loaded = read.subject();
        boolean write = !noWrite && asOf == null;
        if (write) {
            CaseRun.reportFolder(common.root, loaded.id()).check();
        }
        CaseModel model = asOf == null ? CaseRun.model(loaded) : CaseRun.asOf(loaded, asOf, loaded.settings().drift());
        Case c = asOf == null ? loaded : model.source().withAsOf(asOf);
        Posterior p = model.posterior();
        String engine = RunReport.engineNote(model);
        MonteCarloResult mc = null;
        if (!noMonteCarlo) {
            MonteCarloOptions options = monteCarloOptions(c);
            try (Progress progress = Progress.forDraws(options.draws())) {
                mc = MonteCarloEngine.run(model, options, progress);
            }
        }
        Provenance prov = mc == null ? CaseRun.provenance(c, null, null)
                : CaseRun.provenance(c, mc.options().seed(), mc.options().draws());
        List<VariableMarginal> variables = c.structured() ? model.variables() : null;
        ExpectationGap.Figures gap = c.sourceReading() == null ? null
                : ExpectationGap.of(model, read.checks().expectations());
        Map<String, String> files = RunReport.render(c, p, prov, mc, engine, variables, gap);
        List<Path> written = new ArrayList<>();
        if (write) {
            ReportFolder folder = CaseRun.reportFolder(common.root, c.id());
            // one session under the folder's lock: report.html shows the history as it stands once this run's
            // record is appended, and the record is appended only after every report is in place
            try (ReportFolder.Writing session = folder.open()) {
                RunHistory history = RunHistory.read(folder, HistoryRecords.of(c, p, prov)
                        .withContent(CaseContent.of(c, model.evaluationDate())));
                HtmlReport page = RunPage.build(c, p, prov, history.entriesWithThisRun(),
                        mc == null ? null : IntervalReport.uncertainty(c, mc));
                if (gap != null) {
                    RunPage.addSourceSection(page, c, p, gap);
                }
                RunPageSections.addTo(page, c, Sensitivity.figures(model), model.timeline());
                if (variables != null) {
                    NetworkReport.addTo(page, variables);
                    page.addBefore(RunPage.EVIDENCE, NetworkDiagram.section(c, variables));
                }
                List<Scoring.Prediction> scored = Scoring.predictions(c);
                if (!scored.isEmpty()) {
                    ScoreReport.addTo(page, c, Scoring.summarise(scored));
                }
                files.put("report.html", page.render());
                try {
                    written.addAll(session.writeAll(files));
                } catch (ReportFolder.WriteFailedException e) {
                    throw new ReportFolder.WriteFailedException(e.file(), e.getCause(), e.note()
                            + "; the run was not recorded in history.jsonl");
                }
                written.add(history.append(spec.commandLine().getErr()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (mc != null) {
            for (String w : mc.warnings()) {
                spec.commandLine().getErr().println("deciban: warning: " + w);
            }
            spec.commandLine().getErr().flush();
        }
        if (json) {
            out.println(JsonReport.run(c, p, prov, engine, variables, mc, gap));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        if (asOf != null) {
            screen.line("The forecast as of " + asOf + ", replayed: " + c.evidence().size() + " of "
                    + Numbers.count(loaded.evidence().size(), "evidence item") + " observed by then; nothing written.").blank();
        }
        screen.text(TerminalTables.posterior(screen.layout(), c, p, mc)).blank();
        if (variables != null) {
            screen.text(TerminalTables.variables(screen.layout(), variables)).blank();
        }
        for (String line : mc == null ? RunReport.headline(c, p) : IntervalReport.headline(c, p, mc)) {
            screen.line(line);
        }
        screen.line(engine);
        if (mc != null) {
            screen.line(IntervalReport.method(mc));
        }
        if (c.assessment() != null) {
            screen.blank();
            ConfidenceReport.lines(c.assessment()).forEach(screen::line);
        }
        if (gap != null) {
            screen.blank();
            SourceReport.lines(c, p, gap).forEach(screen::line);
            String verdicts = TerminalTables.verdicts(screen.layout(), gap);
            if (!verdicts.isEmpty()) {
                screen.blank().text(verdicts);
            }
            String towards = TerminalTables.towards(screen.layout(), c, gap);
            if (!towards.isEmpty()) {
                screen.blank().text(towards);
            }
        }
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }

    private MonteCarloOptions monteCarloOptions(Case c) {
        long n = draws != null ? draws : c.settings().draws();
        if (n < 1 || n > Limits.MAX_DRAWS) {
            throw new BadInput("--draws " + n + ": allowed: a whole number from 1 to 10^12");
        }
        int t = threads != null ? threads : Math.min(Limits.MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (t < 1 || t > Limits.MAX_THREADS) {
            throw new BadInput("--threads " + t + ": allowed: a whole number from 1 to " + Limits.MAX_THREADS);
        }
        return new MonteCarloOptions(n, seed != null ? seed : c.settings().seed(), t,
                judgmentSpread ? Weighting.JUDGMENT_SPREAD : Weighting.IMPORTANCE);
    }
}
