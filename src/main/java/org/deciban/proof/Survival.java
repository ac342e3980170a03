package org.deciban.proof;

import org.deciban.model.Icd203;

/**
 * How the conclusion of a case fared under random perturbations of its judgments: in how many of
 * the tries the leading hypothesis still led, and in how many it led within its ICD 203 band.
 *
 * <p>The verdict follows the leader: it passes when leaderKept / tries &gt;= required. When the case
 * asks that the band survive too ({@code checks.band_must_survive: true}), bandKept / tries must also
 * reach it. A posterior near a band edge loses its band in many tries without losing its lead, so the
 * band's share alone is a weaker, separate statement.
 *
 * @param leader          id of the leading hypothesis
 * @param band            its ICD 203 band
 * @param leaderKept      tries in which it still led
 * @param bandKept        tries in which it still led within its band (at most leaderKept)
 * @param tries           perturbations tried
 * @param required        the least share that must survive (checks.survival_share)
 * @param bandMustSurvive whether the band's share decides the verdict too
 */
public record Survival(String leader, Icd203 band, int leaderKept, int bandKept, int tries, double required,
                       boolean bandMustSurvive) {

    public Survival {
        if (tries < 1 || leaderKept < 0 || bandKept < 0 || bandKept > leaderKept || leaderKept > tries) {
            throw new IllegalArgumentException("survival counts " + leaderKept + "/" + bandKept + " of " + tries
                    + " are not consistent");
        }
    }

    /** Share of tries in which the leader survived. */
    public double leaderShare() {
        return (double) leaderKept / tries;
    }

    /** Share of tries in which the leader survived within its band. */
    public double bandShare() {
        return (double) bandKept / tries;
    }

    /** Whether the leader survived in enough tries. */
    public boolean leaderPasses() {
        return leaderShare() >= required;
    }

    /** Whether the band survived in enough tries. */
    public boolean bandPasses() {
        return bandShare() >= required;
    }

    /** The verdict: the leader's survival, and the band's when the case demands it. */
    public boolean passes() {
        return leaderPasses() && (!bandMustSurvive || bandPasses());
    }
}
