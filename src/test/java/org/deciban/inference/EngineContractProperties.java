package org.deciban.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.deciban.inference.models.CaseModels;
import org.deciban.inference.network.NetworkModel;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Prior;
import org.deciban.testing.BruteForce;
import org.deciban.testing.DriftOracle;
import org.deciban.testing.RandomCases;

/**
 * The contract every implementation of {@link CaseModel} must keep, checked against independent
 * computations on random cases (up to 5 hypotheses, 0 to 30 items over six dates with some undated,
 * zeros and ones, absent items, groups, reliabilities, drift from 0 to 20 per year).
 *
 * <p>The expected values come from {@link DriftOracle} (an EJML forward filter in linear space with
 * {@link BruteForce}'s effective likelihoods and group weights, sharing no code with the engines) run
 * on the case each variation describes: the case without the items (its groups smaller), with another
 * item's likelihoods, with another prior, holding only a prefix of the items (with their weights in
 * the whole case), or with one more item observed at the evaluation date. So each variation, computed
 * incrementally by the engine, equals the case it stands for computed from scratch by another method.
 *
 * <p>Tolerance: both sides sum at most 30 logs and take a few dozen normalisations; the engine's
 * incremental variations subtract terms from sums of up to 30 logs and carry states through up to six
 * suffix operators. Posteriors agree to {@value #CLOSE} and log evidence to {@value #LOG_CLOSE}
 * (relative errors of order 1e-14 in values up to about 100).
 */
class EngineContractProperties {

    static final double CLOSE = 1e-10;
    static final double LOG_CLOSE = 1e-9;

    /** An implementation under contract: compiles a case at a drift rate. */
    record Implementation(String name, BiFunction<Case, Double, CaseModel> compile) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Provide
    Arbitrary<Implementation> implementations() {
        return Arbitraries.of(new Implementation("one-variable", (c, drift) -> CaseModels.compile(c, drift, null)),
                new Implementation("network", (c, drift) -> NetworkModel.of(c, drift, null)));
    }

