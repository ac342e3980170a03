package org.deciban.inference.update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CaseModel;
import org.deciban.inference.dynamics.DriftSchedule;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * How good the forecasts of resolved indicators were.
 *
 * <p><b>The forecast.</b> For an indicator resolved on day d, the forecast is q = P(observed) given by the
 * forecast as of d - 1: the case holding only the items observed by then ({@link CaseModels#asOf}, the replay of
 * {@code --as-of}; an undated item counts as observed at the case's as_of, so it is left out when as_of is after
 * d - 1), filtered to d - 1, with the indicator added as seen ({@link CaseModel#withAdded}):
 * q = exp(log P(e, seen) - log P(e)). The baseline q0 is the same indicator's P(observed) under the prior alone
 * (the case with no evidence item at all). Neither uses the resolution itself nor anything dated on or after d.
 *
 * <p><b>Scores</b>, for the outcome o (1 when observed, 0 when watched for and not seen); both are losses, lower
 * is better, and both are proper (their expectation under the true probability t is smallest at q = t):
 * <ul>
 * <li>Brier score B(q, o) = (q - o)^2, from 0 (certain and right) to 1 (certain and wrong); a forecast of 0.5
 *     scores 0.25 whatever happens;</li>
 * <li>logarithmic score S(q, o) = -log2 P_q(o), where P_q(1) = q and P_q(0) = 1 - q: the surprise in bits, 0
 *     when certain and right, 1 for 0.5, infinite when certain and wrong.</li>
 * </ul>
 * In total: the mean of each over the predictions. The skill score against the baseline is
 * 1 - mean score / mean baseline score: positive when the forecasts beat the prior alone, 0 when they tie, NaN
 * when the baseline scores 0.
 *
 * <p><b>Calibration.</b> Predictions are binned by q into {@value #BINS} bins of width 0.1 ([0, 0.1), ...,
 * [0.9, 1], 1 in the last); each bin has its count, mean q and observed frequency (the share observed). A
 * calibrated forecaster's observed frequency is close to the mean q of each bin. With fewer than
 * {@value #ANECDOTAL_BELOW} predictions the scores are anecdotal.
 */
public final class Scoring {

    /** Below this many predictions, scores are anecdotal. */
    public static final int ANECDOTAL_BELOW = 10;
    /** Calibration bins of width 1 / BINS. */
    public static final int BINS = 10;

    private static final double LN2 = Math.log(2);

    private Scoring() {
    }

    /**
     * One resolved indicator and what was forecast for it.
     *
     * @param caseId        the case
     * @param indicator     the indicator's id
     * @param variable      the variable it is on
     * @param resolved      its resolution date d
     * @param observed      whether it was observed
     * @param forecastDate  d - 1, the day of the forecast that is scored
     * @param itemsKnown    the evidence items that forecast held
     * @param undatedLeftOut undated items it left out because the case's as_of is after d - 1
     * @param forecast      q, P(observed) from the forecast as of d - 1
     * @param baseline      q0, P(observed) under the prior alone
     */
    public record Prediction(String caseId, String indicator, String variable, LocalDate resolved, boolean observed,
                             LocalDate forecastDate, int itemsKnown, int undatedLeftOut, double forecast,
                             double baseline) {

        /** B(q, o). */
        public double brier() {
            return Scoring.brier(forecast, observed);
        }

        /** B(q0, o). */
        public double baselineBrier() {
            return Scoring.brier(baseline, observed);
        }

        /** S(q, o) in bits. */
        public double logScore() {
            return Scoring.logScore(forecast, observed);
        }

        /** S(q0, o) in bits. */
        public double baselineLogScore() {
            return Scoring.logScore(baseline, observed);
        }
    }

    /**
     * One calibration bin.
     *
     * @param lower             lower bound of q (included)
     * @param upper             upper bound of q (excluded, but for the last bin)
     * @param count             predictions in the bin
     * @param meanForecast      their mean q (NaN when empty)
     * @param observedFrequency the share of them observed (NaN when empty)
     */
    public record Bin(double lower, double upper, int count, double meanForecast, double observedFrequency) {
    }

    /**
     * The scores of a set of predictions.
     *
     * @param predictions      the predictions, by resolution date then case and id
     * @param brier            mean Brier score
     * @param baselineBrier    mean Brier score of the baseline
     * @param brierSkill       1 - brier / baselineBrier
     * @param logScore         mean logarithmic score, bits
     * @param baselineLogScore mean logarithmic score of the baseline, bits
     * @param logSkill         1 - logScore / baselineLogScore
     * @param calibration      the {@value #BINS} bins, in order
     */
    public record Summary(List<Prediction> predictions, double brier, double baselineBrier, double brierSkill,
                          double logScore, double baselineLogScore, double logSkill, List<Bin> calibration) {
        public Summary {
            predictions = List.copyOf(predictions);
            calibration = List.copyOf(calibration);
        }

        /** Number of predictions. */
        public int count() {
            return predictions.size();
        }

        /** Whether there are too few predictions for the scores to mean much. */
        public boolean anecdotal() {
            return predictions.size() < ANECDOTAL_BELOW;
        }
    }

    /** B(q, o) = (q - o)^2. */
    public static double brier(double q, boolean observed) {
        double d = q - (observed ? 1 : 0);
        return d * d;
    }

    /** S(q, o) = -log2 P_q(o) in bits, with log1p for the complement. */
    public static double logScore(double q, boolean observed) {
        return -(observed ? Math.log(q) : Math.log1p(-q)) / LN2;
    }

    /** 1 - score / baseline; NaN when the baseline scores 0 (nothing to improve on). */
    public static double skill(double score, double baseline) {
        return baseline == 0 ? Double.NaN : 1 - score / baseline;
    }

    /** Whether an item is a resolved indicator. */
    public static boolean isResolved(EvidenceItem e) {
        return e.resolution() != null;
    }

    /** The prediction of every resolved indicator of a case, by resolution date then id. */
    public static List<Prediction> predictions(Case c) {
        List<Prediction> out = new ArrayList<>();
        for (EvidenceItem e : c.evidence()) {
            if (isResolved(e)) {
                out.add(predict(c, e));
            }
        }
        out.sort(ORDER);
        return out;
    }

    private static final Comparator<Prediction> ORDER = Comparator.comparing(Prediction::resolved)
            .thenComparing(Prediction::caseId).thenComparing(Prediction::indicator);

    /** The prediction of one resolved indicator of the case (see the class comment). */
    public static Prediction predict(Case c, EvidenceItem resolved) {
        if (!isResolved(resolved)) {
            throw new IllegalArgumentException("item '" + resolved.id() + "' is not a resolved indicator");
        }
        LocalDate day = resolved.resolution().date().minusDays(1);
        double drift = c.settings().drift();
        List<EvidenceItem> known = DriftSchedule.observedBy(c, day);
        java.util.Set<EvidenceItem> held = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        held.addAll(known);
        int undatedLeftOut = 0;
        for (EvidenceItem e : c.evidence()) {
            if (e.date() == null && !held.contains(e)) {
                undatedLeftOut++;
            }
        }
        EvidenceItem candidate = resolved.asCandidate();
        double q = pObserved(CaseModels.asOf(c, day, drift), candidate);
        double q0 = pObserved(CaseModels.compile(c.withEvidence(List.of()), drift, day), candidate);
        return new Prediction(c.id(), resolved.id(), c.variableOf(resolved).id(), resolved.resolution().date(),
                resolved.observed(), day, known.size(), undatedLeftOut, q, q0);
    }

    /** P(observed) the model gives a candidate indicator: exp(log P(e, seen) - log P(e)), clamped to [0, 1]. */
    static double pObserved(CaseModel m, EvidenceItem candidate) {
        double[] out = new double[m.states()];
        double p = Math.exp(m.withAdded(candidate, out) - m.posterior().logEvidence());
        return Math.max(0, Math.min(1, p));
    }

    /** The scores of a set of predictions (from one case or several). */
    public static Summary summarise(List<Prediction> predictions) {
        List<Prediction> ps = new ArrayList<>(predictions);
        ps.sort(ORDER);
        double b = 0;
        double b0 = 0;
        double s = 0;
        double s0 = 0;
        int[] count = new int[BINS];
        double[] sumQ = new double[BINS];
        int[] seen = new int[BINS];
        for (Prediction p : ps) {
            b += p.brier();
            b0 += p.baselineBrier();
            s += p.logScore();
            s0 += p.baselineLogScore();
            int bin = Math.min(BINS - 1, (int) Math.floor(p.forecast() * BINS));
            count[bin]++;
            sumQ[bin] += p.forecast();
            seen[bin] += p.observed() ? 1 : 0;
        }
        int n = ps.size();
        List<Bin> bins = new ArrayList<>();
        for (int i = 0; i < BINS; i++) {
            bins.add(new Bin(i / (double) BINS, (i + 1) / (double) BINS, count[i],
                    count[i] == 0 ? Double.NaN : sumQ[i] / count[i], count[i] == 0 ? Double.NaN : seen[i] / (double) count[i]));
        }
        double mb = n == 0 ? Double.NaN : b / n;
        double mb0 = n == 0 ? Double.NaN : b0 / n;
        double ms = n == 0 ? Double.NaN : s / n;
        double ms0 = n == 0 ? Double.NaN : s0 / n;
        return new Summary(ps, mb, mb0, skill(mb, mb0), ms, ms0, skill(ms, ms0), bins);
    }
}
