package org.deciban.inference.montecarlo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/** Small cases built in code for the Monte Carlo tests. */
final class TestCases {

    private TestCases() {
    }

    static EvidenceItem item(String id, double r, boolean observed, Double confidence, String group, double... l) {
        List<Double> ls = new ArrayList<>();
        for (double x : l) {
            ls.add(x);
        }
        return new EvidenceItem(id, null, "other", "test", r, null, "", "", ls, confidence, group, observed, "test:" + id);
    }

    static Case of(List<Hypothesis> hs, List<Double> prior, Double concentration, List<EvidenceItem> items) {
        return new Case("t", "test question", null, hs, new Prior(prior, concentration),
                new Settings(0.5, Map.of(), 1000, 1), items, List.of());
    }

    /** Three hypotheses; a and b name outcomes, c names none. */
    static List<Hypothesis> abc() {
        return List.of(new Hypothesis("a", "A", "A wins"), new Hypothesis("b", "B", "B wins"), new Hypothesis("c", "C", null));
    }

    /**
     * The worked example of the convergence test: prior (0.5, 0.3, 0.2) with concentration 20;
     * item 1 L = (0.6, 0.3, 0.5), r = 1, confidence 10; item 2 L = (0.2, 0.7, 0.4), r = 0.5,
     * confidence 5; item 3 L = (0.3, 0.1, 0.6), r = 1, confidence 8, recorded as absent. No groups.
     */
    static Case worked() {
        return of(abc(), List.of(0.5, 0.3, 0.2), 20.0, List.of(
                item("one", 1, true, 10.0, null, 0.6, 0.3, 0.5),
                item("two", 0.5, true, 5.0, null, 0.2, 0.7, 0.4),
                item("three", 1, false, 8.0, null, 0.3, 0.1, 0.6)));
    }

    /** A case with groups of weight below 1, a drawn prior and uncertain likelihoods: for reproducibility tests. */
    static Case grouped() {
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < 12; e++) {
            double base = 0.2 + 0.05 * (e % 7);
            items.add(item("i" + e, 0.6 + 0.03 * (e % 5), e % 4 != 3, e % 3 == 0 ? null : 6.0 + e,
                    e % 2 == 0 ? "g" + (e % 3) : null, base, 1 - base, 0.5));
        }
        return of(abc(), List.of(0.4, 0.35, 0.25), 15.0, items);
    }
}
