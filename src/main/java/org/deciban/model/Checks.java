package org.deciban.model;

import java.util.List;

/**
 * What {@code deciban test} demands of a case, from the {@code checks:} section of its priors file.
 *
 * @param maxItemShare      the largest share of the conclusion one item may carry: an item's share
 *                          is |its decibans for the leading hypothesis| over the sum of |decibans for
 *                          the leader| of all items (default {@value #DEFAULT_MAX_ITEM_SHARE})
 * @param survivalShare     the least share of random perturbations of the judgments under which the
 *                          leading hypothesis must survive (default {@value #DEFAULT_SURVIVAL_SHARE})
 * @param bandMustSurvive   whether the leader's ICD 203 band must survive in that share too; when false
 *                          (the default) the band's survival is reported and decides nothing
 * @param tries             random perturbations tried, and tries of each jqwik property
 *                          (default {@value #DEFAULT_TRIES})
 * @param expectations      the analyst's own expectations
 */
public record Checks(double maxItemShare, double survivalShare, boolean bandMustSurvive, int tries,
                     List<Expectation> expectations) {

    public static final double DEFAULT_MAX_ITEM_SHARE = 0.5;
    public static final double DEFAULT_SURVIVAL_SHARE = 0.9;
    public static final int DEFAULT_TRIES = 1000;

    public Checks {
        expectations = List.copyOf(expectations);
        if (!(maxItemShare > 0 && maxItemShare <= 1)) {
            throw new IllegalArgumentException("max_item_share " + maxItemShare + " must be in (0, 1]");
        }
        if (!(survivalShare >= 0 && survivalShare <= 1)) {
            throw new IllegalArgumentException("survival_share " + survivalShare + " must be in [0, 1]");
        }
        if (tries < 1) {
            throw new IllegalArgumentException("tries " + tries + " must be at least 1");
        }
    }

    /** The checks of a case that states none. */
    public static Checks defaults() {
        return new Checks(DEFAULT_MAX_ITEM_SHARE, DEFAULT_SURVIVAL_SHARE, false, DEFAULT_TRIES, List.of());
    }

    /** These checks with another number of tries. */
    public Checks withTries(int newTries) {
        return new Checks(maxItemShare, survivalShare, bandMustSurvive, newTries, expectations);
    }
}
