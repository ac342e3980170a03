package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.inference.sensitivity.WhatIf;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The report of {@code deciban what-if}: the posterior as it stands and with the changes, side by side. */
public final class WhatIfReport {

    private WhatIfReport() {
    }

    /** Columns: kind, id, as_it_stands, phrase_now, what_if, phrase_what_if, change. */
    public static Table table(Case c, WhatIf.Comparison w) {
        StringColumn kind = StringColumn.create("kind");
        StringColumn id = StringColumn.create("id");
        DoubleColumn now = DoubleColumn.create("as_it_stands");
        StringColumn phraseNow = StringColumn.create("phrase_now");
        DoubleColumn then = DoubleColumn.create("what_if");
        StringColumn phraseThen = StringColumn.create("phrase_what_if");
        DoubleColumn change = DoubleColumn.create("change");
        Posterior a = w.asItStands();
        Posterior b = w.whatIf();
        for (int k = 0; k < c.size(); k++) {
            Hypothesis h = c.hypotheses().get(k);
            row(kind, id, now, phraseNow, then, phraseThen, change, "hypothesis", h.id(),
                    a.probabilities().get(k), b.probabilities().get(k));
        }
        for (int o = 0; o < a.outcomes().size(); o++) {
            OutcomeShare x = a.outcomes().get(o);
            row(kind, id, now, phraseNow, then, phraseThen, change, "outcome", x.outcome(), x.probability(),
                    b.outcomes().get(o).probability());
        }
        if (!a.outcomes().isEmpty() && a.noOutcomePrior() > 0) {
            row(kind, id, now, phraseNow, then, phraseThen, change, "outcome", PosteriorTables.NO_OUTCOME,
                    a.noOutcomeProbability(), b.noOutcomeProbability());
        }
        return Table.create("what-if", kind, id, now, phraseNow, then, phraseThen, change);
    }

    private static void row(StringColumn kind, StringColumn id, DoubleColumn now, StringColumn phraseNow,
                            DoubleColumn then, StringColumn phraseThen, DoubleColumn change,
                            String k, String name, double x, double y) {
        kind.append(k);
        id.append(name);
        now.append(x);
        phraseNow.append(Json.phrase(x));
        then.append(y);
        phraseThen.append(Json.phrase(y));
        change.append(y - x);
    }

    /** What was changed and who leads, in words. */
    public static List<String> summary(Case c, WhatIf.Comparison w) {
        List<String> out = new ArrayList<>();
        out.add("Removed: " + (w.removed().isEmpty() ? "nothing" : String.join(", ", w.removed()))
                + ". Added: " + (w.added().isEmpty() ? "nothing" : String.join(", ", w.added())) + ".");
        out.add(leaderSentence(c, w));
        return out;
    }

    /**
     * The leader before and after, with its figure (two decimals, {@link Wording}) and band: "Leader unchanged:
     * 'cut' 0.48 (roughly even chance) as it stands, 0.71 (likely) what-if, a change of +0.23; its band changes."
     * or "The leader changes: ...".
     */
    static String leaderSentence(Case c, WhatIf.Comparison w) {
        int a = w.asItStands().leader();
        int b = w.whatIf().leader();
        double pa = w.asItStands().probabilities().get(a);
        double pb = w.whatIf().probabilities().get(b);
        String before = "'" + c.hypotheses().get(a).id() + "' " + Wording.probability(pa) + " (" + Json.phrase(pa) + ")";
        if (a == b) {
            boolean bandMoves = !Json.phrase(pa).equals(Json.phrase(pb));
            return "Leader unchanged: " + before + " as it stands, " + Wording.probability(pb) + " (" + Json.phrase(pb)
                    + ") what-if, a change of " + signed(pb - pa) + (bandMoves ? "; its band changes." : "; same band.");
        }
        double pbBefore = w.asItStands().probabilities().get(b);
        return "The leader changes: " + before + " as it stands; what-if '" + c.hypotheses().get(b).id() + "' leads with "
                + Wording.probability(pb) + " (" + Json.phrase(pb) + "), a change of " + signed(pb - pbBefore)
                + ", and '" + c.hypotheses().get(a).id() + "' falls to "
                + Wording.probability(w.whatIf().probabilities().get(a)) + ".";
    }

    private static String signed(double x) {
        return Wording.change(x);
    }

    /** whatif.md and whatif.csv. */
    public static Map<String, String> render(Case c, WhatIf.Comparison w, List<String> addedFrom, Provenance prov) {
        Table t = table(c, w);
        List<String> md = new ArrayList<>();
        md.add("# What-if: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        summary(c, w).forEach(s -> md.add("- " + Markdown.escape(s)));
        if (!addedFrom.isEmpty()) {
            md.add("- Added items read from: " + Markdown.escape(String.join(", ", addedFrom)));
        }
        md.add("");
        md.add("The what-if case is the case with the items removed and added, recomputed from scratch (group "
                + "weights follow the new group sizes). Nothing under evidence/ was changed.");
        md.add("");
        md.addAll(Markdown.table(Display.of(t)));
        md.add("");
        md.addAll(prov.markdown());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("whatif.md", String.join("\n", md) + "\n");
        files.put("whatif.csv", Csv.of(t));
        return files;
    }

    /** The figures as JSON. */
    public static ObjectNode json(Case c, WhatIf.Comparison w, Provenance prov) {
        ObjectNode root = Json.root(c, "what-if");
        ArrayNode removed = root.putArray("removed");
        w.removed().forEach(removed::add);
        ArrayNode added = root.putArray("added");
        w.added().forEach(added::add);
        Json.perHypothesis(root, "as_it_stands", c, w.asItStands().probabilities());
        Json.perHypothesis(root, "what_if", c, w.whatIf().probabilities());
        root.put("leader_as_it_stands", c.hypotheses().get(w.asItStands().leader()).id());
        root.put("leader_what_if", c.hypotheses().get(w.whatIf().leader()).id());
        ObjectNode outcomes = root.putObject("outcomes");
        for (int o = 0; o < w.asItStands().outcomes().size(); o++) {
            ObjectNode n = outcomes.putObject(w.asItStands().outcomes().get(o).outcome());
            n.put("as_it_stands", w.asItStands().outcomes().get(o).probability());
            n.put("what_if", w.whatIf().outcomes().get(o).probability());
        }
        Json.provenance(root, prov);
        return root;
    }
}
