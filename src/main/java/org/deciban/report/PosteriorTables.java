package org.deciban.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of {@code deciban run}: the posterior per hypothesis and per outcome, and the evidence
 * ledger with each item's effective likelihoods and weight of evidence in decibans.
 */
public final class PosteriorTables {

    /** Label of the row that holds the share of hypotheses naming no outcome. */
    public static final String NO_OUTCOME = "(no outcome)";
    /** The same row's label in history records written before version 0.2 (read as {@link #NO_OUTCOME}). */
    static final String NO_OUTCOME_BEFORE = "(no preferred outcome)";

    private PosteriorTables() {
    }

    /**
     * One row per hypothesis (kind "hypothesis"), then one per outcome (kind "outcome") and, when
     * some hypotheses name no outcome, a row for their share. Columns: kind, id, label, prior,
     * posterior, phrase; numbers at full precision. An outcome's label is that of the hypotheses that
     * favour it (design.md step 6: the share is theirs, not the outcome's own chance).
     */
    public static Table posterior(Case c, Posterior p) {
        StringColumn kind = StringColumn.create("kind");
        StringColumn id = StringColumn.create("id");
        StringColumn label = StringColumn.create("label");
        DoubleColumn prior = DoubleColumn.create("prior");
        DoubleColumn post = DoubleColumn.create("posterior");
        StringColumn phrase = StringColumn.create("phrase");
        for (int k = 0; k < c.size(); k++) {
            Hypothesis h = c.hypotheses().get(k);
            kind.append("hypothesis");
            id.append(h.id());
            label.append(h.label());
            prior.append(p.prior().get(k));
            post.append(p.probabilities().get(k));
            phrase.append(Icd203.of(clamp(p.probabilities().get(k))).phrase());
        }
        for (OutcomeShare o : p.outcomes()) {
            kind.append("outcome");
            id.append(o.outcome());
            label.append(favouring(c, o.outcome()));
            prior.append(o.prior());
            post.append(o.probability());
            phrase.append(Icd203.of(clamp(o.probability())).phrase());
        }
        if (!p.outcomes().isEmpty() && p.noOutcomePrior() > 0) {
            kind.append("outcome");
            id.append(NO_OUTCOME);
            label.append("hypotheses that name no outcome");
            prior.append(p.noOutcomePrior());
            post.append(p.noOutcomeProbability());
            phrase.append(Icd203.of(clamp(p.noOutcomeProbability())).phrase());
        }
        return Table.create("posterior", kind, id, label, prior, post, phrase);
    }

    /** The items' indices sorted by their largest absolute weight of evidence, the largest first (ties by id). */
    static List<Integer> byWeight(Case c, Posterior p) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < c.evidence().size(); e++) {
            order.add(e);
        }
        order.sort(Comparator.<Integer>comparingDouble(e -> -p.items().get(e).largestAbsoluteWeight())
                .thenComparing(e -> c.evidence().get(e).id()));
        return order;
    }

    /**
     * One row per item, sorted by the largest absolute weight of evidence (ties by id). Columns:
     * id, date, category, source, reliability (as written), r, w, then eff_&lt;h&gt; and db_&lt;h&gt;
     * for every hypothesis h.
     */
    public static Table evidence(Case c, Posterior p) {
        List<Integer> order = byWeight(c, p);
        StringColumn id = StringColumn.create("id");
        StringColumn date = StringColumn.create("date");
        StringColumn category = StringColumn.create("category");
        StringColumn source = StringColumn.create("source");
        StringColumn code = StringColumn.create("reliability");
        DoubleColumn r = DoubleColumn.create("r");
        DoubleColumn w = DoubleColumn.create("w");
        StringColumn group = StringColumn.create("group");
        int k = c.size();
        DoubleColumn[] eff = new DoubleColumn[k];
        DoubleColumn[] db = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            eff[h] = DoubleColumn.create("eff_" + c.hypotheses().get(h).id());
            db[h] = DoubleColumn.create("db_" + c.hypotheses().get(h).id());
        }
        for (int e : order) {
            EvidenceItem item = c.evidence().get(e);
            ItemWeight iw = p.items().get(e);
            id.append(item.id() + (item.observed() ? "" : " (absent)"));
            date.append(item.date() == null ? "" : item.date().toString());
            category.append(item.category());
            source.append(item.source());
            code.append(item.reliabilityCode());
            r.append(item.reliability());
            w.append(iw.weight());
            group.append(item.group() == null ? "" : item.group());
            for (int h = 0; h < k; h++) {
                eff[h].append(iw.effective().get(h));
                db[h].append(iw.decibans().get(h));
            }
        }
        Table t = Table.create("evidence", id, date, category, source, code, r, w, group);
        t.addColumns(eff);
        t.addColumns(db);
        return t;
    }

    /** The labels of the hypotheses whose outcome is {@code outcome}, joined by " or ". */
    static String favouring(Case c, String outcome) {
        List<String> labels = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            if (outcome.equals(h.outcome())) {
                labels.add(h.label());
            }
        }
        return String.join(" or ", labels);
    }

    /** A probability pushed into [0, 1] against rounding just outside it. */
    static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
