package org.deciban.inference.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.testing.CaseArbitraries;
import org.deciban.testing.CaseBuilder;

/**
 * Proper scores reward honesty: in a calibrated world a forecaster who reports the true frequency of an
 * indicator scores better in expectation, under the Brier and the logarithmic score, than one who reports the
 * prior's.
 *
 * <p>A world: a prior pi over K hypotheses, n items at face value with likelihoods L_i(k), and an indicator
 * with likelihoods M(k); the true hypothesis is drawn from pi, each item is observed or not given it, and so is
 * the indicator. For every one of the 2^n patterns e of observed and absent items, P(e) = sum_k pi(k)
 * prod_i L_i(k) or 1 - L_i(k), and the indicator's true frequency given e is t(e) = sum_k P(k | e) M(k), which is
 * what deciban's forecast q(e) reports (checked against this brute-force Bayes to {@value #EXACT}). The prior
 * forecaster reports q0 = sum_k pi(k) M(k) whatever e. Expectations are exact sums over the patterns, so the
 * property has no sampling error: E[S(t)] = sum_e P(e) [t S(t, 1) + (1 - t) S(t, 0)] and likewise for q0.
 * For the Brier score the gap is known in closed form: E[B(q0)] - E[B(t)] = sum_e P(e) (t(e) - q0)^2, since
 * the mean of t(e) over e is q0.
 */
class ScoringProperties {

    /** Sums of at most 16 products of a handful of numbers in (0, 1): agreement to rounding. */
    static final double EXACT = 1e-12;
    /** Below this expected squared gap (t - q0)^2 the evidence is uninformative and the two forecasters tie. */
    static final double INFORMATIVE = 1e-9;

    /** A world: prior, items' likelihoods, the indicator's likelihoods. */
    record World(List<Double> prior, List<List<Double>> items, List<Double> indicator) {
    }

    @Provide
    Arbitrary<World> worlds() {
        Arbitrary<Double> l = Arbitraries.doubles().between(0.01, 0.99).ofScale(3);
        return Arbitraries.integers().between(2, 5).flatMap(k -> Combinators.combine(
                CaseArbitraries.prior(k),
                l.list().ofSize(k).list().ofMinSize(0).ofMaxSize(4),
                l.list().ofSize(k)).as(World::new));
    }

    @Property(tries = 200, seed = "20240801", edgeCases = EdgeCasesMode.NONE)
    void reportingTheTrueFrequencyBeatsReportingThePrior(@ForAll("worlds") World w) {
        int k = w.prior().size();
        int n = w.items().size();
        double q0 = 0;
        for (int h = 0; h < k; h++) {
            q0 += w.prior().get(h) * w.indicator().get(h);
        }
        double brierTrue = 0;
        double brierPrior = 0;
        double logTrue = 0;
        double logPrior = 0;
        double gap = 0;
        double totalP = 0;
        for (int pattern = 0; pattern < (1 << n); pattern++) {
            double[] joint = new double[k];
            double pe = 0;
            for (int h = 0; h < k; h++) {
                double x = w.prior().get(h);
                for (int i = 0; i < n; i++) {
                    double li = w.items().get(i).get(h);
                    x *= (pattern >> i & 1) == 1 ? li : 1 - li;
                }
                joint[h] = x;
                pe += x;
            }
            double t = 0;
            for (int h = 0; h < k; h++) {
                t += joint[h] / pe * w.indicator().get(h);
            }
            assertEquals(t, forecast(w, pattern), EXACT, "deciban's P(observed) is the true frequency given the items");
            totalP += pe;
            brierTrue += pe * (t * Scoring.brier(t, true) + (1 - t) * Scoring.brier(t, false));
            brierPrior += pe * (t * Scoring.brier(q0, true) + (1 - t) * Scoring.brier(q0, false));
            logTrue += pe * (t * Scoring.logScore(t, true) + (1 - t) * Scoring.logScore(t, false));
            logPrior += pe * (t * Scoring.logScore(q0, true) + (1 - t) * Scoring.logScore(q0, false));
            gap += pe * (t - q0) * (t - q0);
        }
        assertEquals(1.0, totalP, EXACT, "the patterns are every possible outcome");
        assertEquals(gap, brierPrior - brierTrue, EXACT, "Brier: the prior forecaster loses E[(t - q0)^2]");
        assertTrue(brierTrue <= brierPrior + EXACT, "Brier " + brierTrue + " vs " + brierPrior);
        assertTrue(logTrue <= logPrior + EXACT, "log " + logTrue + " vs " + logPrior);
        boolean informative = gap > INFORMATIVE;
        if (informative) {
            assertTrue(brierTrue < brierPrior && logTrue < logPrior, "strictly better when the items inform");
        }
        Statistics.label("items").collect(n);
        Statistics.label("informative").collect(informative);
        Statistics.label("informative").coverage(c -> {
            c.check(true).percentage(p -> p > 50);
            c.check(false).count(x -> x >= 1);
        });
        Statistics.label("items").coverage(c -> c.check(0).count(x -> x >= 1));
    }

    /** deciban's P(observed) for the indicator, given the items observed or absent as the pattern says. */
    private static double forecast(World w, int pattern) {
        double[] pi = w.prior().stream().mapToDouble(Double::doubleValue).toArray();
        CaseBuilder b = CaseBuilder.prior(pi);
        for (int i = 0; i < w.items().size(); i++) {
            b.item(1.0, null, (pattern >> i & 1) == 1, unboxed(w.items().get(i)));
        }
        Case c = b.build();
        EvidenceItem indicator = new EvidenceItem("indicator", null, "other", "test", 1.0, null, "", "",
                new ArrayList<>(w.indicator()), null, null, true, "test:indicator");
        return Scoring.pObserved(CaseModels.compile(c), indicator);
    }

    private static double[] unboxed(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
