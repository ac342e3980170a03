package org.deciban.inference.montecarlo;

import org.deciban.testing.Models;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.DirichletSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.LikelihoodInterval;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.deciban.testing.Slow;
import org.junit.jupiter.api.Test;

/**
 * Simulation-based calibration of the Monte Carlo intervals (issue 3, item 7; issue 7, part 2).
 *
 * <p>The generative model the importance weighting assumes (design.md step 5): judgments theta = (pi, L)
 * come from the case's own uncertainty (pi ~ Dirichlet(c pi0), each uncertain likelihood from its
 * Beta); the true hypothesis H ~ pi; each item is observed with probability L'_e(H) (its effective
 * likelihood after reliability mixing) and otherwise enters as absent evidence (likelihood 1 - L').
 * Given the observations D, the true theta* is then one draw from p(theta | D), so for each
 * hypothesis k the "ideal" posterior f* = P(H = k | D, theta*) is one draw from the distribution the
 * engine's Z-weighted draws describe. Hence, over replications:
 * <ol>
 *   <li>the probability integral transform u = (weighted share of draws with f_s &lt; f*) is uniform
 *       on [0, 1] (the continuous form of SBC's rank statistic): chi-square over {@value #BINS} bins;</li>
 *   <li>the engine's reported 90% interval [p05, p95] holds f* in 90% of replications;</li>
 *   <li>the engine's weighted mean is calibrated for the true hypothesis itself:
 *       E[1{H = k} - mean_k] = 0, since mean_k estimates P(H = k | D).</li>
 * </ol>
 * The true judgments are drawn with samplers other than the engine's (Cheng's Beta algorithm
 * instead of a ratio of gammas), the ideal posterior is computed here by a direct product, and one
 * likelihood is stated as a 90% interval of a known Beta(3, 5), so the interval-to-Beta solve is
 * checked end to end. Items are ungrouped (w = 1), where the weighting is exact.
 *
 * <p>False-failure rate (for a correct engine, over the choice of the pinned seed): three chi-square
 * tests with 19 degrees of freedom at the 0.1% critical value 43.82, three coverage tests and three
 * mean tests at 4 standard errors (two-sided 6.3e-5 each): at most 3 * 0.001 + 6 * 6.3e-5 &lt; 0.004
 * by the union bound. The Monte Carlo error of each replication's u and interval (N draws, effective
 * sample size in the hundreds or more) adds variance of order 1 / ESS to quantities whose binomial
 * standard errors are about 0.007 and 0.0067: negligible at these tolerances.
 */
@Slow
class SimulationBasedCalibrationTest {

    private static final long SEED = 20240801L;
    /** Replications: 100 expected per PIT bin. */
    private static final int REPLICATIONS = 2000;
    /** Engine draws per replication. */
    private static final int DRAWS = 4000;
    private static final int BINS = 20;
    /** chi-square, 19 degrees of freedom, upper 0.1% point (tables; Commons Math gives 43.820). */
    private static final double CHI2_CRIT = 43.82;
    /** Standard errors allowed for the coverage and mean checks (two-sided 6.3e-5 each). */
    private static final double Z = 4;

    private static final double[] PRIOR = {0.5, 0.3, 0.2};
    private static final double CONCENTRATION = 20;
    /** Item rows: stated likelihoods; reliability; confidence (0: fixed). */
    private static final double[][] L = {
            {0.7, 0.4, 0.2}, {0.3, 0.6, 0.5}, {0.5, 0.2, 0.8}, {0.6, 0.6, 0.3}, {0.4, 0.5, 0.3}, {0.2, 0.35, 0.25}};
    private static final double[] R = {1, 0.7, 1, 0.9, 1, 1};
    private static final double[] CONF = {10, 6, 15, 0, 8, 4};
    /** Item 4, hypothesis 1 is stated as the 90% interval of Beta(3, 5). */
    private static final int IV_ITEM = 4;
    private static final int IV_HYP = 1;
    private static final double IV_A = 3;
    private static final double IV_B = 5;

