package org.deciban.inference.montecarlo;

import org.deciban.testing.Models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.testing.DriftOracle;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.junit.jupiter.api.Test;

/**
 * Monte Carlo over an uncertain drift rate (settings.drift_spread, issue 6 point 3) against an
 * independent numerical integral: with the rate the only uncertainty, the importance-weighted mean is
 * E[Z(d) p(d)] / E[Z(d)] over d = m exp(s z), z standard normal, where p(d) and Z(d) come from
 * {@link DriftOracle} (EJML matrix products, not the Monte Carlo kernel) and the expectation is a
 * trapezoid sum over z in [-8, 8] with step 1e-3 (error far below 1e-8 for these smooth integrands).
 */
class UncertainDriftTest {

    /**
     * Five standard errors, two-sided: a false failure has probability about 6e-7 per hypothesis for a
     * correct engine (normal approximation of the weighted mean; ESS is in the tens of thousands).
     */
    private static final double Z_ALLOWED = 5;

    private static Case dated(double median, double spread) {
        List<Hypothesis> hs = List.of(new Hypothesis("a", "A", null), new Hypothesis("b", "B", null),
                new Hypothesis("c", "C", null));
        LocalDate[] dates = {LocalDate.of(2016, 3, 1), LocalDate.of(2019, 2, 28), LocalDate.of(2022, 6, 1),
                LocalDate.of(2024, 7, 1)};
        double[][] l = {{0.9, 0.2, 0.4}, {0.3, 0.7, 0.5}, {0.8, 0.3, 0.3}, {0.2, 0.6, 0.7}};
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            items.add(new EvidenceItem("e" + i, dates[i], "other", "", 1.0, "1", "", "",
                    List.of(l[i][0], l[i][1], l[i][2]), null, null, true, "test:" + i));
        }
        Settings settings = new Settings(0.5, Map.of(), 200_000, 11, median, spread);
        return new Case("drift", "q", LocalDate.of(2024, 8, 1), hs, new Prior(List.of(0.5, 0.3, 0.2), null),
                settings, items, List.of());
    }

    @Test
    void weightedMeanIsTheIntegralOverTheRate() {
        double median = 0.5;
        double spread = 0.8;
        Case c = dated(median, spread);
        MonteCarloResult mc = MonteCarloEngine.run(Models.compile(c), new MonteCarloOptions(200_000, 11, 2, Weighting.IMPORTANCE));

        double step = 1e-3;
        double[] num = new double[3];
        double den = 0;
        for (int i = 0; i <= 16_000; i++) {
            double z = -8 + i * step;
            double weight = Math.exp(-z * z / 2) * (i == 0 || i == 16_000 ? 0.5 : 1);
            DriftOracle.Result p = DriftOracle.run(c, median * Math.exp(spread * z), null);
            double zd = Math.exp(p.logEvidence()) * weight;
            den += zd;
            for (int k = 0; k < 3; k++) {
                num[k] += zd * p.posterior()[k];
            }
        }
        for (int k = 0; k < 3; k++) {
            Interval iv = mc.hypotheses().get(k);
            double expected = num[k] / den;
            assertEquals(expected, iv.mean(), Z_ALLOWED * iv.mcse(), "hypothesis " + k + ", mcse " + iv.mcse());
        }
        // the spread matters here: the integral differs from the posterior at the median rate by far more than the error
        DriftOracle.Result atMedian = DriftOracle.run(c, median, null);
        assertNotEquals(atMedian.posterior()[0], num[0] / den, 20 * mc.hypotheses().get(0).mcse());
    }
}
