package org.deciban.inference;

/**
 * How an item's stated likelihoods enter the posterior (design steps 1 and 3, N1): the one place
 * this formula is written.
 *
 * <p>With stated likelihoods L(v) over the S states of the item's variable and reliability r, the
 * effective likelihood is L'(v) = r L(v) + (1 - r) mean_j L(j): r = 0 makes the item neutral, r = 1
 * takes it at face value. An item recorded as absent ({@code observed: false}) enters with
 * 1 - L'(v). The finding of the item is lambda(v) = L'(v)^w, w its group weight (step 2).
 */
public final class EffectiveLikelihood {

    private EffectiveLikelihood() {
    }

    /**
     * Writes L'(v) (or 1 - L'(v) for an absent item) of one item into {@code out[0, states)}.
     *
     * @param stated      the stated likelihoods, states entries from {@code offset}
     * @param offset      where the item's row starts in {@code stated}
     * @param states      number of states S
     * @param reliability r in [0, 1]
     * @param observed    false for an item looked for and not found
     * @param out         receives S values
     */
    public static void into(double[] stated, int offset, int states, double reliability, boolean observed,
                            double[] out) {
        double mean = 0;
        for (int v = 0; v < states; v++) {
            mean += stated[offset + v];
        }
        mean /= states;
        for (int v = 0; v < states; v++) {
            double eff = reliability * stated[offset + v] + (1 - reliability) * mean;
            out[v] = observed ? eff : 1 - eff;
        }
    }

    /** Whether an effective likelihood vector rules out every state (all entries 0). */
    public static boolean impossible(double[] effective, int states) {
        for (int v = 0; v < states; v++) {
            if (effective[v] > 0) {
                return false;
            }
        }
        return true;
    }
}
