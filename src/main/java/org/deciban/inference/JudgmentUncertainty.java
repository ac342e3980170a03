package org.deciban.inference;

import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.exception.NoBracketingException;
import org.deciban.model.EvidenceItem;
import org.deciban.model.LikelihoodInterval;

/**
 * How uncertain a stated likelihood is: the one source that Monte Carlo (design step 5), the
 * tornado and {@code deciban test} all use.
 *
 * <p>Each stated likelihood L of an item is uncertain as a Beta distribution:
 * <ul>
 * <li>with a 90% interval [low, high] ({@code intervals:}), the Beta(a, b) whose 5% and 95% quantiles
 *     are low and high (the interval takes precedence);</li>
 * <li>else Beta(c L, c (1 - L)) with c the item's {@code confidence}, or the case's
 *     {@code settings.default_confidence} when the item states none: mean L, variance
 *     L (1 - L) / (c + 1), c a pseudo-count;</li>
 * <li>a likelihood of exactly 0 or 1 stays fixed (the Beta would be degenerate).</li>
 * </ul>
 * Its "range" is the 90% interval of that Beta, [q(0.05), q(0.95)]: the tornado's two ends and the
 * range within which {@code deciban test} perturbs the judgment.
 *
 * <p>For an interval the solve is nested: with a = m k, b = (1 - m) k, for a strength k the mean m(k)
 * puts the 5% quantile at low (the 5% quantile increases with m); then k is chosen so the 95% quantile
 * is at high (with the 5% quantile held at low, a larger k narrows the distribution and lowers the 95%
 * quantile). Both are Brent root finds on Commons Math's Beta inverse CDF. The Beta's mean then follows
 * from the interval and need not equal the stated L (the exact posterior keeps L).
 */
public final class JudgmentUncertainty {

    /** Lower end of a judgment's range: the 5% quantile. */
    public static final double LOW_QUANTILE = 0.05;
    /** Upper end of a judgment's range: the 95% quantile. */
    public static final double HIGH_QUANTILE = 0.95;
    /** Strengths k = a + b searched for an interval: from near-uniform U shapes to very tight. */
    static final double MIN_STRENGTH = 0.05;
    static final double MAX_STRENGTH = 1e7;
    /** Absolute accuracy of the root finds and of the inverse CDF. */
    static final double ACCURACY = 1e-11;

    /** Where a judgment's uncertainty comes from, for reports. */
    public enum Source {
        /** a stated 90% interval */
        INTERVAL,
        /** the item's own confidence */
        CONFIDENCE,
        /** the case's default confidence */
        DEFAULT,
        /** a likelihood of 0 or 1, which stays fixed */
        FIXED
    }

    private JudgmentUncertainty() {
    }

    /**
     * The Beta shapes {a, b} of likelihood v of an item, or {@code null} when it stays fixed (0 or 1).
     *
     * @param defaultConfidence the case's {@code settings.default_confidence}
     * @throws IllegalArgumentException when a stated interval has no matching Beta
     */
    public static double[] shapes(EvidenceItem item, int v, double defaultConfidence) {
        for (LikelihoodInterval iv : item.intervals()) {
            if (iv.hypothesis() == v) {
                return fromInterval(iv.low(), iv.high());
            }
        }
        double l = item.likelihoods().get(v);
        if (l == 0 || l == 1) {
            return null;
        }
        double c = item.confidence() != null ? item.confidence() : defaultConfidence;
        return new double[] {c * l, c * (1 - l)};
    }

    /** Where likelihood v of an item takes its uncertainty from. */
    public static Source source(EvidenceItem item, int v) {
        for (LikelihoodInterval iv : item.intervals()) {
            if (iv.hypothesis() == v) {
                return Source.INTERVAL;
            }
        }
        double l = item.likelihoods().get(v);
        if (l == 0 || l == 1) {
            return Source.FIXED;
        }
        return item.confidence() != null ? Source.CONFIDENCE : Source.DEFAULT;
    }

    /**
     * The q-quantile of the judgment's Beta; the stated value itself when it is fixed.
     *
     * @param shapes {a, b} from {@link #shapes}, or {@code null} for a fixed judgment
     * @param stated the stated likelihood (returned when fixed)
     */
    public static double quantile(double[] shapes, double stated, double q) {
        if (shapes == null) {
            return stated;
        }
        return QUANTILES.get(shapes[0], shapes[1], q);
    }

    /**
     * Beta quantiles already computed, by (a, b, q): a case of many items repeats the same few judgments
     * (a likelihood written to three decimals, one confidence), and each inverse CDF is a root find. The
     * cached value is the one the root find gives, so the cache changes no figure. At most
     * {@value #CACHED_QUANTILES} entries; the least recently used one goes first.
     */
    private static final QuantileCache QUANTILES = new QuantileCache();
    static final int CACHED_QUANTILES = 1 << 14;

    private static final class QuantileCache {
        private record Key(double a, double b, double q) {
        }

        private final java.util.Map<Key, Double> values = new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<Key, Double> eldest) {
                return size() > CACHED_QUANTILES;
            }
        };

        synchronized double get(double a, double b, double q) {
            return values.computeIfAbsent(new Key(a, b, q),
                    k -> new BetaDistribution(null, a, b, ACCURACY).inverseCumulativeProbability(q));
        }
    }

    /** The 5%-95% range of likelihood v of an item: {low, high}. */
    public static double[] range(EvidenceItem item, int v, double defaultConfidence) {
        double[] ab = shapes(item, v, defaultConfidence);
        double l = item.likelihoods().get(v);
        return new double[] {quantile(ab, l, LOW_QUANTILE), quantile(ab, l, HIGH_QUANTILE)};
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
