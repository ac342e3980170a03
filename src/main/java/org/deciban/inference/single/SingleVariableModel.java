package org.deciban.inference.single;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.EffectiveLikelihood;
import org.deciban.inference.GroupWeights;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.JudgmentEvaluator;
import org.deciban.inference.Judgments;
import org.deciban.inference.LogSpace;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.inference.VariableMarginal;
import org.deciban.inference.WeightOfEvidence;
import org.deciban.inference.dynamics.DriftSchedule;
import org.deciban.inference.dynamics.Forward;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;

/**
 * The compiled model of a one-variable case (design steps 1-4, N4 with no parents): the fast path
 * behind {@link CaseModel} when the question variable is the only variable.
 *
 * <p><b>Filter.</b> Items are grouped by observation date g = 0..G-1 ({@link DriftSchedule}); with
 * drift 0 every item is in one group and nothing moves between dates, which is the static posterior.
 * With Lambda_g(k) = sum_{e in g} w_e log L'_e(k), f_{-1} = pi and a_g = exp(-drift * years since date
 * g - 1) (a_0 = 1):
 * predict f'(k) = a_g f_{g-1}(k) + (1 - a_g) pi(k); update u(k) = log f'(k) + Lambda_g(k),
 * c_g = log sum_k exp u(k), f_g = exp(u - c_g); at the end f = a_end f_{G-1} + (1 - a_end) pi with
 * a_end the carry from the last date to the evaluation date. log Z = sum_g c_g.
 *
 * <p><b>Linear cost.</b> The prefix states f_g with their cumulative log normalisers, and the suffix
 * operators R_g, are kept: R_g is the K x K matrix that carries a normalised state after date g to
 * the (unnormalised) state at the evaluation date, R_{G-1} = T(a_end),
 * R_{g-1} = R_g diag(exp(Lambda_g - max Lambda_g)) T(a_g), each rescaled by its largest entry with the
 * log of the scale kept. A variation that changes the findings of dates g0..g1 only (one item's
 * likelihoods; an item removed and its group mates re-weighted) restarts from f_{g0-1}, filters dates
 * g0..g1 with the changed Lambda, and applies R_{g1}: O((g1 - g0) K + K^2) after an O(G K^2) set-up, so
 * leave-one-out and the tornado cost time linear in the items. A removal changes Lambda_g by
 * subtracting the removed terms and adding (w' - w) log L' for the group mates, so its log posterior
 * agrees with a recompiled case to about (number of items) ulps of |Lambda|. The suffix operators are
 * built only when G K^2 is at most {@value #SUFFIX_CELLS}; above that the filter runs on to the end.
 */
public final class SingleVariableModel implements CaseModel {

    /** Largest G K^2 for which the suffix operators are kept (128 MiB of doubles). */
    static final long SUFFIX_CELLS = 1L << 24;

    private final Case c;
    private final int k;
    private final int n;
    private final double drift;
    private final LocalDate end;
    private final double[] pi;
    private final double[] logPi;
    private final double[] stated;
    private final double[] reliability;
    private final boolean[] observed;
    private final double[] weight;
    private final int[] groupOf;
    private final int[][] groupMembers;
    private final double[] groupRho;
    private final double[] logEff;
    private final double[] effective;
    private final DriftSchedule schedule;
    /** Filter groups: G, the group of each item, the carry into each group and to the end, years between. */
    private final int dates;
    private final int[] dateOf;
    private final double[] carryBefore;
    private final double carryToEnd;
    private final double[] lambda;
    private final int[][] itemsOfDate;
    private final Filter base;
    private final double[] post;
    private final double logZ;
    private final Posterior posterior;
    private final StaticKernel kernel;
    /** Filters with one group re-weighted as if one member were left out, by group; built on demand. */
    private final Map<Integer, Filter> groupVariants = new java.util.concurrent.ConcurrentHashMap<>();

