package org.deciban.model;

import java.util.List;
import java.util.Objects;

/**
 * How a variable's conditional table was written, kept beside the numbers so reports can show the
 * rows as the analyst wrote them and analyses can move them (a tornado over a decibans effect, for
 * example) and recompute the table.
 */
public sealed interface TableForm permits TableForm.Prior, TableForm.Rows, TableForm.Decibans {

    /** A root variable's distribution, written as {@code prior:}. */
    record Prior() implements TableForm {
    }

    /**
     * A full table, one row per parent configuration: {@code table:} in a case file, or any table read
     * from a BIF or XMLBIF file.
     *
     * @param source "case file", "BIF" or "XMLBIF"
     */
    record Rows(String source) implements TableForm {
        public Rows {
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * The decibans form (design.md N2): P(V = k | parents = u) is proportional to
     * base(k) * 10^(sum_i d_i(u_i, k) / 10), d_i(u_i, k) the decibans that parent i in state u_i adds
     * to state k (0 where no effect is written).
     *
     * @param base    base(k) per state of the variable, each &gt;= 0, at least one &gt; 0
     * @param effects the written effects
     */
    record Decibans(List<Double> base, List<Effect> effects) implements TableForm {

        public Decibans {
            base = List.copyOf(base);
            effects = List.copyOf(effects);
            boolean positive = false;
            for (double b : base) {
                if (!(b >= 0 && b <= 1)) {
                    throw new IllegalArgumentException("base " + b + " must be in [0, 1]");
                }
                positive |= b > 0;
            }
            if (!positive) {
                throw new IllegalArgumentException("a decibans base needs at least one state above 0");
            }
        }

        /**
         * The table of N2 for parents of the given cardinalities, computed in log space: for each row u,
         * log P(k | u) = log base(k) + (ln 10 / 10) sum_i d_i(u_i, k) - log-sum-exp over k, so decibans of
         * any size neither overflow nor underflow before normalising.
         *
         * @param parentStates the number of states of each parent, in the variable's parent order
         * @throws IllegalArgumentException when an effect names a parent, parent state or state out of range
         */
        public ConditionalTable table(int[] parentStates) {
            int k = base.size();
            int rows = 1;
            for (int c : parentStates) {
                rows = Math.multiplyExact(rows, c);
            }
            // per parent i, per parent state, per child state: the decibans written (0 elsewhere)
            double[][] d = new double[parentStates.length][];
            for (int i = 0; i < parentStates.length; i++) {
                d[i] = new double[parentStates[i] * k];
            }
            for (Effect e : effects) {
                if (e.parent() >= parentStates.length || e.parentState() >= parentStates[e.parent()] || e.state() >= k) {
                    throw new IllegalArgumentException("effect " + e + " is out of range");
                }
                d[e.parent()][e.parentState() * k + e.state()] += e.decibans();
            }
            double[] values = new double[Math.multiplyExact(rows, k)];
            double[] log = new double[k];
            int[] u = new int[parentStates.length];
            double perDeciban = Math.log(10) / 10;
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s < k; s++) {
                    double sum = 0;
                    for (int i = 0; i < u.length; i++) {
                        sum += d[i][u[i] * k + s];
                    }
                    log[s] = base.get(s) == 0 ? Double.NEGATIVE_INFINITY : Math.log(base.get(s)) + perDeciban * sum;
                    max = Math.max(max, log[s]);
                }
                double total = 0;
                for (int s = 0; s < k; s++) {
                    log[s] = Math.exp(log[s] - max);
                    total += log[s];
                }
                for (int s = 0; s < k; s++) {
                    values[r * k + s] = log[s] / total;
                }
                for (int i = u.length - 1; i >= 0; i--) {
                    if (++u[i] < parentStates[i]) {
                        break;
                    }
                    u[i] = 0;
                }
            }
            return ConditionalTable.of(rows, k, values);
        }
    }

    /**
     * Decibans that one parent state adds to one state of the variable.
     *
     * @param parent      index of the parent in the variable's parent list
     * @param parentState index of the parent's state
     * @param state       index of the variable's state
     * @param decibans    the push, finite (positive raises the state, negative lowers it)
     */
    record Effect(int parent, int parentState, int state, double decibans) {
        public Effect {
            if (parent < 0 || parentState < 0 || state < 0) {
                throw new IllegalArgumentException("effect indices must be at least 0");
            }
            if (!Double.isFinite(decibans)) {
                throw new IllegalArgumentException("decibans " + decibans + " must be finite");
            }
        }
    }
}
