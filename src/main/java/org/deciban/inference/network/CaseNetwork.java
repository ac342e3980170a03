package org.deciban.inference.network;

import org.deciban.inference.VariableMarginal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.EffectiveLikelihood;
import org.deciban.inference.GroupWeights;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.Posterior;
import org.deciban.inference.WeightOfEvidence;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Network;
import org.deciban.model.State;
import org.deciban.model.Variable;

/**
 * A case compiled once for exact inference on its network: the junction tree and every item's finding.
 *
 * <p>design.md N1: item e on variable V_e (its {@code on}, the question variable by default) enters as the
 * finding lambda_e(v) = L'_e(v)^(w_e), L' its effective likelihoods over V_e's states (reliability
 * mixing, 1 - L' when absent; {@link EffectiveLikelihood}) and w_e its group weight (group sizes
 * count every item of the case, whatever variable it is on; {@link GroupWeights}). The items on one
 * variable are combined in log space, log lambda_V(v) = sum_{e on V} w_e log L'_e(v), and entered as one
 * finding ({@link Propagation#setLogFinding}). The posterior of any variable is its normalised marginal,
 * log P(e) the log of the normaliser; on a one-variable case this is design.md steps 1-3 exactly.
 *
 * <p>design.md N3: the weight of evidence of item e for state k of the question variable Q is
 * w_e 10 log10( sum_v P(V_e = v | Q = k) L'_e(v) / sum_v P(V_e = v | Q != k) L'_e(v) ) under the network
 * with no findings, where P(V | Q != k) = sum_{j != k} pi(j) P(V | Q = j) / sum_{j != k} pi(j), pi the
 * prior marginal of Q. It takes one propagation per state of Q; with V_e = Q it is design.md step 4.
 * It is NaN with one state, or for a state of prior 0 or 1 (nothing to weigh against).
 */
public final class CaseNetwork {

    private final Case c;
    private final JunctionTree tree;
    private final int question;
    final int[] itemVariable;
    final double[] weight;
    final double[][] effective;

    private CaseNetwork(Case c, JunctionTree tree) {
        this.c = c;
        this.tree = tree;
        Network net = c.network();
        this.question = net.indexOf(c.questionVariable());
        List<EvidenceItem> items = c.evidence();
        this.itemVariable = new int[items.size()];
        this.weight = GroupWeights.of(items, c.settings());
        this.effective = new double[items.size()][];
        for (int e = 0; e < items.size(); e++) {
            EvidenceItem item = items.get(e);
            int v = net.indexOf(c.variableOf(item).id());
            itemVariable[e] = v;
            double[] stated = item.likelihoodArray();
            effective[e] = new double[stated.length];
            EffectiveLikelihood.into(stated, 0, stated.length, item.reliability(), item.observed(), effective[e]);
            boolean possible = false;
            for (double x : effective[e]) {
                possible |= x > 0;
            }
            if (!possible) {
                throw new ImpossibleEvidenceException(item.origin() + ": item '" + item.id()
                        + "' has effective likelihood 0 under every state of '" + net.variable(v).id()
                        + "'; at least one must be above 0");
            }
        }
    }

    /**
     * Compiles a case: its network's junction tree (within {@code settings.max_clique}) and its items.
     *
     * @throws CliqueTooLargeException     when the network needs a clique over the limit
     * @throws ImpossibleEvidenceException when an item is impossible under every state of its variable
     */
    public static CaseNetwork compile(Case c) {
        return new CaseNetwork(c, JunctionTree.compile(c.network(), c.settings().maxClique()));
    }

    /** The compiled junction tree. */
    public JunctionTree tree() {
        return tree;
    }

    /** The case. */
    public Case source() {
        return c;
    }

    /**
     * Enters the findings of the given items into a workspace (replacing all its findings): per variable,
     * log lambda_V = sum of w_e log L'_e over the items on V.
     */
    public void enterItems(Propagation w, List<Integer> items) {
        w.retractAll();
        Map<Integer, double[]> logs = new LinkedHashMap<>();
        for (int e : items) {
            int v = itemVariable[e];
            double[] acc = logs.computeIfAbsent(v, x -> new double[tree.cards[x]]);
            double[] eff = effective[e];
            for (int s = 0; s < acc.length; s++) {
                acc[s] += term(weight[e], org.deciban.inference.LogSpace.log(eff[s]));
            }
        }
        logs.forEach(w::setLogFinding);
    }

