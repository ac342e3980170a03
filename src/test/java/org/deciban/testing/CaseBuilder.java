package org.deciban.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/** Builds model cases in memory for engine tests: hypotheses h0..h(K-1), prior, items. */
public final class CaseBuilder {

    private final List<Hypothesis> hypotheses = new ArrayList<>();
    private final List<Double> prior = new ArrayList<>();
    private final List<EvidenceItem> items = new ArrayList<>();
    private final Map<String, Double> groupRho = new HashMap<>();
    private double rho = Settings.DEFAULT_CORRELATION;

    /** A case over the given prior; hypothesis k is "h{k}" with outcome "o{k}". */
    public static CaseBuilder prior(double... pi) {
        CaseBuilder b = new CaseBuilder();
        for (int k = 0; k < pi.length; k++) {
            b.hypotheses.add(new Hypothesis("h" + k, "hypothesis " + k, "o" + k));
            b.prior.add(pi[k]);
        }
        return b;
    }

    /** Default within-group correlation. */
    public CaseBuilder correlation(double r) {
        this.rho = r;
        return this;
    }

    /** Correlation of one group. */
    public CaseBuilder correlation(String group, double r) {
        groupRho.put(group, r);
        return this;
    }

    /** An observed, ungrouped item taken at face value. */
    public CaseBuilder item(double... l) {
        return item(1.0, null, true, l);
    }

    /** An item with everything stated. */
    public CaseBuilder item(double reliability, String group, boolean observed, double... l) {
        List<Double> ls = new ArrayList<>();
        for (double x : l) {
            ls.add(x);
        }
        String id = "e" + items.size();
        items.add(new EvidenceItem(id, null, "other", "test", reliability, null, "", "", ls, null, group,
                observed, "test:" + id));
        return this;
    }

    /** Adds ready-made items. */
    public CaseBuilder items(List<EvidenceItem> more) {
        items.addAll(more);
        return this;
    }

    public Case build() {
        return new Case("test", "test question", null, hypotheses, new Prior(prior, null),
                new Settings(rho, groupRho, Settings.DEFAULT_DRAWS, Settings.DEFAULT_SEED), items, List.of());
    }
}
