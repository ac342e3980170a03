package org.deciban.inference.montecarlo;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.exception.NoBracketingException;
import org.deciban.model.EvidenceItem;
import org.deciban.model.LikelihoodInterval;

/**
 * How a stated likelihood becomes a Beta distribution for Monte Carlo (DESIGN step 5).
 *
 * <p>An item with confidence c draws each likelihood L from Beta(c L, c (1 - L)), whose mean is L
 * and variance L (1 - L) / (c + 1): c is a pseudo-count. A likelihood of exactly 0 or 1 stays fixed
 * (the Beta would be degenerate). An item without confidence keeps its stated likelihoods.
 *
 * <p>A likelihood with a 90% interval [low, high] instead draws from the Beta(a, b) whose 5% and 95%
 * quantiles are low and high (the interval takes precedence over the confidence). With
 * a = m k, b = (1 - m) k the solve is nested: for a strength k, the mean m(k) puts the 5% quantile
 * at low (the 5% quantile increases with m); then k is chosen so the 95% quantile is at high (with the
 * 5% quantile held at low, a larger k narrows the distribution and lowers the 95% quantile). Both
 * are Brent root finds on Commons Math's Beta inverse CDF. The Beta's mean then follows from the
 * interval and need not equal the stated L (the exact posterior keeps L); an asymmetric interval
 * around L moves the Monte Carlo mean away from the exact posterior on purpose.
 */
public final class BetaJudgment {

    /** Strengths k = a + b searched for an interval: from near-uniform U shapes to very tight. */
    static final double MIN_STRENGTH = 0.05;
    static final double MAX_STRENGTH = 1e7;
    /** Absolute accuracy of the root finds and of the inverse CDF. */
    static final double ACCURACY = 1e-11;

    private BetaJudgment() {
    }

    /**
     * The Beta shapes {a, b} of likelihood h of an item, or {@code null} when it stays fixed.
     */
    public static double[] shapes(EvidenceItem item, int h) {
        for (LikelihoodInterval iv : item.intervals()) {
            if (iv.hypothesis() == h) {
                return fromInterval(iv.low(), iv.high());
            }
        }
        double l = item.likelihoods().get(h);
        if (l == 0 || l == 1 || item.confidence() == null) {
            return null;
        }
        double c = item.confidence();
        return new double[] {c * l, c * (1 - l)};
    }

    /**
     * The Beta shapes {a, b} whose 5% and 95% quantiles are low and high.
     *
     * @throws IllegalArgumentException when 0 &lt; low &lt; high &lt; 1 fails or no Beta with strength in
     *                                  [{@value #MIN_STRENGTH}, {@value #MAX_STRENGTH}] matches
     */
    public static double[] fromInterval(double low, double high) {
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] must have 0 < low < high < 1");
        }
        BrentSolver outer = new BrentSolver(ACCURACY);
        double logK;
        try {
            logK = outer.solve(500, lk -> quantile(meanFor(low, Math.exp(lk)), Math.exp(lk), 0.95) - high,
                    Math.log(MIN_STRENGTH), Math.log(MAX_STRENGTH));
        } catch (NoBracketingException e) {
            throw new IllegalArgumentException("no Beta distribution has the 90% interval [" + low + ", " + high
                    + "]: it is too wide or too narrow", e);
        }
        double k = Math.exp(logK);
        double m = meanFor(low, k);
        return new double[] {m * k, (1 - m) * k};
    }

    /** The mean m with 5% quantile of Beta(m k, (1 - m) k) equal to low. */
    private static double meanFor(double low, double k) {
        double eps = 1e-12;
        BrentSolver inner = new BrentSolver(1e-14);
        return inner.solve(500, m -> quantile(m, k, 0.05) - low, eps, 1 - eps);
    }

    private static double quantile(double m, double k, double p) {
        return new BetaDistribution(null, m * k, (1 - m) * k, ACCURACY).inverseCumulativeProbability(p);
    }
}
