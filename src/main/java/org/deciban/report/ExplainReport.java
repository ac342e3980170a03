package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.inference.sensitivity.Explain.LedgerEntry;
import org.deciban.inference.sensitivity.Explain.Removal;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of {@code deciban explain}: the ledger in date order with the running posterior
 * (explain.md, explain.csv) and the sentences saying which items carry the leading hypothesis.
 */
public final class ExplainReport {

    private ExplainReport() {
    }

    /**
     * The ledger. Columns: step, id, date, category, w, eff_&lt;h&gt;, db_&lt;h&gt;, diagnosticity,
     * post_&lt;h&gt; (the running posterior after the item).
     */
    public static Table ledger(Case c, Explain.Explanation x) {
        IntColumn step = IntColumn.create("step");
        StringColumn id = StringColumn.create("id");
        StringColumn date = StringColumn.create("date");
        StringColumn category = StringColumn.create("category");
        DoubleColumn w = DoubleColumn.create("w");
        int k = c.size();
        DoubleColumn[] eff = new DoubleColumn[k];
        DoubleColumn[] db = new DoubleColumn[k];
        DoubleColumn[] post = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            String hid = c.hypotheses().get(h).id();
            eff[h] = DoubleColumn.create("eff_" + hid);
            db[h] = DoubleColumn.create("db_" + hid);
            post[h] = DoubleColumn.create("post_" + hid);
        }
        DoubleColumn diag = DoubleColumn.create("diagnosticity");
        StringColumn on = StringColumn.create("on");
        StringColumn effective = StringColumn.create("effective");
        int i = 0;
        for (LedgerEntry e : x.ledger()) {
            EvidenceItem item = c.evidence().get(e.caseIndex());
            step.append(++i);
            id.append(item.id() + (item.observed() ? "" : " (absent)"));
            date.append(item.date() == null ? "" : item.date().toString());
            category.append(item.category());
            w.append(e.weight());
            on.append(c.variableOf(item).id());
            effective.append(Json.perStateText(c.variableOf(item).stateIds(), e.effective()));
            for (int h = 0; h < k; h++) {
                if (!c.structured()) {
                    eff[h].append(e.effective().get(h));
                }
                db[h].append(e.decibans().get(h));
                post[h].append(e.runningPosterior().get(h));
            }
            diag.append(e.diagnosticity());
        }
        Table t = Table.create("ledger", step, id, date, category, w);
        if (c.structured()) {
            // items are on different variables: their effective likelihoods are over their own variable's states
            t.addColumns(on, effective);
        } else {
            t.addColumns(eff);
        }
        t.addColumns(db);
        t.addColumns(diag);
        t.addColumns(post);
        return t;
    }

    /** The carrier removals as a table: removed, group, items, leader_before, leader_after, leader_now, leader_now_p. */
    public static Table carriers(Case c, Explain.Explanation x) {
        StringColumn removed = StringColumn.create("removed");
        StringColumn group = StringColumn.create("group");
        IntColumn n = IntColumn.create("items");
        DoubleColumn before = DoubleColumn.create("leader_before");
        DoubleColumn after = DoubleColumn.create("leader_after");
        StringColumn now = StringColumn.create("leader_now");
        DoubleColumn nowP = DoubleColumn.create("leader_now_p");
        List<Removal> all = new ArrayList<>(x.carriers());
        all.addAll(x.groups());
        for (Removal r : all) {
            removed.append(String.join(" ", r.removed()));
            group.append(r.group() == null ? "" : r.group());
            n.append(r.removed().size());
            before.append(r.leaderBefore());
            after.append(r.leaderAfterRemoval());
            now.append(c.hypotheses().get(r.leaderAfter()).id());
            nowP.append(r.posteriorAfter().get(r.leaderAfter()));
        }
        return Table.create("carriers", removed, group, n, before, after, now, nowP);
    }

    /**
     * One pasteable sentence per removal, e.g. "Without 'a' and 'b', 'cut' falls from 0.47 to 0.41
     * and still leads."
     */
    public static List<String> sentences(Case c, Explain.Explanation x) {
        List<String> out = new ArrayList<>();
        List<Removal> all = new ArrayList<>(x.carriers());
        all.addAll(x.groups());
        for (Removal r : all) {
            String what = r.group() == null ? "Without " + quoteList(r.removed())
                    : "Without the " + (r.removed().size() == 1 ? "only item" : Numbers.count(r.removed().size(), "item"))
                    + " of group '" + r.group() + "' ("
                    + quoteList(r.removed()) + ")";
            out.add(what + ", " + sentenceTail(c, r));
        }
        return out;
    }

    static String sentenceTail(Case c, Removal r) {
        String lead = "'" + c.hypotheses().get(r.leader()).id() + "'";
        double a = r.leaderBefore();
        double b = r.leaderAfterRemoval();
        int dec = Numbers.fixed(a, 2).equals(Numbers.fixed(b, 2)) ? 4 : 2;
        String verb = b < a ? "falls" : b > a ? "rises" : "stays";
        String s = lead + " " + verb + " from " + Numbers.fixed(a, dec) + " to " + Numbers.fixed(b, dec);
        if (r.leaderChanged()) {
            return s + " and '" + c.hypotheses().get(r.leaderAfter()).id() + "' leads instead with "
                    + Numbers.fixed(r.posteriorAfter().get(r.leaderAfter()), dec) + ".";
        }
        return s + " and still leads.";
    }

    static String quoteList(List<String> ids) {
        List<String> q = ids.stream().map(s -> "'" + s + "'").toList();
        if (q.size() == 1) {
            return q.get(0);
        }
        return String.join(", ", q.subList(0, q.size() - 1)) + " and " + q.get(q.size() - 1);
    }

    /** A summary of the carriers for the terminal and the Markdown. */
    public static List<String> summary(Case c, Explain.Explanation x) {
        Posterior p = x.posterior();
        int lead = p.leader();
        Hypothesis h = c.hypotheses().get(lead);
        List<String> out = new ArrayList<>();
        out.add(Wording.leading(c, lead, p.probabilities().get(lead)));
        if (x.carriers().isEmpty()) {
            out.add("Removing no single item lowers '" + h.id() + "': its lead comes from the prior.");
            return out;
        }
        Removal last = x.carriers().get(x.carriers().size() - 1);
        int n = last.removed().size();
        String items = n == 1 ? "the single item that weighs" : "the " + n + " items that weigh";
        out.add(last.leaderChanged()
                ? "Removing " + items + " most for '" + h.id() + "' changes the leader:"
                : "Even without " + items + " most for '" + h.id() + "', it still leads:");
        sentences(c, x).forEach(s -> out.add("- " + s));
        return out;
    }

    /** File name to content: explain.md and explain.csv. */
    public static Map<String, String> render(Case c, Explain.Explanation x, Provenance prov) {
        Table ledger = ledger(c, x);
        Map<String, String> files = new LinkedHashMap<>();
        List<String> md = new ArrayList<>();
        md.add("# Explain: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        md.add("## What carries the judgment");
        md.add("");
        summary(c, x).forEach(s -> md.add(s.startsWith("- ") ? "- " + Markdown.escape(s.substring(2)) : Markdown.escape(s)));
        md.add("");
        md.add("Items are removed in order of how much removing each alone lowers the leader (its leave-one-out "
                + "shift, as in sensitivity.md), one more at a time, up to " + Explain.MAX_REMOVED + " or until the "
                + "leader changes; the group whose removal lowers the leader most is also removed as a whole. Each "
                + "removal is the case without those items (the remaining items of a group get the larger weight w "
                + "of the smaller group), from the same model as `deciban run`.");
        md.add("");
        md.addAll(Markdown.table(Display.of(carriers(c, x))));
        md.add("");
        md.add("## Ledger in date order");
        md.add("");
        md.add("Undated items come last. `w` is the dependence weight, `eff_h` the effective likelihood "
                + "L'(h) = r L(h) + (1 - r) mean L (1 - L' for an absent item), `db_h` the weight of evidence for h "
                + "in decibans (w * 10 log10(L'(h) / M(h)), M(h) the prior-weighted likelihood under the others), "
                + "`diagnosticity` the largest ratio of effective likelihoods max L' / min L' (1 = the item cannot "
                + "tell the hypotheses apart), and `post_h` the running posterior after the item and all before it, "
                + "each item counted with its w in the whole case, as of the evaluation date and from the same model "
                + "as `deciban run`"
                + (c.settings().drift() == 0 ? ", so the last row is its posterior."
                : " (the drift filter, settings.drift = " + Numbers.fixed(c.settings().drift(), 3)
                + " per year, which discounts older items), so the last row is its posterior; timeline.md shows the "
                + "forecast as it stood after each date."));
        md.add("");
        md.addAll(Markdown.table(Display.of(ledger)));
        md.add("");
        md.addAll(prov.markdown());
        files.put("explain.md", String.join("\n", md) + "\n");
        files.put("explain.csv", Csv.of(ledger));
        return files;
    }

    /** The figures as JSON. */
    public static ObjectNode json(Case c, Explain.Explanation x, Provenance prov) {
        ObjectNode root = Json.root(c, "explain");
        int lead = x.posterior().leader();
        root.put("leader", c.hypotheses().get(lead).id());
        Json.perHypothesis(root, "posterior", c, x.posterior().probabilities());
        ArrayNode ledger = root.putArray("ledger");
        for (LedgerEntry e : x.ledger()) {
            ObjectNode n = ledger.addObject();
            EvidenceItem item = c.evidence().get(e.caseIndex());
            n.put("id", e.itemId());
            n.put("date", item.date() == null ? null : item.date().toString());
            n.put("weight", e.weight());
            if (c.structured()) {
                n.put("on", c.variableOf(item).id());
            }
            Json.perState(n, "effective", c.variableOf(item).stateIds(), e.effective());
            Json.perHypothesis(n, "weight_db", c, e.decibans());
            Json.put(n, "diagnosticity", e.diagnosticity());
            Json.perHypothesis(n, "running_posterior", c, e.runningPosterior());
        }
        ArrayNode carriers = root.putArray("carriers");
        List<Removal> all = new ArrayList<>(x.carriers());
        all.addAll(x.groups());
        List<String> sentences = sentences(c, x);
        for (int i = 0; i < all.size(); i++) {
            Removal r = all.get(i);
            ObjectNode n = carriers.addObject();
            ArrayNode ids = n.putArray("removed");
            r.removed().forEach(ids::add);
            n.put("group", r.group());
            n.put("leader_before", r.leaderBefore());
            n.put("leader_after", r.leaderAfterRemoval());
            n.put("leader_now", c.hypotheses().get(r.leaderAfter()).id());
            Json.perHypothesis(n, "posterior_after", c, r.posteriorAfter());
            n.put("sentence", sentences.get(i));
        }
        Json.provenance(root, prov);
        return root;
    }
}
