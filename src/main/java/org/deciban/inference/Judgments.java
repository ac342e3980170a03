package org.deciban.inference;

import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * Every uncertain judgment of a compiled case, in one layout that Monte Carlo, the tornado and
 * {@code deciban test} share.
 *
 * <p><b>Item likelihoods.</b> Item e's stated likelihoods over the S_e states of its variable sit at
 * {@code table[offset(e) .. offset(e) + S_e)}; each cell is uncertain as the Beta of
 * {@link JudgmentUncertainty} (null shapes: fixed). <b>Rows.</b> Each conditional row of a variable
 * with a {@code concentration} c (for a one-variable case: the prior, when it has one) is uncertain as
 * Dirichlet(c * row) (design step 5, N5). <b>Drift.</b> With {@code settings.drift_spread} s &gt; 0 the
 * rate is log-normal, drift * exp(s z).
 */
public final class Judgments {

    /**
     * One uncertain conditional row.
     *
     * @param variable      the variable's id
     * @param row           the row's index in the variable's table (0 for a root)
     * @param label         how a report names it ("prior", or the parents' states)
     * @param probabilities the stated row
     * @param concentration the Dirichlet strength c
     */
    public record Row(String variable, int row, String label, List<Double> probabilities, double concentration) {
        public Row {
            probabilities = List.copyOf(probabilities);
        }

        /** The stated row as a fresh array. */
        public double[] toArray() {
            return probabilities.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** The Dirichlet parameters c * row. */
        public double[] dirichlet() {
            double[] a = toArray();
            for (int i = 0; i < a.length; i++) {
                a[i] *= concentration;
            }
            return a;
        }
    }

    private final Case source;
    private final int[] offset;
    private final int[] states;
    private final double[] stated;
    private final double[][] shapes;
    private final List<Row> rows;

    /**
     * The judgments of a case.
     *
     * @param states the number of states of each item's variable, in item order
     * @param rows   the uncertain conditional rows
     * @throws IllegalArgumentException when a stated interval has no matching Beta
     */
    public Judgments(Case source, int[] states, List<Row> rows) {
        this.source = source;
        List<EvidenceItem> items = source.evidence();
        this.states = states.clone();
        this.offset = new int[items.size() + 1];
        for (int e = 0; e < items.size(); e++) {
            offset[e + 1] = Math.addExact(offset[e], states[e]);
        }
        this.stated = new double[offset[items.size()]];
        this.shapes = new double[stated.length][];
        double c = source.settings().defaultConfidence();
        for (int e = 0; e < items.size(); e++) {
            EvidenceItem item = items.get(e);
            for (int v = 0; v < states[e]; v++) {
                stated[offset[e] + v] = item.likelihoods().get(v);
                shapes[offset[e] + v] = JudgmentUncertainty.shapes(item, v, c);
            }
        }
        this.rows = List.copyOf(new ArrayList<>(rows));
    }

    /** The case. */
    public Case source() {
        return source;
    }

    /** Number of items. */
    public int items() {
        return states.length;
    }

    /** Where item e's row starts in the table. */
    public int offset(int item) {
        return offset[item];
    }

    /** Number of states of item e's variable. */
    public int states(int item) {
        return states[item];
    }

    /** Number of likelihood cells (the table's length). */
    public int cells() {
        return stated.length;
    }

    /** A copy of the stated table. */
    public double[] statedTable() {
        return stated.clone();
    }

    /** The stated likelihood of a cell. */
    public double stated(int cell) {
        return stated[cell];
    }

    /** The Beta shapes {a, b} of a cell, or {@code null} when it is fixed. Do not modify. */
    public double[] shapes(int cell) {
        return shapes[cell];
    }

    /** The item a cell belongs to. */
    public int itemOf(int cell) {
        int lo = 0;
        int hi = states.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offset[mid] <= cell) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The 5%-95% range {low, high} of a cell ({@link JudgmentUncertainty}). */
    public double[] range(int cell) {
        double l = stated[cell];
        return new double[] {JudgmentUncertainty.quantile(shapes[cell], l, JudgmentUncertainty.LOW_QUANTILE),
                JudgmentUncertainty.quantile(shapes[cell], l, JudgmentUncertainty.HIGH_QUANTILE)};
    }

    /** The uncertain conditional rows. */
    public List<Row> rows() {
        return rows;
    }

    /** The median drift rate (the case's settings.drift). */
    public double drift() {
        return source.settings().drift();
    }

    /** Log-scale standard deviation of the drift rate (settings.drift_spread; 0: exact). */
    public double driftSpread() {
        return source.settings().driftSpread();
    }
}
