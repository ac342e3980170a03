package org.deciban.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;

/**
 * Random cases for the drift properties: a pure function of a seed (Commons RNG, XO_RO_SHI_RO_128_PP).
 * K from 1 to 5, 0 to 40 items, dates drawn from six dates spread over ten years (some items undated,
 * some dated on as_of), likelihoods that are sometimes exactly 0 or 1 (in some cases often enough that
 * the items together rule out every hypothesis), reliabilities in [0, 1], some items
 * absent, some in groups.
 */
public final class RandomCases {

    public static final LocalDate AS_OF = LocalDate.of(2024, 8, 1);
    private static final LocalDate[] DATES = {
        LocalDate.of(2014, 8, 1), LocalDate.of(2018, 6, 12), LocalDate.of(2019, 2, 28),
        LocalDate.of(2024, 7, 27), AS_OF, null};

    private RandomCases() {
    }

    public static Case of(long seed, int maxItems) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int k = 1 + rng.nextInt(5);
        List<Hypothesis> hs = new ArrayList<>();
        double[] pi = new double[k];
        double sum = 0;
        for (int h = 0; h < k; h++) {
            hs.add(new Hypothesis("h" + h, "hypothesis " + h, rng.nextBoolean() ? "o" + (h % 2) : null));
            pi[h] = 0.05 + rng.nextDouble();
            sum += pi[h];
        }
        List<Double> prior = new ArrayList<>();
        double last = 1;
        for (int h = 0; h < k - 1; h++) {
            prior.add(pi[h] / sum);
            last -= pi[h] / sum;
        }
        prior.add(last);
        int n = rng.nextInt(maxItems + 1);
        double zeros = rng.nextBoolean() ? 0.05 : 0.4;
        List<EvidenceItem> items = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            List<Double> l = new ArrayList<>();
            for (int h = 0; h < k; h++) {
                double u = rng.nextDouble();
                l.add(u < zeros ? 0.0 : u > 0.97 ? 1.0 : rng.nextDouble());
            }
            boolean observed = rng.nextInt(8) != 0;
            double r = rng.nextBoolean() ? 1.0 : rng.nextDouble();
            // keep each item possible on its own (the loader refuses impossible items)
            int keep = rng.nextInt(k);
            l.set(keep, observed ? Math.max(l.get(keep), 0.01) : Math.min(l.get(keep), 0.99));
            String group = rng.nextInt(3) == 0 ? "g" + rng.nextInt(3) : null;
            items.add(new EvidenceItem("e" + e, DATES[rng.nextInt(DATES.length)], "other", "", r, null, "", "",
                    l, null, group, observed, "test:" + e));
        }
        Settings settings = new Settings(rng.nextDouble(), Map.of(), 1, 1);
        return new Case("random", "q", AS_OF, hs, new Prior(prior, null), settings, items, List.of());
    }
}
