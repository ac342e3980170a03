package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.deciban.inference.EvidenceMatrix;
import org.deciban.inference.PosteriorKernel;
import org.deciban.inference.CasePosterior;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Icd203;

/**
 * How fragile a case's conclusion is. Every figure is an exact posterior (DESIGN steps 1-3) of a
 * modified case; nothing is random.
 *
 * <p><b>Leave-one-out.</b> For each item, the posterior of the case without it, recomputed from
 * scratch (the other items of its group get the w of a group one smaller), and whether the
 * leading hypothesis changes.
 *
 * <p><b>Tornado.</b> Each stated likelihood L of an item is uncertain as
 * Beta(c L, c (1 - L)) with c the item's confidence, or {@link #DEFAULT_CONFIDENCE} when it gives
 * none (a likelihood of exactly 0 or 1 stays fixed, as in DESIGN step 5). Its ends are the
 * {@link #LOW_QUANTILE} and {@link #HIGH_QUANTILE} quantiles. Two settings of the item are
 * evaluated: "against the leader" (the leader's likelihood at its 5% quantile, every other
 * hypothesis' at its 95% quantile) and "for the leader" (the reverse). The reliability mixing and
 * an absent item's 1 - L' then apply as usual. The table reports the leader's posterior at the
 * lower and the higher of the two and the swing between them; rows are sorted by swing. An item
 * "without uncertainty" has zero swing: an item of reliability 0 (its effective likelihoods are
 * the same under every hypothesis whatever L is) or whose likelihoods are all 0 or 1.
 *
 * <p><b>Prior neighbourhood.</b> For each hypothesis k and each t on the grid
 * {@link #PRIOR_LOW}, {@link #PRIOR_LOW} + {@link #PRIOR_STEP}, ..., {@link #PRIOR_HIGH}, the prior
 * pi_t(k) = t, pi_t(j) = pi(j) (1 - t) / (1 - pi(k)) for j != k (the others rescaled in
 * proportion); the posterior under each such prior, the range of every hypothesis' posterior and
 * the leaders seen.
 *
 * <p><b>What would it take.</b> With leader L and runner-up R (largest posterior after L), the
 * gap g = 10 log10(p(L) / p(R)) decibans. A new independent item (w = 1, reliability 1) favouring
 * R by d decibans over every other hypothesis (likelihood 10^(d/10) x under R, x under all others)
 * multiplies the odds p(R)/p(L) by 10^(d/10) and leaves every other ratio to L unchanged, so R
 * ties L exactly at d = g and leads for any d &gt; g; since p(R) was the largest of the others, no
 * third hypothesis overtakes first. (An item against L alone, likelihood x under L and
 * 10^(d/10) x under the others, needs the same g.) To move the leader's posterior p across the
 * band above, to its lower bound u, an item for L alone by d decibans gives
 * p' = p 10^(d/10) / (p 10^(d/10) + 1 - p), so d = 10 log10[(u / (1 - u)) / (p / (1 - p))], the
 * log-odds gap in decibans; to fall below the current band's lower bound l, an item against L by
 * d decibans needs d = 10 log10[(p / (1 - p)) / (l / (1 - l))] (reaching l itself still stays in the
 * band, which holds its lower bound). NaN when there is no band in that direction.
 */
public final class Sensitivity {

    /** Beta pseudo-count used in the tornado for an item that states no confidence. */
    public static final double DEFAULT_CONFIDENCE = 10;
    /** Lower end of a likelihood's uncertainty. */
    public static final double LOW_QUANTILE = 0.05;
    /** Upper end of a likelihood's uncertainty. */
    public static final double HIGH_QUANTILE = 0.95;
    /** Smallest prior probability of the neighbourhood. */
    public static final double PRIOR_LOW = 0.05;
    /** Largest prior probability of the neighbourhood. */
    public static final double PRIOR_HIGH = 0.90;
    /** Grid step of the neighbourhood. */
    public static final double PRIOR_STEP = 0.01;

    private Sensitivity() {
    }

