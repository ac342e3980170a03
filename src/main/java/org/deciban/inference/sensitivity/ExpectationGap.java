package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CaseModel;
import org.deciban.inference.Expectations;
import org.deciban.inference.Judgments;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Expectation;
import org.deciban.model.Variable;

/**
 * Where a case's result differs from what it expects ({@code checks.expect}, for instance the reading of
 * the source the case was built from), and which single judgments account for the difference.
 *
 * <p>The verdicts and the shortfall S(p) (the summed distance of the posterior p from meeting every
 * expectation) are those of {@link Expectations}. A judgment "moves the result towards the
 * expectations" when changing it alone lowers S. The changes tried are those of the sensitivity
 * analysis, each an exact posterior of the compiled model:
 * <ul>
 * <li>leaving out one item (the other items of its group get the weight of a smaller group);</li>
 * <li>one item's likelihoods at the ends of their 90% ranges, every state in turn at its 5% quantile
 *     with the others at their 95% and the reverse (two settings a state of its variable);</li>
 * <li>one uncertain conditional row (a variable with a {@code concentration}) at the ends of its range,
 *     every entry in turn at its 5% and 95% quantile with the others rescaled.</li>
 * </ul>
 * For each judgment and kind of change the setting with the lowest S is kept; the changes that lower S
 * are ranked by it (lowest first; ties by the number of expectations that then hold, most first, then by
 * judgment), and the first {@link #TOP} reported. When every
 * expectation holds (S = 0) nothing is ranked.
 */
public final class ExpectationGap {

    /** At most this many changes are reported. */
    public static final int TOP = 5;

    /** A shortfall lower by less than this is rounding, not a move. */
    static final double MOVE_TOLERANCE = 1e-12;

    private ExpectationGap() {
    }

    /** What was changed. */
    public enum Kind {
        /** The item left out. */
        LEFT_OUT,
        /** The item's likelihoods at the ends of their ranges. */
        ITEM_RANGE,
        /** A conditional row at the ends of its range. */
        ROW_RANGE
    }

    /**
     * One judgment changed alone.
     *
     * @param judgment  the item's id, or for a row "variable [parent=state, ...]" ("variable [prior]" for a root)
     * @param kind      what was changed
     * @param variable  the variable the setting is over (the item's variable, or the row's)
     * @param states    that variable's states
     * @param setting   the likelihoods or row used (empty when the item was left out)
     * @param posterior the question variable's posterior after the change
     * @param shortfall the summed shortfall after it
     * @param holding   how many expectations hold after it
     */
    public record Change(String judgment, Kind kind, String variable, List<String> states, List<Double> setting,
                         List<Double> posterior, double shortfall, int holding) {
        public Change {
            states = List.copyOf(states);
            setting = List.copyOf(setting);
            posterior = List.copyOf(posterior);
        }
    }

    /**
     * The comparison of a case's result with its expectations.
     *
     * @param verdicts  each expectation's verdict on the case as it stands
     * @param shortfall their summed shortfall
     * @param towards   the single changes that lower it most, best first (empty when it is 0)
     */
    public record Figures(List<Expectations.Verdict> verdicts, double shortfall, List<Change> towards) {
        public Figures {
            verdicts = List.copyOf(verdicts);
            towards = List.copyOf(towards);
        }

        /** How many expectations hold. */
        public int holding() {
            return (int) verdicts.stream().filter(Expectations.Verdict::holds).count();
        }
    }

    /** The comparison of a compiled case's posterior with expectations. */
    public static Figures of(CaseModel m, List<Expectation> expectations) {
        Case c = m.source();
        double[] now = m.posterior().toArray();
        List<Expectations.Verdict> verdicts = Expectations.verdicts(c, now, expectations);
        double base = Expectations.shortfall(c, now, expectations);
        List<Change> towards = new ArrayList<>();
        if (base > 0) {
            double[] post = new double[m.states()];
            double defaultConfidence = c.settings().defaultConfidence();
            List<EvidenceItem> items = c.evidence();
            for (int e = 0; e < items.size(); e++) {
                Variable v = c.variableOf(items.get(e));
                if (m.without(new int[] {e}, post) != Double.NEGATIVE_INFINITY) {
                    keep(towards, change(c, items.get(e).id(), Kind.LEFT_OUT, v, new double[0], post, expectations), base);
                }
                final int at = e;
                keep(towards, best(c, items.get(e).id(), Kind.ITEM_RANGE, v,
                        Sensitivity.itemSettings(items.get(e), v.size(), defaultConfidence, -1), expectations, post,
                        x -> m.withLikelihoods(at, x, post)), base);
            }
            for (Judgments.Row r : m.judgments().rows()) {
                keep(towards, best(c, r.variable() + " [" + r.label() + "]", Kind.ROW_RANGE,
                        c.network().variable(r.variable()), Sensitivity.rowSettings(r), expectations, post,
                        x -> m.withRow(r.variable(), r.row(), x, post)), base);
            }
            towards.sort(Comparator.comparingDouble(Change::shortfall)
                    .thenComparing(Comparator.comparingInt(Change::holding).reversed())
                    .thenComparing(Change::judgment).thenComparing(Change::kind));
        }
        return new Figures(verdicts, base, towards.subList(0, Math.min(TOP, towards.size())));
    }

    private static void keep(List<Change> out, Change change, double base) {
        if (change != null && change.shortfall() < base - MOVE_TOLERANCE) {
            out.add(change);
        }
    }

    /** The setting with the lowest shortfall, or null when every setting rules out every state. */
    private static Change best(Case c, String judgment, Kind kind, Variable v, List<double[]> settings,
                               List<Expectation> expectations, double[] post,
                               java.util.function.ToDoubleFunction<double[]> evaluate) {
        Change best = null;
        for (double[] setting : settings) {
            if (evaluate.applyAsDouble(setting) == Double.NEGATIVE_INFINITY) {
                continue;
            }
            Change ch = change(c, judgment, kind, v, setting, post, expectations);
            if (best == null || ch.shortfall() < best.shortfall()) {
                best = ch;
            }
        }
        return best;
    }

    private static Change change(Case c, String judgment, Kind kind, Variable v, double[] setting, double[] post,
                                 List<Expectation> expectations) {
        int holding = 0;
        for (Expectation e : expectations) {
            if (Expectations.holds(c, post, e)) {
                holding++;
            }
        }
        return new Change(judgment, kind, v.id(), v.stateIds(), list(setting), list(post),
                Expectations.shortfall(c, post, expectations), holding);
    }

    private static List<Double> list(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }
}
