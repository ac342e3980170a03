package org.deciban.inference.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.CaseModel;
import org.deciban.inference.JudgmentUncertainty;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Icd203;
import org.deciban.model.Variable;
import org.deciban.inference.Judgments;

/**
 * How fragile a case's conclusion is. Every figure is a posterior of the case's compiled model
 * ({@link CaseModel}) under one variation, the same engine as {@code deciban run} (drift included);
 * nothing is random, and each variation costs time independent of the number of items (the model
 * says how), so every analysis here is linear in the items.
 *
 * <p><b>Leave-one-out.</b> For each item, the posterior of the case without it (the other items of
 * its group get the w of a group one smaller, exactly as a case recompiled without it), and whether
 * the leading hypothesis changes.
 *
 * <p><b>Tornado.</b> Each stated likelihood is uncertain as the Beta of {@link JudgmentUncertainty}
 * (a stated interval, else Beta(c L, c (1 - L)) with c the item's confidence or the case's
 * default; 0 and 1 stay fixed), and its ends are that Beta's 5% and 95% quantiles. For an item on
 * the question variable two settings are evaluated: the leader's likelihood at its 5% quantile with
 * every other hypothesis' at its 95% quantile, and the reverse. The reliability mixing and an absent
 * item's 1 - L' then apply as usual, so for an absent item the first setting can raise the leader: the
 * setting reported "against the leader" is whichever of the two gives the leader the lower posterior,
 * "for the leader" the other. The table reports the leader's posterior at both and the swing between
 * them; rows are sorted by swing. An item "without uncertainty" has zero swing: an item of reliability
 * 0 (its effective likelihoods are the same under every hypothesis whatever L is) or whose likelihoods
 * are all 0 or 1.
 *
 * <p><b>Prior neighbourhood.</b> For each hypothesis k (at most {@link #MAX_SWEPT} of them, those
 * with the largest posteriors) and each t on the grid {@link #PRIOR_LOW},
 * {@link #PRIOR_LOW} + {@link #PRIOR_STEP}, ..., {@link #PRIOR_HIGH}, the base of the question
 * variable (its prior, for a one-variable case) pi_t(k) = t, pi_t(j) = pi(j) (1 - t) / (1 - pi(k))
 * for j != k (the others rescaled in proportion); the posterior under each, the range of every
 * hypothesis' posterior and the leaders seen.
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

    /** At most this many hypotheses have their prior swept (those with the largest posteriors). */
    public static final int MAX_SWEPT = 20;
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
     * One bar of the tornado: an item's likelihoods, or one row of a conditional table (a network variable
     * with a {@code concentration}).
     *
     * @param itemId          the item, or for a row "variable [parent=state, ...]" ("variable [prior]" for a root)
     * @param variable        the variable whose states the two settings are over
     * @param states          those states' ids
     * @param confidence      the Beta pseudo-count (the item's own, the case's default, or the row's concentration)
     * @param statedConfidence whether the judgment states its uncertainty (a confidence, intervals, or the
     *                        row's concentration); false: the case's default confidence
     * @param againstLeader   the likelihoods (or row) in the setting that gives the leader the lower posterior
     * @param forLeader       the likelihoods (or row) in the setting that gives it the higher one
     * @param low             the leader's posterior in the first setting
     * @param high            the leader's posterior in the second
     */
    public record Tornado(String itemId, String variable, List<String> states, double confidence,
                          boolean statedConfidence, List<Double> againstLeader, List<Double> forLeader, double low,
                          double high) {
        public Tornado {
            states = List.copyOf(states);
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

    /**
     * Every sensitivity figure of a compiled case: leave-one-out, tornado, prior neighbourhood and
     * what it would take.
     *
     * @param posterior    the case's posterior ({@code model.posterior()})
     */
    public record Figures(Posterior posterior, List<LeaveOneOut> loo, List<Tornado> tornado, List<PriorSweep> priors,
                          WhatItTakes whatItTakes) {
        public Figures {
            loo = List.copyOf(loo);
            tornado = List.copyOf(tornado);
            priors = List.copyOf(priors);
        }
    }

    /** The whole sensitivity analysis of a compiled case. */
    public static Figures figures(CaseModel m) {
        return new Figures(m.posterior(), leaveOneOut(m), tornado(m), priorSweeps(m), whatItTakes(m.posterior()));
    }

    /** Leave-one-out for every item, in the case's order. */
    public static List<LeaveOneOut> leaveOneOut(CaseModel m) {
        Posterior full = m.posterior();
        int lead = full.leader();
        double[] post = new double[m.states()];
        List<LeaveOneOut> out = new ArrayList<>();
        List<EvidenceItem> items = m.source().evidence();
        for (int e = 0; e < items.size(); e++) {
            m.without(new int[] {e}, post);
            int leader = argmax(post);
            out.add(new LeaveOneOut(items.get(e).id(), toList(post), leader, leader != lead,
                    post[lead] - full.probabilities().get(lead)));
        }
        return out;
    }

    /**
     * The tornado over every item and every uncertain table row but the question's own prior (which the
     * prior neighbourhood sweeps), sorted by swing (largest first, ties by id).
     *
     * <p>An item on the question variable has two settings (the leader's likelihood at its 5% quantile
     * and the others at their 95%, and the reverse). An item on another variable V, and a table row, has
     * two per state v of V: v's entry at its 5% quantile with the others at their 95% (for a row, the
     * others rescaled so it sums to 1), and the reverse. The bar spans the lowest and the highest
     * posterior of the leader over the settings.
     */
    public static List<Tornado> tornado(CaseModel m) {
        Case c = m.source();
        int lead = m.posterior().leader();
        double defaultConfidence = c.settings().defaultConfidence();
        List<EvidenceItem> items = c.evidence();
        double[] post = new double[m.states()];
        List<Tornado> out = new ArrayList<>();
        for (int e = 0; e < items.size(); e++) {
            EvidenceItem item = items.get(e);
            Variable v = c.variableOf(item);
            boolean onQuestion = v.id().equals(c.questionVariable());
            List<double[]> settings = itemSettings(item, v.size(), defaultConfidence, onQuestion ? lead : -1);
            final int at = e;
            boolean stated = item.confidence() != null || !item.intervals().isEmpty();
            double conf = item.confidence() != null ? item.confidence() : defaultConfidence;
            out.add(bar(item.id(), v, conf, stated, settings, lead, post, x -> m.withLikelihoods(at, x, post)));
        }
        if (c.structured()) {
            for (Judgments.Row r : m.judgments().rows()) {
                if (r.variable().equals(c.questionVariable()) && c.network().variable(r.variable()).parents().isEmpty()) {
                    continue;
                }
                Variable v = c.network().variable(r.variable());
                List<double[]> settings = rowSettings(r);
                out.add(bar(r.variable() + " [" + r.label() + "]", v, r.concentration(), true, settings, lead, post,
                        x -> m.withRow(r.variable(), r.row(), x, post)));
            }
        }
        out.sort(Comparator.comparingDouble((Tornado t) -> -t.swing()).thenComparing(Tornado::itemId));
        return out;
    }

    /**
     * An item's likelihoods at the ends of their 90% ranges ({@link JudgmentUncertainty#range}): for each
     * state j of its variable (only {@code onlyState} when it is &gt;= 0), j's likelihood at its 5% quantile
     * with every other at its 95%, then the reverse; two settings a state.
     */
    static List<double[]> itemSettings(EvidenceItem item, int states, double defaultConfidence, int onlyState) {
        double[][] range = new double[states][];
        for (int j = 0; j < states; j++) {
            range[j] = JudgmentUncertainty.range(item, j, defaultConfidence);
        }
        List<double[]> settings = new ArrayList<>();
        for (int j = 0; j < states; j++) {
            if (onlyState >= 0 && j != onlyState) {
                continue;
            }
            double[] one = new double[states];
            double[] two = new double[states];
            for (int x = 0; x < states; x++) {
                one[x] = x == j ? range[x][0] : range[x][1];
                two[x] = x == j ? range[x][1] : range[x][0];
            }
            settings.add(one);
            settings.add(two);
        }
        return settings;
    }

    /**
     * A conditional row at the ends of its uncertainty: for each entry j, j at the 5% and at the 95%
     * quantile of its Beta(c row(j), c (1 - row(j))) marginal under Dirichlet(c row), the others rescaled
     * in proportion ({@link #moved}); entries of 0 or 1 stay fixed.
     */
    static List<double[]> rowSettings(Judgments.Row r) {
        double[] row = r.toArray();
        List<double[]> settings = new ArrayList<>();
        for (int j = 0; j < row.length; j++) {
            double[] ab = row[j] == 0 || row[j] == 1 ? null
                    : new double[] {r.concentration() * row[j], r.concentration() * (1 - row[j])};
            for (double q : new double[] {JudgmentUncertainty.LOW_QUANTILE, JudgmentUncertainty.HIGH_QUANTILE}) {
                settings.add(moved(row, j, JudgmentUncertainty.quantile(ab, row[j], q)));
            }
        }
        return settings;
    }

    /** A row with entry j set to x and the others rescaled in proportion so that it sums to 1. */
    static double[] moved(double[] row, int j, double x) {
        double rest = 1 - row[j];
        double[] out = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = i == j ? x : rest == 0 ? (1 - x) / (row.length - 1) : row[i] * (1 - x) / rest;
        }
        return out;
    }

    /** The bar of one judgment: the leader's posterior under each setting, the lowest and the highest. */
    private static Tornado bar(String id, Variable v, double confidence, boolean stated, List<double[]> settings,
                               int lead, double[] post, java.util.function.ToDoubleFunction<double[]> evaluate) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double[] against = settings.get(0);
        double[] favour = settings.get(0);
        for (double[] setting : settings) {
            if (evaluate.applyAsDouble(setting) == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double p = post[lead];
            if (p < low) {
                low = p;
                against = setting;
            }
            if (p > high) {
                high = p;
                favour = setting;
            }
        }
        return new Tornado(id, v.id(), v.stateIds(), confidence, stated, toList(against), toList(favour), low, high);
    }

    /**
     * The prior neighbourhood of the hypotheses with the largest posteriors (at most {@link #MAX_SWEPT};
     * empty when K = 1), in hypothesis order.
     */
    public static List<PriorSweep> priorSweeps(CaseModel m) {
        int k = m.states();
        List<PriorSweep> out = new ArrayList<>();
        if (k < 2) {
            return out;
        }
        double[] pi = m.questionBase();
        double[] p = m.posterior().toArray();
        List<Integer> swept = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            swept.add(h);
        }
        swept.sort(Comparator.comparingDouble((Integer h) -> -p[h]).thenComparing(h -> h));
        swept = new ArrayList<>(swept.subList(0, Math.min(MAX_SWEPT, k)));
        swept.sort(Comparator.naturalOrder());
        double[] base = new double[k];
        double[] post = new double[k];
        int steps = (int) Math.round((PRIOR_HIGH - PRIOR_LOW) / PRIOR_STEP);
        for (int moved : swept) {
            List<Double> ts = new ArrayList<>();
            List<List<Double>> posts = new ArrayList<>();
            List<Integer> leaders = new ArrayList<>();
            for (int i = 0; i <= steps; i++) {
                double t = PRIOR_LOW + i * PRIOR_STEP;
                for (int h = 0; h < k; h++) {
                    base[h] = h == moved ? t : pi[h] * (1 - t) / (1 - pi[moved]);
                }
                m.withQuestionBase(base, post);
                ts.add(t);
                posts.add(toList(post));
                leaders.add(argmax(post));
            }
            out.add(new PriorSweep(moved, ts, posts, leaders));
        }
        return out;
    }

    private static int argmax(double[] x) {
        int best = 0;
        for (int h = 1; h < x.length; h++) {
            if (x[h] > x[best]) {
                best = h;
            }
        }
        return best;
    }

    private static List<Double> toList(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }

    /** What one new item would need to change the leader or its ICD 203 band, from a posterior. */
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