    @Test
    void idealPosteriorIsCalibratedAgainstTheWeightedDraws() {
        int k = PRIOR.length;
        int n = L.length;
        BetaDistribution ivBeta = new BetaDistribution(null, IV_A, IV_B, 1e-14);
        LikelihoodInterval iv = new LikelihoodInterval(IV_HYP, ivBeta.inverseCumulativeProbability(0.05),
                ivBeta.inverseCumulativeProbability(0.95));
        UniformRandomProvider truth = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        double[] alpha = new double[k];
        for (int h = 0; h < k; h++) {
            alpha[h] = CONCENTRATION * PRIOR[h];
        }
        DirichletSampler dirichlet = DirichletSampler.of(truth, alpha);
        ContinuousSampler[][] beta = new ContinuousSampler[n][k];
        for (int e = 0; e < n; e++) {
            for (int h = 0; h < k; h++) {
                if (e == IV_ITEM && h == IV_HYP) {
                    beta[e][h] = ChengBetaSampler.of(truth, IV_A, IV_B);
                } else if (CONF[e] > 0) {
                    beta[e][h] = ChengBetaSampler.of(truth, CONF[e] * L[e][h], CONF[e] * (1 - L[e][h]));
                }
            }
        }
        long[][] pit = new long[k][BINS];
        long[] covered = new long[k];
        double[] meanResidual = new double[k];
        double[] meanVariance = new double[k];
        double[] lik = new double[n * k];
        boolean[] observed = new boolean[n];
        double[] ideal = new double[k];
        double[] post = new double[k];
        for (int rep = 0; rep < REPLICATIONS; rep++) {
            double[] pi = dirichlet.sample();
            for (int e = 0; e < n; e++) {
                for (int h = 0; h < k; h++) {
                    lik[e * k + h] = beta[e][h] != null ? beta[e][h].sample() : L[e][h];
                }
            }
            int truthH = categorical(pi, truth.nextDouble());
            for (int e = 0; e < n; e++) {
                observed[e] = truth.nextDouble() < effective(lik, e, truthH);
            }
            // ideal posterior: pi*(h) prod_e (observed ? L'_e(h) : 1 - L'_e(h)), normalised (6 factors: no underflow)
            double z = 0;
            for (int h = 0; h < k; h++) {
                double p = pi[h];
                for (int e = 0; e < n; e++) {
                    double le = effective(lik, e, h);
                    p *= observed[e] ? le : 1 - le;
                }
                ideal[h] = p;
                z += p;
            }
            for (int h = 0; h < k; h++) {
                ideal[h] /= z;
            }
            Case c = caseWith(observed, iv);

            // 1. PIT from the engine's own draws and Z weights (W_s = Z_s / max Z, design.md step 5)
            DrawModel model = DrawModel.of(Models.compile(c));
            DrawModel.Stream stream = model.stream(RandomSource.L64_X128_MIX.create(SEED + 1 + rep));
            double[] logZ = new double[DRAWS];
            double[][] f = new double[k][DRAWS];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < DRAWS; s++) {
                logZ[s] = stream.draw(post);
                max = Math.max(max, logZ[s]);
                for (int h = 0; h < k; h++) {
                    f[h][s] = post[h];
                }
            }
            for (int h = 0; h < k; h++) {
                double below = 0;
                double total = 0;
                for (int s = 0; s < DRAWS; s++) {
                    double w = Math.exp(logZ[s] - max);
                    total += w;
                    if (f[h][s] < ideal[h]) {
                        below += w;
                    } else if (f[h][s] == ideal[h]) {
                        below += w / 2;
                    }
                }
                double u = below / total;
                pit[h][Math.min(BINS - 1, (int) (u * BINS))]++;
            }

            // 2. and 3. the engine's reported figures
            MonteCarloResult r = MonteCarloEngine.run(Models.compile(c), new MonteCarloOptions(DRAWS, SEED + 1 + rep, 1,
                    Weighting.IMPORTANCE));
            for (int h = 0; h < k; h++) {
                Interval x = r.hypotheses().get(h);
                if (x.p05() <= ideal[h] && ideal[h] <= x.p95()) {
                    covered[h]++;
                }
                meanResidual[h] += (truthH == h ? 1 : 0) - x.mean();
                meanVariance[h] += x.mean() * (1 - x.mean());
            }
        }

        List<String> failures = new ArrayList<>();
        double expected = (double) REPLICATIONS / BINS;
        for (int h = 0; h < k; h++) {
            double chi2 = 0;
            for (long o : pit[h]) {
                chi2 += (o - expected) * (o - expected) / expected;
            }
            if (chi2 > CHI2_CRIT) {
                failures.add(String.format(Locale.ROOT, "hypothesis %d: PIT chi-square %.1f > %.2f, bins %s",
                        h, chi2, CHI2_CRIT, java.util.Arrays.toString(pit[h])));
            }
            // coverage of the 90% interval: binomial(REPLICATIONS, 0.9), sd sqrt(0.09 / REPLICATIONS) = 0.0067
            double cover = (double) covered[h] / REPLICATIONS;
            double coverSe = Math.sqrt(0.9 * 0.1 / REPLICATIONS);
            if (Math.abs(cover - 0.9) > Z * coverSe) {
                failures.add(String.format(Locale.ROOT, "hypothesis %d: 90%% interval covered the ideal posterior in "
                        + "%.4f of replications, allowed 0.9 +- %.4f", h, cover, Z * coverSe));
            }
            // sum of 1{H = h} - mean_h: independent terms with mean 0 and variance mean_h (1 - mean_h)
            double zMean = meanResidual[h] / Math.sqrt(meanVariance[h]);
            if (Math.abs(zMean) > Z) {
                failures.add(String.format(Locale.ROOT, "hypothesis %d: truth frequency minus weighted mean is %.2f "
                        + "standard errors from 0", h, zMean));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static double effective(double[] lik, int e, int h) {
        int k = PRIOR.length;
        double mean = 0;
        for (int j = 0; j < k; j++) {
            mean += lik[e * k + j];
        }
        mean /= k;
        return R[e] * lik[e * k + h] + (1 - R[e]) * mean;
    }

    private static int categorical(double[] p, double u) {
        double cum = 0;
        for (int h = 0; h < p.length - 1; h++) {
            cum += p[h];
            if (u < cum) {
                return h;
            }
        }
        return p.length - 1;
    }

    private static Case caseWith(boolean[] observed, LikelihoodInterval iv) {
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < L.length; e++) {
            List<Double> ls = new ArrayList<>();
            for (double x : L[e]) {
                ls.add(x);
            }
            Double conf = CONF[e] > 0 ? CONF[e] : null;
            List<LikelihoodInterval> ivs = e == IV_ITEM ? List.of(iv) : List.of();
            items.add(new EvidenceItem("e" + e, null, "other", "sbc", R[e], null, "", "", ls, conf, null,
                    observed[e], "sbc:e" + e, ivs));
        }
        List<Hypothesis> hs = List.of(new Hypothesis("a", "A", null), new Hypothesis("b", "B", null),
                new Hypothesis("c", "C", null));
        return new Case("sbc", "calibration", null, hs,
                new Prior(List.of(PRIOR[0], PRIOR[1], PRIOR[2]), CONCENTRATION),
                new Settings(0.5, Map.of(), DRAWS, SEED), items, List.of());
    }
}