    /**
     * The posterior without one item.
     *
     * @param itemId        the item left out
     * @param posterior     posterior of every hypothesis without it
     * @param leader        leader without it
     * @param leaderChanged whether that differs from the full case's leader
     * @param leaderShift   change of the full case's leader's posterior: p_without(L) - p(L)
     */
    public record LeaveOneOut(String itemId, List<Double> posterior, int leader, boolean leaderChanged,
                              double leaderShift) {
        public LeaveOneOut {
            posterior = List.copyOf(posterior);
        }
    }

    /**
     * One bar of the tornado.
     *
     * @param itemId          the item
     * @param confidence      the Beta pseudo-count used
     * @param statedConfidence whether the item stated it (false: {@link #DEFAULT_CONFIDENCE})
     * @param againstLeader   the item's likelihoods in the "against the leader" setting
     * @param forLeader       the item's likelihoods in the "for the leader" setting
     * @param low             the leader's posterior at the lower of the two settings
     * @param high            the leader's posterior at the higher of the two settings
     */
    public record Tornado(String itemId, double confidence, boolean statedConfidence, List<Double> againstLeader,
                          List<Double> forLeader, double low, double high) {
        public Tornado {
            againstLeader = List.copyOf(againstLeader);
            forLeader = List.copyOf(forLeader);
        }

        /** high - low. */
        public double swing() {
            return high - low;
        }
    }

    /**
     * The prior neighbourhood of one hypothesis.
     *
     * @param moved       index of the hypothesis whose prior is moved
     * @param priorValues the grid of its prior probability t
     * @param posteriors  the posterior of every hypothesis at each t (one list per grid point)
     * @param leaders     the leader at each t
     */
    public record PriorSweep(int moved, List<Double> priorValues, List<List<Double>> posteriors, List<Integer> leaders) {
        public PriorSweep {
            priorValues = List.copyOf(priorValues);
            List<List<Double>> copy = new ArrayList<>();
            posteriors.forEach(row -> copy.add(List.copyOf(row)));
            posteriors = List.copyOf(copy);
            leaders = List.copyOf(leaders);
        }

        /** Smallest posterior of hypothesis h over the sweep. */
        public double min(int h) {
            return posteriors.stream().mapToDouble(r -> r.get(h)).min().orElse(Double.NaN);
        }

        /** Largest posterior of hypothesis h over the sweep. */
        public double max(int h) {
            return posteriors.stream().mapToDouble(r -> r.get(h)).max().orElse(Double.NaN);
        }
    }

    /**
     * The evidence one new item would need.
     *
     * @param leader       index of the leader
     * @param runnerUp     index of the runner-up, or -1 when K = 1
     * @param toTieDb      decibans an item for the runner-up needs to tie the leader (it leads above)
     * @param band         the leader's current ICD 203 band
     * @param bandUpDb     decibans for the leader to reach the band above (NaN at the top)
     * @param bandDownDb   decibans against the leader to fall below its band (NaN at the bottom)
     */
    public record WhatItTakes(int leader, int runnerUp, double toTieDb, Icd203 band, double bandUpDb, double bandDownDb) {
    }

    /** Leave-one-out for every item, in the case's order. */
    public static List<LeaveOneOut> leaveOneOut(Case c) {
        Posterior full = CasePosterior.of(c);
        int lead = full.leader();
        List<LeaveOneOut> out = new ArrayList<>();
        for (EvidenceItem item : c.evidence()) {
            Posterior p = CasePosterior.of(Explain.withoutItems(c, List.of(item.id())));
            out.add(new LeaveOneOut(item.id(), p.probabilities(), p.leader(), p.leader() != lead,
                    p.probabilities().get(lead) - full.probabilities().get(lead)));
        }
        return out;
    }

    /** The tornado, sorted by swing (largest first, ties by id). */
    public static List<Tornado> tornado(Case c) {
        int lead = CasePosterior.of(c).leader();
        List<EvidenceItem> items = c.evidence();
        List<Tornado> out = new ArrayList<>();
        for (int e = 0; e < items.size(); e++) {
            EvidenceItem item = items.get(e);
            boolean stated = item.confidence() != null;
            double conf = stated ? item.confidence() : DEFAULT_CONFIDENCE;
            List<Double> against = new ArrayList<>();
            List<Double> favour = new ArrayList<>();
            for (int h = 0; h < c.size(); h++) {
                double l = item.likelihoods().get(h);
                double lo = quantile(l, conf, LOW_QUANTILE);
                double hi = quantile(l, conf, HIGH_QUANTILE);
                against.add(h == lead ? lo : hi);
                favour.add(h == lead ? hi : lo);
            }
            double a = leaderWith(c, e, against, lead);
            double b = leaderWith(c, e, favour, lead);
            out.add(new Tornado(item.id(), conf, stated, against, favour, Math.min(a, b), Math.max(a, b)));
        }
        out.sort(Comparator.comparingDouble((Tornado t) -> -t.swing()).thenComparing(Tornado::itemId));
        return out;
    }

