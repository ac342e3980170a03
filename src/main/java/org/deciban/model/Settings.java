package org.deciban.model;

import java.util.Map;

/**
 * Optional run settings of a case, with their defaults.
 *
 * @param correlation       default within-group correlation rho in [0, 1] (default {@value #DEFAULT_CORRELATION})
 * @param groupCorrelations per-group overrides of rho, by group name
 * @param draws             Monte Carlo draws (default {@value #DEFAULT_DRAWS})
 * @param seed              seed of every random generator of a run (default {@value #DEFAULT_SEED})
 */
public record Settings(double correlation, Map<String, Double> groupCorrelations, long draws, long seed) {

    public static final double DEFAULT_CORRELATION = 0.5;
    public static final long DEFAULT_DRAWS = 100_000;
    public static final long DEFAULT_SEED = 20240801L;

    public Settings {
        groupCorrelations = Map.copyOf(groupCorrelations);
        checkCorrelation(correlation);
        groupCorrelations.values().forEach(Settings::checkCorrelation);
        if (draws < 1) {
            throw new IllegalArgumentException("draws " + draws + " must be at least 1");
        }
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
