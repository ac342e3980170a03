package org.deciban.inference;

/**
 * Weight of evidence in decibans (design.md step 4), the unit Good and Turing used.
 *
 * <p>For an item with effective likelihoods L' and dependence weight w, its weight for
 * hypothesis k against the others, judged under the prior pi, is
 * w * 10 log10(L'(k) / M(k)) with M(k) = sum_{j != k} pi(j) L'(j) / (1 - pi(k)).
 * It is +infinity when M(k) = 0 &lt; L'(k), -infinity when L'(k) = 0 &lt; M(k), and NaN for a
 * single hypothesis (K = 1), where there is nothing to weigh against.
 */
public final class WeightOfEvidence {

    private WeightOfEvidence() {
    }

    /** Decibans of one item for hypothesis k. */
    public static double decibans(double[] effective, double[] prior, int k, double weight) {
        int n = prior.length;
        if (n < 2) {
            return Double.NaN;
        }
        double m = 0;
        for (int j = 0; j < n; j++) {
            if (j != k) {
                m += prior[j] * effective[j];
            }
        }
        m /= (1 - prior[k]);
        double lk = effective[k];
        if (lk == 0 && m == 0) {
            return Double.NaN;
        }
        return weight * 10 * (LogSpace.log(lk) - LogSpace.log(m)) / Math.log(10);
    }

    /** Converts decibans to a likelihood ratio: 10^(db / 10). */
    public static double toRatio(double decibans) {
        return Math.pow(10, decibans / 10);
    }

    /** Converts a natural-log ratio to decibans: 10 log10(e^x). */
    public static double fromLogRatio(double naturalLog) {
        return 10 * naturalLog / Math.log(10);
    }
}
