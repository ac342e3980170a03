package org.deciban.inference.sensitivity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/** Small cases built in code for the sensitivity tests. */
final class Cases {

    private Cases() {
    }

    static List<Hypothesis> hypotheses(int k) {
        List<Hypothesis> hs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            hs.add(new Hypothesis("h" + i, "hypothesis " + i, null));
        }
        return hs;
    }

    static Case of(List<Double> prior, List<EvidenceItem> items) {
        return new Case("t", "test", null, hypotheses(prior.size()), new Prior(prior, null),
                new Settings(0.5, Map.of(), 1000, 1), items, List.of());
    }

    static EvidenceItem item(String id, double r, String group, Double confidence, Double... l) {
        return new EvidenceItem(id, null, "other", "", r, Double.toString(r), "", "", List.of(l), confidence, group,
                true, "test:" + id);
    }

    static EvidenceItem dated(String id, LocalDate date, Double... l) {
        return new EvidenceItem(id, date, "other", "", 1.0, "1", "", "", List.of(l), null, null, true, "test:" + id);
    }
}
