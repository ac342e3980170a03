package org.deciban.inference.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.EvidenceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InformationGainTest {

    /** Sums of at most a dozen terms of size at most log2(5) in double precision: rounding is ~1e-15. */
    private static final double EXACT = 1e-12;

    /** Shannon entropy in bits, written independently of InformationGain. */
    private static double entropy(double[] p) {
        double h = 0;
        for (double x : p) {
            if (x > 0) {
                h -= x * Math.log(x) / Math.log(2);
            }
        }
        return h;
    }

    /** H(p) - P(o) H(p|o) - P(n) H(p|n), the definition, computed directly. */
    private static double byDefinition(double[] p, double[] eff) {
        double po = 0;
        for (int k = 0; k < p.length; k++) {
            po += p[k] * eff[k];
        }
        double[] yes = new double[p.length];
        double[] no = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            yes[k] = po > 0 ? p[k] * eff[k] / po : 0;
            no[k] = po < 1 ? p[k] * (1 - eff[k]) / (1 - po) : 0;
        }
        return entropy(p) - po * entropy(yes) - (1 - po) * entropy(no);
    }

    /** The value of an indicator against a case whose posterior is p: prior p, no evidence. */
    private static InformationGain.Value gain(double[] p, EvidenceItem indicator) {
        List<Double> prior = new java.util.ArrayList<>();
        for (double x : p) {
            prior.add(x);
        }
        return InformationGain.of(CaseModels.compile(Cases.of(prior, List.of())), indicator);
    }

    private static EvidenceItem indicator(double r, Double... l) {
        return Cases.item("i", r, null, null, l);
    }

    @Test
    void handComputedGain() {
        // p = (0.5, 0.5), L = (0.8, 0.4): P(seen) = 0.6; if seen (2/3, 1/3), if not (1/4, 3/4).
        // EIG = 1 - 0.6 h(1/3) - 0.4 h(1/4) = 1 - 0.6 * 0.9182958 - 0.4 * 0.8112781 = 0.1245112 bits.
        InformationGain.Value v = gain(new double[] {0.5, 0.5}, indicator(1.0, 0.8, 0.4));
        assertEquals(0.6, v.pObserved(), EXACT);
        assertEquals(2.0 / 3, v.ifObserved().get(0), EXACT);
        assertEquals(0.25, v.ifNotObserved().get(0), EXACT);
        assertEquals(0.1245112, v.gainBits(), 1e-7);
        // A perfect test of two equally likely hypotheses is worth exactly one bit.
        assertEquals(1.0, gain(new double[] {0.5, 0.5}, indicator(1.0, 1.0, 0.0)).gainBits(), EXACT);
    }

    @Test
    void equalLikelihoodsGiveZeroGain() {
        double[] p = {0.1, 0.2, 0.3, 0.4};
        for (double l : new double[] {0.0, 0.3, 0.77, 1.0}) {
            assertEquals(0, gain(p, indicator(1.0, l, l, l, l)).gainBits(), EXACT);
        }
        // Reliability 0 makes any indicator uninformative: L' is the mean under every hypothesis.
        assertEquals(0, gain(p, indicator(0.0, 0.9, 0.1, 0.5, 0.2)).gainBits(), EXACT);
    }

    /**
     * A signal s with parents q (the question) and w (a condition): P(seen | q, w) = 0.5 (a, x), 0.1 (a, y),
     * 0.2 (b, x), 0.3 (b, y); w is 0.6 x. One item on q, L = (0.8, 0.4), makes p(q) = (2/3, 1/3). By hand, as w
     * is independent of q: P(seen | x, e) = 2/3 0.5 + 1/3 0.2 = 0.4, P(seen | y, e) = 2/3 0.1 + 1/3 0.3 = 1/6;
     * if seen given x, p(a) = (2/3 0.5) / 0.4 = 5/6; given y, (2/3 0.1) / (1/6) = 0.4; P(seen | q, w) is the
     * table's row.
     */
    @Test
    void anIndicatorOnASignalIsWeighedUnderEachStateOfItsOtherParent(@TempDir java.nio.file.Path tmp) {
        org.deciban.testing.Tree.write(tmp.resolve("priors/sig.yaml"), String.join("\n",
                "case: sig", "question: q?", "question_variable: q",
                "hypotheses: [{id: a, label: A}, {id: b, label: B}]",
                "variables:",
                "  - {id: q, states: [a, b], prior: {a: 0.5, b: 0.5}}",
                "  - {id: w, states: [x, y], prior: {x: 0.6, y: 0.4}}",
                "  - id: s",
                "    states: [seen, unseen]",
                "    parents: [q, w]",
                "    table:",
                "      - {when: {q: a, w: x}, probabilities: {seen: 0.5, unseen: 0.5}}",
                "      - {when: {q: a, w: y}, probabilities: {seen: 0.1, unseen: 0.9}}",
                "      - {when: {q: b, w: x}, probabilities: {seen: 0.2, unseen: 0.8}}",
                "      - {when: {q: b, w: y}, probabilities: {seen: 0.3, unseen: 0.7}}", ""));
        org.deciban.testing.Tree.write(tmp.resolve("evidence/sig/e.yaml"), "id: e\nlikelihoods: {a: 0.8, b: 0.4}\n");
        org.deciban.model.Case c = new org.deciban.io.CaseLoader(tmp).load("sig");
        EvidenceItem signal = new EvidenceItem("s-seen", null, "other", "", 1.0, "1", "", "", List.of(1.0, 0.0), null,
                null, true, "test", List.of(), "s");
        InformationGain.Value v = InformationGain.of(CaseModels.compile(c), signal);
        assertEquals(0.6 * 0.4 + 0.4 / 6, v.pObserved(), EXACT);
        assertEquals(2, v.given().size());
        InformationGain.Given x = v.given().get(0);
        InformationGain.Given y = v.given().get(1);
        assertEquals(List.of("w", "x"), List.of(x.variable(), x.state()));
        assertEquals(List.of("w", "y"), List.of(y.variable(), y.state()));
        assertEquals(0.6, x.pState(), EXACT);
        assertEquals(0.4, y.pState(), EXACT);
        assertEquals(0.4, x.pObserved(), EXACT);
        assertEquals(1.0 / 6, y.pObserved(), EXACT);
        assertEquals(5.0 / 6, x.ifObserved().get(0), EXACT);
        assertEquals(0.4, y.ifObserved().get(0), EXACT);
        assertEquals(0.5, x.byState().get(0), EXACT);
        assertEquals(0.2, x.byState().get(1), EXACT);
        assertEquals(0.1, y.byState().get(0), EXACT);
        assertEquals(0.3, y.byState().get(1), EXACT);
        // an indicator on the question variable has no condition
        assertTrue(InformationGain.of(CaseModels.compile(c), indicator(1.0, 0.8, 0.4)).given().isEmpty());
    }

    record Draw(double[] p, Double[] l, double r) {
    }

    @Provide
    Arbitrary<Draw> draws() {
        return Arbitraries.integers().between(2, 5).flatMap(k -> Combinators.combine(
                Arbitraries.doubles().between(0, 1).array(double[].class).ofSize(k),
                Arbitraries.of(0.0, 1e-9, 0.3, 0.5, 0.999, 1.0).injectDuplicates(0.0).list().ofSize(k)
                        .map(xs -> xs.toArray(Double[]::new)),
                Arbitraries.doubles().between(0, 1).array(Double[].class).ofSize(k),
                Arbitraries.of(0.0, 0.5, 1.0).injectDuplicates(0.0),
                Arbitraries.integers().between(0, 2))
                .as((w, edge, l, r, mode) -> {
                    double[] p = w.clone();
                    double s = 0;
                    for (int i = 0; i < p.length; i++) {
                        p[i] = p[i] + 1e-3;
                        s += p[i];
                    }
                    for (int i = 0; i < p.length; i++) {
                        p[i] /= s;
                    }
                    return new Draw(p, mode == 0 ? edge : l, mode == 2 ? r : 1.0);
                }));
    }

    @Property(tries = 400, seed = "20240801", edgeCases = EdgeCasesMode.NONE)
    void gainIsNeverNegativeAndMatchesTheDefinition(@ForAll("draws") Draw d) {
        InformationGain.Value v = gain(d.p(), indicator(d.r(), d.l()));
        double[] eff = v.effective().stream().mapToDouble(Double::doubleValue).toArray();
        boolean hasZero = List.of(d.l()).contains(0.0);
        Statistics.collect(d.p().length, hasZero ? "a zero likelihood" : "no zero");
        assertTrue(v.gainBits() >= 0, "gain " + v.gainBits());
        assertTrue(v.gainBits() <= 1 + EXACT, "a yes/no observation gives at most 1 bit: " + v.gainBits());
        assertEquals(byDefinition(d.p(), eff), v.gainBits(), EXACT);
    }
}
