package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of {@code deciban timeline}: the filtered posterior after each evidence date and at the
 * evaluation date, under the drift used, as Markdown, CSV and JSON; and the one-line note by which
 * {@code deciban run} says which engine produced its posterior.
 */
public final class TimelineReport {

    private TimelineReport() {
    }

    /**
     * One row per step: at ("evidence" or "as of"), date, items (ids, space-separated), n, carry
     * (exp(-drift dt) since the previous row), p_&lt;h&gt; per hypothesis, outcome_&lt;o&gt; per outcome
     * and no_outcome when some hypotheses name none (derived names through {@link ColumnNames}, so no
     * two collide), leader; numbers at full precision.
     */
    public static Table table(Case c, Timeline t) {
        int k = c.size();
        ColumnNames names = new ColumnNames("at", "date", "items", "n", "carry", "no_outcome", "leader");
        StringColumn at = StringColumn.create("at");
        StringColumn date = StringColumn.create("date");
        StringColumn items = StringColumn.create("items");
        IntColumn n = IntColumn.create("n");
        DoubleColumn carry = DoubleColumn.create("carry");
        DoubleColumn[] p = new DoubleColumn[k];
        for (int h = 0; h < k; h++) {
            p[h] = DoubleColumn.create(names.derive("p_", c.hypotheses().get(h).id()));
        }
        List<String> outcomes = c.outcomes();
        boolean none = !outcomes.isEmpty() && c.hypotheses().stream().anyMatch(h -> h.outcome() == null);
        Map<String, DoubleColumn> o = new LinkedHashMap<>();
        for (String name : outcomes) {
            o.put(name, DoubleColumn.create(names.derive("outcome_", name)));
        }
        DoubleColumn noOutcome = DoubleColumn.create("no_outcome");
        StringColumn leader = StringColumn.create("leader");
        List<TimelineStep> steps = t.steps();
        for (int s = 0; s < steps.size(); s++) {
            TimelineStep step = steps.get(s);
            at.append(s == steps.size() - 1 ? "as of" : "evidence");
            date.append(step.date() == null ? "" : step.date().toString());
            items.append(String.join(" ", step.itemIds()));
            n.append(step.itemIds().size());
            carry.append(step.carry());
            double[] q = step.toArray();
            int best = 0;
            double noneShare = 0;
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int h = 0; h < k; h++) {
                p[h].append(q[h]);
                if (q[h] > q[best]) {
                    best = h;
                }
                Hypothesis hyp = c.hypotheses().get(h);
                if (hyp.outcome() == null) {
                    noneShare += q[h];
                } else {
                    sums.merge(hyp.outcome(), q[h], Double::sum);
                }
            }
            o.forEach((name, col) -> col.append(sums.getOrDefault(name, 0.0)));
            noOutcome.append(noneShare);
            leader.append(c.hypotheses().get(best).id() + " (" + Icd203.of(PosteriorTables.clamp(q[best])).phrase() + ")");
        }
        Table out = Table.create("timeline", at, date, items, n, carry);
        out.addColumns(p);
        out.addColumns(o.values().toArray(new DoubleColumn[0]));
        if (none) {
            out.addColumns(noOutcome);
        }
        out.addColumns(leader);
        return out;
    }

    /** The drift in words: "drift 0.2 per year (half-life 3.47 years)", or "no drift (static model)". */
    public static String driftWords(double drift) {
        if (drift == 0) {
            return "no drift (drift 0: the static model)";
        }
        return "drift " + Numbers.fixed(drift, 4).replaceAll("0+$", "").replaceAll("\\.$", "")
                + " per year (the true hypothesis is re-drawn from the prior at that rate; half-life "
                + Numbers.fixed(Math.log(2) / drift, 2) + " years)";
    }

    /**
     * The sentence for an uncertain drift rate: Monte Carlo draws the rate from a log-normal with median
     * {@code drift} and log-scale standard deviation {@code spread}; its 90% range is
     * drift * exp(-+1.645 spread).
     */
    public static String spreadNote(double drift, double spread) {
        double z = 1.6448536269514722;
        return " In the Monte Carlo draws the rate itself is uncertain: log-normal with median "
                + Numbers.fixed(drift, 3) + " per year and log-scale standard deviation " + Numbers.fixed(spread, 3)
                + " (90% of draws between " + Numbers.fixed(drift * Math.exp(-z * spread), 3) + " and "
                + Numbers.fixed(drift * Math.exp(z * spread), 3) + "); the exact posterior uses the median.";
    }

    /** The sentence {@code deciban run} adds to say which engine produced the posterior. */
    public static String engineNote(double drift) {
        if (drift == 0) {
            return "Engine: static (exact, design.md steps 1-3); settings.drift is 0.";
        }
        return "Engine: drift filter, " + driftWords(drift) + ": items filtered forward in date order to as_of, "
                + "undated items counted at as_of; the command deciban timeline shows the posterior at each date.";
    }

    /** A Markdown report with a line inserted before its provenance section (or at its end). */
    public static String withNote(String markdown, String note) {
        String line = Markdown.escape(note).replace("\\|", "|") + "\n\n";
        int at = markdown.indexOf("## Provenance");
        return at < 0 ? markdown + "\n" + line : markdown.substring(0, at) + line + markdown.substring(at);
    }

    /** File name to content: &lt;base&gt;.md and &lt;base&gt;.csv. */
    public static Map<String, String> render(Case c, Timeline t, String base, Provenance prov) {
        Table table = table(c, t);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(base + ".md", String.join("\n", markdown(c, t, table, prov)) + "\n");
        files.put(base + ".csv", Csv.of(table));
        return files;
    }

    private static List<String> markdown(Case c, Timeline t, Table table, Provenance prov) {
        List<String> md = new ArrayList<>();
        md.add("# Timeline: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        md.add("Forecast as of " + (t.end() == null ? "(no date)" : t.end().toString()) + ", with "
                + Markdown.escape(driftWords(t.drift())) + ", from " + Numbers.count(c.evidence().size(), "evidence item") + ".");
        md.add("");
        md.add("Each row is the posterior after the items of one date, filtered forward in date order. Between "
                + "two rows the true hypothesis is kept with probability `carry` = exp(-drift * years) and otherwise "
                + "re-drawn from the prior; items of one date are applied together; items without a date count as "
                + "observed at the case's as_of. The last row (`as of`) carries the posterior to the forecast date.");
        md.add("");
        md.addAll(Markdown.table(Display.of(table)));
        md.add("");
        md.add("## Posterior as of " + (t.end() == null ? "(no date)" : t.end().toString()));
        md.add("");
        Posterior p = t.posterior();
        for (String line : RunReport.headline(c, p)) {
            md.add("- " + Markdown.escape(line));
        }
        md.add("");
        md.addAll(Markdown.table(Display.of(PosteriorTables.posterior(c, p))));
        md.add("");
        md.addAll(prov.markdown());
        return md;
    }

    /** The figures as JSON: the run document of the final posterior plus "drift", "evaluation_date" and "timeline". */
    public static ObjectNode json(Case c, Timeline t, Provenance prov) {
        ObjectNode root = JsonReport.of(c, t.posterior(), prov);
        root.put("engine", "drift filter");
        root.put("drift", t.drift());
        root.put("evaluation_date", t.end() == null ? null : t.end().toString());
        ArrayNode steps = root.putArray("timeline");
        List<TimelineStep> all = t.steps();
        for (int s = 0; s < all.size(); s++) {
            TimelineStep step = all.get(s);
            ObjectNode n = steps.addObject();
            n.put("at", s == all.size() - 1 ? "as of" : "evidence");
            n.put("date", step.date() == null ? null : step.date().toString());
            ArrayNode ids = n.putArray("items");
            step.itemIds().forEach(ids::add);
            n.put("carry", step.carry());
            n.put("log_normaliser", step.logNormaliser());
            ObjectNode post = n.putObject("posterior");
            for (int h = 0; h < c.size(); h++) {
                post.put(c.hypotheses().get(h).id(), step.probabilities().get(h));
            }
        }
        return root;
    }
}
