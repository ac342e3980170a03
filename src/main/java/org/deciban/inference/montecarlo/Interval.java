package org.deciban.inference.montecarlo;

/**
 * The Monte Carlo summary of one quantity (a hypothesis's or an outcome's probability) over the
 * weighted draws W_s (W_s proportional to Z_s, or 1 for the judgment spread).
 *
 * <p>mean = sum W p / sum W. The quantiles are weighted: q-quantile = the smallest draw value x with
 * sum_{p_s &lt;= x} W_s &gt;= q sum W (exact when draws are stored, else the midpoint of a histogram bin
 * of width {@link MonteCarloEngine#BIN_WIDTH}). mcse is the delta-method standard error of the
 * self-normalised weighted mean: sqrt(sum W^2 (p - mean)^2) / sum W (for W = 1 the usual sd/sqrt(n)).
 * ess = (sum W)^2 / sum W^2.
 *
 * @param mean      weighted mean
 * @param median    weighted 50% quantile
 * @param p05       weighted 5% quantile
 * @param p95       weighted 95% quantile
 * @param leadShare weighted share of the draws in which this quantity is the largest of its kind
 *                  (among hypotheses; among outcomes and the no-outcome share); first index on a tie
 * @param mcse      Monte Carlo standard error of the mean
 * @param ess       effective sample size
 */
public record Interval(double mean, double median, double p05, double p95, double leadShare, double mcse, double ess) {
}
