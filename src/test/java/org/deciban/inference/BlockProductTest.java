package org.deciban.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.junit.jupiter.api.Test;

/**
 * The static kernel (Monte Carlo's, reached through the model's evaluator) multiplies runs of face-value items (r = 1, observed, ungrouped) before one log,
 * rescaling the running product by a power of two when it falls below 2^-700;
 * factors below 2^-255, and zeros, take their own log. The first case puts
 * the flush paths in one run: tiny factors inside a run, a factor below the floor, a zero, a
 * non-face-value item that ends a run; the second drives the running product through several rescalings.
 */
class BlockProductTest {

    /** Exact: the posterior is a ratio of products of a few dozen roundings (relative error ~1e-14). */
    private static final double EXACT = 1e-12;

    private static EvidenceItem item(String id, double r, double... l) {
        List<Double> ls = new ArrayList<>();
        for (double x : l) {
            ls.add(x);
        }
        return new EvidenceItem(id, null, "other", "test", r, null, "", "", ls, null, null, true, "test:" + id);
    }

    /** The evaluator at the stated judgments with drift 0: the static block-product kernel of Monte Carlo. */
    private static double staticKernel(Case c, double[] post) {
        CaseModel m = CaseModels.compile(c);
        return m.evaluator().evaluate(m.judgments().statedTable(), null, 0, post);
    }

    @Test
    void blockProductsGiveTheHandDerivedPosterior() {
        // Hand derivation. Prior (0.5, 0.3, 0.2). Likelihood ratios h1 : h0 per item:
        //   i1..i4: 2e-70 / 1e-70 = 2 each (tiny but above the floor 2^-255 ~ 1.7e-77; the block
        //           product of i1..i3 is 8e-210 / 1e-210, still a normal double), so 2^4 = 16;
        //   n1 (r = 0.8): L = (0.5, 0.5, 0.5), effective 0.5 for all: neutral (and flushes the block);
        //   i5: 3e-300 / 1e-300 = 3 (below the floor: its own log);
        //   i6: (0.5, 0.5, 0): ratio 1, eliminates h2 (zero: its own log);
        //   i7, i8: (0.5, 0.5, 0.9): ratio 1.
        // Posterior odds h1 : h0 = (0.3 / 0.5) * 16 * 3 = 28.8, h2 = 0:
        //   p0 = 1 / 29.8, p1 = 28.8 / 29.8, p2 = 0.
        List<EvidenceItem> ev = List.of(
                item("i1", 1, 1e-70, 2e-70, 0.5),
                item("i2", 1, 1e-70, 2e-70, 0.5),
                item("i3", 1, 1e-70, 2e-70, 0.5),
                item("n1", 0.8, 0.5, 0.5, 0.5),
                item("i4", 1, 1e-70, 2e-70, 0.5),
                item("i5", 1, 1e-300, 3e-300, 0.5),
                item("i6", 1, 0.5, 0.5, 0),
                item("i7", 1, 0.5, 0.5, 0.9),
                item("i8", 1, 0.5, 0.5, 0.9));
        Case c = new Case("t", "q", null,
                List.of(new Hypothesis("a", "A", null), new Hypothesis("b", "B", null), new Hypothesis("c", "C", null)),
                new Prior(List.of(0.5, 0.3, 0.2), null), new Settings(0.5, Map.of(), 1000, 1), ev, List.of());
        double[] post = new double[3];
        double logZ = staticKernel(c, post);
        assertEquals(1 / 29.8, post[0], EXACT);
        assertEquals(28.8 / 29.8, post[1], EXACT);
        assertEquals(0.0, post[2], 0.0);
        // log Z = log sum_k pi(k) prod_e L'_e(k); with h2 eliminated:
        //   0.5 * 1e-280 * 1e-300 * 0.5^4 + 0.3 * 16e-280 * 3e-300 * 0.5^4 (n1 contributes 0.5, i6..i8
        //   contribute 0.5^3) = (0.5 + 14.4) / 16 * 1e-580, so log Z = log(14.9 / 16) - 580 log 10.
        // Compared relative to its size (about 1335): rounding of each log is ~1e-16 relative.
        double expected = Math.log(14.9 / 16) - 580 * Math.log(10);
        assertEquals(expected, logZ, EXACT * Math.abs(expected));
    }

    @Test
    void rescaledProductsGiveTheHandDerivedPosterior() {
        // Hand derivation. Twelve face-value items, each with likelihoods (1e-70, 2e-70, 3e-70): the
        // running products reach 1e-280 < 2^-700 ~ 1.9e-211 after four items, so each hypothesis's product
        // is rescaled about three times (its true value, about 1e-840, is far below the smallest double).
        // Posterior odds h0 : h1 : h2 = 0.5 * 1 : 0.3 * 2^12 : 0.2 * 3^12 = 0.5 : 1228.8 : 106288.2,
        // total 107517.5. log Z = log(0.5 + 0.3 * 2^12 + 0.2 * 3^12) + 12 log(1e-70) = log(107517.5) - 840 log 10.
        List<EvidenceItem> ev = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ev.add(item("t" + i, 1, 1e-70, 2e-70, 3e-70));
        }
        Case c = new Case("t", "q", null,
                List.of(new Hypothesis("a", "A", null), new Hypothesis("b", "B", null), new Hypothesis("c", "C", null)),
                new Prior(List.of(0.5, 0.3, 0.2), null), new Settings(0.5, Map.of(), 1000, 1), ev, List.of());
        double[] post = new double[3];
        double logZ = staticKernel(c, post);
        double total = 107517.5;
        assertEquals(0.5 / total, post[0], EXACT);
        assertEquals(1228.8 / total, post[1], EXACT);
        assertEquals(106288.2 / total, post[2], EXACT);
        double expected = Math.log(total) - 840 * Math.log(10);
        assertEquals(expected, logZ, EXACT * Math.abs(expected));
    }
}
