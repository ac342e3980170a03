package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.inference.sensitivity.InformationGain;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The report of {@code deciban indicators}: candidate indicators ranked by expected information gain. */
public final class IndicatorReport {

    private IndicatorReport() {
    }

    /**
     * Columns: rank, indicator, gain_bits, p_observed, eff_&lt;h&gt;, if_seen_&lt;h&gt;, leader_if_seen,
     * if_not_&lt;h&gt;, leader_if_not.
     */
    public static Table table(Case c, List<InformationGain.Value> ranked) {
        IntColumn rank = IntColumn.create("rank");
        StringColumn id = StringColumn.create("indicator");
        DoubleColumn gain = DoubleColumn.create("gain_bits");
        DoubleColumn pObs = DoubleColumn.create("p_observed");
        int k = c.size();
        DoubleColumn[] eff = new DoubleColumn[k];
        DoubleColumn[] yes = new DoubleColumn[k];
        DoubleColumn[] no = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            String hid = c.hypotheses().get(h).id();
            eff[h] = DoubleColumn.create("eff_" + hid);
            yes[h] = DoubleColumn.create("if_seen_" + hid);
            no[h] = DoubleColumn.create("if_not_" + hid);
        }
        StringColumn on = StringColumn.create("on");
        StringColumn effective = StringColumn.create("effective");
        StringColumn leadYes = StringColumn.create("leader_if_seen");
        StringColumn leadNo = StringColumn.create("leader_if_not");
        int i = 0;
        for (InformationGain.Value v : ranked) {
            rank.append(++i);
            id.append(v.itemId());
            gain.append(v.gainBits());
            pObs.append(v.pObserved());
            on.append(v.variable());
            effective.append(Json.perStateText(v.states(), v.effective()));
            for (int h = 0; h < k; h++) {
                if (!c.structured()) {
                    eff[h].append(v.effective().get(h));
                }
                yes[h].append(v.ifObserved().get(h));
                no[h].append(v.ifNotObserved().get(h));
            }
            leadYes.append(leader(c, v.ifObserved()));
            leadNo.append(leader(c, v.ifNotObserved()));
        }
        Table t = Table.create("indicators", rank, id, gain, pObs);
        if (c.structured()) {
            t.addColumns(on, effective);
        } else {
            t.addColumns(eff);
        }
        t.addColumns(yes);
        t.addColumns(leadYes);
        t.addColumns(no);
        t.addColumns(leadNo);
        return t;
    }

    /**
     * The indicators whose variable has parents other than the question variable (a condition such as who wins
     * an election), one row per indicator and state of such a parent: indicator, given ("variable=state"),
     * p_given (the forecast's probability of that state), p_observed (P(observed | given)), p_seen_&lt;h&gt;
     * (P(observed | h, given)), if_seen_&lt;h&gt; and leader_if_seen. Empty when there are none.
     */
    public static Table givenTable(Case c, List<InformationGain.Value> ranked) {
        StringColumn id = StringColumn.create("indicator");
        StringColumn given = StringColumn.create("given");
        DoubleColumn pGiven = DoubleColumn.create("p_given");
        DoubleColumn pObs = DoubleColumn.create("p_observed");
        int k = c.size();
        DoubleColumn[] by = new DoubleColumn[k];
        DoubleColumn[] yes = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            by[h] = DoubleColumn.create("p_seen_" + c.hypotheses().get(h).id());
            yes[h] = DoubleColumn.create("if_seen_" + c.hypotheses().get(h).id());
        }
        StringColumn leadYes = StringColumn.create("leader_if_seen");
        for (InformationGain.Value v : ranked) {
            for (InformationGain.Given g : v.given()) {
                id.append(v.itemId());
                given.append(g.variable() + "=" + g.state());
                pGiven.append(g.pState());
                pObs.append(g.pObserved());
                for (int h = 0; h < k; h++) {
                    by[h].append(g.byState().get(h));
                    yes[h].append(g.ifObserved().get(h));
                }
                leadYes.append(leader(c, g.ifObserved()));
            }
        }
        Table t = Table.create("indicators-given", id, given, pGiven, pObs);
        t.addColumns(by);
        t.addColumns(yes);
        t.addColumns(leadYes);
        return t;
    }

    /** The leader of a posterior stated by its label, or "undefined" for a branch of probability 0. */
    private static String leading(Case c, List<Double> p) {
        int best = leaderIndex(p);
        return best < 0 ? "undefined" : "'" + c.hypotheses().get(best).label() + "', " + Wording.phraseAndNumber(p.get(best));
    }

    private static String leader(Case c, List<Double> p) {
        int best = leaderIndex(p);
        return best < 0 ? "n/a" : c.hypotheses().get(best).id();
    }

    /** The index of the largest entry that is not NaN, or -1. */
    private static int leaderIndex(List<Double> p) {
        int best = -1;
        for (int h = 0; h < p.size(); h++) {
            if (!Double.isNaN(p.get(h)) && (best < 0 || p.get(h) > p.get(best))) {
                best = h;
            }
        }
        return best;
    }

    /** Summary lines. */
    public static List<String> summary(Case c, Posterior p, List<InformationGain.Value> ranked) {
        List<String> out = new ArrayList<>();
        int lead = p.leader();
        out.add("Current leader: " + c.hypotheses().get(lead).label() + " ('" + c.hypotheses().get(lead).id() + "'), "
                + Wording.phraseAndNumber(p.probabilities().get(lead)) + "; " + Numbers.count(ranked.size(), "candidate indicator") + ", ranked by expected information gain (bits; 1 bit "
                + "is the most a yes/no observation can give).");
        if (!ranked.isEmpty()) {
            InformationGain.Value v = ranked.get(0);
            out.add("Most informative: '" + v.itemId() + "', " + Numbers.fixed(v.gainBits(), 4) + " bits; seen with probability "
                    + Wording.probability(v.pObserved()) + "; if seen, the leader is " + leading(c, v.ifObserved())
                    + "; if not seen, " + leading(c, v.ifNotObserved()) + ".");
        }
        return out;
    }

    /** indicators.md and indicators.csv. */
    public static Map<String, String> render(Case c, Posterior p, List<InformationGain.Value> ranked,
                                             List<EvidenceItem> indicators, Provenance prov) {
        Table t = table(c, ranked);
        List<String> md = new ArrayList<>();
        md.add("# Indicators: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        summary(c, p, ranked).forEach(s -> md.add("- " + Markdown.escape(s)));
        md.add("");
        md.add(c.structured()
                ? "Each indicator's likelihoods are P(indicator observed | state) over the states of the variable it is "
                + "`on`, mixed by its reliability into `effective`; they are not evidence and do not enter the posterior. "
                + "`p_observed` is the forecast's probability of observing it (the network given every item); "
                + "`if_seen_h` and `if_not_h` are the posterior of the question after seeing it or after looking and not "
                + "seeing it; `gain_bits` is the expected reduction of that posterior's entropy, "
                + "H(p) - P(seen) H(p | seen) - P(not) H(p | not), in bits (base-2 logarithms)."
                : "Each indicator's likelihoods are P(indicator observed | hypothesis), mixed by its reliability into "
                + "`eff_h`; they are not evidence and do not enter the posterior. `p_observed` = sum_h p(h) eff_h under "
                + "the current posterior; `if_seen_h` and `if_not_h` are the posterior after seeing it or after looking "
                + "and not seeing it; `gain_bits` is the expected reduction of the posterior's entropy, "
                + "H(p) - P(seen) H(p | seen) - P(not) H(p | not), in bits (base-2 logarithms).");
        md.add("");
        md.addAll(Markdown.table(Display.of(t)));
        md.add("");
        Table given = givenTable(c, ranked);
        if (given.rowCount() > 0) {
            md.add("## Indicators that depend on another variable");
            md.add("");
            md.add("An indicator whose variable has parents besides the question (a condition, such as who wins an "
                    + "election) is also weighed under each state of each such parent, as if that state were known: "
                    + "`p_given` is the forecast's probability of the state, `p_observed` the probability of observing "
                    + "the indicator given it, `p_seen_h` that probability under hypothesis h (from the variable's "
                    + "table), and `if_seen_h` the posterior if it is observed. The ratio of two `p_seen_h` is what "
                    + "seeing the indicator says about h once the condition is known.");
            md.add("");
            md.addAll(Markdown.table(Display.of(given)));
            md.add("");
        }
        md.add("## Why these likelihoods");
        md.add("");
        Map<String, EvidenceItem> byId = new LinkedHashMap<>();
        indicators.forEach(i -> byId.put(i.id(), i));
        for (InformationGain.Value v : ranked) {
            EvidenceItem i = byId.get(v.itemId());
            md.add("- **" + Markdown.escape(i.id()) + "** (" + Markdown.escape(i.category()) + ", reliability "
                    + Markdown.escape(i.reliabilityCode()) + "): " + Markdown.escape(i.quote().isEmpty() ? "" : i.quote() + " ")
                    + Markdown.escape(i.rationale()));
        }
        md.add("");
        md.addAll(prov.markdown());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("indicators.md", String.join("\n", md) + "\n");
        files.put("indicators.csv", Csv.of(t));
        if (given.rowCount() > 0) {
            files.put("indicators-given.csv", Csv.of(given));
        }
        return files;
    }

    /** The figures as JSON. */
    public static ObjectNode json(Case c, Posterior p, List<InformationGain.Value> ranked, Provenance prov) {
        ObjectNode root = Json.root(c, "indicators");
        Json.perHypothesis(root, "posterior", c, p.probabilities());
        ArrayNode arr = root.putArray("indicators");
        for (InformationGain.Value v : ranked) {
            ObjectNode n = arr.addObject();
            n.put("id", v.itemId());
            Json.put(n, "gain_bits", v.gainBits());
            Json.put(n, "p_observed", v.pObserved());
            if (c.structured()) {
                n.put("on", v.variable());
            }
            Json.perState(n, "effective", v.states(), v.effective());
            Json.perHypothesis(n, "if_observed", c, v.ifObserved());
            Json.perHypothesis(n, "if_not_observed", c, v.ifNotObserved());
            if (!v.given().isEmpty()) {
                ArrayNode given = n.putArray("given");
                for (InformationGain.Given g : v.given()) {
                    ObjectNode x = given.addObject();
                    x.put("variable", g.variable());
                    x.put("state", g.state());
                    Json.put(x, "p_given", g.pState());
                    Json.put(x, "p_observed", g.pObserved());
                    Json.perHypothesis(x, "p_observed_by_hypothesis", c, g.byState());
                    Json.perHypothesis(x, "if_observed", c, g.ifObserved());
                }
            }
        }
        Json.provenance(root, prov);
        return root;
    }
}