    /**
     * The q-quantile of Beta(c L, c (1 - L)); L itself when it is 0 or 1. The distribution is built
     * with a null generator: only its quantile function is used.
     */
    public static double quantile(double l, double confidence, double q) {
        if (l == 0 || l == 1) {
            return l;
        }
        return new BetaDistribution(null, confidence * l, confidence * (1 - l)).inverseCumulativeProbability(q);
    }

    private static double leaderWith(Case c, int e, List<Double> likelihoods, int lead) {
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.set(e, items.get(e).withLikelihoods(likelihoods));
        return CasePosterior.of(c.withEvidence(items)).probabilities().get(lead);
    }

    /** The prior neighbourhood of every hypothesis (empty when K = 1). */
    public static List<PriorSweep> priorSweeps(Case c) {
        int k = c.size();
        List<PriorSweep> out = new ArrayList<>();
        if (k < 2) {
            return out;
        }
        EvidenceMatrix m = EvidenceMatrix.of(c);
        PosteriorKernel kernel = CasePosterior.kernel(c, m);
        double[] table = m.likelihoods();
        double[] pi = c.prior().toArray();
        double[] logPi = new double[k];
        double[] work = new double[2 * k];
        double[] post = new double[k];
        int steps = (int) Math.round((PRIOR_HIGH - PRIOR_LOW) / PRIOR_STEP);
        for (int moved = 0; moved < k; moved++) {
            List<Double> ts = new ArrayList<>();
            List<List<Double>> posts = new ArrayList<>();
            List<Integer> leaders = new ArrayList<>();
            for (int i = 0; i <= steps; i++) {
                double t = PRIOR_LOW + i * PRIOR_STEP;
                for (int h = 0; h < k; h++) {
                    logPi[h] = Math.log(h == moved ? t : pi[h] * (1 - t) / (1 - pi[moved]));
                }
                kernel.posterior(table, logPi, work, post);
                List<Double> row = new ArrayList<>(k);
                int best = 0;
                for (int h = 0; h < k; h++) {
                    row.add(post[h]);
                    if (post[h] > post[best]) {
                        best = h;
                    }
                }
                ts.add(t);
                posts.add(row);
                leaders.add(best);
            }
            out.add(new PriorSweep(moved, ts, posts, leaders));
        }
        return out;
    }

    /** What one new item would need to change the leader or its ICD 203 band. */
    public static WhatItTakes whatItTakes(Case c) {
        return whatItTakes(CasePosterior.of(c));
    }

    /** {@link #whatItTakes(Case)} from a computed posterior. */
    public static WhatItTakes whatItTakes(Posterior p) {
        int lead = p.leader();
        double pl = p.probabilities().get(lead);
        int runner = -1;
        for (int h = 0; h < p.probabilities().size(); h++) {
            if (h != lead && (runner < 0 || p.probabilities().get(h) > p.probabilities().get(runner))) {
                runner = h;
            }
        }
        double tie = runner < 0 ? Double.NaN : decibans(pl / p.probabilities().get(runner));
        Icd203 band = Icd203.of(Math.max(0, Math.min(1, pl)));
        double up = band.upper() >= 1 ? Double.NaN : decibans(odds(band.upper()) / odds(pl));
        double down = band.lower() <= 0 ? Double.NaN : decibans(odds(pl) / odds(band.lower()));
        return new WhatItTakes(lead, runner, tie, band, up, down);
    }

    private static double odds(double p) {
        return p / (1 - p);
    }

    private static double decibans(double ratio) {
        return 10 * Math.log10(ratio);
    }
}
