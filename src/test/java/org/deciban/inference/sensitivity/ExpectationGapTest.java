package org.deciban.inference.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deciban.inference.Expectations;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.Expectation;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.junit.jupiter.api.Test;

/**
 * The verdicts and shortfalls of {@link Expectations} and the ranking of {@link ExpectationGap}, on cases small
 * enough to work by hand. The Beta quantiles of the item-range settings were computed apart with
 * scipy.stats.beta.ppf (SciPy 1.17): Beta(8, 2) at 0.05 is 0.5708644529685656, Beta(4, 6) at 0.95 is
 * 0.6550586340562967.
 */
class ExpectationGapTest {

    /** A posterior of two or three terms and the sums below: rounding only. */
    private static final double EXACT = 1e-12;
    /** scipy's quantiles and Commons Math's agree to the inverse CDF's accuracy, far below this. */
    private static final double QUANTILE = 1e-8;

    private static Expectation atMost(String h, double x) {
        return new Expectation(Expectation.Subject.HYPOTHESIS, h, Expectation.Comparison.AT_MOST, x, null, h + " at most " + x);
    }

    private static Expectation band(Expectation.Subject subject, String target, Expectation.Comparison comparison, Icd203 b) {
        return new Expectation(subject, target, comparison, null, b, target + " " + comparison + " " + b.phrase());
    }

    private static Expectation leads(String h) {
        return new Expectation(Expectation.Subject.HYPOTHESIS, h, Expectation.Comparison.LEADS, null, null, h + " leads");
    }

    @Test
    void shortfallIsTheDistanceToTheBoundThatDecides() {
        Case c = new Case("t", "q", null, List.of(new Hypothesis("h0", "zero", "O"), new Hypothesis("h1", "one", "O"),
                new Hypothesis("h2", "two", null)), new Prior(List.of(0.3, 0.3, 0.4), null),
                new Settings(0.5, java.util.Map.of(), 1000, 1), List.of(), List.of());
        double[] p = {0.3, 0.1, 0.6};
        Expectation.Subject hyp = Expectation.Subject.HYPOTHESIS;
        // 0.3 is "unlikely": at most "very unlikely" needs p < 0.20, at least "likely" p >= 0.55, above "unlikely"
        // p >= 0.45, below "unlikely" p < 0.20
        assertEquals(0.10, Expectations.shortfall(c, p, band(hyp, "h0", Expectation.Comparison.AT_MOST, Icd203.VERY_UNLIKELY)), EXACT);
        assertEquals(0.25, Expectations.shortfall(c, p, band(hyp, "h0", Expectation.Comparison.AT_LEAST, Icd203.LIKELY)), EXACT);
        assertEquals(0.15, Expectations.shortfall(c, p, band(hyp, "h0", Expectation.Comparison.ABOVE, Icd203.UNLIKELY)), EXACT);
        assertEquals(0.10, Expectations.shortfall(c, p, band(hyp, "h0", Expectation.Comparison.BELOW, Icd203.UNLIKELY)), EXACT);
        // an outcome's share is the sum of its hypotheses: 0.3 + 0.1 = 0.4, so at least "roughly even chance" misses by 0.05
        Expectation outcome = band(Expectation.Subject.OUTCOME, "O", Expectation.Comparison.AT_LEAST, Icd203.ROUGHLY_EVEN_CHANCE);
        assertEquals(0.4, Expectations.value(c, p, outcome), EXACT);
        assertEquals(0.05, Expectations.shortfall(c, p, outcome), EXACT);
        // "h0 leads" misses by the leader's margin over it; "h2 leads" holds
        assertEquals(0.3, Expectations.shortfall(c, p, leads("h0")), EXACT);
        assertTrue(Expectations.holds(c, p, leads("h2")));
        assertEquals(0, Expectations.shortfall(c, p, leads("h2")), EXACT);
        // a band holds its lower bound and not its upper one: 0.20 is "unlikely", so "at most very unlikely" fails
        // there, by a shortfall of 0
        Expectation edge = band(hyp, "h0", Expectation.Comparison.AT_MOST, Icd203.VERY_UNLIKELY);
        double[] atEdge = {0.20, 0.1, 0.7};
        assertFalse(Expectations.holds(c, atEdge, edge));
        assertEquals(0, Expectations.shortfall(c, atEdge, edge), EXACT);
    }

    @Test
    void theRankingFindsTheSingleChangesThatMeetTheExpectations() {
        // prior 0.5 / 0.5, one item L = (0.8, 0.4): posterior (2/3, 1/3). Expected: h0 at most 0.6 (misses by 1/15)
        // and h1 leads (misses by 1/3): shortfall 0.4.
        Case c = Cases.of(List.of(0.5, 0.5), List.of(Cases.item("e", 1.0, null, null, 0.8, 0.4)));
        List<Expectation> expect = List.of(atMost("h0", 0.6), leads("h1"));
        ExpectationGap.Figures f = ExpectationGap.of(CaseModels.compile(c), expect);
        assertEquals(0.4, f.shortfall(), EXACT);
        assertEquals(0, f.holding());
        assertEquals(1.0 / 15, f.verdicts().get(0).shortfall(), EXACT);
        assertEquals(2.0 / 3, f.verdicts().get(0).value(), EXACT);
        // Left out: (0.5, 0.5); h0 at most 0.6 holds, h1 ties and so does not lead, shortfall 0: one expectation holds.
        // At the ends of its ranges (default confidence 10: Beta(8, 2), Beta(4, 6)), the setting L0 at its 5% quantile
        // and L1 at its 95% gives p(h0) = 0.5708645 / (0.5708645 + 0.6550586) = 0.4656609: both hold. Both changes
        // have shortfall 0; the one under which more expectations hold comes first.
        assertEquals(2, f.towards().size());
        ExpectationGap.Change first = f.towards().get(0);
        assertEquals(ExpectationGap.Kind.ITEM_RANGE, first.kind());
        assertEquals(2, first.holding());
        assertEquals(0, first.shortfall(), EXACT);
        assertEquals(0.5708644529685656, first.setting().get(0), QUANTILE);
        assertEquals(0.6550586340562967, first.setting().get(1), QUANTILE);
        assertEquals(0.4656609040245509, first.posterior().get(0), QUANTILE);
        ExpectationGap.Change second = f.towards().get(1);
        assertEquals(ExpectationGap.Kind.LEFT_OUT, second.kind());
        assertEquals(1, second.holding());
        assertEquals(0.5, second.posterior().get(0), EXACT);
        assertTrue(second.setting().isEmpty());
    }

    @Test
    void nothingIsRankedWhenEveryExpectationHolds() {
        Case c = Cases.of(List.of(0.5, 0.5), List.of(Cases.item("e", 1.0, null, null, 0.8, 0.4)));
        ExpectationGap.Figures f = ExpectationGap.of(CaseModels.compile(c), List.of(leads("h0")));
        assertEquals(1, f.holding());
        assertEquals(0, f.shortfall(), EXACT);
        assertTrue(f.towards().isEmpty());
    }
}
