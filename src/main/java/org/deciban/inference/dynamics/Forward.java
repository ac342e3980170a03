package org.deciban.inference.dynamics;

import org.deciban.inference.LogSpace;

/**
 * The two steps of the forward filter of a drifting variable (design N4), written once for every
 * engine: the transition with no findings, f' = a f + (1 - a) pi, which keeps f normalised (pi is the
 * distribution the variable is re-drawn from, and stationary), and the update of one observation date,
 * whose findings are added in log space before normalising.
 */
public final class Forward {

    private Forward() {
    }

    /**
     * One date: f (normalised) is predicted with carry a towards pi, the date's log findings
     * lam[off, off + K) are added in log space, and the result is normalised back into f.
     *
     * @param u scratch of K entries
     * @return the date's log normaliser; -infinity when the findings rule out every state (f untouched)
     */
    public static double step(double[] f, double a, double[] pi, double[] lam, int off, double[] u) {
        int k = f.length;
        for (int h = 0; h < k; h++) {
            u[h] = LogSpace.log(a * f[h] + (1 - a) * pi[h]) + lam[off + h];
        }
        return LogSpace.normaliseInto(u, f);
    }

    /** f = a f + (1 - a) pi: the transition with no findings. */
    public static void carry(double[] f, double a, double[] pi) {
        if (a == 1) {
            return;
        }
        for (int h = 0; h < f.length; h++) {
            f[h] = a * f[h] + (1 - a) * pi[h];
        }
    }

    /**
     * The whole filter over the dates g = 0..G-1 (G = carries.length): f starts as given (normalised),
     * each date is one {@link #step} with carry carries[g] and the findings lam[gK, gK + K), and after
     * the last date f is carried by carryEnd to the evaluation date. log P(e) = sum_g log c_g.
     *
     * @param u scratch of K entries
     * @return log P(e), the sum of the dates' log normalisers; -infinity when some date's findings
     *         rule out every state (f is then left as it was after the date before)
     */
    public static double filter(double[] f, double[] carries, double carryEnd, double[] pi, double[] lam, double[] u) {
        int k = f.length;
        double total = 0;
        for (int g = 0; g < carries.length; g++) {
            double cg = step(f, carries[g], pi, lam, g * k, u);
            if (cg == Double.NEGATIVE_INFINITY) {
                return cg;
            }
            total += cg;
        }
        carry(f, carryEnd, pi);
        return total;
    }
}
