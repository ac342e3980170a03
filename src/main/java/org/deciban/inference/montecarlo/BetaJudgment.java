package org.deciban.inference.montecarlo;

import org.deciban.model.EvidenceItem;

/**
 * How a stated likelihood becomes a Beta distribution for Monte Carlo (DESIGN step 5).
 *
 * <p>An item with confidence c draws each likelihood L from Beta(c L, c (1 - L)), whose mean is L
 * and variance L (1 - L) / (c + 1): c is a pseudo-count. A likelihood of exactly 0 or 1 stays fixed
 * (the Beta would be degenerate). An item without confidence keeps its stated likelihoods.
 */
public final class BetaJudgment {

    private BetaJudgment() {
    }

    /**
     * The Beta shapes {a, b} of likelihood h of an item, or {@code null} when it stays fixed.
     */
    public static double[] shapes(EvidenceItem item, int h) {
        double l = item.likelihoods().get(h);
        if (l == 0 || l == 1 || item.confidence() == null) {
            return null;
        }
        double c = item.confidence();
        return new double[] {c * l, c * (1 - l)};
    }
}
