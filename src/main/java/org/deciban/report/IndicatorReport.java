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

    private static String leader(Case c, List<Double> p) {
        int best = -1;
        for (int h = 0; h < p.size(); h++) {
            if (!Double.isNaN(p.get(h)) && (best < 0 || p.get(h) > p.get(best))) {
                best = h;
            }
        }
        return best < 0 ? "n/a" : c.hypotheses().get(best).id();
    }

    /** Summary lines. */
    public static List<String> summary(Case c, Posterior p, List<InformationGain.Value> ranked) {
        List<String> out = new ArrayList<>();
        int lead = p.leader();
        out.add("Current leader: '" + c.hypotheses().get(lead).id() + "' " + Numbers.probability(p.probabilities().get(lead))
                + "; " + Numbers.count(ranked.size(), "candidate indicator") + ", ranked by expected information gain (bits; 1 bit "
                + "is the most a yes/no observation can give).");
        if (!ranked.isEmpty()) {
            InformationGain.Value v = ranked.get(0);
            out.add("Most informative: '" + v.itemId() + "', " + Numbers.fixed(v.gainBits(), 4) + " bits; seen with probability "
                    + Numbers.fixed(v.pObserved(), 2) + ", after which '" + leader(c, v.ifObserved()) + "' leads; if not seen, '"
                    + leader(c, v.ifNotObserved()) + "' leads.");
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
        md.add("Each indicator's likelihoods are P(indicator observed | hypothesis), mixed by its reliability into "
                + "`eff_h`; they are not evidence and do not enter the posterior. `p_observed` = sum_h p(h) eff_h under "
                + "the current posterior; `if_seen_h` and `if_not_h` are the posterior after seeing it or after looking "
                + "and not seeing it; `gain_bits` is the expected reduction of the posterior's entropy, "
                + "H(p) - P(seen) H(p | seen) - P(not) H(p | not), in bits (base-2 logarithms).");
        md.add("");
        md.addAll(Markdown.table(Display.of(t)));
        md.add("");
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
        }
        Json.provenance(root, prov);
        return root;
    }
}