    @Provide
    Arbitrary<Double> drifts() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0.01, 20));
    }

    private static CaseModel compiled(Implementation impl, Case c, double drift) {
        return impl.compile().apply(c, drift);
    }

    /** Records which implementation a try ran, and checks that every one of them was tried. */
    private static void tried(Implementation impl, double drift) {
        Statistics.label("implementation").collect(impl.name());
        Statistics.label("implementation").coverage(c -> {
            c.check("one-variable").count(x -> x > 0);
            c.check("network").count(x -> x > 0);
        });
        Statistics.label("drift").collect(drift == 0 ? "none" : "drift");
        Statistics.label("drift").coverage(c -> c.check("drift").count(x -> x > 0));
    }

    private static void assertPosterior(DriftOracle.Result expected, double[] actual, double logZ, String what) {
        for (int k = 0; k < actual.length; k++) {
            assertEquals(expected.posterior()[k], actual[k], CLOSE, what + ", state " + k);
        }
        assertEquals(expected.logEvidence(), logZ, LOG_CLOSE * Math.max(1, Math.abs(logZ)), what + ", log evidence");
    }

    private static Case without(Case c, int... drop) {
        List<EvidenceItem> keep = new ArrayList<>(c.evidence());
        for (int i = drop.length - 1; i >= 0; i--) {
            keep.remove(drop[i]);
        }
        return c.withEvidence(keep);
    }

    @Property(tries = 300, seed = "20261201")
    void posteriorIsTheOracles(@ForAll("implementations") Implementation impl, @ForAll long seed,
                               @ForAll("drifts") double drift) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        DriftOracle.Result expected = DriftOracle.run(c, drift, null);
        if (expected.posterior() == null) {
            assertThrows(ImpossibleEvidenceException.class, () -> compiled(impl, c, drift));
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        assertPosterior(expected, m.posterior().toArray(), m.posterior().logEvidence(), "posterior");
        double[] out = new double[m.states()];
        double logZ = m.evaluator().evaluate(m.judgments().statedTable(), null, drift, out);
        assertPosterior(expected, out, logZ, "evaluator at the stated judgments");
    }

    @Property(tries = 300, seed = "20261202")
    void leavingItemsOutIsTheCaseWithoutThem(@ForAll("implementations") Implementation impl, @ForAll long seed,
                                              @ForAll("drifts") double drift) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        if (DriftOracle.run(c, drift, null).posterior() == null) {
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        double[] out = new double[m.states()];
        for (int e = 0; e < c.evidence().size(); e++) {
            DriftOracle.Result expected = DriftOracle.run(without(c, e), drift, c.asOf());
            double logZ = m.without(new int[] {e}, out);
            if (expected.posterior() == null) {
                assertEquals(Double.NEGATIVE_INFINITY, logZ, "without item " + e);
            } else {
                assertPosterior(expected, out, logZ, "without item " + e);
            }
        }
        // a whole group, and a pair of items
        for (String g : List.of("g0", "g1", "g2")) {
            int[] members = java.util.stream.IntStream.range(0, c.evidence().size())
                    .filter(e -> g.equals(c.evidence().get(e).group())).toArray();
            if (members.length > 0) {
                DriftOracle.Result expected = DriftOracle.run(without(c, members), drift, c.asOf());
                double logZ = m.without(members, out);
                if (expected.posterior() != null) {
                    assertPosterior(expected, out, logZ, "without group " + g);
                }
            }
        }
        if (c.evidence().size() >= 2) {
            int[] pair = {0, c.evidence().size() - 1};
            DriftOracle.Result expected = DriftOracle.run(without(c, pair), drift, c.asOf());
            double logZ = m.without(pair, out);
            if (expected.posterior() != null) {
                assertPosterior(expected, out, logZ, "without the first and last items");
            }
        }
    }

    @Property(tries = 200, seed = "20261203")
    void otherLikelihoodsAreTheCaseWithThem(@ForAll("implementations") Implementation impl, @ForAll long seed,
                                            @ForAll("drifts") double drift,
                                            @ForAll @DoubleRange(min = 0.01, max = 0.99) double l) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        if (c.evidence().isEmpty() || DriftOracle.run(c, drift, null).posterior() == null) {
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        double[] out = new double[m.states()];
        int e = (int) Math.floorMod(seed, (long) c.evidence().size());
        double[] changed = new double[m.states()];
        for (int h = 0; h < changed.length; h++) {
            changed[h] = h % 2 == 0 ? l : 1 - l;
        }
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.set(e, items.get(e).withLikelihoods(Arrays.stream(changed).boxed().toList()));
        DriftOracle.Result expected = DriftOracle.run(c.withEvidence(items), drift, null);
        double logZ = m.withLikelihoods(e, changed, out);
        if (expected.posterior() == null) {
            assertEquals(Double.NEGATIVE_INFINITY, logZ);
        } else {
            assertPosterior(expected, out, logZ, "item " + e + " with other likelihoods");
        }
    }

    @Property(tries = 200, seed = "20261204")
    void anotherPriorIsTheCaseWithIt(@ForAll("implementations") Implementation impl, @ForAll long seed,
                                     @ForAll("drifts") double drift) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        if (DriftOracle.run(c, drift, null).posterior() == null) {
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        int k = m.states();
        List<Double> prior = new ArrayList<>();
        double sum = 0;
        for (int h = 0; h < k; h++) {
            double x = 1 + ((seed >>> h) & 7);
            prior.add(x);
            sum += x;
        }
        double[] base = new double[k];
        double last = 1;
        for (int h = 0; h < k; h++) {
            base[h] = h == k - 1 ? last : prior.get(h) / sum;
            last -= h == k - 1 ? 0 : base[h];
            prior.set(h, base[h]);
        }
        DriftOracle.Result expected = DriftOracle.run(c.withPrior(new Prior(prior, null)), drift, null);
        double[] out = new double[k];
        double logZ = m.withQuestionBase(base, out);
        if (expected.posterior() == null) {
            assertEquals(Double.NEGATIVE_INFINITY, logZ);
        } else {
            assertPosterior(expected, out, logZ, "another prior");
        }
        assertTrue(Arrays.equals(c.prior().toArray(), m.questionBase()), "the base of a one-variable case is its prior");
    }

    @Property(tries = 200, seed = "20261205")
    void runningPosteriorIsEachPrefixWithWholeCaseWeights(@ForAll("implementations") Implementation impl,
                                                          @ForAll long seed, @ForAll("drifts") double drift) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        if (DriftOracle.run(c, drift, null).posterior() == null) {
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        List<Integer> order = Explain.dateOrder(c.evidence());
        List<double[]> running = m.running(order.stream().mapToInt(Integer::intValue).toArray());
        double[] w = BruteForce.weights(c);
        LocalDate end = m.evaluationDate();
        for (int i = 0; i < order.size(); i++) {
            List<EvidenceItem> prefix = new ArrayList<>();
            double[] pw = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                prefix.add(c.evidence().get(order.get(j)));
                pw[j] = w[order.get(j)];
            }
            DriftOracle.Result expected = DriftOracle.run(c.withEvidence(prefix), drift, end, pw);
            for (int h = 0; h < m.states(); h++) {
                double want = expected.posterior() == null ? Double.NaN : expected.posterior()[h];
                assertEquals(want, running.get(i)[h], CLOSE, "after " + (i + 1) + " items, state " + h);
            }
        }
        if (!order.isEmpty()) {
            double[] last = running.get(order.size() - 1);
            for (int h = 0; h < m.states(); h++) {
                assertEquals(m.posterior().probabilities().get(h), last[h], CLOSE, "the ledger ends at the posterior");
            }
        }
    }

    @Property(tries = 200, seed = "20261206")
    void anAddedItemIsTheCaseWithItAtTheEvaluationDate(@ForAll("implementations") Implementation impl,
                                                        @ForAll long seed, @ForAll("drifts") double drift,
                                                        @ForAll @DoubleRange(min = 0, max = 1) double l,
                                                        @ForAll boolean observed) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        if (DriftOracle.run(c, drift, null).posterior() == null) {
            return;
        }
        CaseModel m = compiled(impl, c, drift);
        int k = m.states();
        List<Double> ls = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            ls.add(h == 0 ? l : (h % 2 == 0 ? 0.3 : 0.8));
        }
        EvidenceItem extra = new EvidenceItem("extra", m.evaluationDate(), "other", "", 0.7, null, "", "", ls, null,
                null, observed, "test:extra");
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.add(extra);
        DriftOracle.Result expected = DriftOracle.run(c.withEvidence(items), drift, m.evaluationDate());
        double[] out = new double[k];
        double logZ = m.withAdded(extra, out);
        if (expected.posterior() == null) {
            assertEquals(Double.NEGATIVE_INFINITY, logZ);
        } else {
            assertPosterior(expected, out, logZ, "with an added item");
        }
    }

    @Property(tries = 200, seed = "20261207")
    void timelineStepsAreTheOracles(@ForAll("implementations") Implementation impl, @ForAll long seed,
                                    @ForAll("drifts") double drift) {
        tried(impl, drift);
        Case c = RandomCases.of(seed, 30);
        DriftOracle.Result expected = DriftOracle.run(c, drift, null);
        if (expected.posterior() == null) {
            return;
        }
        Timeline t = compiled(impl, c, drift).timeline();
        assertEquals(expected.steps().size(), t.steps().size(), "one step per date, the evaluation date last");
        for (int s = 0; s < t.steps().size(); s++) {
            for (int h = 0; h < c.size(); h++) {
                assertEquals(expected.steps().get(s)[h], t.steps().get(s).probabilities().get(h), CLOSE,
                        "step " + s + ", state " + h);
            }
        }
        assertEquals(expected.logEvidence(), t.posterior().logEvidence(), LOG_CLOSE * Math.max(1, Math.abs(expected.logEvidence())));
    }
}
