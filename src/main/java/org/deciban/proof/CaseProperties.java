package org.deciban.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deciban.inference.JudgmentEvaluator;
import org.deciban.inference.models.CaseModels;
import org.deciban.inference.Expectations;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Expectation;
import org.deciban.model.Icd203;

/**
 * The properties {@code deciban test} checks on an analyst's case (the case of the active
 * {@link ProofSession}).
 *
 * <ul>
 *   <li>The posterior is a probability vector: every entry finite and in [0, 1], summing to 1
 *       within {@link #SUM_TOLERANCE}.</li>
 *   <li>Evidence order does not matter: any permutation of the items gives the same posterior
 *       within {@link #ORDER_TOLERANCE}. Each permutation compiles the case anew, so a large case tries
 *       fewer of them: min(tries, max({@value #MIN_ORDERS}, {@value #ORDER_WORK} / items)), 1,000 up to
 *       2,000 items and 20 at 100,000.</li>
 *   <li>No single item carries more than {@code max_item_share} of the conclusion: item e's share is
 *       |db_e(lead)| / sum_f |db_f(lead)|, db the weight of evidence for the leading hypothesis.</li>
 *   <li>The leading hypothesis survives random perturbations of every likelihood, each drawn
 *       uniformly from its 90% range (see {@link JudgmentRanges}), in at least {@code survival_share} of
 *       {@code tries} tries; the survival of its ICD 203 band is counted in the same tries and decides
 *       the verdict only when {@code band_must_survive} (see {@link Survival}).</li>
 *   <li>A search, by jqwik with shrinking, for the smallest set of changed judgments (each within
 *       its range) that overturns the leader (or its band, when the band must survive), among sets of at
 *       most {@value #MAX_CHANGES} judgments; informative, it decides no verdict.</li>
 *   <li>The analyst's own expectations.</li>
 * </ul>
 */
@AddLifecycleHook(SessionHook.class)
public class CaseProperties {

    /** Name of the overturning search, whose shrunk sample {@link SessionHook} keeps. */
    static final String OVERTURN = "smallestOverturningChange";
    /** Name of the order property, whose tries the session bounds by the case's size. */
    static final String ORDER = "orderDoesNotMatter";
    /** Items compiled in all by the order property, at most (tries x items), unless that leaves fewer than MIN_ORDERS. */
    static final int ORDER_WORK = 2_000_000;
    /** Fewest orders tried. */
    static final int MIN_ORDERS = 10;
    /** Most judgments changed together in the overturning search (a case with fewer searches all of them). */
    static final int MAX_CHANGES = 1000;

    /** Tries of the order property for a case of {@code items} items ({@code tries} asked). */
    static int orderTries(int tries, int items) {
        return Math.min(tries, Math.max(MIN_ORDERS, ORDER_WORK / Math.max(1, items)));
    }
    /** Rounding of a normalised sum of up to thousands of terms stays far below this. */
    static final double SUM_TOLERANCE = 1e-9;
    /** Reordering a sum of logs changes it by rounding only: a few ulps per item. */
    static final double ORDER_TOLERANCE = 1e-9;

    /** A change of judgment j to position t in [-100, 100] of its range (0 = as stated). */
    public record Change(int judgment, int position) {
    }

    @Example
    @Label("posterior is a probability vector")
    void probabilityVector() {
        ProofSession s = ProofSession.current();
        double sum = 0;
        for (double p : s.posterior.probabilities()) {
            check(Double.isFinite(p) && p >= 0 && p <= 1, "posterior entry " + p + " is not in [0, 1]");
            sum += p;
        }
        check(Math.abs(sum - 1) <= SUM_TOLERANCE, "posterior sums to " + sum);
        s.details.put("probabilityVector", String.format(Locale.ROOT, "sum %.15f", sum));
    }

    @Property
    @Label("evidence order does not matter")
    void orderDoesNotMatter(@ForAll("orders") List<Integer> order) {
        ProofSession s = ProofSession.current();
        List<EvidenceItem> shuffled = new ArrayList<>();
        for (int i : order) {
            shuffled.add(s.subject.evidence().get(i));
        }
        Posterior p = CaseModels.compile(s.subject.withEvidence(shuffled), s.model.drift(), s.model.evaluationDate())
                .posterior();
        double worst = 0;
        for (int k = 0; k < s.subject.size(); k++) {
            worst = Math.max(worst, Math.abs(p.probabilities().get(k) - s.posterior.probabilities().get(k)));
        }
        s.noteReorderDifference(worst);
        check(worst <= ORDER_TOLERANCE, "reordering the items moved the posterior by " + worst);
    }

