package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.proof.ChangedJudgment;
import org.deciban.proof.Overturn;
import org.deciban.proof.ProofResult;
import org.deciban.proof.ProofRunner;
import org.deciban.proof.Survival;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** What {@code deciban test} reports: a verdict per property, the overturning change, and the same as JSON. */
public final class ProofTables {

    private ProofTables() {
    }

    /** One line per property, "PASS  property: detail", for a reader. */
    public static List<String> verdictLines(List<ProofResult> results) {
        List<String> out = new ArrayList<>();
        for (ProofResult r : results) {
            out.add(String.format(java.util.Locale.ROOT, "%-4s  %s: %s", r.verdict().name(), r.property(), r.detail()));
        }
        return out;
    }

    /** The heading of the overturning table: what the change overturns. */
    public static String overturnHeading(Overturn o) {
        return "Smallest change of judgments found (shrunk by jqwik) that overturns " + o.what() + ", "
                + Wording.probability(o.after()) + " (" + o.bandAfter().phrase() + "):";
    }

    /** Columns: item, hypothesis, stated_likelihood, changed_likelihood. */
    public static Table counterexample(List<ChangedJudgment> changes) {
        StringColumn item = StringColumn.create("item");
        StringColumn hypothesis = StringColumn.create("hypothesis");
        DoubleColumn stated = DoubleColumn.create("stated_likelihood");
        DoubleColumn changed = DoubleColumn.create("changed_likelihood");
        for (ChangedJudgment c : changes) {
            item.append(c.itemId());
            hypothesis.append(c.hypothesis());
            stated.append(c.stated());
            changed.append(c.changed());
        }
        return Table.create("counterexample", item, hypothesis, stated, changed);
    }

    /** The closing line: "all checks pass", or how many failed. */
    public static String summary(ProofRunner.Outcome o) {
        long failed = o.failed();
        return failed == 0 ? "all checks pass" : Numbers.count(failed, "check") + " failed";
    }

    /**
     * The run as JSON: {"case", "command": "test", "seed", "tries", "passed", "checks": [{"property",
     * "verdict", "detail"}], "survival": {...}, "overturn": {...} or null}.
     */
    public static ObjectNode json(Case c, ProofRunner.Outcome o, long seed, int tries) {
        ObjectNode root = Json.root(c, "test");
        root.put("seed", seed);
        root.put("tries", tries);
        root.put("passed", o.allPassed());
        ArrayNode checks = root.putArray("checks");
        for (ProofResult r : o.results()) {
            ObjectNode n = checks.addObject();
            n.put("property", r.property());
            n.put("verdict", r.verdict().name());
            n.put("detail", r.detail());
        }
        Survival v = o.survival();
        if (v == null) {
            root.putNull("survival");
        } else {
            ObjectNode s = root.putObject("survival");
            s.put("leader", v.leader());
            s.put("band", v.band().phrase());
            s.put("tries", v.tries());
            s.put("leader_kept", v.leaderKept());
            s.put("leader_share", v.leaderShare());
            s.put("band_kept", v.bandKept());
            s.put("band_share", v.bandShare());
            s.put("required", v.required());
            s.put("band_must_survive", v.bandMustSurvive());
            s.put("passed", v.passes());
        }
        Overturn t = o.overturn();
        if (t == null) {
            root.putNull("overturn");
        } else {
            ObjectNode n = root.putObject("overturn");
            n.put("overturns", t.overturnsLeader() ? "leader" : "band");
            n.put("leader_before", t.leaderBefore());
            n.put("band_before", t.bandBefore().phrase());
            n.put("leader_after", t.leaderAfter());
            n.put("posterior_after", t.after());
            n.put("band_after", t.bandAfter().phrase());
            ArrayNode ch = n.putArray("changes");
            for (ChangedJudgment j : t.changes()) {
                ObjectNode x = ch.addObject();
                x.put("item", j.itemId());
                x.put("hypothesis", j.hypothesis());
                x.put("stated", j.stated());
                x.put("changed", j.changed());
            }
        }
        return root;
    }
}
