package org.deciban.model;

/**
 * An analyst's 90% interval for one likelihood: P(low &lt;= L(k) &lt;= high) = 0.9, with 5% on
 * either side. Monte Carlo turns it into the Beta distribution whose 5% and 95% quantiles are low and
 * high. Requires 0 &lt; low &lt; high &lt; 1 (a Beta's quantiles lie strictly inside (0, 1)).
 *
 * @param hypothesis index of the hypothesis in the case's order
 * @param low        5% quantile
 * @param high       95% quantile
 */
public record LikelihoodInterval(int hypothesis, double low, double high) {

    public LikelihoodInterval {
        if (hypothesis < 0) {
            throw new IllegalArgumentException("hypothesis index " + hypothesis + " must be at least 0");
        }
        if (!(low > 0 && low < high && high < 1)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] must have 0 < low < high < 1");
        }
    }
}