    @Provide
    Arbitrary<List<Integer>> orders() {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < ProofSession.current().subject.evidence().size(); i++) {
            idx.add(i);
        }
        return Arbitraries.shuffle(idx);
    }

    @Example
    @Label("no single item carries too much of the conclusion")
    void noDominantItem() {
        ProofSession s = ProofSession.current();
        if (s.subject.size() < 2 || s.subject.evidence().isEmpty()) {
            s.details.put("noDominantItem", "nothing to weigh (one hypothesis or no evidence)");
            return;
        }
        int lead = s.posterior.leader();
        double total = 0;
        String top = null;
        double topWeight = -1;
        int infinite = 0;
        for (ItemWeight w : s.posterior.items()) {
            double db = Math.abs(w.decibans().get(lead));
            if (Double.isInfinite(db)) {
                infinite++;
                top = w.itemId();
                topWeight = db;
            } else if (!Double.isNaN(db)) {
                total += db;
                if (infinite == 0 && db > topWeight) {
                    topWeight = db;
                    top = w.itemId();
                }
            }
        }
        double share = infinite > 0 ? 1.0 / infinite : total == 0 ? 0 : topWeight / total;
        String lead0 = s.subject.hypotheses().get(lead).id();
        s.details.put("noDominantItem", String.format(Locale.ROOT,
                "largest: '%s' carries %.1f%% of the weight for '%s' (allowed: %.1f%%)",
                top, 100 * share, lead0, 100 * s.checks.maxItemShare()));
        check(share <= s.checks.maxItemShare(), s.details.get("noDominantItem"));
    }

    @Example
    @Label("conclusion survives perturbations of the judgments")
    void survives() {
        ProofSession s = ProofSession.current();
        int[] base = ProofSession.conclusion(s.posterior);
        JudgmentRanges j = s.judgments;
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(s.seed);
        JudgmentEvaluator evaluator = s.model.evaluator();
        double[] post = new double[s.model.states()];
        double[] table = j.statedTable();
        int leaderKept = 0;
        int bandKept = 0;
        int tries = s.checks.tries();
        for (int t = 0; t < tries; t++) {
            for (int i = 0; i < j.count(); i++) {
                table[i] = j.low(i) + rng.nextDouble() * (j.high(i) - j.low(i));
            }
            evaluator.evaluate(table, null, s.model.drift(), post);
            int[] now = ProofSession.conclusion(post);
            if (now[0] == base[0]) {
                leaderKept++;
                if (now[1] == base[1]) {
                    bandKept++;
                }
            }
        }
        Survival survival = new Survival(s.subject.hypotheses().get(base[0]).id(), Icd203.values()[base[1]], leaderKept,
                bandKept, tries, s.checks.survivalShare(), s.checks.bandMustSurvive());
        s.survival = survival;
        check(survival.passes(), "the conclusion does not survive in enough tries");
    }

    /**
     * The overturning search: a change of judgments fails the property when it changes the leader, or,
     * when the case asks its band to survive ({@code checks.band_must_survive}), the leader's band.
     */
    @Property(shrinking = ShrinkingMode.FULL)
    @Label("smallest change of judgments that overturns the conclusion")
    void smallestOverturningChange(@ForAll("changes") List<Change> changes) {
        ProofSession s = ProofSession.current();
        double[] table = s.judgments.statedTable();
        for (Change c : changes) {
            table[c.judgment()] = s.judgments.at(c.judgment(), c.position());
        }
        int[] base = ProofSession.conclusion(s.posterior);
        double[] post = new double[s.model.states()];
        s.model.evaluator().evaluate(table, null, s.model.drift(), post);
        int[] now = ProofSession.conclusion(post);
        check(now[0] == base[0] && (!s.checks.bandMustSurvive() || now[1] == base[1]), "the conclusion changed");
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        int count = ProofSession.current().judgments.count();
        if (count == 0) {
            return Arbitraries.just(List.of());
        }
        return Combinators.combine(Arbitraries.integers().between(0, count - 1), Arbitraries.integers().between(-100, 100))
                .as(Change::new)
                .list().ofMinSize(1).ofMaxSize(Math.min(count, MAX_CHANGES)).uniqueElements(Change::judgment);
    }

    @Example
    @Label("the analyst's expectations hold")
    void expectations() {
        ProofSession s = ProofSession.current();
        List<String> failed = new ArrayList<>();
        for (Expectation e : s.checks.expectations()) {
            if (!holds(s.subject, s.posterior, e)) {
                failed.add(e.text());
            }
        }
        int n = s.checks.expectations().size();
        s.details.put("expectations", n == 0 ? "none stated (add checks.expect to the case file)"
                : failed.isEmpty() ? "all " + n + " hold"
                : failed.size() + " of " + n + " fail: " + String.join("; ", failed));
        check(failed.isEmpty(), s.details.get("expectations"));
    }

    /** Whether one expectation holds of a posterior ({@link Expectations#holds}, which the reports ask too). */
    static boolean holds(Case c, Posterior p, Expectation e) {
        return Expectations.holds(c, p.toArray(), e);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
