package org.deciban.report;

/**
 * A credible interval of a probability, e.g. the 5% and 95% quantiles of its Monte Carlo draws.
 *
 * @param low  lower end, in [0, 1]
 * @param high upper end, in [low, 1]
 */
public record Range(double low, double high) {

    public Range {
        if (!(low >= 0 && low <= high && high <= 1)) {
            throw new IllegalArgumentException("interval [" + low + ", " + high + "] is not within 0 <= low <= high <= 1");
        }
    }
}
