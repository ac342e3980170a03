package org.deciban.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import org.deciban.inference.CaseModel;
import org.deciban.inference.models.CaseModels;
import org.deciban.inference.montecarlo.MonteCarloEngine;
import org.deciban.inference.montecarlo.MonteCarloOptions;
import org.deciban.inference.montecarlo.Weighting;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.report.HtmlReport;
import org.deciban.report.IntervalReport;
import org.deciban.report.Provenance;
import org.deciban.report.RunPage;
import org.deciban.report.RunPageSections;
import org.deciban.report.RunReport;

/**
 * Where the time of a whole run goes, stage by stage, for the scale benchmark (src/bench/scale.sh):
 * wall-clock and CPU time of the calling thread per stage (Monte Carlo also uses worker threads, so its
 * CPU figure is the caller's share only). Usage: ScaleStages ROOT CASE [THREADS].
 */
public final class ScaleStages {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ScaleStages() {
    }

    private static <T> T stage(String name, Supplier<T> work) {
        long w0 = System.nanoTime();
        long c0 = CPU.getCurrentThreadCpuTime();
        T out = work.get();
        System.out.printf(Locale.ROOT, "%-14s wall %8.3f s  cpu %8.3f s%n", name, (System.nanoTime() - w0) / 1e9,
                (CPU.getCurrentThreadCpuTime() - c0) / 1e9);
        return out;
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        Case c = stage("load", () -> new CaseLoader(root).load(args[1]));
        CaseModel m = stage("compile", () -> CaseModels.compile(c));
        MonteCarloResult mc = stage("monte-carlo", () -> MonteCarloEngine.run(m, new MonteCarloOptions(c.settings().draws(),
                c.settings().seed(), threads, Weighting.IMPORTANCE)));
        stage("leave-one-out", () -> Sensitivity.leaveOneOut(m));
        stage("tornado", () -> Sensitivity.tornado(m));
        stage("prior-sweep", () -> Sensitivity.priorSweeps(m));
        stage("explain", () -> Explain.of(m));
        stage("timeline", m::timeline);
        // what run adds: the Markdown and CSV reports, and report.html with its sensitivity and timeline sections
        Provenance prov = new Provenance(c.id(), "2024-08-01T00:00:00Z", "bench", System.getProperty("java.version"),
                java.util.Map.of(), c.settings().seed(), c.settings().draws());
        stage("reports", () -> RunReport.render(c, m.posterior(), prov, mc, RunReport.engineNote(m), null, null));
        Sensitivity.Figures f = stage("figures", () -> Sensitivity.figures(m));
        stage("page", () -> {
            HtmlReport page = RunPage.build(c, m.posterior(), prov, java.util.List.of(), IntervalReport.uncertainty(c, mc));
            RunPageSections.addTo(page, c, f, m.timeline());
            return page.render();
        });
    }
}
