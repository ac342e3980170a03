package org.deciban.inference.dynamics;

import org.deciban.testing.RandomCases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deciban.testing.Models;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.model.Case;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the drift filter over random cases ({@link RandomCases}, a pure function of the seed
 * jqwik draws; jqwik itself runs with a fixed seed, so the runs are deterministic).
 */
class DriftFilterProperties {

    /**
     * Exact agreement: with drift 0 the filter and the static engine compute the same products of the same
     * factors, differing only in the rounding of one normalisation per date (at most 6 here) against one in
     * total; each costs a few ulps, far below 1e-12.
     */
    static final double EXACT = 1e-12;

    /**
     * log Z is a sum of up to 40 logs of magnitude up to ~40 (likelihoods of 0.01 and small group weights),
     * accumulated in another order by the filter (per date) than by the static engine (per item);
     * 40 terms * 40 * 2^-52 is about 4e-13, so 1e-10 leaves a wide margin yet catches any missing factor.
     */
    static final double LOG_EVIDENCE = 1e-10;

    @Property(tries = 300, seed = "20240801")
    void driftZeroIsTheStaticEngine(@ForAll long seed) {
        Case c = RandomCases.of(seed, 40);
        // the edge cases the property must meet: one hypothesis, an eliminated hypothesis, impossible evidence
        Statistics.label("K").coverage(k -> k.check("1").count(n -> n > 0));
        Statistics.label("eliminated").coverage(e -> e.check(true).count(n -> n > 0));
        Statistics.label("outcome").coverage(o -> o.check("impossible").count(n -> n > 0));
        Posterior exact;
        try {
            exact = Models.exact(c);
        } catch (ImpossibleEvidenceException e) {
            Statistics.label("outcome").collect("impossible");
            assertThrows(ImpossibleEvidenceException.class, () -> Models.timeline(c, 0, null));
            return;
        }
        Statistics.label("outcome").collect("possible");
        Statistics.label("K").collect(c.size() == 1 ? "1" : "2-5");
        Statistics.label("eliminated").collect(exact.probabilities().contains(0.0));
        Posterior filtered = Models.timeline(c, 0, null).posterior();
        for (int k = 0; k < c.size(); k++) {
            assertEquals(exact.probabilities().get(k), filtered.probabilities().get(k), EXACT, "hypothesis " + k);
        }
        assertEquals(exact.logEvidence(), filtered.logEvidence(), LOG_EVIDENCE);
        for (int o = 0; o < exact.outcomes().size(); o++) {
            assertEquals(exact.outcomes().get(o).probability(), filtered.outcomes().get(o).probability(), EXACT);
        }
    }

    @Property(tries = 300, seed = "20240802")
    void everyStepIsAProbabilityVector(@ForAll long seed, @ForAll @DoubleRange(min = 0, max = 20) double drift) {
        Case c = RandomCases.of(seed, 40);
        Timeline t;
        try {
            t = Models.timeline(c, drift, null);
        } catch (ImpossibleEvidenceException e) {
            Statistics.label("outcome").collect("impossible");
            return;
        }
        Statistics.label("outcome").collect("possible");
        for (TimelineStep step : t.steps()) {
            double sum = 0;
            for (double p : step.probabilities()) {
                assertTrue(p >= 0 && p <= 1, "probability " + p + " at " + step.date());
                sum += p;
            }
            assertEquals(1.0, sum, EXACT, "sum at " + step.date());
        }
        for (int s = 1; s < t.steps().size(); s++) {
            assertTrue(t.steps().get(s - 1).date().isBefore(t.steps().get(s).date()), "dates strictly increase");
        }
        assertEquals(t.steps().get(t.steps().size() - 1).probabilities(), t.posterior().probabilities());
    }
}
