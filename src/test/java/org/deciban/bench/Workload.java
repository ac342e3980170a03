package org.deciban.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.LikelihoodInterval;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/**
 * The workload of shared/bench/monte-carlo-workload.md as a case: likelihood j, h is
 * Beta(a, b) with a = 1.5 + ((7j + 3h) mod 10), b = 1.5 + ((5j + 11h) mod 10). Each Beta is stated
 * as its 90% interval (its 5% and 95% quantiles from Commons Math), which the engine turns back
 * into Beta(a, b) (to the solver's accuracy, 1e-11); the stated likelihood is the Beta's mean a / (a + b).
 * Reliability 1, no groups; prior exact.
 */
public final class Workload {

    private Workload() {
    }

    public static double a(int j, int h) {
        return 1.5 + ((7 * j + 3 * h) % 10);
    }

    public static double b(int j, int h) {
        return 1.5 + ((5 * j + 11 * h) % 10);
    }

    /** The small workload: 20 items x 3 hypotheses, prior (0.5, 0.3, 0.2). */
    public static Case small() {
        return of(20, List.of(0.5, 0.3, 0.2));
    }

    /** The larger variant: 200 items x 8 hypotheses, uniform prior. */
    public static Case large() {
        List<Double> pi = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            pi.add(1.0 / 8);
        }
        return of(200, pi);
    }

    static Case of(int items, List<Double> prior) {
        int k = prior.size();
        List<Hypothesis> hs = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            hs.add(new Hypothesis("h" + h, "H" + h, null));
        }
        List<EvidenceItem> ev = new ArrayList<>();
        for (int j = 0; j < items; j++) {
            List<Double> ls = new ArrayList<>();
            List<LikelihoodInterval> ivs = new ArrayList<>();
            for (int h = 0; h < k; h++) {
                BetaDistribution beta = new BetaDistribution(null, a(j, h), b(j, h), 1e-13);
                ls.add(a(j, h) / (a(j, h) + b(j, h)));
                ivs.add(new LikelihoodInterval(h, beta.inverseCumulativeProbability(0.05),
                        beta.inverseCumulativeProbability(0.95)));
            }
            ev.add(new EvidenceItem("i" + j, null, "other", "bench", 1.0, null, "", "", ls, null, null, true,
                    "bench", ivs));
        }
        return new Case("bench", "benchmark", null, hs, new Prior(prior, null),
                new Settings(0.5, Map.of(), 1_000_000, 1), ev, List.of());
    }
}
