package org.deciban.model;

import java.util.Map;

/**
 * Optional run settings of a case, with their defaults.
 *
 * @param correlation       default within-group correlation rho in [0, 1] (default {@value #DEFAULT_CORRELATION})
 * @param groupCorrelations per-group overrides of rho, by group name
 * @param draws             Monte Carlo draws (default {@value #DEFAULT_DRAWS})
 * @param seed              seed of every random generator of a run (default {@value #DEFAULT_SEED})
 * @param drift             preference drift rate per year, finite and &gt;= 0 (default 0, the static model):
 *                          between two dated items the preference is re-drawn from the prior with
 *                          probability 1 - exp(-drift * years)
 * @param driftSpread       uncertainty of the drift rate for Monte Carlo: each draw takes the rate
 *                          drift * exp(driftSpread * z), z standard normal (a log-normal with median
 *                          {@code drift} and log-scale standard deviation {@code driftSpread});
 *                          0 (the default) takes the rate as exact; above 0 it needs drift &gt; 0
 * @param defaultConfidence Beta pseudo-count of the likelihoods of items that state neither a
 *                          confidence nor an interval (default {@value #DEFAULT_CONFIDENCE}); the one
 *                          source of their uncertainty for Monte Carlo, the tornado and
 *                          {@code deciban test}
 * @param maxClique         the largest clique table, in doubles, that exact inference on a network may
 *                          build (design.md N6; default {@value #DEFAULT_MAX_CLIQUE} = 2^27, 1 GiB); a
 *                          network whose junction tree needs a larger one is refused
 */
public record Settings(double correlation, Map<String, Double> groupCorrelations, long draws, long seed,
                       double drift, double driftSpread, double defaultConfidence, long maxClique) {

    /** Default {@code settings.max_clique}: 2^27 doubles. */
    public static final long DEFAULT_MAX_CLIQUE = 1L << 27;
    /** The largest {@code settings.max_clique} accepted: 2^30 doubles (8 GiB), the largest flat Java array region used. */
    public static final long MAX_MAX_CLIQUE = 1L << 30;

    public static final double DEFAULT_CORRELATION = 0.5;
    public static final long DEFAULT_DRAWS = 100_000;
    public static final long DEFAULT_SEED = 20240801L;
    public static final double DEFAULT_CONFIDENCE = 10;

    public Settings {
        groupCorrelations = Map.copyOf(groupCorrelations);
        checkCorrelation(correlation);
        groupCorrelations.values().forEach(Settings::checkCorrelation);
        if (draws < 1) {
            throw new IllegalArgumentException("draws " + draws + " must be at least 1");
        }
        if (!(drift >= 0 && Double.isFinite(drift))) {
            throw new IllegalArgumentException("drift " + drift + " must be a finite number >= 0 (per year)");
        }
        if (!(driftSpread >= 0 && Double.isFinite(driftSpread))) {
            throw new IllegalArgumentException("drift_spread " + driftSpread + " must be a finite number >= 0");
        }
        if (driftSpread > 0 && drift == 0) {
            throw new IllegalArgumentException("drift_spread " + driftSpread + " needs a drift > 0 (its median)");
        }
        if (!(defaultConfidence > 0 && Double.isFinite(defaultConfidence))) {
            throw new IllegalArgumentException("default_confidence " + defaultConfidence + " must be a positive number");
        }
        if (maxClique < 1 || maxClique > MAX_MAX_CLIQUE) {
            throw new IllegalArgumentException("max_clique " + maxClique + " must be from 1 to " + MAX_MAX_CLIQUE);
        }
    }

    /** Settings with the default confidence and the default largest clique. */
    public Settings(double correlation, Map<String, Double> groupCorrelations, long draws, long seed,
                    double drift, double driftSpread) {
        this(correlation, groupCorrelations, draws, seed, drift, driftSpread, DEFAULT_CONFIDENCE, DEFAULT_MAX_CLIQUE);
    }

    /** Settings with a drift rate taken as exact (no spread). */
    public Settings(double correlation, Map<String, Double> groupCorrelations, long draws, long seed, double drift) {
        this(correlation, groupCorrelations, draws, seed, drift, 0.0);
    }

    /** Settings without drift (drift 0, the static model). */
    public Settings(double correlation, Map<String, Double> groupCorrelations, long draws, long seed) {
        this(correlation, groupCorrelations, draws, seed, 0.0);
    }

    /** These settings with another drift rate. */
    public Settings withDrift(double newDrift) {
        return new Settings(correlation, groupCorrelations, draws, seed, newDrift, newDrift == 0 ? 0 : driftSpread,
                defaultConfidence, maxClique);
    }

    /** The settings a case gets when it states none. */
    public static Settings defaults() {
        return new Settings(DEFAULT_CORRELATION, Map.of(), DEFAULT_DRAWS, DEFAULT_SEED);
    }

    /** rho for a group: its override if any, else the default correlation. */
    public double correlationOf(String group) {
        return groupCorrelations.getOrDefault(group, correlation);
    }

    private static void checkCorrelation(double rho) {
        if (!(rho >= 0 && rho <= 1)) {
            throw new IllegalArgumentException("correlation " + rho + " must be in [0, 1]");
        }
    }
}
