package org.deciban.proof;

import java.util.ArrayList;
import java.util.List;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;

/**
 * Every likelihood judgment of a case with the range it may reasonably take.
 *
 * <p>The judgment L = P(item | h) of an item with confidence c (the case's default confidence
 * when the item states none) is uncertain as Beta(c L, c (1 - L)); its range is that Beta's 90%
 * interval [q05, q95] ({@link Sensitivity#quantile}, the tornado's ends). A judgment of exactly 0 or
 * 1 is fixed (range [L, L]), as in DESIGN step 5.
 * Judgment j is item j / K, hypothesis j % K.
 */
final class Judgments {

    private final Case base;
    private final double[] stated;
    private final double[] low;
    private final double[] high;

    Judgments(Case base, double defaultConfidence) {
        this.base = base;
        int k = base.size();
        int n = base.evidence().size();
        stated = new double[n * k];
        low = new double[n * k];
        high = new double[n * k];
        for (int e = 0; e < n; e++) {
            EvidenceItem item = base.evidence().get(e);
            double c = item.confidence() == null ? defaultConfidence : item.confidence();
            for (int h = 0; h < k; h++) {
                double l = item.likelihoods().get(h);
                int j = e * k + h;
                stated[j] = l;
                low[j] = Sensitivity.quantile(l, c, 0.05);
                high[j] = Sensitivity.quantile(l, c, 0.95);
            }
        }
    }

    int count() {
        return stated.length;
    }

    double stated(int j) {
        return stated[j];
    }

    double low(int j) {
        return low[j];
    }

    double high(int j) {
        return high[j];
    }

    /**
     * The likelihood at a position t in [-100, 100] of judgment j's range: t = 0 is the stated value,
     * -100 the 5% quantile, +100 the 95% quantile, linear in between.
     */
    double at(int j, int t) {
        double end = t < 0 ? low[j] : high[j];
        return stated[j] + Math.abs(t) / 100.0 * (end - stated[j]);
    }

    /** The case with a full table of likelihoods (n rows of K) in place of the stated ones. */
    Case withTable(double[] table) {
        int k = base.size();
        List<EvidenceItem> items = new ArrayList<>(base.evidence().size());
        for (int e = 0; e < base.evidence().size(); e++) {
            List<Double> l = new ArrayList<>(k);
            for (int h = 0; h < k; h++) {
                l.add(table[e * k + h]);
            }
            items.add(base.evidence().get(e).withLikelihoods(l));
        }
        return base.withEvidence(items);
    }

    /** A copy of the stated table. */
    double[] statedTable() {
        return stated.clone();
    }

    /** The judgment as reported: item id, hypothesis id, stated and changed value. */
    ChangedJudgment describe(int j, double changed) {
        int k = base.size();
        return new ChangedJudgment(base.evidence().get(j / k).id(), base.hypotheses().get(j % k).id(), stated[j], changed);
    }
}
