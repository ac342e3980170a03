package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.inference.sensitivity.Sensitivity.LeaveOneOut;
import org.deciban.inference.sensitivity.Sensitivity.PriorSweep;
import org.deciban.inference.sensitivity.Sensitivity.Tornado;
import org.deciban.inference.sensitivity.Sensitivity.WhatItTakes;
import org.deciban.model.Case;
import org.deciban.model.Icd203;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of {@code deciban sensitivity}: sensitivity.md with four tables, and
 * sensitivity-loo.csv, sensitivity-tornado.csv, sensitivity-prior.csv (the whole grid) and
 * sensitivity-threshold.csv.
 */
public final class SensitivityReport {

        private SensitivityReport() {
    }

    /** Leave-one-out sorted by the leader's shift (largest fall first). */
    public static Table looTable(Case c, Sensitivity.Figures f) {
        StringColumn id = StringColumn.create("left_out");
        DoubleColumn shift = DoubleColumn.create("leader_shift");
        StringColumn leader = StringColumn.create("leader_without");
        StringColumn changed = StringColumn.create("leader_changes");
        int k = c.size();
        DoubleColumn[] post = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            post[h] = DoubleColumn.create("post_" + c.hypotheses().get(h).id());
        }
        List<LeaveOneOut> rows = new ArrayList<>(f.loo());
        rows.sort(java.util.Comparator.comparingDouble(LeaveOneOut::leaderShift).thenComparing(LeaveOneOut::itemId));
        for (LeaveOneOut r : rows) {
            id.append(r.itemId());
            shift.append(r.leaderShift());
            leader.append(c.hypotheses().get(r.leader()).id());
            changed.append(r.leaderChanged() ? "yes" : "no");
            for (int h = 0; h < k; h++) {
                post[h].append(r.posterior().get(h));
            }
        }
        Table t = Table.create("leave-one-out", id);
        t.addColumns(post);
        t.addColumns(leader, changed, shift);
        return t;
    }

    /** The tornado: item, confidence, leader_low, leader_high, swing, and the two settings' likelihoods. */
    public static Table tornadoTable(Case c, Sensitivity.Figures f) {
        StringColumn id = StringColumn.create("item");
        StringColumn on = StringColumn.create("on");
        DoubleColumn conf = DoubleColumn.create("confidence");
        StringColumn stated = StringColumn.create("confidence_from");
        DoubleColumn low = DoubleColumn.create("leader_low");
        DoubleColumn high = DoubleColumn.create("leader_high");
        DoubleColumn swing = DoubleColumn.create("swing");
        StringColumn against = StringColumn.create("against_leader_L");
        StringColumn favour = StringColumn.create("for_leader_L");
        for (Tornado t : f.tornado()) {
            id.append(t.itemId());
            on.append(t.variable());
            conf.append(t.confidence());
            stated.append(t.statedConfidence() ? "item" : "default");
            low.append(t.low());
            high.append(t.high());
            swing.append(t.swing());
            against.append(likelihoods(t.states(), t.againstLeader()));
            favour.append(likelihoods(t.states(), t.forLeader()));
        }
        Table t = Table.create("tornado", id, conf, stated, low, high, swing, against, favour);
        if (c.structured()) {
            t.insertColumn(1, on);
        }
        return t;
    }

    private static String likelihoods(List<String> states, List<Double> l) {
        List<String> parts = new ArrayList<>();
        for (int h = 0; h < states.size(); h++) {
            parts.add(states.get(h) + " " + Numbers.fixed(l.get(h), 3));
        }
        return String.join(", ", parts);
    }

    /** Summary of each sweep: moved hypothesis, min_/max_ of every posterior, leaders over the grid. */
    public static Table priorSummary(Case c, Sensitivity.Figures f) {
        StringColumn moved = StringColumn.create("prior_moved");
        int k = c.size();
        DoubleColumn[] min = new DoubleColumn[k];
        DoubleColumn[] max = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            min[h] = DoubleColumn.create("min_" + c.hypotheses().get(h).id());
            max[h] = DoubleColumn.create("max_" + c.hypotheses().get(h).id());
        }
        StringColumn leaders = StringColumn.create("leader_by_prior");
        for (PriorSweep s : f.priors()) {
            moved.append(c.hypotheses().get(s.moved()).id());
            for (int h = 0; h < k; h++) {
                min[h].append(s.min(h));
                max[h].append(s.max(h));
            }
            leaders.append(leaderRanges(c, s));
        }
        Table t = Table.create("prior", moved);
        for (int h = 0; h < k; h++) {
            t.addColumns(min[h], max[h]);
        }
        t.addColumns(leaders);
        return t;
    }

    /** "hold for 0.05-0.27; cut for 0.28-0.90". */
    static String leaderRanges(Case c, PriorSweep s) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.leaders().size(); i++) {
            if (i == s.leaders().size() || !s.leaders().get(i).equals(s.leaders().get(start))) {
                parts.add(c.hypotheses().get(s.leaders().get(start)).id() + " for " + Numbers.fixed(s.priorValues().get(start), 2)
                        + "-" + Numbers.fixed(s.priorValues().get(i - 1), 2));
                start = i;
            }
        }
        return String.join("; ", parts);
    }

    /** The full prior grid: prior_moved, prior_value, post_&lt;h&gt;, leader. */
    public static Table priorGrid(Case c, Sensitivity.Figures f) {
        StringColumn moved = StringColumn.create("prior_moved");
        DoubleColumn value = DoubleColumn.create("prior_value");
        int k = c.size();
        DoubleColumn[] post = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            post[h] = DoubleColumn.create("post_" + c.hypotheses().get(h).id());
        }
        StringColumn leader = StringColumn.create("leader");
        for (PriorSweep s : f.priors()) {
            for (int i = 0; i < s.priorValues().size(); i++) {
                moved.append(c.hypotheses().get(s.moved()).id());
                value.append(s.priorValues().get(i));
                for (int h = 0; h < k; h++) {
                    post[h].append(s.posteriors().get(i).get(h));
                }
                leader.append(c.hypotheses().get(s.leaders().get(i)).id());
            }
        }
        Table t = Table.create("prior-grid", moved, value);
        t.addColumns(post);
        t.addColumns(leader);
        return t;
    }

    /** What it takes: question, hypothesis, target, db_needed, likelihood ratio. */
    public static Table thresholdTable(Case c, Sensitivity.Figures f) {
        WhatItTakes w = f.whatItTakes();
        StringColumn change = StringColumn.create("change");
        StringColumn item = StringColumn.create("new_item");
        DoubleColumn db = DoubleColumn.create("db_needed");
        DoubleColumn ratio = DoubleColumn.create("likelihood_ratio");
        String lead = c.hypotheses().get(w.leader()).id();
        double pl = f.posterior().probabilities().get(w.leader());
        if (w.runnerUp() >= 0) {
            String ru = c.hypotheses().get(w.runnerUp()).id();
            change.append("'" + ru + "' ties '" + lead + "' (leads above)");
            item.append("favours '" + ru + "' over every other hypothesis");
            db.append(w.toTieDb());
            ratio.append(Math.pow(10, w.toTieDb() / 10));
        }
        Icd203 band = w.band();
        if (!Double.isNaN(w.bandUpDb())) {
            change.append("'" + lead + "' " + Numbers.fixed(pl, 4) + " reaches " + Numbers.fixed(band.upper(), 2) + " ("
                    + Icd203.values()[band.ordinal() + 1].phrase() + ")");
            item.append("favours '" + lead + "' over every other hypothesis");
            db.append(w.bandUpDb());
            ratio.append(Math.pow(10, w.bandUpDb() / 10));
        }
        if (!Double.isNaN(w.bandDownDb())) {
            change.append("'" + lead + "' " + Numbers.fixed(pl, 4) + " falls below " + Numbers.fixed(band.lower(), 2) + " ("
                    + Icd203.values()[band.ordinal() - 1].phrase() + ")");
            item.append("counts against '" + lead + "' only");
            db.append(w.bandDownDb());
            ratio.append(Math.pow(10, w.bandDownDb() / 10));
        }
        return Table.create("what-it-takes", change, item, db, ratio);
    }

    /** Plain-language summary lines. */
    public static List<String> summary(Case c, Sensitivity.Figures f) {
        List<String> out = new ArrayList<>();
        int lead = f.posterior().leader();
        String id = c.hypotheses().get(lead).id();
        double pl = f.posterior().probabilities().get(lead);
        out.add(Wording.leading(c, lead, pl));
        List<String> flips = f.loo().stream().filter(LeaveOneOut::leaderChanged).map(LeaveOneOut::itemId).toList();
        out.add(flips.isEmpty() ? "Leave-one-out: no single item changes the leader when left out."
                : "Leave-one-out: leaving out " + ExplainReport.quoteList(flips) + " changes the leader.");
        if (!f.tornado().isEmpty()) {
            List<String> top = new ArrayList<>();
            for (Tornado t : f.tornado().subList(0, Math.min(3, f.tornado().size()))) {
                top.add("'" + t.itemId() + "' (" + Wording.probability(t.low()) + " to " + Wording.probability(t.high()) + ")");
            }
            out.add("Tornado: the largest swings of '" + id + "' as one item's likelihoods move to the ends of their "
                    + "uncertainty: " + String.join(", ", top) + ".");
        }
        for (PriorSweep s : f.priors()) {
            if (s.leaders().stream().anyMatch(l -> l != lead)) {
                out.add("Prior: with the prior of '" + c.hypotheses().get(s.moved()).id() + "' moved over "
                        + Numbers.fixed(Sensitivity.PRIOR_LOW, 2) + "-" + Numbers.fixed(Sensitivity.PRIOR_HIGH, 2)
                        + " the leader is " + leaderRanges(c, s) + ".");
            } else {
                out.add("Prior: with the prior of '" + c.hypotheses().get(s.moved()).id() + "' moved over "
                        + Numbers.fixed(Sensitivity.PRIOR_LOW, 2) + "-" + Numbers.fixed(Sensitivity.PRIOR_HIGH, 2)
                        + ", '" + id + "' leads throughout.");
            }
        }
        List<String> takes = whatItTakesSentences(c, f);
        if (f.whatItTakes().runnerUp() >= 0) {
            out.add(takes.get(0));
        }
        return out;
    }

    /**
     * The "what would it take" figures in words, one sentence per row of {@link #thresholdTable}: tying
     * the leader (when there is a runner-up), then reaching the band above and falling below the
     * current band (where those bands exist).
     */
    public static List<String> whatItTakesSentences(Case c, Sensitivity.Figures f) {
        List<String> out = new ArrayList<>();
        WhatItTakes w = f.whatItTakes();
        String id = c.hypotheses().get(w.leader()).id();
        double pl = f.posterior().probabilities().get(w.leader());
        if (w.runnerUp() >= 0) {
            out.add("What it takes: one new item of " + Numbers.decibans(w.toTieDb()) + " dB for '"
                    + c.hypotheses().get(w.runnerUp()).id() + "' (a likelihood ratio of "
                    + Numbers.fixed(Math.pow(10, w.toTieDb() / 10), 2) + ") would tie it with '" + id + "'.");
        }
        Icd203 band = w.band();
        if (!Double.isNaN(w.bandUpDb())) {
            out.add("One new item of " + Numbers.fixed(w.bandUpDb(), 2) + " dB for '" + id + "' alone (a likelihood ratio of "
                    + Numbers.fixed(Math.pow(10, w.bandUpDb() / 10), 2) + ") would lift it from " + Wording.probability(pl)
                    + " to " + Numbers.fixed(band.upper(), 2) + " (" + Icd203.values()[band.ordinal() + 1].phrase() + ").");
        }
        if (!Double.isNaN(w.bandDownDb())) {
            out.add("One new item of " + Numbers.fixed(w.bandDownDb(), 2) + " dB against '" + id
                    + "' alone (a likelihood ratio of " + Numbers.fixed(Math.pow(10, w.bandDownDb() / 10), 2)
                    + ") would bring it down from " + Wording.probability(pl) + " to " + Numbers.fixed(band.lower(), 2)
                    + ", the lower edge of " + band.phrase() + "; any more and it is "
                    + Icd203.values()[band.ordinal() - 1].phrase() + ".");
        }
        return out;
    }

    /** File name to content. */
    public static Map<String, String> render(Case c, Sensitivity.Figures f, Provenance prov) {
        Table loo = looTable(c, f);
        Table tornado = tornadoTable(c, f);
        Table prior = priorSummary(c, f);
        Table grid = priorGrid(c, f);
        Table threshold = thresholdTable(c, f);
        List<String> md = new ArrayList<>();
        md.add("# Sensitivity: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        summary(c, f).forEach(s -> md.add("- " + Markdown.escape(s)));
        md.add("");
        md.add("## Leave-one-out");
        md.add("");
        md.add("The posterior without each item, recomputed from scratch (the other items of its group get the "
                + "weight of a group one smaller). `leader_shift` is the change of the current leader's posterior; "
                + "rows sorted by it, the items the leader leans on most first.");
        md.add("");
        md.addAll(Markdown.table(Display.of(loo)));
        md.add("");
        md.add("## Tornado");
        md.add("");
        md.add("Each stated likelihood L is uncertain as Beta(c L, c (1 - L)), c the item's confidence or "
                + Numbers.fixed(c.settings().defaultConfidence(), 0) + " (the case's default) where it states none "
                + "(`confidence_from`), or as the Beta matching its stated 90% interval; 0 and 1 stay fixed (the same "
                + "uncertainty as the Monte Carlo draws). The item is set with the leader's L at its 5% quantile and "
                + "every other L at its 95%, and the reverse; `against_leader_L` is the setting that gives the leader "
                + "the lower posterior (for an item recorded as absent it can be the second). `leader_low`/"
                + "`leader_high` are the leader's posterior at the two, `swing` their difference. Sorted by swing.");
        md.add("");
        md.addAll(Markdown.table(Display.of(tornado)));
        md.add("");
        md.add("## Prior sensitivity");
        md.add("");
        md.add("Each hypothesis' prior probability is moved over " + Numbers.fixed(Sensitivity.PRIOR_LOW, 2) + " to "
                + Numbers.fixed(Sensitivity.PRIOR_HIGH, 2) + " in steps of " + Numbers.fixed(Sensitivity.PRIOR_STEP, 2)
                + ", the others rescaled in proportion; the table gives the range of every posterior and the leader "
                + "over the range. The whole grid is in sensitivity-prior.csv.");
        md.add("");
        md.addAll(Markdown.table(Display.of(prior)));
        md.add("");
        md.add("## What would it take");
        md.add("");
        md.add("The weight of evidence of one new independent item (reliability 1, w = 1), in decibans, that would "
                + "make the change. Tying the leader: the log-odds gap 10 log10(p(leader) / p(runner-up)) for an "
                + "item that favours the runner-up equally over every other hypothesis; any more and the runner-up "
                + "leads. Band changes: the log-odds gap 10 log10(odds(bound) / odds(p)) to the band's boundary, for "
                + "an item that favours (or counts against) the leader alone. +10 dB is a likelihood ratio of 10.");
        md.add("");
        md.addAll(Markdown.table(Display.of(threshold)));
        md.add("");
        md.addAll(prov.markdown());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("sensitivity.md", String.join("\n", md) + "\n");
        files.put("sensitivity-loo.csv", Csv.of(loo));
        files.put("sensitivity-tornado.csv", Csv.of(tornado));
        files.put("sensitivity-prior.csv", Csv.of(grid));
        files.put("sensitivity-threshold.csv", Csv.of(threshold));
        return files;
    }

    /** Terminal text: summary and the four tables, laid out for a terminal. */
    public static String text(Case c, Sensitivity.Figures f, TextLayout layout) {
        StringBuilder sb = new StringBuilder();
        summary(c, f).forEach(s -> sb.append(layout.prose(s)));
        sb.append("\nLeave-one-out\n").append(layout.table(looTable(c, f)));
        sb.append("\nTornado\n").append(layout.table(tornadoTable(c, f).removeColumns("against_leader_L", "for_leader_L")));
        sb.append("\nPrior sensitivity\n").append(layout.table(priorSummary(c, f)));
        sb.append("\nWhat would it take\n").append(layout.prose(String.join("\n", whatItTakesSentences(c, f))));
        return sb.toString();
    }

    /** The figures as JSON. */
    public static ObjectNode json(Case c, Sensitivity.Figures f, Provenance prov) {
        ObjectNode root = Json.root(c, "sensitivity");
        root.put("leader", c.hypotheses().get(f.posterior().leader()).id());
        Json.perHypothesis(root, "posterior", c, f.posterior().probabilities());
        ArrayNode loo = root.putArray("leave_one_out");
        for (LeaveOneOut r : f.loo()) {
            ObjectNode n = loo.addObject();
            n.put("left_out", r.itemId());
            Json.perHypothesis(n, "posterior", c, r.posterior());
            n.put("leader", c.hypotheses().get(r.leader()).id());
            n.put("leader_changes", r.leaderChanged());
            n.put("leader_shift", r.leaderShift());
        }
        ArrayNode tor = root.putArray("tornado");
        for (Tornado t : f.tornado()) {
            ObjectNode n = tor.addObject();
            n.put("item", t.itemId());
            n.put("confidence", t.confidence());
            n.put("confidence_stated", t.statedConfidence());
            Json.perHypothesis(n, "against_leader", c, t.againstLeader());
            Json.perHypothesis(n, "for_leader", c, t.forLeader());
            n.put("leader_low", t.low());
            n.put("leader_high", t.high());
            n.put("swing", t.swing());
        }
        ArrayNode pri = root.putArray("prior");
        for (PriorSweep s : f.priors()) {
            ObjectNode n = pri.addObject();
            n.put("moved", c.hypotheses().get(s.moved()).id());
            ObjectNode min = n.putObject("min");
            ObjectNode max = n.putObject("max");
            for (int h = 0; h < c.size(); h++) {
                Json.put(min, c.hypotheses().get(h).id(), s.min(h));
                Json.put(max, c.hypotheses().get(h).id(), s.max(h));
            }
            n.put("leaders", leaderRanges(c, s));
        }
        WhatItTakes w = f.whatItTakes();
        ObjectNode wt = root.putObject("what_it_takes");
        wt.put("leader", c.hypotheses().get(w.leader()).id());
        wt.put("runner_up", w.runnerUp() < 0 ? null : c.hypotheses().get(w.runnerUp()).id());
        Json.put(wt, "to_tie_db", w.toTieDb());
        wt.put("band", w.band().phrase());
        Json.put(wt, "band_up_db", w.bandUpDb());
        Json.put(wt, "band_down_db", w.bandDownDb());
        Json.provenance(root, prov);
        return root;
    }
}
