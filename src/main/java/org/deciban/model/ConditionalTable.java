package org.deciban.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The conditional table P(V = k | parents = u) of a network variable, held flat: one row per parent
 * configuration u, one column per state k of V.
 *
 * <p>Rows follow the mixed-radix order of the parents as the variable lists them, the first parent
 * varying slowest and the last fastest: for parents with cardinalities c_1..c_m and states u_1..u_m,
 * row(u) = sum_i u_i * prod_{j &gt; i} c_j. A root variable has one row. Entry (u, k) is at
 * {@code row(u) * states + k}, the order of XMLBIF's TABLE and of every hot loop.
 *
 * <p>Every entry is a finite number in [0, 1] and every row sums to 1 within {@link #SUM_TOLERANCE}.
 * The class is immutable: its array is private and copied in and out.
 */
public final class ConditionalTable {

    /** How far a row may sum from 1 (the tolerance of a prior, design.md "sum to 1 (±1e-9)"). */
    public static final double SUM_TOLERANCE = Prior.SUM_TOLERANCE;

    private final int rows;
    private final int states;
    private final double[] values;

    private ConditionalTable(int rows, int states, double[] values) {
        this.rows = rows;
        this.states = states;
        this.values = values;
    }

    /**
     * A table from its flat entries (copied).
     *
     * @throws IllegalArgumentException when the shape is wrong, an entry is outside [0, 1] or a row
     *                                  does not sum to 1 within {@link #SUM_TOLERANCE}; the message
     *                                  names the row
     */
    public static ConditionalTable of(int rows, int states, double[] values) {
        if (rows < 1 || states < 1) {
            throw new IllegalArgumentException("a table needs at least one row and one state, not " + rows + " x " + states);
        }
        if ((long) rows * states != values.length) {
            throw new IllegalArgumentException("a table of " + rows + " rows of " + states + " states needs "
                    + (long) rows * states + " entries, not " + values.length);
        }
        double[] copy = values.clone();
        for (int r = 0; r < rows; r++) {
            double sum = 0;
            for (int k = 0; k < states; k++) {
                double x = copy[r * states + k];
                if (!(x >= 0 && x <= 1)) {
                    throw new IllegalArgumentException("row " + r + " has entry " + x + " outside [0, 1]");
                }
                sum += x;
            }
            if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
                throw new IllegalArgumentException("row " + r + " sums to " + sum + ", not 1 (within " + SUM_TOLERANCE + ")");
            }
        }
        return new ConditionalTable(rows, states, copy);
    }

    /** A one-row table: the distribution of a root variable. */
    public static ConditionalTable root(List<Double> distribution) {
        double[] v = new double[distribution.size()];
        for (int k = 0; k < v.length; k++) {
            v[k] = distribution.get(k);
        }
        return of(1, v.length, v);
    }

    /** Number of rows (parent configurations). */
    public int rows() {
        return rows;
    }

    /** Number of states of the variable (entries per row). */
    public int states() {
        return states;
    }

    /** Number of entries, rows x states. */
    public int size() {
        return values.length;
    }

    /** P(V = state | parents = row). */
    public double get(int row, int state) {
        return values[row * states + state];
    }

    /** One row as a list. */
    public List<Double> row(int row) {
        List<Double> out = new ArrayList<>(states);
        for (int k = 0; k < states; k++) {
            out.add(values[row * states + k]);
        }
        return out;
    }

    /** A copy of every entry, in the documented order. */
    public double[] toArray() {
        return values.clone();
    }

    /** Copies every entry into {@code dst} from {@code offset}, for hot loops. */
    public void copyInto(double[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionalTable t && t.rows == rows && t.states == states && Arrays.equals(t.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + states) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "ConditionalTable[" + rows + " x " + states + "]";
    }
}
