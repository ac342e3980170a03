package org.deciban.inference.dynamics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deciban.inference.EvidenceMatrix;
import org.deciban.inference.LogSpace;
import org.deciban.inference.PosteriorKernel;
import org.deciban.model.Case;

/**
 * {@link DriftFilter}'s forward filter on primitive arrays, for the Monte Carlo engine: the same
 * model for any drawn likelihood table and prior.
 *
 * <p>With T(dt) = a I + (1 - a) 1 pi^T the prediction step of a normalised f is simply
 * f' = a f + (1 - a) pi (f sums to 1), so no matrix is needed per draw. Per date group g (in date
 * order): predict with a_g (none before the first), then g(k) = log f'(k) + sum_e w_e log L'_e(k),
 * c_g = logsumexp(g), f = exp(g - c_g); log Z = sum_g c_g; finally predict to the evaluation date.
 * The prior pi of a draw is both the start and the re-draw distribution, as in {@link DriftFilter}.
 */
public final class DriftKernel implements PosteriorKernel {

    private final EvidenceMatrix matrix;
    private final int[][] groups;
    private final double[] carryBefore;
    private final double carryToEnd;
    private final double[] yearsBefore;
    private final double yearsToEnd;

    private DriftKernel(EvidenceMatrix matrix, int[][] groups, double[] carryBefore, double carryToEnd,
                        double[] yearsBefore, double yearsToEnd) {
        this.matrix = matrix;
        this.groups = groups;
        this.carryBefore = carryBefore;
        this.carryToEnd = carryToEnd;
        this.yearsBefore = yearsBefore;
        this.yearsToEnd = yearsToEnd;
    }

    /**
     * The kernel of a case at its evaluation date (see {@link DriftFilter#evaluationDate}).
     *
     * @throws IllegalArgumentException for a bad drift or an item observed after the evaluation date
     */
    public static DriftKernel of(Case c, EvidenceMatrix m, double drift) {
        if (!(drift >= 0 && Double.isFinite(drift))) {
            throw new IllegalArgumentException("drift " + drift + " must be a finite number >= 0 (per year)");
        }
        LocalDate end = DriftFilter.evaluationDate(c, null);
        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        List<Integer> undated = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            LocalDate d = DriftFilter.observedOn(c, c.evidence().get(e), end);
            if (d == null) {
                undated.add(e);
            } else if (d.isAfter(end)) {
                throw new IllegalArgumentException("item '" + c.evidence().get(e).id() + "' is observed on " + d
                        + ", after the evaluation date " + end);
            } else {
                byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(e);
            }
        }
        List<int[]> groups = new ArrayList<>();
        List<Double> carries = new ArrayList<>();
        List<Double> years = new ArrayList<>();
        LocalDate previous = null;
        for (Map.Entry<LocalDate, List<Integer>> g : byDate.entrySet()) {
            carries.add(previous == null ? 1.0 : DriftFilter.carry(drift, previous, g.getKey()));
            years.add(previous == null ? 0.0 : DriftFilter.years(previous, g.getKey()));
            groups.add(g.getValue().stream().mapToInt(Integer::intValue).toArray());
            previous = g.getKey();
        }
        if (!undated.isEmpty()) {
            // no date at all anywhere: undated items form one group at the (undefined) end, as DriftFilter does
            carries.add(1.0);
            years.add(0.0);
            groups.add(undated.stream().mapToInt(Integer::intValue).toArray());
        }
        boolean noEnd = previous == null || end == null;
        double toEnd = noEnd ? 1.0 : DriftFilter.carry(drift, previous, end);
        double yearsToEnd = noEnd ? 0.0 : DriftFilter.years(previous, end);
        double[] carry = carries.stream().mapToDouble(Double::doubleValue).toArray();
        double[] yearsBefore = years.stream().mapToDouble(Double::doubleValue).toArray();
        return new DriftKernel(m, groups.toArray(new int[0][]), carry, toEnd, yearsBefore, yearsToEnd);
    }

    /** {@inheritDoc} Needs a scratch {@code work} of at least 2K entries. */
    @Override
    public double posterior(double[] table, double[] logPi, double[] work, double[] out) {
        return filter(table, logPi, carryBefore, carryToEnd, work, out);
    }

    /** Number of date groups, the length of the {@code carries} scratch of {@link #posterior(double[], double[], double, double[], double[], double[])}. */
    public int dates() {
        return groups.length;
    }

    /**
     * The posterior under another drift rate (a Monte Carlo draw of an uncertain rate): the carries
     * a = exp(-drift * years) are recomputed into {@code carries} (at least {@link #dates()} entries).
     */
    public double posterior(double[] table, double[] logPi, double drift, double[] carries, double[] work,
                            double[] out) {
        for (int g = 0; g < groups.length; g++) {
            carries[g] = g == 0 ? 1.0 : Math.exp(-drift * yearsBefore[g]);
        }
        return filter(table, logPi, carries, Math.exp(-drift * yearsToEnd), work, out);
    }

    private double filter(double[] table, double[] logPi, double[] carryBefore, double carryToEnd, double[] work,
                          double[] out) {
        int k = matrix.hypotheses();
        double[] f = out;
        for (int h = 0; h < k; h++) {
            f[h] = Math.exp(logPi[h]);
        }
        double logZ = 0;
        for (int g = 0; g < groups.length; g++) {
            double a = carryBefore[g];
            for (int h = 0; h < k; h++) {
                double predicted = g == 0 ? f[h] : a * f[h] + (1 - a) * Math.exp(logPi[h]);
                work[k + h] = LogSpace.log(predicted);
            }
            for (int e : groups[g]) {
                matrix.effective(e, table, work);
                double w = matrix.weight(e);
                for (int h = 0; h < k; h++) {
                    work[k + h] += w * LogSpace.log(work[h]);
                }
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int h = 0; h < k; h++) {
                max = Math.max(max, work[k + h]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                return max;
            }
            double sum = 0;
            for (int h = 0; h < k; h++) {
                sum += Math.exp(work[k + h] - max);
            }
            double c = max + Math.log(sum);
            for (int h = 0; h < k; h++) {
                f[h] = Math.exp(work[k + h] - c);
            }
            logZ += c;
        }
        for (int h = 0; h < k; h++) {
            f[h] = carryToEnd * f[h] + (1 - carryToEnd) * Math.exp(logPi[h]);
        }
        return logZ;
    }
}
