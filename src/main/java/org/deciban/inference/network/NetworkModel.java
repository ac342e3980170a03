package org.deciban.inference.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deciban.inference.CaseModel;
import org.deciban.inference.EffectiveLikelihood;
import org.deciban.inference.GroupWeights;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.JudgmentEvaluator;
import org.deciban.inference.Judgments;
import org.deciban.inference.LogSpace;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.inference.VariableMarginal;
import org.deciban.inference.dynamics.DriftSchedule;
import org.deciban.inference.dynamics.Forward;
import org.deciban.model.Case;
import org.deciban.model.ConditionalTable;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Network;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;

/**
 * The compiled model of a network case (design N1-N6): a junction tree compiled once
 * ({@link CaseNetwork}), every item's finding, and the question variable's drift.
 *
 * <p><b>Findings.</b> Item e on V_e enters as log lambda_e = w_e log L'_e; the items on one variable
 * are summed into one log finding Lambda_V. <b>Drift</b> (N4, {@code settings.drift} &gt; 0 and items
 * on the question variable Q): the items on Q are not findings; instead each row u of Q's table is
 * filtered forward over their observation dates, started from P(Q | u) and re-drawn towards it
 * ({@link Forward}), to alpha_u(q) = P(Q at the evaluation date = q, Q's dated findings | u), which
 * replaces the row (all rows scaled by the largest exp of their log normalisers, whose log is added back
 * to log P(e)); the findings on other variables are static facts. The rows enter in log space as well
 * ({@link Propagation#setLogTable}): a row whose normaliser lies more than the double range below the largest
 * (exp(log c_u - max) = 0 in doubles) keeps its true size, and the propagation runs in log space when such a
 * row matters. With drift 0 the items on Q are
 * findings like any other, which is the same model.
 *
 * <p><b>Variations.</b> A worker keeps the case's findings entered; a variation re-enters only the
 * findings of the variables whose items it changes (Lambda_V plus each changed term minus the old one,
 * summed afresh where Lambda_V is -infinity), recomputes alpha when it changes an item on Q under drift,
 * propagates once and restores. Leave-one-out, the tornado and the ledger therefore cost one
 * propagation per item (plus a pass over Q's items under drift), not a recompilation.
 *
 * <p><b>Base of the question variable.</b> {@link #withQuestionBase} tilts every row of Q's table by
 * base(k) / b(k) and renormalises, b being the decibans form's base, Q's prior for a root, else Q's
 * prior marginal; for a root this replaces its prior, and for the decibans form it replaces the base.
 */
public final class NetworkModel implements CaseModel {

    private final Case c;
    private final CaseNetwork net;
    private final JunctionTree tree;
    private final Network network;
    private final int q;
    private final int k;
    private final int n;
    private final double drift;
    private final DriftSchedule schedule;
    private final LocalDate end;
    private final double[][] logEff;
    private final int[] groupOf;
    private final int[][] groupMembers;
    private final double[] groupRho;
    /** Whether Q drifts: drift &gt; 0 and some item is on Q. */
    private final boolean dynamic;
    /** Q's stated table, flat (rows x K). */
    private final double[] qTable;
    private final int qRows;
    /** Lambda_V of the static findings, per variable (null: none). */
    private final double[][] lambda;
    private final Alpha baseAlpha;
    private final double baseShift;
    private final Posterior posterior;
    private final List<VariableMarginal> variables;
    private final double[] priorQ;
    private final ThreadLocal<Worker> workers = ThreadLocal.withInitial(Worker::new);

