package org.deciban.testing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * An independent computation of design.md steps 1-3, written from the formulas and sharing no code
 * with org.deciban.inference: the effective likelihood L' = r L + (1 - r) mean L in exact decimal
 * arithmetic (BigDecimal, 34 digits) then rounded once; group weights w = n_eff / n with
 * n_eff = n / (1 + (n - 1) rho) from a fresh count of each group; the posterior as a plain product
 * pi(k) prod_e L'_e(k)^w_e in linear space, rescaled by its largest entry after every item so it
 * never underflows while some hypothesis survives.
 */
public final class BruteForce {

    private BruteForce() {
    }

    /** L'_e(k) of one item (1 - L' when it is absent), from exact decimal arithmetic. */
    public static double[] effective(EvidenceItem e) {
        int k = e.likelihoods().size();
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal sum = BigDecimal.ZERO;
        for (double l : e.likelihoods()) {
            sum = sum.add(new BigDecimal(l), mc);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(k), mc);
        BigDecimal r = new BigDecimal(e.reliability());
        BigDecimal rest = BigDecimal.ONE.subtract(r, mc);
        double[] out = new double[k];
        for (int h = 0; h < k; h++) {
            BigDecimal eff = r.multiply(new BigDecimal(e.likelihoods().get(h)), mc).add(rest.multiply(mean, mc), mc);
            out[h] = (e.observed() ? eff : BigDecimal.ONE.subtract(eff, mc)).doubleValue();
        }
        return out;
    }

    /** w_e of each item. */
    public static double[] weights(Case c) {
        Map<String, Integer> n = new HashMap<>();
        for (EvidenceItem e : c.evidence()) {
            if (e.group() != null) {
                n.put(e.group(), n.getOrDefault(e.group(), 0) + 1);
            }
        }
        List<EvidenceItem> items = c.evidence();
        double[] w = new double[items.size()];
        for (int i = 0; i < w.length; i++) {
            String g = items.get(i).group();
            if (g == null) {
                w[i] = 1;
            } else {
                double size = n.get(g);
                double rho = c.settings().correlationOf(g);
                double nEff = size / (1 + (size - 1) * rho);
                w[i] = nEff / size;
            }
        }
        return w;
    }

    /**
     * The posterior, or {@code null} when the evidence is impossible (one item of L' = 0 under every
     * hypothesis, or items that together leave no hypothesis standing).
     */
    public static double[] posterior(Case c) {
        int k = c.size();
        double[] w = weights(c);
        double[] acc = new double[k];
        java.util.Arrays.fill(acc, 1.0);
        for (int i = 0; i < c.evidence().size(); i++) {
            double[] eff = effective(c.evidence().get(i));
            double rowMax = 0;
            for (double x : eff) {
                rowMax = Math.max(rowMax, x);
            }
            if (rowMax == 0) {
                return null;
            }
            double max = 0;
            for (int h = 0; h < k; h++) {
                acc[h] *= Math.pow(eff[h], w[i]);
                max = Math.max(max, acc[h]);
            }
            if (max == 0) {
                return null;
            }
            for (int h = 0; h < k; h++) {
                acc[h] /= max;
            }
        }
        double z = 0;
        for (int h = 0; h < k; h++) {
            acc[h] *= c.prior().probabilities().get(h);
            z += acc[h];
        }
        for (int h = 0; h < k; h++) {
            acc[h] /= z;
        }
        return acc;
    }
}
