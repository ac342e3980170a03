package org.deciban.proof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.models.CaseModels;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.Checks;
import org.deciban.model.Icd203;

/**
 * What one {@code deciban test} run checks, and what its properties found.
 *
 * <p>jqwik instantiates property classes itself, so the case reaches them through the one active
 * session ({@link #current()}), set by {@link ProofRunner} for the length of a run; runs are
 * serialised by the runner.
 */
final class ProofSession {

    private static volatile ProofSession current;

    final Case subject;
    final Checks checks;
    final long seed;
    final CaseModel model;
    final Posterior posterior;
    final JudgmentRanges judgments;
    final Map<String, String> details = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<ChangedJudgment> counterexample = Collections.synchronizedList(new ArrayList<>());
    /** The survival counts, set by the survival check. */
    volatile Survival survival;
    /** The judgment table of the shrunk counterexample, or null when none was found. */
    volatile double[] counterexampleTable;

    ProofSession(Case subject, Checks checks, long seed) {
        this.subject = subject;
        this.checks = checks;
        this.seed = seed;
        this.model = CaseModels.compile(subject);
        this.posterior = model.posterior();
        this.judgments = new JudgmentRanges(model);
    }

    private double worstReorder;
    private int reorders;

    /** Records the posterior difference of one reordering of the items. */
    synchronized void noteReorderDifference(double difference) {
        worstReorder = Math.max(worstReorder, difference);
        reorders++;
        details.put("orderDoesNotMatter", String.format(java.util.Locale.ROOT,
                "%d orders tried; largest difference %.1e (allowed: %.0e)", reorders, worstReorder,
                CaseProperties.ORDER_TOLERANCE));
    }

    static ProofSession current() {
        ProofSession s = current;
        if (s == null) {
            throw new IllegalStateException("no deciban test session is active");
        }
        return s;
    }

    static void open(ProofSession s) {
        current = s;
    }

    static void close() {
        current = null;
    }

    /** Index of the leading hypothesis and the ICD 203 band of its posterior. */
    static int[] conclusion(Posterior p) {
        return conclusion(p.toArray());
    }

    /** Index of the leading hypothesis (first on a tie) and the ICD 203 band of its posterior. */
    static int[] conclusion(double[] p) {
        int lead = 0;
        for (int h = 1; h < p.length; h++) {
            if (p[h] > p[lead]) {
                lead = h;
            }
        }
        double pl = Math.max(0, Math.min(1, p[lead]));
        return new int[] {lead, Icd203.of(pl).ordinal()};
    }
}
