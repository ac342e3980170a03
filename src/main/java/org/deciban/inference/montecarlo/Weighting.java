package org.deciban.inference.montecarlo;

/** How the draws of a Monte Carlo run are weighted. */
public enum Weighting {
    /**
     * Each draw weighted by its evidence normaliser Z_s (design.md step 5): the figures describe the
     * posterior distribution of the ideal posterior, whose mean is the exact posterior.
     */
    IMPORTANCE,
    /**
     * Every draw with weight 1: the "judgment spread", how far the posterior moves as the judgments
     * vary over their stated uncertainty, as a spreadsheet Monte Carlo would show it. It ignores
     * what the evidence says about the judgments, so its mean is not the exact posterior.
     */
    JUDGMENT_SPREAD
}
