package org.deciban.inference.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.model.Case;
import org.deciban.model.ConditionalTable;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Network;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.deciban.model.Variable;
import org.deciban.testing.BruteForce;
import org.deciban.testing.DriftOracle;

/**
 * The network model's variations and its drift (design N4) on random networks (1-10 variables, items
 * on any variable, zeros, absent items, groups; dates drawn from four, as_of the latest).
 *
 * <p>Each variation equals the network case it stands for compiled afresh (whose posterior
 * {@link JunctionTreeProperties} checks against brute-force enumeration). The drifting posterior is
 * checked against an independent N4: the joint enumerated over every configuration of the network
 * ({@link NetworkBruteForce}'s log joint), the question variable's factor P(q | u) replaced by alpha_u(q)
 * computed by {@link DriftOracle} (an EJML filter in linear space) on the one-variable case whose prior is
 * the row u and whose items are the items on the question variable, the other items entered as static
 * findings. Tolerances as in {@link JunctionTreeProperties}: {@value #CLOSE} on probabilities,
 * {@value #LOG_CLOSE} relative on log P(e).
 */
class NetworkModelProperties {

    static final double CLOSE = 1e-10;
    static final double LOG_CLOSE = 1e-9;
    private static final LocalDate[] DATES = {LocalDate.of(2019, 3, 1), LocalDate.of(2022, 6, 1),
        LocalDate.of(2024, 7, 1), LocalDate.of(2024, 8, 1)};

    @Provide
    Arbitrary<Case> networks() {
        return RandomNetworks.cases();
    }