    private SingleVariableModel(Case c, double drift, LocalDate at) {
        this.c = c;
        this.k = c.size();
        List<EvidenceItem> items = c.evidence();
        this.n = items.size();
        this.drift = drift;
        this.pi = c.prior().toArray();
        this.logPi = new double[k];
        for (int h = 0; h < k; h++) {
            logPi[h] = Math.log(pi[h]);
        }
        this.stated = new double[Math.multiplyExact(n, k)];
        this.reliability = new double[n];
        this.observed = new boolean[n];
        for (int e = 0; e < n; e++) {
            EvidenceItem item = items.get(e);
            for (int h = 0; h < k; h++) {
                stated[e * k + h] = item.likelihoods().get(h);
            }
            reliability[e] = item.reliability();
            observed[e] = item.observed();
        }
        this.weight = GroupWeights.of(items, c.settings());
        Map<String, Integer> groupIndex = new HashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        this.groupOf = new int[n];
        for (int e = 0; e < n; e++) {
            String g = items.get(e).group();
            if (g == null) {
                groupOf[e] = -1;
                continue;
            }
            int gi = groupIndex.computeIfAbsent(g, x -> {
                members.add(new ArrayList<>());
                return members.size() - 1;
            });
            groupOf[e] = gi;
            members.get(gi).add(e);
        }
        this.groupMembers = new int[members.size()][];
        this.groupRho = new double[members.size()];
        for (Map.Entry<String, Integer> g : groupIndex.entrySet()) {
            groupMembers[g.getValue()] = members.get(g.getValue()).stream().mapToInt(Integer::intValue).toArray();
            groupRho[g.getValue()] = c.settings().correlationOf(g.getKey());
        }
        this.effective = new double[stated.length];
        this.logEff = new double[stated.length];
        double[] row = new double[k];
        for (int e = 0; e < n; e++) {
            EffectiveLikelihood.into(stated, e * k, k, reliability[e], observed[e], row);
            if (EffectiveLikelihood.impossible(row, k)) {
                EvidenceItem item = items.get(e);
                throw new ImpossibleEvidenceException(item.origin() + ": item '" + item.id()
                        + "' has effective likelihood 0 under every hypothesis; at least one must be above 0");
            }
            for (int h = 0; h < k; h++) {
                effective[e * k + h] = row[h];
                logEff[e * k + h] = LogSpace.log(row[h]);
            }
        }
        this.schedule = DriftSchedule.of(c, at);
        this.end = schedule.end();
        if (drift == 0 || schedule.size() <= 1) {
            this.dates = 1;
            this.dateOf = new int[n];
            this.carryBefore = new double[] {1.0};
            this.carryToEnd = drift == 0 || schedule.size() == 0 ? 1.0 : schedule.carryFromDateToEnd(0, drift);
        } else {
            this.dates = schedule.size();
            this.dateOf = new int[n];
            for (int e = 0; e < n; e++) {
                dateOf[e] = schedule.dateOf(e);
            }
            this.carryBefore = new double[dates];
            for (int g = 0; g < dates; g++) {
                carryBefore[g] = g == 0 ? 1.0 : Math.exp(-drift * schedule.yearsBefore(g));
            }
            this.carryToEnd = Math.exp(-drift * schedule.yearsToEnd());
        }
        this.lambda = new double[Math.multiplyExact(dates, k)];
        int[] count = new int[dates];
        for (int e = 0; e < n; e++) {
            count[dateOf[e]]++;
        }
        this.itemsOfDate = new int[dates][];
        for (int g = 0; g < dates; g++) {
            itemsOfDate[g] = new int[count[g]];
            count[g] = 0;
        }
        for (int e = 0; e < n; e++) {
            itemsOfDate[dateOf[e]][count[dateOf[e]]++] = e;
        }
        for (int e = 0; e < n; e++) {
            int off = dateOf[e] * k;
            for (int h = 0; h < k; h++) {
                lambda[off + h] += weight[e] * logEff[e * k + h];
            }
        }
        this.base = new Filter(lambda);
        if (base.impossibleAt >= 0) {
            throw impossible(base.impossibleAt);
        }
        this.post = base.post;
        this.logZ = base.logZ;
        this.kernel = new StaticKernel(k, reliability, observed, weight);
        this.posterior = Posterior.of(c, c.prior().probabilities(), toList(post), logZ, itemWeights());
    }