    private NetworkModel(Case c, double drift, LocalDate at) {
        this.c = c;
        this.net = CaseNetwork.compile(c);
        this.tree = net.tree();
        this.network = c.network();
        this.q = network.indexOf(c.questionVariable());
        this.k = network.states(q);
        this.n = c.evidence().size();
        this.drift = drift;
        this.schedule = DriftSchedule.of(c, at);
        this.end = schedule.end();
        this.logEff = new double[n][];
        boolean onQ = false;
        for (int e = 0; e < n; e++) {
            double[] eff = net.effective[e];
            logEff[e] = new double[eff.length];
            for (int s = 0; s < eff.length; s++) {
                logEff[e][s] = LogSpace.log(eff[s]);
            }
            onQ |= net.itemVariable[e] == q;
        }
        this.dynamic = drift > 0 && onQ;
        Map<String, Integer> groupIndex = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        this.groupOf = new int[n];
        for (int e = 0; e < n; e++) {
            String g = c.evidence().get(e).group();
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
        ConditionalTable table = network.variable(q).table();
        this.qTable = table.toArray();
        this.qRows = table.rows();
        this.lambda = new double[tree.n][];
        addFindings(lambda, logEff, null, dynamic);
        this.baseAlpha = dynamic ? alpha(qTable, drift, net.weight, logEff, null, end) : null;
        this.baseShift = baseAlpha == null ? 0 : baseAlpha.shift();

        Propagation p = tree.newPropagation();
        p.propagate();
        double[][] prior = net.marginals(p);
        this.priorQ = prior[q];
        Worker w = workers.get();
        double logZ = baseAlpha == null && dynamic ? Double.NEGATIVE_INFINITY : w.p.propagate() + baseShift;
        if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
            throw net.impossible(Map.of());
        }
        double[][] post = net.marginals(w.p);
        this.variables = net.variables(prior, post);
        p.retractAll();
        this.posterior = Posterior.of(c, list(prior[q]), list(post[q]), logZ, net.itemWeights(p, prior[q]));
    }

    /**
     * Compiles a network case.
     *
     * @param drift the drift rate per year of the question variable (0: static)
     * @param at    the evaluation date, or {@code null} for the case's
     * @throws ImpossibleEvidenceException when the findings are impossible together
     * @throws CliqueTooLargeException     when the junction tree needs a clique over settings.max_clique
     * @throws IllegalArgumentException    when an item is observed after the evaluation date
     */
    public static NetworkModel of(Case c, double drift, LocalDate at) {
        if (!(drift >= 0 && Double.isFinite(drift))) {
            throw new IllegalArgumentException("drift " + drift + " must be a finite number >= 0 (per year)");
        }
        return new NetworkModel(c, drift, at);
    }

    /**
     * Adds each item's w_e log L'_e(s) (design.md N1) to the log finding of its variable, allocating a variable's
     * vector at its first item: the items {@code include} admits (null: every item), without those on the question
     * variable when {@code skipQuestion} (they enter through the drift filter, N4). Items are added in case order,
     * so the sums are the same doubles wherever they are formed.
     */
    private void addFindings(double[][] acc, double[][] logs, boolean[] include, boolean skipQuestion) {
        for (int e = 0; e < n; e++) {
            int v = net.itemVariable[e];
            if (include != null && !include[e] || skipQuestion && v == q) {
                continue;
            }
            if (acc[v] == null) {
                acc[v] = new double[tree.cards[v]];
            }
            for (int s = 0; s < acc[v].length; s++) {
                acc[v][s] += CaseNetwork.term(net.weight[e], logs[e][s]);
            }
        }
    }

    /** Enters every variable's accumulated log finding ({@link #addFindings}) into a workspace. */
    private static void enterFindings(Propagation p, double[][] acc) {
        for (int v = 0; v < acc.length; v++) {
            if (acc[v] != null) {
                p.setLogFinding(v, acc[v]);
            }
        }
    }


    private static List<Double> list(double[] x) {
        List<Double> out = new ArrayList<>(x.length);
        for (double v : x) {
            out.add(v);
        }
        return out;
    }