    /** The case with its items dated (item e on DATES[(e + shift) % 4]) and as_of the last date. */
    private static Case dated(Case c, int shift) {
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            EvidenceItem i = c.evidence().get(e);
            items.add(new EvidenceItem(i.id(), DATES[(e + shift) % DATES.length], i.category(), i.source(),
                    i.reliability(), i.reliabilityCode(), i.quote(), i.rationale(), i.likelihoods(), i.confidence(),
                    i.group(), i.observed(), i.origin(), i.intervals(), i.on()));
        }
        return new Case(c.id(), c.question(), DATES[DATES.length - 1], c.hypotheses(), c.prior(), c.settings(), items,
                c.inputs(), c.network(), c.questionVariable());
    }

    private static NetworkModel compileOrNull(Case c, double drift) {
        try {
            return NetworkModel.of(c, drift, null);
        } catch (ImpossibleEvidenceException e) {
            return null;
        }
    }

    private static void assertSame(NetworkModel expected, double[] out, double logZ, String what) {
        if (expected == null) {
            assertEquals(Double.NEGATIVE_INFINITY, logZ, what + ": impossible");
            return;
        }
        for (int k = 0; k < out.length; k++) {
            assertEquals(expected.posterior().probabilities().get(k), out[k], CLOSE, what + ", state " + k);
        }
        double want = expected.posterior().logEvidence();
        assertEquals(want, logZ, LOG_CLOSE * Math.max(1, Math.abs(want)), what + ", log evidence");
    }

    private static Case without(Case c, int e) {
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.remove(e);
        return c.withEvidence(items);
    }

    @Property(tries = 200, seed = "20261211")
    void variationsAreTheCasesTheyStandFor(@ForAll("networks") Case raw, @ForAll @IntRange(min = 0, max = 3) int shift,
                                           @ForAll @DoubleRange(min = 0, max = 3) double drift,
                                           @ForAll @DoubleRange(min = 0.01, max = 0.99) double l) {
        Case c = dated(raw, shift);
        NetworkModel m = compileOrNull(c, drift);
        Statistics.label("drift").collect(drift > 0 ? "drift" : "none");
        if (m == null) {
            return;
        }
        Statistics.label("items").collect(c.evidence().isEmpty() ? "none" : "some");
        double[] out = new double[m.states()];
        for (int e = 0; e < c.evidence().size(); e++) {
            assertSame(compileOrNull(without(c, e), drift), out, m.without(new int[] {e}, out), "without item " + e);
        }
        if (!c.evidence().isEmpty()) {
            int e = c.evidence().size() - 1;
            EvidenceItem item = c.evidence().get(e);
            double[] changed = new double[item.likelihoods().size()];
            for (int s = 0; s < changed.length; s++) {
                changed[s] = s % 2 == 0 ? l : 1 - l;
            }
            List<EvidenceItem> items = new ArrayList<>(c.evidence());
            items.set(e, item.withLikelihoods(Arrays.stream(changed).boxed().toList()));
            assertSame(compileOrNull(c.withEvidence(items), drift), out, m.withLikelihoods(e, changed, out),
                    "item " + e + " with other likelihoods");

            EvidenceItem extra = new EvidenceItem("extra", m.evaluationDate(), "other", "", 0.8, null, "", "",
                    item.likelihoods(), null, null, true, "t:extra", List.of(), item.on());
            List<EvidenceItem> more = new ArrayList<>(c.evidence());
            more.add(extra);
            assertSame(compileOrNull(c.withEvidence(more), drift), out, m.withAdded(extra, out), "with an added item");

            List<double[]> running = m.running(Explain.dateOrder(c.evidence()).stream().mapToInt(Integer::intValue).toArray());
            double[] last = running.get(running.size() - 1);
            for (int k = 0; k < m.states(); k++) {
                assertEquals(m.posterior().probabilities().get(k), last[k], CLOSE, "the ledger ends at the posterior");
            }
        }
    }

    @Property(tries = 200, seed = "20261212")
    void driftIsEachRowFilteredThenTheNetwork(@ForAll("networks") Case raw, @ForAll @IntRange(min = 0, max = 3) int shift,
                                              @ForAll @DoubleRange(min = 0.01, max = 5) double drift) {
        Case c = dated(raw, shift);
        Network net = c.network();
        int q = net.indexOf(c.questionVariable());
        int k = net.states(q);
        Variable qv = net.variable(q);
        ConditionalTable t = qv.table();
        // alpha_u(q) by the independent filter, per row u of Q's table
        List<EvidenceItem> onQ = new ArrayList<>();
        double[] allWeights = BruteForce.weights(c);
        List<Double> qWeights = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            if (c.variableOf(c.evidence().get(e)).id().equals(qv.id())) {
                onQ.add(c.evidence().get(e));
                qWeights.add(allWeights[e]);
            }
        }
        Statistics.label("items on the question").collect(onQ.isEmpty() ? "none" : "some");
        double[] alpha = new double[t.rows() * k];
        double[] logRow = new double[t.rows()];
        List<Hypothesis> hs = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            hs.add(new Hypothesis("s" + s, "s" + s, null));
        }
        for (int u = 0; u < t.rows(); u++) {
            double[] row = new double[k];
            for (int s = 0; s < k; s++) {
                row[s] = t.get(u, s);
            }
            List<Double> prior = new ArrayList<>();
            List<Integer> support = new ArrayList<>();
            for (int s = 0; s < k; s++) {
                if (row[s] > 0) {
                    support.add(s);
                }
            }
            // the oracle needs a prior of positive entries: filter over the row's support only
            double[] sub = new double[support.size()];
            double sum = 0;
            for (int i = 0; i < sub.length; i++) {
                sub[i] = row[support.get(i)];
                sum += sub[i];
            }
            for (double x : sub) {
                prior.add(x / sum);
            }
            List<EvidenceItem> restricted = new ArrayList<>();
            List<Hypothesis> subHs = new ArrayList<>();
            for (int i = 0; i < sub.length; i++) {
                subHs.add(hs.get(support.get(i)));
            }
            for (EvidenceItem e : onQ) {
                List<Double> ls = new ArrayList<>();
                for (int s : support) {
                    ls.add(e.likelihoods().get(s));
                }
                restricted.add(e);
                restricted.set(restricted.size() - 1, new EvidenceItem(e.id(), e.date(), e.category(), e.source(),
                        1.0, null, "", "", effectiveOnSupport(e, support), null, null, true, e.origin()));
            }
            Case one = new Case("q", "q", c.asOf(), subHs, new Prior(prior, null),
                    new Settings(0, java.util.Map.of(), 1, 1), restricted, List.of());
            double[] w = qWeights.stream().mapToDouble(Double::doubleValue).toArray();
            DriftOracle.Result r = DriftOracle.run(one, drift, null, w);
            if (r.posterior() == null) {
                logRow[u] = Double.NEGATIVE_INFINITY;
                continue;
            }
            for (int i = 0; i < sub.length; i++) {
                alpha[u * k + support.get(i)] = r.posterior()[i];
            }
            logRow[u] = r.logEvidence();
        }
        // the joint with Q's factor replaced by alpha, the other items as static findings
        int[] cards = NetworkBruteForce.cards(net);
        double ref = Double.NEGATIVE_INFINITY;
        for (double x : logRow) {
            ref = Math.max(ref, x);
        }
        NetworkModel m = compileOrNull(c, drift);
        if (ref == Double.NEGATIVE_INFINITY) {
            assertEquals(null, m, "every row ruled out");
            return;
        }
        int[] x = new int[cards.length];
        int configurations = Arrays.stream(cards).reduce(1, (a, b) -> a * b);
        double[] logJoints = new double[configurations];
        int[] stateOf = new int[configurations];
        Arrays.fill(logJoints, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < configurations; i++) {
            int rest = i;
            for (int v = cards.length - 1; v >= 0; v--) {
                x[v] = rest % cards[v];
                rest /= cards[v];
            }
            int u = rowOf(net, q, x);
            double a = alpha[u * k + x[q]];
            if (a == 0 || logRow[u] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double logJoint = NetworkBruteForce.logJoint(net, x) - Math.log(t.get(u, x[q])) + Math.log(a)
                    + logRow[u] - ref;
            for (int e = 0; e < c.evidence().size(); e++) {
                EvidenceItem item = c.evidence().get(e);
                int v = net.indexOf(c.variableOf(item).id());
                if (v == q) {
                    continue;
                }
                logJoint += allWeights[e] * Math.log(BruteForce.effective(item)[x[v]]);
            }
            logJoints[i] = logJoint;
            stateOf[i] = x[q];
        }
        // sums in log space, shifted by the largest term: some joints are as small as 1e-300^w
        double top = Arrays.stream(logJoints).max().orElse(Double.NEGATIVE_INFINITY);
        if (top == Double.NEGATIVE_INFINITY) {
            assertEquals(null, m, "the static findings rule everything out");
            return;
        }
        double[] post = new double[k];
        double total = 0;
        for (int i = 0; i < configurations; i++) {
            double p = Math.exp(logJoints[i] - top);
            post[stateOf[i]] += p;
            total += p;
        }
        for (int s = 0; s < k; s++) {
            assertEquals(post[s] / total, m.posterior().probabilities().get(s), CLOSE, "state " + s);
        }
        double logZ = Math.log(total) + top + ref;
        assertEquals(logZ, m.posterior().logEvidence(), LOG_CLOSE * Math.max(1, Math.abs(logZ)));
    }

    /** An item's effective likelihoods (brute force) on a support of states, as a face-value item. */
    private static List<Double> effectiveOnSupport(EvidenceItem e, List<Integer> support) {
        double[] eff = BruteForce.effective(e);
        List<Double> out = new ArrayList<>();
        for (int s : support) {
            out.add(eff[s]);
        }
        return out;
    }

    /** The row of Q's table for the parents' states in x (first parent slowest). */
    private static int rowOf(Network net, int q, int[] x) {
        int row = 0;
        for (int p : net.parents(q)) {
            row = row * net.states(p) + x[p];
        }
        return row;
    }
}
