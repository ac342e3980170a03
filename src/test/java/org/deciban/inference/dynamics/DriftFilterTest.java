package org.deciban.inference.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.testing.Models;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.junit.jupiter.api.Test;

class DriftFilterTest {

    /** Hand-derived fractions against double arithmetic of a few operations: a few ulps; 1e-12 is the exact tolerance. */
    static final double EXACT = 1e-12;

    /** A drift so large that exp(-drift * dt) underflows to exactly 0 for dt of one day or more (e^-2738). */
    static final double HUGE_DRIFT = 1e6;

    private static final LocalDate D2020 = LocalDate.of(2020, 1, 1);
    // 2020-01-01 to 2024-01-01 is 366 + 3 * 365 = 1461 days = 4 * 365.25: exactly four years
    private static final LocalDate D2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate D2028 = LocalDate.of(2028, 1, 1);

    static EvidenceItem item(String id, LocalDate date, double... l) {
        List<Double> ls = new ArrayList<>();
        for (double x : l) {
            ls.add(x);
        }
        return new EvidenceItem(id, date, "other", "", 1.0, "1", "", "", ls, null, null, true, "test:" + id);
    }

    static Case twoHypotheses(LocalDate asOf, List<Double> prior, EvidenceItem... items) {
        return new Case("hand", "q", asOf,
                List.of(new Hypothesis("a", "A", "A wins"), new Hypothesis("b", "B", "B wins")),
                new Prior(prior, null), Settings.defaults(), List.of(items), List.of());
    }

    @Test
    void handComputedTwoDates() {
        // pi = (1/2, 1/2); item x on 2020-01-01 with L = (0.8, 0.2); item y on 2024-01-01 with L = (0.3, 0.6);
        // drift = ln 2 / 4 per year, so over the 4 years between them a = exp(-ln 2) = 1/2.
        //   after x:      (0.5*0.8, 0.5*0.2) / 0.5 = (0.8, 0.2);            normaliser 0.5
        //   transition:   0.5 * (0.8, 0.2) + 0.5 * (0.5, 0.5) = (0.65, 0.35)
        //   after y:      (0.65*0.3, 0.35*0.6) = (0.195, 0.21), sum 0.405 -> (13/27, 14/27); normaliser 0.405
        //   log evidence: log 0.5 + log 0.405
        // (the static engine would give (0.12, 0.06) / 0.18 = (2/3, 1/3): x counts in full)
        double drift = Math.log(2) / 4;
        Case c = twoHypotheses(D2024, List.of(0.5, 0.5), item("x", D2020, 0.8, 0.2), item("y", D2024, 0.3, 0.6));
        Timeline t = Models.timeline(c, drift, null);
        assertEquals(2, t.steps().size());
        assertEquals(List.of("x"), t.steps().get(0).itemIds());
        assertEquals(0.8, t.steps().get(0).probabilities().get(0), EXACT);
        assertEquals(0.5, t.steps().get(1).carry(), EXACT);
        assertEquals(13.0 / 27, t.posterior().probabilities().get(0), EXACT);
        assertEquals(14.0 / 27, t.posterior().probabilities().get(1), EXACT);
        assertEquals(Math.log(0.5) + Math.log(0.405), t.posterior().logEvidence(), EXACT);
        assertEquals(13.0 / 27, t.posterior().outcomes().get(0).probability(), EXACT);

        // four more years to as_of 2028-01-01 (a = 1/2 again):
        //   0.5 * (13/27, 14/27) + 0.5 * (1/2, 1/2) = (26/108 + 27/108, 28/108 + 27/108) = (53/108, 55/108)
        Timeline later = Models.timeline(c, drift, D2028);
        assertEquals(3, later.steps().size());
        assertEquals(List.of(), later.steps().get(2).itemIds());
        assertEquals(53.0 / 108, later.posterior().probabilities().get(0), EXACT);
        assertEquals(55.0 / 108, later.posterior().probabilities().get(1), EXACT);
        assertEquals(Math.log(0.5) + Math.log(0.405), later.posterior().logEvidence(), EXACT);
    }