    /**
     * One item's part of its variable's log finding, w log L' (design.md N1); an item of weight 0 contributes
     * nothing even where L' = 0 (whose log is -infinity).
     */
    static double term(double w, double logL) {
        return w == 0 ? 0 : w * logL;
    }

    /** Every item index, in the case's order. */
    List<Integer> allItems() {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            out.add(e);
        }
        return out;
    }

    /**
     * The exact posterior of the case: the question's posterior and prior marginal, log P(e), every
     * variable's marginals and each item's weight of evidence (N3).
     *
     * @throws ImpossibleEvidenceException when the items are impossible together, naming a small set of
     *                                     them that is (each one needed)
     */
    public NetworkPosterior posterior() {
        Propagation w = tree.newPropagation();
        w.propagate();
        double[][] prior = marginals(w);
        enterItems(w, allItems());
        double logZ = w.propagate();
        if (logZ == Double.NEGATIVE_INFINITY) {
            throw impossible(Map.of());
        }
        double[][] post = marginals(w);
        List<ItemWeight> items = itemWeights(w, prior[question]);
        List<Double> qPrior = list(prior[question]);
        List<Double> qPost = list(post[question]);
        Posterior p = Posterior.of(c, qPrior, qPost, logZ, items);
        return new NetworkPosterior(p, variables(prior, post), engineNote());
    }

    /**
     * Marginals of every variable given the case's evidence (when {@code withEvidence}) and hard findings
     * (variable index to state index), with the prior marginals under no findings at all.
     *
     * @return the marginals, in the network's order, and log P(e) of the findings entered
     * @throws ImpossibleEvidenceException when the findings are impossible together (naming the items and
     *                                     hard findings of a small conflicting set)
     */
    public Query query(Map<Integer, Integer> given, boolean withEvidence) {
        Propagation w = tree.newPropagation();
        w.propagate();
        double[][] prior = marginals(w);
        List<Integer> items = withEvidence ? allItems() : List.of();
        enter(w, items, given);
        double logZ = w.propagate();
        if (logZ == Double.NEGATIVE_INFINITY) {
            throw withEvidence ? impossible(given) : impossibleGiven(given);
        }
        return new Query(variables(prior, marginals(w)), logZ);
    }

    /**
     * The result of {@link #query}.
     *
     * @param variables   every variable's marginals
     * @param logEvidence log P(findings)
     */
    public record Query(List<VariableMarginal> variables, double logEvidence) {
        public Query {
            variables = List.copyOf(variables);
        }
    }

    private void enter(Propagation w, List<Integer> items, Map<Integer, Integer> given) {
        enterItems(w, items);
        for (Map.Entry<Integer, Integer> g : given.entrySet()) {
            int v = g.getKey();
            double[] ind = new double[tree.cards[v]];
            ind[g.getValue()] = 1;
            if (w.hasFinding(v)) {
                // a hard finding on a variable with items: the items' finding times the indicator
                double[] logs = new double[ind.length];
                for (int s = 0; s < ind.length; s++) {
                    logs[s] = Double.NEGATIVE_INFINITY;
                }
                double sum = 0;
                for (int e : items) {
                    if (itemVariable[e] == v) {
                        sum += term(weight[e], org.deciban.inference.LogSpace.log(effective[e][g.getValue()]));
                    }
                }
                logs[g.getValue()] = sum;
                w.setLogFinding(v, logs);
            } else {
                w.setFinding(v, ind);
            }
        }
    }

    double[][] marginals(Propagation w) {
        double[][] out = new double[tree.n][];
        for (int v = 0; v < tree.n; v++) {
            out[v] = w.marginal(v);
        }
        return out;
    }

    List<VariableMarginal> variables(double[][] prior, double[][] post) {
        List<VariableMarginal> out = new ArrayList<>();
        Network net = c.network();
        for (int v = 0; v < net.size(); v++) {
            Variable var = net.variable(v);
            out.add(new VariableMarginal(var.id(), var.label(), var.stateIds(),
                    var.states().stream().map(State::label).toList(), list(prior[v]), list(post[v])));
        }
        return out;
    }

    /** Weight of evidence of every item for every state of the question (N3). */
    List<ItemWeight> itemWeights(Propagation w, double[] pi) {
        int k = tree.cards[question];
        double[][][] given = new double[k][][];
        w.retractAll();
        for (int j = 0; j < k; j++) {
            if (pi[j] > 0) {
                w.setState(question, j);
                if (w.propagate() > Double.NEGATIVE_INFINITY) {
                    given[j] = marginals(w);
                }
            }
        }
        List<ItemWeight> out = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            int v = itemVariable[e];
            double[] eff = effective[e];
            double[] expected = new double[k];
            for (int j = 0; j < k; j++) {
                if (given[j] != null) {
                    for (int s = 0; s < eff.length; s++) {
                        expected[j] += given[j][v][s] * eff[s];
                    }
                }
            }
            List<Double> db = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                db.add(decibans(expected, pi, j, weight[e], given));
            }
            out.add(new ItemWeight(c.evidence().get(e).id(), weight[e], list(eff), db));
        }
        return out;
    }

    /** N3 for state j: expected[i] = sum_v P(V_e = v | Q = i) L'_e(v). */
    private static double decibans(double[] expected, double[] pi, int j, double w, double[][][] given) {
        if (pi.length < 2 || given[j] == null) {
            return Double.NaN;
        }
        double num = 0;
        double mass = 0;
        for (int i = 0; i < pi.length; i++) {
            if (i != j && given[i] != null) {
                num += pi[i] * expected[i];
                mass += pi[i];
            }
        }
        if (mass == 0) {
            return Double.NaN;
        }
        double[] eff = {expected[j], num / mass};
        double[] half = {0.5, 0.5};
        return WeightOfEvidence.decibans(eff, half, 0, w);
    }

    private String engineNote() {
        return "Engine: junction tree (exact), " + tree.n + " variables in " + tree.cliques()
                + (tree.cliques() == 1 ? " clique, " : " cliques, ")
                + String.format(java.util.Locale.ROOT, "%,d", tree.tableEntries()) + " table entries (largest clique "
                + String.format(java.util.Locale.ROOT, "%,d", tree.largestClique()) + ").";
    }

    /**
     * The error for items (and hard findings) impossible together: items are added in case order, then
     * the hard findings, until P(e) = 0; then each earlier one is dropped when the rest stays impossible
     * without it, so every item named is needed.
     */
    ImpossibleEvidenceException impossible(Map<Integer, Integer> given) {
        // elements: items as {-1, e}, hard findings as {v, state}
        List<int[]> all = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            all.add(new int[] {-1, e});
        }
        given.forEach((v, s) -> all.add(new int[] {v, s}));
        Propagation w = tree.newPropagation();
        List<int[]> kept = new ArrayList<>();
        for (int[] x : all) {
            kept.add(x);
            if (impossible(w, kept)) {
                break;
            }
        }
        for (int i = kept.size() - 2; i >= 0; i--) {
            List<int[]> without = new ArrayList<>(kept);
            without.remove(i);
            if (impossible(w, without)) {
                kept = without;
            }
        }
        List<String> names = new ArrayList<>();
        for (int[] x : kept) {
            if (x[0] < 0) {
                EvidenceItem item = c.evidence().get(x[1]);
                names.add("'" + item.id() + "' (on " + c.variableOf(item).id() + ", " + item.origin() + ")");
            } else {
                Variable v = c.network().variable(x[0]);
                names.add("--given " + v.id() + "=" + v.states().get(x[1]).id());
            }
        }
        return new ImpossibleEvidenceException("case '" + c.id() + "': the evidence is impossible in the network (P(e) = 0): "
                + (names.size() == 1 ? names.get(0) + " cannot hold" : String.join(" and ", names) + " cannot all hold together")
                + "; allowed: evidence that some state of the network can explain (check these items' zero likelihoods"
                + " and the zeros of the tables)");
    }

    private boolean impossible(Propagation w, List<int[]> elements) {
        List<Integer> items = new ArrayList<>();
        Map<Integer, Integer> hard = new LinkedHashMap<>();
        for (int[] x : elements) {
            if (x[0] < 0) {
                items.add(x[1]);
            } else {
                hard.put(x[0], x[1]);
            }
        }
        enter(w, items, hard);
        return w.propagate() == Double.NEGATIVE_INFINITY;
    }

    private ImpossibleEvidenceException impossibleGiven(Map<Integer, Integer> given) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Integer, Integer> g : given.entrySet()) {
            Variable v = c.network().variable(g.getKey());
            names.add(v.id() + "=" + v.states().get(g.getValue()).id());
        }
        return new ImpossibleEvidenceException("case '" + c.id() + "': the findings " + String.join(", ", names)
                + " are impossible together in the network (P = 0); allowed: findings some state of the network can explain");
    }

    private static List<Double> list(double[] xs) {
        List<Double> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(x);
        }
        return out;
    }
}
