package org.deciban.bench;

import org.deciban.testing.Models;
import java.util.Locale;
import org.deciban.inference.montecarlo.Interval;
import org.deciban.inference.montecarlo.MonteCarloEngine;
import org.deciban.inference.montecarlo.MonteCarloOptions;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.montecarlo.Weighting;
import org.deciban.model.Case;

/**
 * One timed run of the Monte Carlo kernel on the benchmark workload, for src/bench/run-bench.sh.
 * Usage: {@code BenchMain small|large kernel|floor THREADS DRAWS}. The case is prepared once
 * ({@link MonteCarloEngine#prepare}: the workload states its Betas as 90% intervals, solved back to Beta
 * shapes there; numpy is given the shapes), outside the timed region; then one warm-up run on a tenth of
 * the draws and one timed run (draws, posteriors, weighting and every summary); prints "draws/s" and the
 * summaries (weighted mean, 5% and 95% quantiles).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        Case c = "large".equals(args[0]) ? Workload.large() : Workload.small();
        boolean floor = "floor".equals(args[1]);
        int threads = Integer.parseInt(args[2]);
        long draws = Long.parseLong(args[3]);
        MonteCarloEngine.Prepared p = MonteCarloEngine.prepare(Models.compile(c));
        run(p, floor, threads, Math.max(1, draws / 10));
        long t0 = System.nanoTime();
        Object out = run(p, floor, threads, draws);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "deciban %s %s threads=%d draws=%d seconds=%.3f draws_per_s=%.0f%n",
                args[0], args[1], threads, draws, secs, draws / secs);
        if (out instanceof MonteCarloResult) {
            MonteCarloResult r = (MonteCarloResult) out;
            for (int k = 0; k < r.hypotheses().size(); k++) {
                Interval iv = r.hypotheses().get(k);
                System.out.printf(Locale.ROOT, "  h%d mean=%.4f p05=%.4f p95=%.4f ess=%.0f%n", k, iv.mean(), iv.p05(),
                        iv.p95(), iv.ess());
            }
        }
    }

    private static Object run(MonteCarloEngine.Prepared p, boolean floor, int threads, long draws) {
        MonteCarloOptions o = new MonteCarloOptions(draws, 20240801L, threads, Weighting.IMPORTANCE);
        return floor ? (Object) MonteCarloEngine.judgmentFloor(p, o) : MonteCarloEngine.run(p, o, d -> { });
    }
}
