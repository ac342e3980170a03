package org.deciban.testing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * An independent forward filter of design N4 for a one-variable case, written from the formulas with
 * EJML matrix products and sharing no code with org.deciban.inference: effective likelihoods and group
 * weights from {@link BruteForce}; dates grouped afresh; the transition built as the full matrix
 * T = a I + (1 - a) 1 pi^T (rows: from-state) and applied as f' = f^T T; each date's update in
 * linear space rescaled by its largest entry, with log P(e) the sum of the logs of the normalisers.
 *
 * <p>Dates: the evaluation date is {@code at}, else the case's as_of, else its latest item date; an
 * undated item is observed at the as_of (at the evaluation date without one).
 */
public final class DriftOracle {

    private static final double DAYS_PER_YEAR = 365.25;

    /**
     * The filtered posterior.
     *
     * @param posterior   at the evaluation date
     * @param logEvidence log P(all items)
     * @param steps       the posterior after each date, in date order (the evaluation date last)
     */
    public record Result(double[] posterior, double logEvidence, List<double[]> steps) {
    }

    private DriftOracle() {
    }

    /** Filters the case; {@code null} posterior when a date's items leave nothing possible. */
    public static Result run(Case c, double drift, LocalDate at) {
        return run(c, drift, at, BruteForce.weights(c));
    }

    /** {@link #run(Case, double, LocalDate)} with given item weights instead of the case's group weights. */
    public static Result run(Case c, double drift, LocalDate at, double[] w) {
        int k = c.size();
        LocalDate end = at != null ? at : c.asOf();
        if (end == null) {
            for (EvidenceItem e : c.evidence()) {
                if (e.date() != null && (end == null || e.date().isAfter(end))) {
                    end = e.date();
                }
            }
        }
        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        List<Integer> noDate = new ArrayList<>();
        for (int i = 0; i < c.evidence().size(); i++) {
            EvidenceItem e = c.evidence().get(i);
            LocalDate d = e.date() != null ? e.date() : c.asOf() != null ? c.asOf() : end;
            if (d == null) {
                noDate.add(i);
            } else {
                byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(i);
            }
        }
        double[] pi = c.prior().probabilities().stream().mapToDouble(Double::doubleValue).toArray();
        DMatrixRMaj f = new DMatrixRMaj(1, k, true, pi.clone());
        DMatrixRMaj next = new DMatrixRMaj(1, k);
        double logZ = 0;
        List<double[]> steps = new ArrayList<>();
        if (end == null) {
            logZ += update(c, noDate, w, f);
            steps.add(f.getData().clone());
            return new Result(Double.isNaN(logZ) ? null : f.getData().clone(), logZ, steps);
        }
        byDate.putIfAbsent(end, List.of());
        LocalDate previous = null;
        for (Map.Entry<LocalDate, List<Integer>> d : byDate.entrySet()) {
            if (previous != null) {
                double a = Math.exp(-drift * ChronoUnit.DAYS.between(previous, d.getKey()) / DAYS_PER_YEAR);
                CommonOps_DDRM.mult(f, transition(pi, a), next);
                f.setTo(next);
            }
            double c0 = update(c, d.getValue(), w, f);
            if (Double.isNaN(c0)) {
                return new Result(null, Double.NEGATIVE_INFINITY, steps);
            }
            logZ += c0;
            steps.add(f.getData().clone());
            previous = d.getKey();
        }
        return new Result(f.getData().clone(), logZ, steps);
    }

    private static DMatrixRMaj transition(double[] pi, double a) {
        int k = pi.length;
        DMatrixRMaj t = new DMatrixRMaj(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                t.set(i, j, (i == j ? a : 0) + (1 - a) * pi[j]);
            }
        }
        return t;
    }

    /** Multiplies f by the items' L'^w, rescaling after each; normalises; returns the log normaliser (NaN: nothing left). */
    private static double update(Case c, List<Integer> items, double[] w, DMatrixRMaj f) {
        int k = c.size();
        double[] x = f.getData();
        double logScale = 0;
        for (int i : items) {
            double[] eff = BruteForce.effective(c.evidence().get(i));
            double max = 0;
            for (int h = 0; h < k; h++) {
                x[h] *= Math.pow(eff[h], w[i]);
                max = Math.max(max, x[h]);
            }
            if (max == 0) {
                return Double.NaN;
            }
            for (int h = 0; h < k; h++) {
                x[h] /= max;
            }
            logScale += Math.log(max);
        }
        double z = 0;
        for (int h = 0; h < k; h++) {
            z += x[h];
        }
        for (int h = 0; h < k; h++) {
            x[h] /= z;
        }
        return logScale + Math.log(z);
    }
}
