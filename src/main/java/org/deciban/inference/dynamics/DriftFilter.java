package org.deciban.inference.dynamics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deciban.inference.EvidenceMatrix;
import org.deciban.inference.ExactEngine;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.LogSpace;
import org.deciban.inference.WeightOfEvidence;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Forward filtering of dated evidence under preference drift: a hidden Markov model whose hidden
 * state is the hypothesis that is true at a given time.
 *
 * <p><b>Model.</b> Between two dates t_1 &lt; t_2 the preference is re-drawn from the prior pi with
 * probability 1 - a, a = exp(-drift * dt), dt = days / {@value #DAYS_PER_YEAR} years, and kept with
 * probability a. The transition matrix (rows: from-state) is
 * T(dt) = a I + (1 - a) 1 pi^T; pi is stationary (pi^T T = pi^T), so the starting date does not
 * matter and no transition is applied before the first date.
 *
 * <p><b>Filter.</b> Items are grouped by date; items of one date are applied together, with no
 * transition between them. With f the distribution before a date (f_0 = pi):
 * predict f' = f^T T(dt) (EJML), then update in log space
 * g(k) = log f'(k) + sum_e w_e log L'_e(k) over the date's items (L' the effective likelihood of
 * DESIGN steps 1 and 3, w_e the group weight of step 2, computed over the whole case) and normalise:
 * f(k) = exp(g(k) - c), c = log sum_k exp(g(k)). Every step is normalised (scaling), and the sum of
 * the steps' c is log P(all items), the model's log evidence. A last transition carries the
 * posterior from the last item date to the evaluation date.
 *
 * <p><b>Dates.</b> The evaluation date is the one asked for, else the case's as_of, else the latest
 * item date. An item without a date is treated as observed at the case's as_of (at the evaluation
 * date when the case has no as_of), i.e. it is as fresh as the forecast itself. Every item must be
 * observed on or before the evaluation date: to replay an earlier forecast, filter a case holding
 * only {@link #observedBy} that date.
 *
 * <p><b>Edge cases.</b> drift = 0 gives T = I exactly, and the posterior equals the static one of
 * {@link ExactEngine} (up to rounding of the per-step normalisation). A very large drift forgets
 * everything before the last date, and if the evaluation date is later still, forgets that too: the
 * posterior returns to the prior. A date whose items rule out every hypothesis still possible then
 * is an {@link ImpossibleEvidenceException}; with drift &gt; 0 items of different dates can no longer
 * jointly rule out everything, since the re-draw makes every hypothesis possible again.
 */
public final class DriftFilter {

    /** Length of a year in days, for dt in years. */
    public static final double DAYS_PER_YEAR = 365.25;

    private DriftFilter() {
    }

    /** a = exp(-drift * years between the dates), the share of the posterior kept; from must not be after to. */
    public static double carry(double drift, LocalDate from, LocalDate to) {
        return Math.exp(-drift * years(from, to));
    }

    /** Years between two dates, days / {@value #DAYS_PER_YEAR}; from must not be after to. */
    public static double years(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days < 0) {
            throw new IllegalArgumentException("date " + to + " is before " + from);
        }
        return days / DAYS_PER_YEAR;
    }

    /** The evaluation date: {@code at} if given, else the case's as_of, else its latest item date, else null. */
    public static LocalDate evaluationDate(Case c, LocalDate at) {
        if (at != null) {
            return at;
        }
        if (c.asOf() != null) {
            return c.asOf();
        }
        LocalDate last = null;
        for (EvidenceItem e : c.evidence()) {
            if (e.date() != null && (last == null || e.date().isAfter(last))) {
                last = e.date();
            }
        }
        return last;
    }

    /** The date an item counts as observed: its own date, else the case's as_of, else {@code end}. */
    public static LocalDate observedOn(Case c, EvidenceItem e, LocalDate end) {
        return e.date() != null ? e.date() : c.asOf() != null ? c.asOf() : end;
    }

    /**
     * The items observed on or before a date, in the case's order: dated items dated on or before it,
     * and undated items when the case's as_of is on or before it (or the case has no as_of).
     */
    public static List<EvidenceItem> observedBy(Case c, LocalDate date) {
        List<EvidenceItem> out = new ArrayList<>();
        for (EvidenceItem e : c.evidence()) {
            if (!observedOn(c, e, date).isAfter(date)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Filters a case's evidence to an evaluation date.
     *
     * @param c     the case; every item must be observed on or before the evaluation date
     * @param drift drift rate per year, finite and &gt;= 0
     * @param at    the evaluation date, or {@code null} for the case's as_of (see {@link #evaluationDate})
     * @throws IllegalArgumentException    for a bad drift or an item observed after the evaluation date
     * @throws ImpossibleEvidenceException when an item, or the items of one date, rule out every hypothesis
     */
    public static Timeline run(Case c, double drift, LocalDate at) {
        if (!(drift >= 0 && Double.isFinite(drift))) {
            throw new IllegalArgumentException("drift " + drift + " must be a finite number >= 0 (per year)");
        }
        LocalDate end = evaluationDate(c, at);
        EvidenceMatrix m = EvidenceMatrix.of(c);
        int k = c.size();
        List<EvidenceItem> items = c.evidence();

        Map<LocalDate, List<Integer>> byDate = new TreeMap<>();
        List<Integer> undatedNoEnd = new ArrayList<>();
        for (int e = 0; e < items.size(); e++) {
            LocalDate d = observedOn(c, items.get(e), end);
            if (d == null) {
                undatedNoEnd.add(e);
                continue;
            }
            if (d.isAfter(end)) {
                throw new IllegalArgumentException("item '" + items.get(e).id() + "' is observed on " + d
                        + ", after the evaluation date " + end + "; filter only the items observed by then");
            }
            byDate.computeIfAbsent(d, x -> new ArrayList<>()).add(e);
        }

        double[] pi = c.prior().toArray();
        DMatrixRMaj transition = new DMatrixRMaj(k, k);
        DMatrixRMaj ones = new DMatrixRMaj(k, 1);
        ones.fill(1.0);
        DMatrixRMaj piRow = new DMatrixRMaj(1, k, true, pi.clone());
        DMatrixRMaj f = new DMatrixRMaj(1, k, true, pi.clone());
        DMatrixRMaj predicted = new DMatrixRMaj(1, k);
        double[] table = m.likelihoods();
        double[] eff = new double[k];
        double[] logWeights = new double[k];

        List<TimelineStep> steps = new ArrayList<>();
        double logEvidence = 0;
        if (end == null) {
            // no dates anywhere: one step, no transition
            logEvidence += update(c, m, table, undatedNoEnd, null, f, eff, logWeights);
            steps.add(step(null, items, undatedNoEnd, 1.0, f, 0));
        } else {
            byDate.putIfAbsent(end, List.of());
            LocalDate previous = null;
            for (Map.Entry<LocalDate, List<Integer>> entry : byDate.entrySet()) {
                LocalDate date = entry.getKey();
                double a = previous == null ? 1.0 : carry(drift, previous, date);
                transition(a, ones, piRow, transition);
                CommonOps_DDRM.mult(f, transition, predicted);
                f.setTo(predicted);
                double logNormaliser = update(c, m, table, entry.getValue(), date, f, eff, logWeights);
                logEvidence += logNormaliser;
                steps.add(step(date, items, entry.getValue(), a, f, logNormaliser));
                previous = date;
            }
        }

        List<Double> probabilities = new ArrayList<>(k);
        for (int h = 0; h < k; h++) {
            probabilities.add(f.get(0, h));
        }
        return new Timeline(drift, end, steps,
                ExactEngine.outcomes(c, c.prior().probabilities(), probabilities, logEvidence, ExactEngine.itemWeights(c, m)));
    }

    /** T = a I + (1 - a) 1 pi^T, written into {@code out}. */
    private static void transition(double a, DMatrixRMaj ones, DMatrixRMaj piRow, DMatrixRMaj out) {
        CommonOps_DDRM.setIdentity(out);
        CommonOps_DDRM.scale(a, out);
        CommonOps_DDRM.multAdd(1 - a, ones, piRow, out);
    }

    /** Applies the items of one date to f in log space; returns the step's log normaliser. */
    private static double update(Case c, EvidenceMatrix m, double[] table, List<Integer> group, LocalDate date,
                                 DMatrixRMaj f, double[] eff, double[] logWeights) {
        if (group.isEmpty()) {
            return 0;
        }
        int k = logWeights.length;
        for (int h = 0; h < k; h++) {
            logWeights[h] = LogSpace.log(f.get(0, h));
        }
        for (int e : group) {
            m.effective(e, table, eff);
            double w = m.weight(e);
            for (int h = 0; h < k; h++) {
                logWeights[h] += w * LogSpace.log(eff[h]);
            }
        }
        double[] out = f.getData();
        double logNormaliser = LogSpace.normaliseInto(logWeights, out);
        if (logNormaliser == Double.NEGATIVE_INFINITY) {
            List<String> ids = new ArrayList<>();
            group.forEach(e -> ids.add(c.evidence().get(e).id()));
            throw new ImpossibleEvidenceException("case '" + c.id() + "': the items observed "
                    + (date == null ? "" : "on " + date + " ") + "(" + String.join(", ", ids)
                    + ") rule out every hypothesis still possible then");
        }
        return logNormaliser;
    }

    private static TimelineStep step(LocalDate date, List<EvidenceItem> items, List<Integer> group, double carry,
                                     DMatrixRMaj f, double logNormaliser) {
        List<String> ids = new ArrayList<>(group.size());
        group.forEach(e -> ids.add(items.get(e).id()));
        List<Double> p = new ArrayList<>(f.getNumCols());
        for (int h = 0; h < f.getNumCols(); h++) {
            p.add(f.get(0, h));
        }
        return new TimelineStep(date, ids, carry, p, logNormaliser);
    }
}