    /**
     * Q's rows alpha_u (N4), each scaled by exp(-shift): alpha_u(q) = c_u f_u(q), with f_u the row u filtered over
     * the items on Q (normalised) and c_u the product of its dates' normalisers, so that
     * table[u, q] = f_u(q) exp(log c_u - shift) and logTable[u, q] = log f_u(q) + (log c_u - shift), shift =
     * max_u log c_u. The doubles of table lose the rows with log c_u - shift below about -745 (they become 0);
     * logTable keeps them, and {@link #enter} gives the propagation both ({@link Propagation#setLogTable}).
     */
    private record Alpha(double[] table, double[] logTable, double shift) {
    }

    /** Enters alpha as Q's table (log P(e) of the next propagation is then short of {@code a.shift()}). */
    private void enter(Propagation p, Alpha a) {
        p.setTable(q, a.table(), a.logTable());
    }

    /**
     * Q's rows replaced by alpha_u (N4): each row filtered over the items on Q that are observed by
     * {@code at} (weights w, 0 leaving an item out; log effective likelihoods le; an optional extra
     * row of log findings at the evaluation date), carried to {@code at}, and scaled by the largest
     * exp(log normaliser), whose log is the result's shift ({@link Alpha}). Null when every row is ruled out.
     */
    private Alpha alpha(double[] table, double rate, double[] w, double[][] le, boolean[] include, LocalDate at) {
        int g0 = schedule.size();
        double[] lam = new double[Math.max(1, g0) * k];
        for (int e = 0; e < n; e++) {
            if (net.itemVariable[e] != q || w[e] == 0 || include != null && !include[e]) {
                continue;
            }
            int off = schedule.dateOf(e) * k;
            for (int s = 0; s < k; s++) {
                lam[off + s] += CaseNetwork.term(w[e], le[e][s]);
            }
        }
        double[] out = new double[qRows * k];
        double[] logRow = new double[qRows];
        double[] f = new double[k];
        double[] row = new double[k];
        double[] u = new double[k];
        for (int r = 0; r < qRows; r++) {
            System.arraycopy(table, r * k, row, 0, k);
            System.arraycopy(row, 0, f, 0, k);
            double total = 0;
            LocalDate previous = null;
            for (int g = 0; g < g0; g++) {
                LocalDate d = schedule.date(g);
                if (at != null && d != null && d.isAfter(at)) {
                    break;
                }
                double a = previous == null || d == null ? 1.0 : DriftSchedule.carry(rate, previous, d);
                double cg = Forward.step(f, a, row, lam, g * k, u);
                if (cg == Double.NEGATIVE_INFINITY) {
                    total = cg;
                    break;
                }
                total += cg;
                previous = d;
            }
            if (total > Double.NEGATIVE_INFINITY && previous != null && at != null) {
                Forward.carry(f, DriftSchedule.carry(rate, previous, at), row);
            }
            logRow[r] = total;
            System.arraycopy(f, 0, out, r * k, k);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logRow) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return null;
        }
        double[] logOut = new double[qRows * k];
        for (int r = 0; r < qRows; r++) {
            double logScale = logRow[r] - max;
            double scale = Math.exp(logScale);
            for (int s = 0; s < k; s++) {
                int i = r * k + s;
                logOut[i] = logScale == Double.NEGATIVE_INFINITY ? logScale : LogSpace.log(out[i]) + logScale;
                out[i] *= scale;
            }
        }
        return new Alpha(out, logOut, max);
    }

    /** A propagation workspace with the case's findings and Q's table (or alpha) entered. One per thread. */
    private final class Worker {
        final Propagation p = tree.newPropagation();

        Worker() {
            restoreAll();
        }

        void restoreAll() {
            p.retractAll();
            enterFindings(p, lambda);
            restoreQuestionTable();
        }

        void restoreQuestionTable() {
            if (baseAlpha != null) {
                enter(p, baseAlpha);
            } else {
                p.resetTable(q);
            }
        }

        void restore(int v) {
            if (lambda[v] != null) {
                p.setLogFinding(v, lambda[v]);
            } else {
                p.retract(v);
            }
        }
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
        return new TreeSize(tree.cliques(), tree.tableEntries());
    }

    @Override
    public Posterior posterior() {
        return posterior;
    }

    @Override
    public List<VariableMarginal> variables() {
        return variables;
    }

    // ---- variations -------------------------------------------------------------------------------

    /** Items with other weights (0: left out), other log effective likelihoods, Q's table, one extra finding. */
    private final class Variation {
        final Map<Integer, Double> weights = new HashMap<>();
        final Map<Integer, double[]> logEffs = new HashMap<>();
        /** Q's table, or null for the stated one. */
        double[] table;
        /** Another variable with a replaced table, or -1, and the table. */
        int otherVariable = -1;
        double[] otherTable;
        int extraVariable = -1;
        double[] extraLog;

        private double newTerm(int e, int s) {
            double w = weights.getOrDefault(e, net.weight[e]);
            double[] l = logEffs.get(e);
            return CaseNetwork.term(w, l == null ? logEff[e][s] : l[s]);
        }

        /** Lambda'_V of a static variable under this variation. */
        private double[] lambdaOf(int v, List<Integer> changed) {
            int states = tree.cards[v];
            double[] out = new double[states];
            for (int s = 0; s < states; s++) {
                double x = lambda[v] == null ? 0 : lambda[v][s];
                if (x > Double.NEGATIVE_INFINITY) {
                    for (int e : changed) {
                        x += newTerm(e, s) - CaseNetwork.term(net.weight[e], logEff[e][s]);
                    }
                } else {
                    x = 0;
                    for (int e = 0; e < n; e++) {
                        if (net.itemVariable[e] == v) {
                            x += newTerm(e, s);
                        }
                    }
                }
                out[s] = x;
            }
            if (v == extraVariable) {
                for (int s = 0; s < states; s++) {
                    out[s] += extraLog[s];
                }
            }
            return out;
        }

        double evaluate(double[] out) {
            Worker w = workers.get();
            Propagation p = w.p;
            Map<Integer, List<Integer>> byVariable = new LinkedHashMap<>();
            Set<Integer> changedItems = new LinkedHashSet<>(weights.keySet());
            changedItems.addAll(logEffs.keySet());
            boolean questionItems = false;
            for (int e : changedItems) {
                int v = net.itemVariable[e];
                if (dynamic && v == q) {
                    questionItems = true;
                } else {
                    byVariable.computeIfAbsent(v, x -> new ArrayList<>()).add(e);
                }
            }
            if (extraVariable >= 0) {
                byVariable.computeIfAbsent(extraVariable, x -> new ArrayList<>());
            }
            double shift = baseShift;
            try {
                for (Map.Entry<Integer, List<Integer>> v : byVariable.entrySet()) {
                    p.setLogFinding(v.getKey(), lambdaOf(v.getKey(), v.getValue()));
                }
                if (otherVariable >= 0) {
                    p.setTable(otherVariable, otherTable);
                }
                double[] t = table != null ? table : qTable;
                if (dynamic && (questionItems || table != null)) {
                    double[] weightsNow = net.weight.clone();
                    weights.forEach((e, x) -> weightsNow[e] = x);
                    double[][] le = logEffs.isEmpty() ? logEff : logEff.clone();
                    logEffs.forEach((e, x) -> le[e] = x);
                    Alpha a = alpha(t, drift, weightsNow, le, null, end);
                    if (a == null) {
                        return Double.NEGATIVE_INFINITY;
                    }
                    enter(p, a);
                    shift = a.shift();
                } else if (table != null) {
                    p.setTable(q, table);
                }
                double logZ = p.propagate();
                if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
                    return Double.NEGATIVE_INFINITY;
                }
                p.marginal(q, out);
                return logZ + shift;
            } finally {
                for (int v : byVariable.keySet()) {
                    w.restore(v);
                }
                if (table != null || questionItems) {
                    w.restoreQuestionTable();
                }
                if (otherVariable >= 0) {
                    p.resetTable(otherVariable);
                }
            }
        }
    }

    @Override
    public double without(int[] items, double[] out) {
        Variation x = new Variation();
        Map<Integer, Integer> removedPerGroup = new HashMap<>();
        for (int e : items) {
            if (x.weights.put(e, 0.0) != null) {
                throw new IllegalArgumentException("item " + e + " is listed twice");
            }
            if (groupOf[e] >= 0) {
                removedPerGroup.merge(groupOf[e], 1, Integer::sum);
            }
        }
        for (Map.Entry<Integer, Integer> g : removedPerGroup.entrySet()) {
            int[] members = groupMembers[g.getKey()];
            int left = members.length - g.getValue();
            if (left > 0) {
                double wNew = GroupWeights.weight(left, groupRho[g.getKey()]);
                for (int e : members) {
                    x.weights.putIfAbsent(e, wNew);
                }
            }
        }
        return x.evaluate(out);
    }

    @Override
    public double withLikelihoods(int item, double[] likelihoods, double[] out) {
        EvidenceItem it = c.evidence().get(item);
        int states = tree.cards[net.itemVariable[item]];
        if (likelihoods.length != states) {
            throw new IllegalArgumentException("item '" + it.id() + "': " + likelihoods.length + " likelihoods for "
                    + states + " states");
        }
        double[] eff = new double[states];
        EffectiveLikelihood.into(likelihoods, 0, states, it.reliability(), it.observed(), eff);
        for (int s = 0; s < states; s++) {
            eff[s] = LogSpace.log(eff[s]);
        }
        Variation x = new Variation();
        x.logEffs.put(item, eff);
        return x.evaluate(out);
    }

    @Override
    public double withRow(String variable, int row, double[] values, double[] out) {
        int v = network.indexOf(variable);
        if (v < 0 || row < 0 || row >= network.variable(v).table().rows() || values.length != tree.cards[v]) {
            throw new IllegalArgumentException("no row " + row + " of " + values.length + " states in variable '"
                    + variable + "'");
        }
        double[] t = v == q ? qTable.clone() : network.variable(v).table().toArray();
        System.arraycopy(values, 0, t, row * tree.cards[v], values.length);
        Variation x = new Variation();
        if (v == q) {
            x.table = t;
        } else {
            x.otherVariable = v;
            x.otherTable = t;
        }
        return x.evaluate(out);
    }

    @Override
    public double[] questionBase() {
        Variable v = network.variable(q);
        if (v.form() instanceof TableForm.Decibans d) {
            double[] b = d.base().stream().mapToDouble(Double::doubleValue).toArray();
            double sum = Arrays.stream(b).sum();
            for (int s = 0; s < k; s++) {
                b[s] /= sum;
            }
            return b;
        }
        if (qRows == 1) {
            return Arrays.copyOf(qTable, k);
        }
        return priorQ.clone();
    }

    @Override
    public double withQuestionBase(double[] base, double[] out) {
        if (base.length != k) {
            throw new IllegalArgumentException(base.length + " probabilities for " + k + " states");
        }
        double[] b = questionBase();
        double[] t = new double[qTable.length];
        for (int r = 0; r < qRows; r++) {
            double sum = 0;
            for (int s = 0; s < k; s++) {
                double x = b[s] == 0 ? 0 : qTable[r * k + s] * base[s] / b[s];
                t[r * k + s] = x;
                sum += x;
            }
            for (int s = 0; s < k; s++) {
                t[r * k + s] = sum == 0 ? 0 : t[r * k + s] / sum;
            }
        }
        Variation x = new Variation();
        x.table = t;
        return x.evaluate(out);
    }

    @Override
    public double withAdded(EvidenceItem item, double[] out) {
        Variable v = c.variableOf(item);
        int vi = network.indexOf(v.id());
        int states = tree.cards[vi];
        if (item.likelihoods().size() != states) {
            throw new IllegalArgumentException("item '" + item.id() + "' has " + item.likelihoods().size()
                    + " likelihoods for the " + states + " states of '" + v.id() + "'");
        }
        double[] l = item.likelihoodArray();
        double[] eff = new double[states];
        EffectiveLikelihood.into(l, 0, states, item.reliability(), item.observed(), eff);
        for (int s = 0; s < states; s++) {
            eff[s] = LogSpace.log(eff[s]);
        }
        Variation x = new Variation();
        x.extraVariable = vi;
        x.extraLog = eff;
        return x.evaluate(out);
    }

    @Override
    public List<double[]> running(int[] order) {
        List<double[]> out = new ArrayList<>(order.length);
        Propagation p = tree.newPropagation();
        double[][] acc = new double[tree.n][];
        boolean[] included = new boolean[n];
        boolean dead = false;
        for (int e : order) {
            included[e] = true;
            double[] post = new double[k];
            if (!dead) {
                int v = net.itemVariable[e];
                if (dynamic && v == q) {
                    Alpha a = alpha(qTable, drift, net.weight, logEff, included, end);
                    dead = a == null;
                    if (!dead) {
                        enter(p, a);
                    }
                } else {
                    if (acc[v] == null) {
                        acc[v] = new double[tree.cards[v]];
                    }
                    for (int s = 0; s < acc[v].length; s++) {
                        acc[v][s] += CaseNetwork.term(net.weight[e], logEff[e][s]);
                    }
                    p.setLogFinding(v, acc[v]);
                }
                dead = dead || p.propagate() == Double.NEGATIVE_INFINITY;
                if (!dead) {
                    p.marginal(q, post);
                }
            }
            if (dead) {
                Arrays.fill(post, Double.NaN);
            }
            out.add(post);
        }
        return out;
    }

    @Override
    public Marginals query(Map<Integer, Integer> given, boolean withEvidence) {
        if (!dynamic || !withEvidence) {
            CaseNetwork.Query q = net.query(given, withEvidence);
            return new Marginals(q.variables(), q.logEvidence());
        }
        Worker w = workers.get();
        Propagation p = w.p;
        try {
            for (Map.Entry<Integer, Integer> g : given.entrySet()) {
                int v = g.getKey();
                double[] log = new double[tree.cards[v]];
                Arrays.fill(log, Double.NEGATIVE_INFINITY);
                log[g.getValue()] = lambda[v] == null ? 0 : lambda[v][g.getValue()];
                p.setLogFinding(v, log);
            }
            double logZ = p.propagate();
            if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
                throw new ImpossibleEvidenceException("case '" + c.id() + "': the findings given are impossible "
                        + "together with the case's evidence");
            }
            double[][] post = net.marginals(p);
            List<VariableMarginal> out = new ArrayList<>();
            for (int v = 0; v < variables.size(); v++) {
                VariableMarginal m = variables.get(v);
                out.add(new VariableMarginal(m.id(), m.label(), m.states(), m.stateLabels(), m.prior(), list(post[v])));
            }
            return new Marginals(out, logZ + baseShift);
        } finally {
            for (int v : given.keySet()) {
                w.restore(v);
            }
        }
    }

    /**
     * The forecast after each observation date D (and at the evaluation date): the items observed by D
     * with their weights in the whole case; Q filtered to D under drift.
     */
    @Override
    public Timeline timeline() {
        List<TimelineStep> steps = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int g = 0; g < schedule.size(); g++) {
            dates.add(schedule.date(g));
        }
        if (end != null && (dates.isEmpty() || dates.get(dates.size() - 1).isBefore(end))) {
            dates.add(end);
        }
        if (dates.isEmpty()) {
            dates.add(null);
        }
        double previousLogZ = 0;
        LocalDate previous = null;
        double[] lastPost = posterior.toArray();
        double lastLogZ = posterior.logEvidence();
        for (LocalDate d : dates) {
            boolean[] include = new boolean[n];
            List<String> ids = new ArrayList<>();
            for (int e = 0; e < n; e++) {
                LocalDate on = d == null || schedule.size() == 0 ? null : schedule.date(schedule.dateOf(e));
                include[e] = d == null || on == null || !on.isAfter(d);
                if (include[e] && (d == null || on == null || on.equals(d))) {
                    ids.add(c.evidence().get(e).id());
                }
            }
            double[] post = new double[k];
            double logZ = solve(include, d, post);
            if (logZ == Double.NEGATIVE_INFINITY) {
                throw new ImpossibleEvidenceException("case '" + c.id() + "': the items observed by "
                        + (d == null ? "the evaluation date" : d) + " rule out every state still possible then");
            }
            double carry = previous == null || d == null ? 1.0 : DriftSchedule.carry(drift, previous, d);
            steps.add(new TimelineStep(d, ids, carry, list(post), logZ - previousLogZ));
            previousLogZ = logZ;
            previous = d;
            lastPost = post;
            lastLogZ = logZ;
        }
        Posterior p = Posterior.of(c, posterior.prior(), list(lastPost), lastLogZ, posterior.items());
        return new Timeline(drift, end, steps, p);
    }

    /** Q's posterior of the included items (whole-case weights) at a date, from scratch. */
    private double solve(boolean[] include, LocalDate at, double[] out) {
        Propagation p = tree.newPropagation();
        double[][] acc = new double[tree.n][];
        addFindings(acc, logEff, include, dynamic);
        enterFindings(p, acc);
        double shift = 0;
        if (dynamic) {
            Alpha a = alpha(qTable, drift, net.weight, logEff, include, at);
            if (a == null) {
                return Double.NEGATIVE_INFINITY;
            }
            enter(p, a);
            shift = a.shift();
        }
        double logZ = p.propagate();
        if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
            return Double.NEGATIVE_INFINITY;
        }
        p.marginal(q, out);
        return logZ + shift;
    }

    // ---- Monte Carlo and proofs -------------------------------------------------------------------

    @Override
    public Judgments judgments() {
        int[] states = new int[n];
        for (int e = 0; e < n; e++) {
            states[e] = tree.cards[net.itemVariable[e]];
        }
        List<Judgments.Row> rows = new ArrayList<>();
        if (!c.structured()) {
            if (c.prior().concentration() != null) {
                rows.add(new Judgments.Row(network.variable(q).id(), 0, "prior", c.prior().probabilities(),
                        c.prior().concentration()));
            }
        } else {
            for (Variable v : network.variables()) {
                if (v.concentration() == null) {
                    continue;
                }
                for (int r = 0; r < v.table().rows(); r++) {
                    rows.add(new Judgments.Row(v.id(), r, rowLabel(v, r), v.table().row(r), v.concentration()));
                }
            }
        }
        return new Judgments(c, states, rows);
    }

    /** "prior" for a root, else the parents' states of row r ("a=yes, b=no"), first parent slowest. */
    private String rowLabel(Variable v, int r) {
        if (v.parents().isEmpty()) {
            return "prior";
        }
        List<String> parts = new ArrayList<>();
        int rest = r;
        int[] cards = new int[v.parents().size()];
        for (int i = 0; i < cards.length; i++) {
            cards[i] = network.variable(v.parents().get(i)).size();
        }
        int[] idx = new int[cards.length];
        for (int i = cards.length - 1; i >= 0; i--) {
            idx[i] = rest % cards[i];
            rest /= cards[i];
        }
        for (int i = 0; i < cards.length; i++) {
            Variable parent = network.variable(v.parents().get(i));
            parts.add(parent.id() + "=" + parent.states().get(idx[i]).id());
        }
        return String.join(", ", parts);
    }

    @Override
    public JudgmentEvaluator evaluator() {
        return new Evaluator();
    }

    /**
     * Evaluates drawn judgments: every item's effective likelihoods from the drawn table, the drawn rows
     * written into their variables' tables, Q's rows filtered under drift, one propagation.
     */
    private final class Evaluator implements JudgmentEvaluator {
        private final Propagation p = tree.newPropagation();
        private final double[][] le = new double[n][];
        private final double[][] acc = new double[tree.n][];
        private final Judgments layout = judgments();
        private final boolean[] replaced = new boolean[tree.n];
        private final int[] rowVariable;
        private final int[] rowIndex;
        /** Per variable with a drawable row: its stated table, and the table of this draw (null elsewhere). */
        private final double[][] stated = new double[tree.n][];
        private final double[][] drawn = new double[tree.n][];
        /** Whether a row of the variable was drawn in this draw. */
        private final boolean[] touched = new boolean[tree.n];
        private final double[] eff;

        Evaluator() {
            int widest = 1;
            for (int e = 0; e < n; e++) {
                le[e] = new double[tree.cards[net.itemVariable[e]]];
                widest = Math.max(widest, le[e].length);
            }
            eff = new double[widest];
            rowVariable = new int[layout.rows().size()];
            rowIndex = new int[layout.rows().size()];
            for (int r = 0; r < rowVariable.length; r++) {
                int v = network.indexOf(layout.rows().get(r).variable());
                rowVariable[r] = v;
                rowIndex[r] = layout.rows().get(r).row();
                if (stated[v] == null) {
                    stated[v] = network.variable(v).table().toArray();
                    drawn[v] = new double[stated[v].length];
                }
            }
        }

        @Override
        public double evaluate(double[] table, double[][] rows, double rate, double[] out) {
            for (int e = 0; e < n; e++) {
                int states = le[e].length;
                EvidenceItem item = c.evidence().get(e);
                EffectiveLikelihood.into(table, layout.offset(e), states, item.reliability(), item.observed(), eff);
                for (int s = 0; s < states; s++) {
                    le[e][s] = LogSpace.log(eff[s]);
                }
            }
            p.retractAll();
            for (double[] a : acc) {
                if (a != null) {
                    Arrays.fill(a, 0);
                }
            }
            boolean drifting = rate > 0 && dynamic;
            addFindings(acc, le, null, drifting);
            enterFindings(p, acc);
            // the drawn rows over the stated table of their variable, which starts from the stated one each draw
            Arrays.fill(touched, false);
            if (rows != null) {
                for (int r = 0; r < rowVariable.length; r++) {
                    if (rows[r] == null) {
                        continue;
                    }
                    int v = rowVariable[r];
                    if (!touched[v]) {
                        System.arraycopy(stated[v], 0, drawn[v], 0, stated[v].length);
                        touched[v] = true;
                    }
                    System.arraycopy(rows[r], 0, drawn[v], rowIndex[r] * tree.cards[v], tree.cards[v]);
                }
            }
            for (int v = 0; v < tree.n; v++) {
                if (touched[v] && v != q) {
                    p.setTable(v, drawn[v]);
                    replaced[v] = true;
                } else if (replaced[v] && v != q) {
                    p.resetTable(v);
                    replaced[v] = false;
                }
            }
            double[] qt = touched[q] ? drawn[q] : qTable;
            double shift = 0;
            if (drifting) {
                Alpha a = alpha(qt, rate, net.weight, le, null, end);
                if (a == null) {
                    return Double.NEGATIVE_INFINITY;
                }
                enter(p, a);
                shift = a.shift();
            } else if (qt != qTable) {
                p.setTable(q, qt);
            } else {
                p.resetTable(q);
            }
            double logZ = p.propagate();
            if (logZ == Double.NEGATIVE_INFINITY || Double.isNaN(logZ)) {
                return Double.NEGATIVE_INFINITY;
            }
            p.marginal(q, out);
            return logZ + shift;
        }
    }
}
