package org.deciban.proof;

import org.deciban.inference.CaseModel;
import org.deciban.inference.Judgments;

/**
 * Every likelihood judgment of a case with the range it may reasonably take: the 90% interval of
 * its Beta ({@link org.deciban.inference.JudgmentUncertainty}: a stated interval, else the item's
 * confidence, else the case's default confidence), the same range as the tornado's ends and Monte
 * Carlo's draws. A judgment of exactly 0 or 1 is fixed (range [L, L]). Judgments are the cells of
 * the model's {@link Judgments} table.
 */
final class JudgmentRanges {

    private final CaseModel model;
    private final Judgments judgments;
    private final double[] stated;
    private final double[] low;
    private final double[] high;

    JudgmentRanges(CaseModel model) {
        this.model = model;
        this.judgments = model.judgments();
        int n = judgments.cells();
        stated = judgments.statedTable();
        low = new double[n];
        high = new double[n];
        for (int j = 0; j < n; j++) {
            double[] range = judgments.range(j);
            low[j] = range[0];
            high[j] = range[1];
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

    /** A copy of the stated table. */
    double[] statedTable() {
        return stated.clone();
    }

    /** The judgment as reported: item id, state id, stated and changed value. */
    ChangedJudgment describe(int j, double changed) {
        int item = judgments.itemOf(j);
        int state = j - judgments.offset(item);
        org.deciban.model.EvidenceItem it = model.source().evidence().get(item);
        return new ChangedJudgment(it.id(), model.source().variableOf(it).states().get(state).id(), stated[j], changed);
    }
}