    @Test
    void hugeDriftKeepsOnlyTheLastDate() {
        // independent computation: the static engine on a case holding only the last date's items
        // (items ungrouped, so their weights are 1 in both cases)
        EvidenceItem old1 = item("old1", D2020, 0.9, 0.1);
        EvidenceItem old2 = item("old2", LocalDate.of(2022, 5, 5), 0.05, 0.7);
        EvidenceItem last1 = item("last1", D2024, 0.3, 0.6);
        EvidenceItem last2 = item("last2", D2024, 0.5, 0.4);
        EvidenceItem undated = item("undated", null, 0.7, 0.2);
        List<Double> prior = List.of(0.3, 0.7);
        Case c = twoHypotheses(D2024, prior, old1, last1, old2, undated, last2);
        Posterior expected = Models.exact(twoHypotheses(D2024, prior, last1, undated, last2));
        Posterior filtered = Models.timeline(c, HUGE_DRIFT, null).posterior();
        for (int k = 0; k < 2; k++) {
            assertEquals(expected.probabilities().get(k), filtered.probabilities().get(k), EXACT);
        }
        // and one day after the last date everything is forgotten: back to the prior
        Posterior dayLater = Models.timeline(c, HUGE_DRIFT, D2024.plusDays(1)).posterior();
        assertEquals(0.3, dayLater.probabilities().get(0), EXACT);
        assertEquals(0.7, dayLater.probabilities().get(1), EXACT);
    }

    @Test
    void undatedItemsCountAtAsOf() {
        // with the undated item at as_of 2024-01-01 and drift ln 2 / 4, it sits on y's date:
        // after y and u together: (0.65*0.3*0.9, 0.35*0.6*0.1) = (0.1755, 0.021) -> 0.1755 / 0.1965
        double drift = Math.log(2) / 4;
        Case c = twoHypotheses(D2024, List.of(0.5, 0.5), item("x", D2020, 0.8, 0.2), item("u", null, 0.9, 0.1),
                item("y", D2024, 0.3, 0.6));
        Timeline t = Models.timeline(c, drift, null);
        assertEquals(List.of("u", "y"), t.steps().get(1).itemIds());
        assertEquals(0.1755 / 0.1965, t.posterior().probabilities().get(0), EXACT);
        // replaying 2023 leaves the undated item out (it is observed at as_of, after 2023)
        assertEquals(List.of("x"), DriftSchedule.observedBy(c, LocalDate.of(2023, 1, 1)).stream().map(EvidenceItem::id).toList());
    }

    @Test
    void driftReopensWhatAnEarlierDateRuledOut() {
        // x rules out b, y rules out a: impossible for the static engine, possible once drift re-draws.
        // a = 1/2: after x (1, 0); transition (0.75, 0.25); after y (0, 0.25) -> (0, 1)
        Case c = twoHypotheses(D2024, List.of(0.5, 0.5), item("x", D2020, 1.0, 0.0), item("y", D2024, 0.0, 1.0));
        assertThrows(ImpossibleEvidenceException.class, () -> Models.exact(c));
        assertThrows(ImpossibleEvidenceException.class, () -> Models.timeline(c, 0, null));
        Posterior p = Models.timeline(c, Math.log(2) / 4, null).posterior();
        assertEquals(0.0, p.probabilities().get(0), EXACT);
        assertEquals(Math.log(0.5) + Math.log(0.25), p.logEvidence(), EXACT);
    }

    @Test
    void refusesItemsAfterTheEvaluationDateAndBadDrift() {
        Case c = twoHypotheses(D2020, List.of(0.5, 0.5), item("late", D2024, 0.5, 0.4));
        assertThrows(IllegalArgumentException.class, () -> Models.timeline(c, 0.1, null));
        assertThrows(IllegalArgumentException.class, () -> Models.timeline(c, -0.1, D2024));
        assertThrows(IllegalArgumentException.class, () -> Models.timeline(c, Double.NaN, D2024));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withDrift(Double.POSITIVE_INFINITY));
        assertEquals(0.25, new Settings(0.5, Map.of(), 1, 1, 0.25).drift());
    }
}
