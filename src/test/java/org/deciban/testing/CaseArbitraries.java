package org.deciban.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/**
 * Pure jqwik generators of model cases (no state, no I/O, no randomness of their own: every value
 * comes from jqwik's seeded source). Likelihoods are written with at most 6 decimals, as an analyst
 * would, so that 1 - L' of an absent item never cancels to a few ulps.
 */
public final class CaseArbitraries {

    private CaseArbitraries() {
    }

    /** One item before it gets its id. */
    public record ItemSpec(List<Double> likelihoods, double reliability, String group, boolean observed) {
    }

    /** A prior over k hypotheses: positive weights in [0.05, 1], normalised. */
    public static Arbitrary<List<Double>> prior(int k) {
        return Arbitraries.doubles().between(0.05, 1).ofScale(6).list().ofSize(k).map(CaseArbitraries::normalise);
    }

    static List<Double> normalise(List<Double> w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        List<Double> out = new ArrayList<>();
        for (double x : w) {
            out.add(x / s);
        }
        return out;
    }

    /** Likelihoods strictly inside (0, 1): [0.001, 0.999] with 6 decimals. */
    public static Arbitrary<Double> plainLikelihood() {
        return Arbitraries.doubles().between(0.001, 0.999).ofScale(6);
    }

    /** Plain likelihoods mixed with the edges 0, 1 and 1e-300. */
    public static Arbitrary<Double> edgyLikelihood() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, plainLikelihood()),
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(1, Arbitraries.just(1.0)),
                Tuple.of(1, Arbitraries.just(1e-300)));
    }

    /** Plain likelihoods mixed with 0 and 1 (not 1e-300). */
    public static Arbitrary<Double> likelihoodWithZeroAndOne() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, plainLikelihood()),
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(1, Arbitraries.just(1.0)));
    }

    /** Reliability: 1, 0, or anything in between (6 decimals). */
    public static Arbitrary<Double> reliability() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(1.0)),
                Tuple.of(1, Arbitraries.just(0.0)),
                Tuple.of(4, Arbitraries.doubles().between(0, 1).ofScale(6)));
    }

    /** Group names: mostly none ("" becomes no group), else one of three groups. */
    public static Arbitrary<String> group() {
        return Arbitraries.of("", "", "", "g0", "g1", "g2");
    }

    /** An item over k hypotheses. */
    public static Arbitrary<ItemSpec> item(int k, Arbitrary<Double> likelihood, boolean groups, boolean absent) {
        return Combinators.combine(
                likelihood.list().ofSize(k),
                reliability(),
                groups ? group() : Arbitraries.just(""),
                absent ? Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)) : Arbitraries.just(true))
                .as(ItemSpec::new);
    }

    /**
     * Cases of kMin..kMax hypotheses and 0..nMax items.
     *
     * @param groups whether items may share groups (with a case-wide rho drawn from [0, 1])
     * @param absent whether items may be recorded as absent
     */
    public static Arbitrary<Case> cases(int kMin, int kMax, int nMax, Arbitrary<Double> likelihood,
                                        boolean groups, boolean absent) {
        return Arbitraries.integers().between(kMin, kMax).flatMap(k -> Combinators.combine(
                prior(k),
                item(k, likelihood, groups, absent).list().ofMaxSize(nMax),
                Arbitraries.doubles().between(0, 1).ofScale(4),
                Arbitraries.doubles().between(0, 1).ofScale(4))
                .as(CaseArbitraries::build));
    }

    /** A case from its parts; group g0 has its own correlation rhoG0, the others the default rho. */
    public static Case build(List<Double> prior, List<ItemSpec> specs, double rho, double rhoG0) {
        List<Hypothesis> hs = new ArrayList<>();
        for (int k = 0; k < prior.size(); k++) {
            hs.add(new Hypothesis("h" + k, "hypothesis " + k, k % 2 == 0 ? "even" : null));
        }
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < specs.size(); e++) {
            items.add(item("e" + e, specs.get(e)));
        }
        return new Case("generated", "generated", null, hs, new Prior(prior, null),
                new Settings(rho, java.util.Map.of("g0", rhoG0), Settings.DEFAULT_DRAWS, Settings.DEFAULT_SEED),
                items, List.of());
    }

    /** An item from its spec. */
    public static EvidenceItem item(String id, ItemSpec s) {
        return new EvidenceItem(id, null, "other", "generated", s.reliability(), null, "", "", s.likelihoods(), null,
                s.group(), s.observed(), "generated:" + id);
    }

    /** The same item with another observed flag. */
    public static EvidenceItem withObserved(EvidenceItem e, boolean observed) {
        return new EvidenceItem(e.id(), e.date(), e.category(), e.source(), e.reliability(), e.reliabilityCode(),
                e.quote(), e.rationale(), e.likelihoods(), e.confidence(), e.group(), observed, e.origin());
    }
}
