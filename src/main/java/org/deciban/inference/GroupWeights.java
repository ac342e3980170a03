package org.deciban.inference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Settings;

/**
 * Dependence weights of design.md step 2.
 *
 * <p>The n items of a group g with correlation rho count as n_eff = n / (1 + (n - 1) rho)
 * independent items, so each gets weight w = n_eff / n = 1 / (1 + (n - 1) rho). Ungrouped
 * items, and a group of one, get w = 1; rho = 1 makes a group count as one item.
 */
public final class GroupWeights {

    private GroupWeights() {
    }

    /** w = 1 / (1 + (n - 1) rho) for a group of n items. */
    public static double weight(int n, double rho) {
        return 1.0 / (1.0 + (n - 1) * rho);
    }

    /** The weight of each item, in the order given. */
    public static double[] of(List<EvidenceItem> items, Settings settings) {
        Map<String, Integer> sizes = new HashMap<>();
        for (EvidenceItem e : items) {
            if (e.group() != null) {
                sizes.merge(e.group(), 1, Integer::sum);
            }
        }
        double[] w = new double[items.size()];
        for (int i = 0; i < w.length; i++) {
            String g = items.get(i).group();
            w[i] = g == null ? 1.0 : weight(sizes.get(g), settings.correlationOf(g));
        }
        return w;
    }
}
