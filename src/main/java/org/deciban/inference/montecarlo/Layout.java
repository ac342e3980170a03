package org.deciban.inference.montecarlo;

import java.util.List;
import org.deciban.model.Case;

/**
 * The quantities summarised per draw: the K hypotheses' probabilities, then one per outcome (the
 * sum over its hypotheses, design.md step 6), then, when some hypotheses name no outcome and others
 * do, the no-outcome share.
 */
final class Layout {

    final int hypotheses;
    final int outcomes;
    final boolean noOutcome;
    final int quantities;
    private final int[] outcomeOf;

    Layout(Case c) {
        hypotheses = c.size();
        List<String> names = c.outcomes();
        outcomes = names.size();
        outcomeOf = new int[hypotheses];
        boolean none = false;
        for (int h = 0; h < hypotheses; h++) {
            String o = c.hypotheses().get(h).outcome();
            outcomeOf[h] = o == null ? -1 : names.indexOf(o);
            none |= o == null;
        }
        noOutcome = none && outcomes > 0;
        quantities = hypotheses + outcomes + (noOutcome ? 1 : 0);
    }

    /** Fills the Q quantities from a posterior, at {@code off} of {@code out}. */
    void quantities(double[] post, double[] out, int off) {
        int k = hypotheses;
        System.arraycopy(post, 0, out, off, k);
        for (int j = k; j < quantities; j++) {
            out[off + j] = 0;
        }
        if (quantities == k) {
            return;
        }
        int noneAt = off + k + outcomes;
        for (int h = 0; h < k; h++) {
            int o = outcomeOf[h];
            if (o >= 0) {
                out[off + k + o] += post[h];
            } else if (noOutcome) {
                out[noneAt] += post[h];
            }
        }
    }

    /** Index of the largest of the hypotheses (first on a tie). */
    int leadingHypothesis(double[] v, int off) {
        return argmax(v, off, 0, hypotheses);
    }

    /** Index (in the quantity layout) of the largest outcome row, or -1 when there is none. */
    int leadingOutcome(double[] v, int off) {
        return quantities == hypotheses ? -1 : argmax(v, off, hypotheses, quantities);
    }

    private static int argmax(double[] v, int off, int from, int to) {
        int best = from;
        for (int j = from + 1; j < to; j++) {
            if (v[off + j] > v[off + best]) {
                best = j;
            }
        }
        return best;
    }
}