    /**
     * Compiles a one-variable case.
     *
     * @param drift the drift rate per year (0: static)
     * @param at    the evaluation date, or {@code null} for the case's
     * @throws ImpossibleEvidenceException when an item, or the evidence together, rules out every hypothesis
     * @throws IllegalArgumentException    when an item is observed after the evaluation date
     */
    public static SingleVariableModel of(Case c, double drift, LocalDate at) {
        if (!(drift >= 0 && Double.isFinite(drift))) {
            throw new IllegalArgumentException("drift " + drift + " must be a finite number >= 0 (per year)");
        }
        return new SingleVariableModel(c, drift, at);
    }

    private ImpossibleEvidenceException impossible(int g) {
        if (dates == 1) {
            return new ImpossibleEvidenceException("case '" + c.id()
                    + "': the evidence together rules out every hypothesis (each has an item of effective likelihood 0)");
        }
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            if (dateOf[e] == g) {
                ids.add(c.evidence().get(e).id());
            }
        }
        LocalDate d = schedule.date(g);
        return new ImpossibleEvidenceException("case '" + c.id() + "': the items observed "
                + (d == null ? "" : "on " + d + " ") + "(" + String.join(", ", ids)
                + ") rule out every hypothesis still possible then");
    }

    private List<ItemWeight> itemWeights() {
        List<ItemWeight> out = new ArrayList<>(n);
        double[] eff = new double[k];
        for (int e = 0; e < n; e++) {
            System.arraycopy(effective, e * k, eff, 0, k);
            List<Double> db = new ArrayList<>(k);
            for (int h = 0; h < k; h++) {
                db.add(WeightOfEvidence.decibans(eff, pi, h, weight[e]));
            }
            out.add(new ItemWeight(c.evidence().get(e).id(), weight[e], toList(eff), db));
        }
        return out;
    }

    private static List<Double> toList(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }

    @Override
    public Case source() {
        return c;
    }

    @Override
    public double drift() {
        return drift;
    }

    @Override
    public LocalDate evaluationDate() {
        return end;
    }

    @Override
    public int states() {
        return k;
    }

    @Override
    public TreeSize treeSize() {
        return new TreeSize(1, k);
    }

    @Override
    public Posterior posterior() {
        return posterior;
    }

    @Override
    public List<VariableMarginal> variables() {
        List<String> ids = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            ids.add(h.id());
            labels.add(h.label());
        }
        return List.of(new VariableMarginal(c.questionVariable(), c.question(), ids, labels, posterior.prior(),
                posterior.probabilities()));
    }

    // ---- variations -------------------------------------------------------------------------------

    @Override
    public double without(int[] items, double[] out) {
        if (items.length == 1 && groupOf[items[0]] >= 0 && groupMembers[groupOf[items[0]]].length > 1) {
            Filter variant = groupVariant(groupOf[items[0]]);
            if (variant != null) {
                return withoutGroupMember(variant, items[0], out);
            }
        }
        Changes changes = new Changes();
        Map<Integer, Integer> removedPerGroup = new HashMap<>();
        for (int e : items) {
            if (changes.weights.put(e, 0.0) != null) {
                throw new IllegalArgumentException("item " + e + " is listed twice");
            }
            changes.touch(e);
            if (groupOf[e] >= 0) {
                removedPerGroup.merge(groupOf[e], 1, Integer::sum);
            }
        }
        for (Map.Entry<Integer, Integer> g : removedPerGroup.entrySet()) {
            int[] members = groupMembers[g.getKey()];
            int left = members.length - g.getValue();
            if (left == 0) {
                continue;
            }
            double wNew = GroupWeights.weight(left, groupRho[g.getKey()]);
            for (int e : members) {
                if (!changes.weights.containsKey(e)) {
                    changes.weights.put(e, wNew);
                    changes.touch(e);
                }
            }
        }
        return changes.evaluate(out);
    }

    @Override
    public double withLikelihoods(int item, double[] likelihoods, double[] out) {
        if (likelihoods.length != k) {
            throw new IllegalArgumentException("item " + item + ": " + likelihoods.length + " likelihoods for " + k + " states");
        }
        double[] eff = new double[k];
        EffectiveLikelihood.into(likelihoods, 0, k, reliability[item], observed[item], eff);
        for (int h = 0; h < k; h++) {
            eff[h] = LogSpace.log(eff[h]);
        }
        Changes changes = new Changes();
        changes.logEffs.put(item, eff);
        changes.touch(item);
        return changes.evaluate(out);
    }

    @Override
    public double withQuestionBase(double[] base, double[] out) {
        if (base.length != k) {
            throw new IllegalArgumentException(base.length + " prior probabilities for " + k + " states");
        }
        double[] f = base.clone();
        double total = Forward.filter(f, carryBefore, carryToEnd, base, lambda, new double[k]);
        if (total != Double.NEGATIVE_INFINITY) {
            System.arraycopy(f, 0, out, 0, k);
        }
        return total;
    }

    @Override
    public double withRow(String variable, int row, double[] values, double[] out) {
        if (!variable.equals(c.questionVariable()) || row != 0) {
            throw new IllegalArgumentException("a one-variable case has one row, the prior of '" + c.questionVariable()
                    + "'; asked for row " + row + " of '" + variable + "'");
        }
        return withQuestionBase(values, out);
    }

    @Override
    public double[] questionBase() {
        return pi.clone();
    }

    @Override
    public double withAdded(EvidenceItem item, double[] out) {
        if (item.likelihoods().size() != k) {
            throw new IllegalArgumentException("item '" + item.id() + "' has " + item.likelihoods().size()
                    + " likelihoods for " + k + " hypotheses");
        }
        double[] l = new double[k];
        for (int h = 0; h < k; h++) {
            l[h] = item.likelihoods().get(h);
        }
        double[] eff = new double[k];
        EffectiveLikelihood.into(l, 0, k, item.reliability(), item.observed(), eff);
        double[] u = new double[k];
        for (int h = 0; h < k; h++) {
            u[h] = LogSpace.log(post[h]) + LogSpace.log(eff[h]);
        }
        double c0 = LogSpace.normaliseInto(u, out);
        return c0 == Double.NEGATIVE_INFINITY ? c0 : logZ + c0;
    }

    @Override
    public List<double[]> running(int[] order) {
        List<double[]> out = new ArrayList<>(order.length);
        boolean byDate = true;
        for (int i = 1; i < order.length; i++) {
            byDate &= schedule.dateOf(order[i - 1]) <= schedule.dateOf(order[i]) || drift == 0;
        }
        if (!byDate) {
            for (int i = 0; i < order.length; i++) {
                out.add(prefixOf(Arrays.copyOf(order, i + 1)));
            }
            return out;
        }
        double[] f = pi.clone();
        double[] u = new double[k];
        double[] one = new double[k];
        int current = -1;
        boolean dead = false;
        for (int e : order) {
            int g = schedule.size() == 0 ? 0 : schedule.dateOf(e);
            if (!dead) {
                double a = drift == 0 || current < 0 || g == current ? 1.0
                        : DriftSchedule.carry(drift, schedule.date(current), schedule.date(g));
                for (int h = 0; h < k; h++) {
                    one[h] = weight[e] * logEff[e * k + h];
                }
                dead = Forward.step(f, a, pi, one, 0, u) == Double.NEGATIVE_INFINITY;
                current = g;
            }
            double[] at = new double[k];
            if (dead) {
                Arrays.fill(at, Double.NaN);
            } else {
                System.arraycopy(f, 0, at, 0, k);
                Forward.carry(at, drift == 0 ? 1.0 : schedule.carryFromDateToEnd(g, drift), pi);
            }
            out.add(at);
        }
        return out;
    }

    /** The posterior of the items of a prefix (whole-case weights), filtered from scratch. */
    private double[] prefixOf(int[] items) {
        double[] lam = new double[lambda.length];
        for (int e : items) {
            for (int h = 0; h < k; h++) {
                lam[dateOf[e] * k + h] += weight[e] * logEff[e * k + h];
            }
        }
        double[] f = pi.clone();
        if (Forward.filter(f, carryBefore, carryToEnd, pi, lam, new double[k]) == Double.NEGATIVE_INFINITY) {
            Arrays.fill(f, Double.NaN);
        }
        return f;
    }

    @Override
    public Marginals query(Map<Integer, Integer> given, boolean withEvidence) {
        double[] p = withEvidence ? post : pi;
        double logZ = withEvidence ? logZ() : 0;
        List<Double> out = new ArrayList<>(toList(p));
        for (Map.Entry<Integer, Integer> g : given.entrySet()) {
            int s = g.getValue();
            if (g.getKey() != 0 || s < 0 || s >= k) {
                throw new IllegalArgumentException("no state " + s + " of variable " + g.getKey());
            }
            if (p[s] == 0) {
                throw new ImpossibleEvidenceException("case '" + c.id() + "': the finding '" + c.hypotheses().get(s).id()
                        + "' is impossible " + (withEvidence ? "given the evidence" : "under the prior"));
            }
            logZ += Math.log(p[s]);
            for (int h = 0; h < k; h++) {
                out.set(h, h == s ? 1.0 : 0.0);
            }
        }
        VariableMarginal q = variables().get(0);
        return new Marginals(List.of(new VariableMarginal(q.id(), q.label(), q.states(), q.stateLabels(), q.prior(), out)),
                logZ);
    }

    private double logZ() {
        return logZ;
    }

    @Override
    public Timeline timeline() {
        int g0 = schedule.size();
        double[] lam = new double[Math.max(1, g0) * k];
        List<List<String>> ids = new ArrayList<>();
        for (int g = 0; g < Math.max(1, g0); g++) {
            ids.add(new ArrayList<>());
        }
        for (int e = 0; e < n; e++) {
            int g = schedule.dateOf(e);
            ids.get(g).add(c.evidence().get(e).id());
            for (int h = 0; h < k; h++) {
                lam[g * k + h] += weight[e] * logEff[e * k + h];
            }
        }
        List<TimelineStep> steps = new ArrayList<>();
        double[] f = pi.clone();
        double[] u = new double[k];
        double total = 0;
        LocalDate previous = null;
        for (int g = 0; g < g0; g++) {
            LocalDate d = schedule.date(g);
            double a = previous == null || d == null ? 1.0 : DriftSchedule.carry(drift, previous, d);
            double cg = Forward.step(f, a, pi, lam, g * k, u);
            if (cg == Double.NEGATIVE_INFINITY) {
                throw impossibleOn(d, ids.get(g));
            }
            total += cg;
            steps.add(new TimelineStep(d, ids.get(g), a, toList(f), cg));
            previous = d;
        }
        if (end != null && (previous == null || previous.isBefore(end))) {
            double a = previous == null ? 1.0 : DriftSchedule.carry(drift, previous, end);
            Forward.carry(f, a, pi);
            steps.add(new TimelineStep(end, List.of(), a, toList(f), 0));
        } else if (steps.isEmpty()) {
            steps.add(new TimelineStep(null, List.of(), 1.0, toList(f), 0));
        }
        Posterior p = Posterior.of(c, c.prior().probabilities(), toList(f), total, posterior.items());
        return new Timeline(drift, end, steps, p);
    }

    private ImpossibleEvidenceException impossibleOn(LocalDate d, List<String> ids) {
        return new ImpossibleEvidenceException("case '" + c.id() + "': the items observed "
                + (d == null ? "" : "on " + d + " ") + "(" + String.join(", ", ids)
                + ") rule out every hypothesis still possible then");
    }

    // ---- Monte Carlo and proofs -------------------------------------------------------------------

    @Override
    public Judgments judgments() {
        int[] states = new int[n];
        Arrays.fill(states, k);
        List<Judgments.Row> rows = new ArrayList<>();
        if (c.prior().concentration() != null) {
            rows.add(new Judgments.Row(c.questionVariable(), 0, "prior", c.prior().probabilities(),
                    c.prior().concentration()));
        }
        return new Judgments(c, states, rows);
    }

    @Override
    public JudgmentEvaluator evaluator() {
        return new Evaluator();
    }

    /**
     * Evaluates drawn judgments: the static kernel ({@link StaticKernel}) without drift, else the
     * filter of this class on the table's effective likelihoods. The drawn prior (a Dirichlet draw of
     * the prior's row) is both the start and the re-draw distribution of the filter.
     */
    private final class Evaluator implements JudgmentEvaluator {
        private final double[] work = new double[2 * k];
        private final double[] acc = new double[k];
        private final double[] logPiDraw = new double[k];
        private final double[] piDraw = new double[k];
        private final double[] lam = new double[dates * k];
        private final double[] eff = new double[k];
        private final double[] u = new double[k];
        private final double[] carries = carryBefore.clone();
        private double carriesFor = drift;
        private double carryEnd = carryToEnd;

        @Override
        public double evaluate(double[] table, double[][] rows, double rate, double[] out) {
            double[] lp = logPi;
            double[] p = pi;
            if (rows != null && rows.length > 0 && rows[0] != null) {
                for (int h = 0; h < k; h++) {
                    piDraw[h] = rows[0][h];
                    logPiDraw[h] = Math.log(rows[0][h]);
                }
                lp = logPiDraw;
                p = piDraw;
            }
            if (rate == 0 || dates == 1 && drift == 0) {
                return kernel.posterior(table, lp, work, acc, out);
            }
            if (rate != carriesFor) {
                for (int g = 1; g < dates; g++) {
                    carries[g] = Math.exp(-rate * schedule.yearsBefore(g));
                }
                carryEnd = Math.exp(-rate * schedule.yearsToEnd());
                carriesFor = rate;
            }
            Arrays.fill(lam, 0);
            for (int e = 0; e < n; e++) {
                EffectiveLikelihood.into(table, e * k, k, reliability[e], observed[e], eff);
                int off = dateOf[e] * k;
                for (int h = 0; h < k; h++) {
                    lam[off + h] += weight[e] * LogSpace.log(eff[h]);
                }
            }
            System.arraycopy(p, 0, out, 0, k);
            return Forward.filter(out, carries, carryEnd, p, lam, u);
        }
    }

    // ---- incremental evaluation -------------------------------------------------------------------

    /**
     * Items with another weight or other effective likelihoods, evaluated from the prefix state before
     * the first date they touch and the suffix operator after the last.
     */
    private final class Changes {
        /** Item to its new weight (0: removed). */
        final Map<Integer, Double> weights = new HashMap<>();
        /** Item to its new log L'. */
        final Map<Integer, double[]> logEffs = new HashMap<>();
        private final Map<Integer, List<Integer>> byDate = new HashMap<>();

        void touch(int e) {
            byDate.computeIfAbsent(dateOf[e], x -> new ArrayList<>()).add(e);
        }

        /** w log L', with an item of weight 0 contributing nothing even where L' = 0. */
        private double term(double w, double logL) {
            return w == 0 ? 0 : w * logL;
        }

        private double newTerm(int e, int h) {
            double w = weights.getOrDefault(e, weight[e]);
            double[] l = logEffs.get(e);
            return term(w, l == null ? logEff[e * k + h] : l[h]);
        }

        /**
         * Lambda'_g(h): Lambda_g(h) plus each changed item's new term minus its old one; summed afresh
         * over the date's items where Lambda_g(h) is -infinity (a state some item rules out), since
         * -infinity cannot be subtracted.
         */
        private double lambdaAt(int g, int h, List<Integer> changed) {
            double x = lambda[g * k + h];
            if (x > Double.NEGATIVE_INFINITY) {
                for (int e : changed) {
                    x += newTerm(e, h) - term(weight[e], logEff[e * k + h]);
                }
                return x;
            }
            double sum = 0;
            for (int e : itemsOfDate[g]) {
                sum += byDateContains(changed, e) ? newTerm(e, h) : term(weight[e], logEff[e * k + h]);
            }
            return sum;
        }

        private boolean byDateContains(List<Integer> changed, int e) {
            return weights.containsKey(e) || logEffs.containsKey(e);
        }

        double evaluate(double[] out) {
            if (byDate.isEmpty()) {
                System.arraycopy(post, 0, out, 0, k);
                return logZ;
            }
            int[] touched = byDate.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            return base.evaluate(touched[0], touched[touched.length - 1], g -> {
                List<Integer> changed = byDate.get(g);
                if (changed == null) {
                    return null;
                }
                double[] row = new double[k];
                for (int h = 0; h < k; h++) {
                    row[h] = lambdaAt(g, h, changed);
                }
                return row;
            }, out);
        }
    }

    /**
     * The filter with group j re-weighted as one member fewer (w' for every member, none removed):
     * Lambda^(j)_g = Lambda_g + (w' - w) sum_{e in j, at g} log L'_e. Null when keeping it would pass
     * the memory budget of {@value #SUFFIX_CELLS} cells over all groups.
     */
    private Filter groupVariant(int j) {
        Filter f = groupVariants.get(j);
        if (f != null) {
            return f;
        }
        if ((long) (groupVariants.size() + 1) * dates * (k * k + 2L * k) > SUFFIX_CELLS) {
            return null;
        }
        int[] members = groupMembers[j];
        double dw = GroupWeights.weight(members.length - 1, groupRho[j]) - GroupWeights.weight(members.length, groupRho[j]);
        double[] lam = lambda.clone();
        for (int e : members) {
            for (int h = 0; h < k; h++) {
                double l = logEff[e * k + h];
                if (l > Double.NEGATIVE_INFINITY) {
                    lam[dateOf[e] * k + h] += dw * l;
                }
            }
        }
        f = new Filter(lam);
        groupVariants.put(j, f);
        return f;
    }

    /** The case without item e of group j, from the group's variant: only e's own date changes. */
    private double withoutGroupMember(Filter variant, int e, double[] out) {
        int j = groupOf[e];
        double wNew = GroupWeights.weight(groupMembers[j].length - 1, groupRho[j]);
        int g = dateOf[e];
        double[] row = new double[k];
        for (int h = 0; h < k; h++) {
            double x = variant.lambda[g * k + h];
            if (x > Double.NEGATIVE_INFINITY) {
                row[h] = x - wNew * logEff[e * k + h];
            } else {
                // a state ruled out at this date: sum the date's other items afresh
                double sum = 0;
                for (int d : itemsOfDate[g]) {
                    if (d != e) {
                        sum += (groupOf[d] == j ? wNew : weight[d]) * logEff[d * k + h];
                    }
                }
                row[h] = sum;
            }
        }
        return variant.evaluate(g, g, x -> x == g ? row : null, out);
    }

    /**
     * The forward filter over given log findings Lambda (G x K): its prefix states, the posterior at
     * the evaluation date, and (on demand) the suffix operators, so a change confined to dates g0..g1
     * is evaluated from f_{g0-1} and R_{g1}.
     */
    private final class Filter {
        final double[] lambda;
        final double[] prefix;
        final double[] prefixLogZ;
        final double[] post;
        final double logZ;
        /** The first date whose findings rule out every state still possible, or -1. */
        final int impossibleAt;
        private volatile Suffix suffix;

        Filter(double[] lambda) {
            this.lambda = lambda;
            this.prefix = new double[lambda.length];
            this.prefixLogZ = new double[dates];
            double[] f = pi.clone();
            double[] u = new double[k];
            double total = 0;
            int bad = -1;
            for (int g = 0; g < dates; g++) {
                double cg = Forward.step(f, carryBefore[g], pi, lambda, g * k, u);
                if (cg == Double.NEGATIVE_INFINITY) {
                    bad = g;
                    break;
                }
                total += cg;
                System.arraycopy(f, 0, prefix, g * k, k);
                prefixLogZ[g] = total;
            }
            Forward.carry(f, carryToEnd, pi);
            this.post = f;
            this.logZ = bad >= 0 ? Double.NEGATIVE_INFINITY : total;
            this.impossibleAt = bad;
        }

        /**
         * Filters dates g0..g1 with changed rows where {@code changed} gives one (null: this filter's
         * own), from the prefix state before g0, then carries the state to the end by the suffix
         * operator after g1 (or filters on to the end when the operators are not kept).
         */
        double evaluate(int g0, int g1, java.util.function.IntFunction<double[]> changed, double[] out) {
            double[] f = new double[k];
            double total;
            if (g0 == 0) {
                System.arraycopy(pi, 0, f, 0, k);
                total = 0;
            } else {
                System.arraycopy(prefix, (g0 - 1) * k, f, 0, k);
                total = prefixLogZ[g0 - 1];
            }
            double[] u = new double[k];
            Suffix s = suffix();
            int last = s == null ? dates - 1 : g1;
            for (int g = g0; g <= last; g++) {
                double[] row = g <= g1 ? changed.apply(g) : null;
                double cg = row == null ? Forward.step(f, carryBefore[g], pi, lambda, g * k, u)
                        : Forward.step(f, carryBefore[g], pi, row, 0, u);
                if (cg == Double.NEGATIVE_INFINITY) {
                    return cg;
                }
                total += cg;
            }
            if (s == null) {
                Forward.carry(f, carryToEnd, pi);
                System.arraycopy(f, 0, out, 0, k);
                return total;
            }
            return total + s.apply(last, f, out);
        }

        private Suffix suffix() {
            if (dates == 1 && carryToEnd == 1) {
                return null;
            }
            if ((long) dates * k * k > SUFFIX_CELLS) {
                return null;
            }
            Suffix s = suffix;
            if (s == null) {
                s = new Suffix(lambda);
                suffix = s;
            }
            return s;
        }
    }

    /** The suffix operators R_g with their log scales. */
    private final class Suffix {
        private final double[] r;
        private final double[] logScale;

        Suffix(double[] lambda) {
            r = new double[dates * k * k];
            logScale = new double[dates];
            // R_{G-1} = T(a_end): (T f)(i) = a f(i) + (1 - a) pi(i) sum_j f(j)
            int last = (dates - 1) * k * k;
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    r[last + i * k + j] = (i == j ? carryToEnd : 0) + (1 - carryToEnd) * pi[i];
                }
            }
            double[] q = new double[k * k];
            double[] d = new double[k];
            double[] qpi = new double[k];
            for (int g = dates - 1; g > 0; g--) {
                int off = g * k * k;
                double m = Double.NEGATIVE_INFINITY;
                for (int h = 0; h < k; h++) {
                    m = Math.max(m, lambda[g * k + h]);
                }
                for (int h = 0; h < k; h++) {
                    d[h] = Math.exp(lambda[g * k + h] - m);
                }
                double a = carryBefore[g];
                for (int i = 0; i < k; i++) {
                    double s = 0;
                    for (int l = 0; l < k; l++) {
                        q[i * k + l] = r[off + i * k + l] * d[l];
                        s += q[i * k + l] * pi[l];
                    }
                    qpi[i] = s;
                }
                double max = 0;
                int prev = (g - 1) * k * k;
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j < k; j++) {
                        double x = a * q[i * k + j] + (1 - a) * qpi[i];
                        r[prev + i * k + j] = x;
                        max = Math.max(max, x);
                    }
                }
                for (int x = prev; x < prev + k * k; x++) {
                    r[x] /= max;
                }
                logScale[g - 1] = logScale[g] + m + Math.log(max);
            }
        }

        /** out = R_g f normalised; returns log of its sum plus the scale of R_g. */
        double apply(int g, double[] f, double[] out) {
            int off = g * k * k;
            double sum = 0;
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                double s = 0;
                for (int j = 0; j < k; j++) {
                    s += r[off + i * k + j] * f[j];
                }
                x[i] = s;
                sum += s;
            }
            for (int i = 0; i < k; i++) {
                out[i] = x[i] / sum;
            }
            return logScale[g] + Math.log(sum);
        }
    }
}
