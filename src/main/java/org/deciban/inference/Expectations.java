package org.deciban.inference;

import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.Expectation;
import org.deciban.model.Hypothesis;

/**
 * Whether a posterior meets the analyst's expectations ({@code checks.expect}), and by how much it
 * misses them. {@code deciban test} and the reports' "Where this differs from the source" section both
 * ask this class, so they give the same verdict.
 *
 * <p>An outcome's share is the sum of the posteriors of the hypotheses whose outcome it is (design step
 * 6). "h leads" holds when p(h) is strictly larger than every other posterior. A comparison with a
 * number x holds as written (at_least: p &gt;= x; at_most: p &lt;= x; above: p &gt; x; below: p &lt; x);
 * with an ICD 203 band it compares bands, each band holding its lower bound and not its upper one.
 *
 * <p><b>Shortfall.</b> How far the posterior is from meeting an expectation, in probability: 0 when it
 * holds; for "h leads", max_{j != h} p(j) - p(h); for at_least/above x, x - p; for at_most/below x,
 * p - x; against a band B, the distance to the bound that decides it (at_least B and above the band
 * below B: B's lower bound, or the upper bound of B for above; at_most B: B's upper bound; below B: B's
 * lower bound). It is never negative. A posterior that ties a bound exactly can fail with shortfall 0.
 */
public final class Expectations {

    private Expectations() {
    }

    /**
     * One expectation against one posterior.
     *
     * @param expectation the expectation
     * @param value       the probability it compares: the posterior of its hypothesis or the share of its outcome
     * @param holds       whether it holds
     * @param shortfall   how far the posterior is from meeting it (0 when it holds)
     */
    public record Verdict(Expectation expectation, double value, boolean holds, double shortfall) {
    }

    /** The verdict of each expectation, in order, on a posterior over the case's hypotheses. */
    public static List<Verdict> verdicts(Case c, double[] p, List<Expectation> expectations) {
        List<Verdict> out = new ArrayList<>();
        for (Expectation e : expectations) {
            out.add(new Verdict(e, value(c, p, e), holds(c, p, e), shortfall(c, p, e)));
        }
        return out;
    }

    /** Whether one expectation holds of a posterior over the case's hypotheses. */
    public static boolean holds(Case c, double[] p, Expectation e) {
        if (e.comparison() == Expectation.Comparison.LEADS) {
            int k = c.indexOf(e.target());
            for (int j = 0; j < p.length; j++) {
                if (j != k && p[j] >= p[k]) {
                    return false;
                }
            }
            return true;
        }
        return e.holdsFor(value(c, p, e));
    }

    /** The sum of the shortfalls of every expectation: 0 exactly when none misses by a positive amount. */
    public static double shortfall(Case c, double[] p, List<Expectation> expectations) {
        double sum = 0;
        for (Expectation e : expectations) {
            sum += shortfall(c, p, e);
        }
        return sum;
    }

    /** How far a posterior is from meeting one expectation (see the class comment). */
    public static double shortfall(Case c, double[] p, Expectation e) {
        if (e.comparison() == Expectation.Comparison.LEADS) {
            int k = c.indexOf(e.target());
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < p.length; j++) {
                if (j != k) {
                    best = Math.max(best, p[j]);
                }
            }
            return p.length < 2 ? 0 : Math.max(0, best - p[k]);
        }
        double x = value(c, p, e);
        if (e.holdsFor(x)) {
            return 0;
        }
        double bound;
        if (e.band() == null) {
            bound = e.number();
        } else {
            switch (e.comparison()) {
                case AT_LEAST:
                case BELOW:
                    bound = e.band().lower();
                    break;
                default:
                    bound = e.band().upper();
            }
        }
        return Math.abs(x - bound);
    }

    /** The probability an expectation compares: its hypothesis' posterior or its outcome's share. */
    public static double value(Case c, double[] p, Expectation e) {
        if (e.subject() == Expectation.Subject.HYPOTHESIS) {
            return p[c.indexOf(e.target())];
        }
        double sum = 0;
        List<Hypothesis> hs = c.hypotheses();
        for (int h = 0; h < hs.size(); h++) {
            if (e.target().equals(hs.get(h).outcome())) {
                sum += p[h];
            }
        }
        return sum;
    }
}
