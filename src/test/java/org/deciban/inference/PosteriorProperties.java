package org.deciban.inference;

import org.deciban.testing.Models;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.testing.CaseArbitraries;
import org.deciban.testing.CaseArbitraries.ItemSpec;
import org.deciban.testing.CaseBuilder;

/**
 * Properties of the exact posterior (issue 2, point 8). Every property has a fixed seed, so a run
 * is deterministic; the generators are pure (CaseArbitraries).
 */
class PosteriorProperties {

    /**
     * Two computations of the same posterior that differ only in the order or grouping of a few
     * dozen floating-point additions of logs (each below ~100 in size) agree to well under this.
     */
    private static final double EXACT = 1e-12;

    @Provide
    Arbitrary<Case> cases() {
        return CaseArbitraries.cases(1, 8, 12, CaseArbitraries.plainLikelihood(), true, true);
    }

    private static void assertSame(double[] expected, Posterior actual, String what) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual.probabilities().get(k), EXACT, what + ", hypothesis " + k);
        }
    }

    @Property(tries = 300, seed = "20240801", edgeCases = EdgeCasesMode.NONE)
    void posteriorIsAProbabilityVector(@ForAll("cases") Case c) {
        Posterior p = Models.exact(c);
        double sum = 0;
        for (double x : p.probabilities()) {
            assertTrue(x >= 0 && x <= 1, "p = " + x);
            sum += x;
        }
        assertEquals(1.0, sum, EXACT);
        assertEquals(c.size(), p.probabilities().size());
    }

    @Provide
    Arbitrary<List<Case>> caseAndShuffle() {
        return cases().flatMap(c -> Arbitraries.shuffle(c.evidence()).map(s -> List.of(c, c.withEvidence(s))));
    }

    @Property(tries = 300, seed = "20240802", edgeCases = EdgeCasesMode.NONE)
    void orderOfItemsDoesNotMatter(@ForAll("caseAndShuffle") List<Case> pair) {
        assertSame(Models.exact(pair.get(0)).toArray(), Models.exact(pair.get(1)), "shuffled");
    }

    /** An item whose likelihoods are all equal (observed or absent, any reliability, any group). */
    @Provide
    Arbitrary<List<Case>> caseAndFlatItem() {
        return cases().flatMap(c -> Combinators.combine(
                        Arbitraries.doubles().between(0.001, 0.999).ofScale(6),
                        CaseArbitraries.reliability(),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, c.evidence().size()))
                .as((l, r, obs, at) -> {
                    List<EvidenceItem> items = new ArrayList<>(c.evidence());
                    List<Double> flat = new ArrayList<>();
                    for (int k = 0; k < c.size(); k++) {
                        flat.add(l);
                    }
                    // ungrouped, so adding it changes no other item's group weight
                    items.add(at, CaseArbitraries.item("flat", new ItemSpec(flat, r, null, obs)));
                    return List.of(c, c.withEvidence(items));
                }));
    }

    @Property(tries = 300, seed = "20240803", edgeCases = EdgeCasesMode.NONE)
    void itemWithEqualLikelihoodsChangesNothing(@ForAll("caseAndFlatItem") List<Case> pair) {
        assertSame(Models.exact(pair.get(0)).toArray(), Models.exact(pair.get(1)), "with a flat item");
    }

    /*
     * Scaling an observed item's likelihoods by a > 0 (keeping them in [0, 1]) changes nothing:
     * L'(k) = r a L(k) + (1 - r) mean_j a L(j) = a L'(k), the mixing is linear, so the factor is
     * a^w under every hypothesis and cancels in the normaliser. It does NOT hold for an absent item,
     * whose 1 - a L'(k) is not proportional to 1 - L'(k); so the scaled item is observed.
     */
    @Provide
    Arbitrary<List<Case>> caseAndScaledItem() {
        return cases().filter(c -> c.evidence().stream().anyMatch(EvidenceItem::observed)).flatMap(c -> {
            List<Integer> observed = new ArrayList<>();
            for (int e = 0; e < c.evidence().size(); e++) {
                if (c.evidence().get(e).observed()) {
                    observed.add(e);
                }
            }
            return Combinators.combine(Arbitraries.of(observed), Arbitraries.doubles().between(0.01, 1).ofScale(6))
                    .as((e, u) -> {
                        EvidenceItem item = c.evidence().get(e);
                        double max = item.likelihoods().stream().mapToDouble(Double::doubleValue).max().orElse(1);
                        double a = u / max; // a in (0, 1/max], so a L stays in [0, 1]; a > 1 when u > max
                        List<Double> scaled = new ArrayList<>();
                        for (double l : item.likelihoods()) {
                            scaled.add(Math.min(1.0, a * l));
                        }
                        List<EvidenceItem> items = new ArrayList<>(c.evidence());
                        items.set(e, item.withLikelihoods(scaled));
                        return List.of(c, c.withEvidence(items));
                    });
        });
    }

    @Property(tries = 300, seed = "20240804", edgeCases = EdgeCasesMode.NONE)
    void scalingAnObservedItemChangesNothing(@ForAll("caseAndScaledItem") List<Case> pair) {
        // 1e-12 covers the rounding of a * L (one ulp) propagated through log: |d log| <= 2.2e-16 per item
        assertSame(Models.exact(pair.get(0)).toArray(), Models.exact(pair.get(1)), "scaled");
    }

    /** Case plus a new item (observed, ungrouped) with generated likelihoods. */
    @Provide
    Arbitrary<List<Object>> caseAndItem() {
        return cases().flatMap(c -> CaseArbitraries.plainLikelihood().list().ofSize(c.size())
                .map(l -> List.of(c, l)));
    }

    @SuppressWarnings("unchecked")
    private static Case withItem(List<Object> caseAndItem, double r) {
        Case c = (Case) caseAndItem.get(0);
        List<Double> l = (List<Double>) caseAndItem.get(1);
        List<EvidenceItem> items = new ArrayList<>(c.evidence());
        items.add(CaseArbitraries.item("new", new ItemSpec(l, r, null, true)));
        return c.withEvidence(items);
    }

    @Property(tries = 200, seed = "20240805", edgeCases = EdgeCasesMode.NONE)
    void reliabilityZeroMakesAnItemNeutral(@ForAll("caseAndItem") List<Object> ci) {
        Case c = (Case) ci.get(0);
        assertSame(Models.exact(c).toArray(), Models.exact(withItem(ci, 0.0)), "r = 0");
    }

    /* r = 1: the new posterior is the old one times L(k), renormalised (Bayes' rule by hand, in linear space). */
    @Property(tries = 200, seed = "20240806", edgeCases = EdgeCasesMode.NONE)
    @SuppressWarnings("unchecked")
    void reliabilityOneTakesAnItemAtFaceValue(@ForAll("caseAndItem") List<Object> ci) {
        double[] before = Models.exact((Case) ci.get(0)).toArray();
        List<Double> l = (List<Double>) ci.get(1);
        double z = 0;
        for (int k = 0; k < before.length; k++) {
            before[k] *= l.get(k);
            z += before[k];
        }
        for (int k = 0; k < before.length; k++) {
            before[k] /= z;
        }
        assertSame(before, Models.exact(withItem(ci, 1.0)), "r = 1");
    }

    /*
     * Monotone in r: for the hypothesis k* with the largest L, the ratio L'(k*)/L'(j) =
     * (r (L* - m) + m) / (r (L_j - m) + m) has derivative sign m (L* - L_j) >= 0, so every ratio
     * p(k*)/p(j) grows with r and p(k*) = 1 / (1 + sum_j p(j)/p(k*)) does too. Likewise the
     * hypothesis with the smallest L falls.
     */
    @Property(tries = 200, seed = "20240807", edgeCases = EdgeCasesMode.NONE)
    @SuppressWarnings("unchecked")
    void posteriorMovesMonotonicallyInReliability(@ForAll("caseAndItem") List<Object> ci,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double r1,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double r2) {
        double lo = Math.min(r1, r2);
        double hi = Math.max(r1, r2);
        List<Double> l = (List<Double>) ci.get(1);
        int best = 0;
        int worst = 0;
        for (int k = 1; k < l.size(); k++) {
            best = l.get(k) > l.get(best) ? k : best;
            worst = l.get(k) < l.get(worst) ? k : worst;
        }
        Posterior pLo = Models.exact(withItem(ci, lo));
        Posterior pHi = Models.exact(withItem(ci, hi));
        assertTrue(pHi.probabilities().get(best) >= pLo.probabilities().get(best) - EXACT,
                "best: r " + lo + " -> " + pLo.probabilities().get(best) + ", r " + hi + " -> " + pHi.probabilities().get(best));
        assertTrue(pHi.probabilities().get(worst) <= pLo.probabilities().get(worst) + EXACT,
                "worst: r " + lo + " -> " + pLo.probabilities().get(worst) + ", r " + hi + " -> " + pHi.probabilities().get(worst));
    }

    /**
     * n items of likelihoods 0.5 vs 0.4 add up to n ln 1.25 of log odds. The engine sums n logs; each
     * addition rounds by at most half an ulp of a partial sum below 2,000 * 0.7 = 1,400
     * (ulp 2.3e-13), so the sum is off by at most n * 1.2e-13 = 2.3e-10 for n = 2,000.
     */
    private static final double LOG_ODDS_TOLERANCE_PER_ITEM = 1.2e-13;

    /*
     * 2,000 items of likelihoods (0.5, 0.4), uniform prior: log odds = 2000 ln(0.5/0.4) = 2000 ln 1.25
     * = 446.287102628419. In linear space 0.4^2000 = 10^-796 would underflow to 0; in log space the
     * loser keeps p = exp(-446.29) = 4.5e-194, a normal double.
     */
    @Example
    void twoThousandItemsGiveExactLogOdds() {
        CaseBuilder b = CaseBuilder.prior(0.5, 0.5);
        for (int i = 0; i < 2000; i++) {
            b.item(0.5, 0.4);
        }
        Posterior p = Models.exact(b.build());
        double logOdds = Math.log(p.probabilities().get(0)) - Math.log(p.probabilities().get(1));
        assertTrue(p.probabilities().get(1) > 0, "underflow: " + p.probabilities().get(1));
        assertEquals(2000 * Math.log(1.25), logOdds, 2000 * LOG_ODDS_TOLERANCE_PER_ITEM);
        // and the evidence: log Z = log(0.5 * 0.5^2000 + 0.5 * 0.4^2000) = ln 0.5 + 2000 ln 0.5 + log1p(1.25^-2000)
        assertEquals(2001 * Math.log(0.5), p.logEvidence(), 2000 * LOG_ODDS_TOLERANCE_PER_ITEM);
    }

    @Property(tries = 30, seed = "20240808")
    void manyItemsGiveExactLogOdds(@ForAll @IntRange(min = 1, max = 5000) int n,
                                   @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double a,
                                   @ForAll @DoubleRange(min = 0.001, max = 0.999) @Scale(6) double b) {
        CaseBuilder cb = CaseBuilder.prior(0.5, 0.5);
        for (int i = 0; i < n; i++) {
            cb.item(a, b);
        }
        Posterior p = Models.exact(cb.build());
        double expected = n * Math.log(a / b);
        // the loser's posterior may underflow to 0 when |log odds| > 745; then only check the winner
        if (Math.abs(expected) < 700) {
            double logOdds = Math.log(p.probabilities().get(0)) - Math.log(p.probabilities().get(1));
            // per item: |log a| + |log b| <= 14, partial sums below 14 n: ulp <= 14 n * 2.2e-16
            assertEquals(expected, logOdds, n * (14 * n * 2.3e-16) + 1e-12);
        } else {
            assertEquals(1.0, p.probabilities().get(expected > 0 ? 0 : 1), EXACT);
        }
    }

    /*
     * A group of n identical items with rho = 1: w = 1 / (1 + (n - 1)) = 1/n each, so the group's
     * total is n * (1/n) log L' = log L', the same as one item.
     */
    @Property(tries = 200, seed = "20240809", edgeCases = EdgeCasesMode.NONE)
    @SuppressWarnings("unchecked")
    void groupOfIdenticalItemsWithFullCorrelationCountsAsOne(@ForAll("caseAndItem") List<Object> ci,
                                                             @ForAll @IntRange(min = 1, max = 60) int n,
                                                             @ForAll @DoubleRange(min = 0, max = 1) double r,
                                                             @ForAll boolean observed) {
        Case c = (Case) ci.get(0);
        List<Double> l = (List<Double>) ci.get(1);
        List<EvidenceItem> one = new ArrayList<>(c.evidence());
        one.add(CaseArbitraries.item("single", new ItemSpec(l, r, null, observed)));
        List<EvidenceItem> many = new ArrayList<>(c.evidence());
        for (int i = 0; i < n; i++) {
            many.add(CaseArbitraries.item("copy-" + i, new ItemSpec(l, r, "echo", observed)));
        }
        Case base = c.withEvidence(many);
        Case grouped = new Case(base.id(), base.question(), base.asOf(), base.hypotheses(), base.prior(),
                new org.deciban.model.Settings(c.settings().correlation(), withEcho(c.settings().groupCorrelations()),
                        c.settings().draws(), c.settings().seed()),
                many, List.of());
        assertSame(Models.exact(c.withEvidence(one)).toArray(), Models.exact(grouped), n + " copies");
    }

    private static java.util.Map<String, Double> withEcho(java.util.Map<String, Double> rhos) {
        java.util.Map<String, Double> out = new java.util.HashMap<>(rhos);
        out.put("echo", 1.0);
        return out;
    }
}
