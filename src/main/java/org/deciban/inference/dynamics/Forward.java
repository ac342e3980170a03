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
}
