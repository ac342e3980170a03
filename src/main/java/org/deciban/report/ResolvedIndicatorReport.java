package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deciban.inference.update.Scoring.Prediction;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Resolution;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The resolved indicators as {@code deciban indicators} lists them, apart from the open ones it ranks: when each
 * resolved, how, on what source, and the probability the forecast gave it the day before (P(observed) from the
 * {@code --as-of} replay; {@link org.deciban.inference.update.Scoring}). A resolved indicator is evidence now and
 * has left the watch list.
 */
public final class ResolvedIndicatorReport {

    /** The CSV it adds to the indicators report. */
    public static final String CSV = "indicators-resolved.csv";

    private ResolvedIndicatorReport() {
    }

    /** Columns: indicator, on, resolved, outcome, p_before, p_prior, source. */
    public static Table table(Case c, List<Prediction> resolved) {
        StringColumn id = StringColumn.create("indicator");
        StringColumn on = StringColumn.create("on");
        StringColumn date = StringColumn.create("resolved");
        StringColumn outcome = StringColumn.create("outcome");
        DoubleColumn before = DoubleColumn.create("p_before");
        DoubleColumn prior = DoubleColumn.create("p_prior");
        StringColumn source = StringColumn.create("source");
        for (Prediction p : resolved) {
            id.append(p.indicator());
            on.append(p.variable());
            date.append(p.resolved().toString());
            outcome.append(p.observed() ? "observed" : "not seen");
            before.append(p.forecast());
            prior.append(p.baseline());
            source.append(resolution(c, p.indicator()).source());
        }
        return Table.create("resolved indicators", id, on, date, outcome, before, prior, source);
    }

    private static Resolution resolution(Case c, String id) {
        for (EvidenceItem e : c.evidence()) {
            if (e.id().equals(id) && e.resolution() != null) {
                return e.resolution();
            }
        }
        throw new IllegalArgumentException("no resolved indicator '" + id + "'");
    }

    /** A sentence for the terminal and the Markdown. */
    public static String summary(List<Prediction> resolved) {
        long seen = resolved.stream().filter(Prediction::observed).count();
        return Numbers.count(resolved.size(), "indicator has", "indicators have") + " resolved (" + seen + " observed, "
                + (resolved.size() - seen) + " not seen); each is evidence now, dated at its resolution, and off the "
                + "watch list. p_before is the probability the forecast gave it the day before it resolved; "
                + "`deciban score` scores them.";
    }

    /**
     * Adds the resolved indicators to the files of the indicators report: a section before the provenance of
     * indicators.md, and {@value #CSV}.
     */
    public static void addTo(Map<String, String> files, Case c, List<Prediction> resolved) {
        Table t = table(c, resolved);
        List<String> md = new ArrayList<>();
        md.add("## Resolved indicators");
        md.add("");
        md.add(Markdown.escape(summary(resolved)));
        md.add("");
        md.addAll(Markdown.table(Display.of(t)));
        md.add("");
        for (Prediction p : resolved) {
            Resolution r = resolution(c, p.indicator());
            md.add("- **" + Markdown.escape(p.indicator()) + "**, " + (r.observed() ? "observed" : "not seen") + " ("
                    + r.date() + "): " + Markdown.escape(r.source()) + (r.quote().isEmpty() ? "" : ": \""
                    + Markdown.escape(r.quote()) + "\""));
        }
        md.add("");
        String text = files.get("indicators.md");
        int at = text.lastIndexOf("\n## Provenance\n");
        String section = String.join("\n", md);
        files.put("indicators.md", at < 0 ? text + "\n" + section + "\n" : text.substring(0, at + 1) + section + "\n"
                + text.substring(at + 1));
        files.put(CSV, Csv.of(t));
    }

    /**
     * The JSON of {@code deciban indicators}: the ranked open indicators ({@link IndicatorReport#json}) and
     * {@code "resolved": [...]}, the resolved ones with the probability the forecast gave them beforehand.
     */
    public static String indicatorsJson(Case c, org.deciban.inference.Posterior p,
                                        List<org.deciban.inference.sensitivity.InformationGain.Value> ranked,
                                        Provenance prov, List<Prediction> resolved) {
        ObjectNode doc = IndicatorReport.json(c, p, ranked, prov);
        addTo(doc, c, resolved);
        return JsonReport.text(doc);
    }

    /** Adds {@code "resolved": [...]} to the indicators report's JSON. */
    static void addTo(ObjectNode json, Case c, List<Prediction> resolved) {
        ArrayNode arr = json.putArray("resolved");
        for (Prediction p : resolved) {
            Resolution r = resolution(c, p.indicator());
            ObjectNode n = arr.addObject();
            n.put("id", p.indicator());
            n.put("on", p.variable());
            n.put("resolved", p.resolved().toString());
            n.put("observed", p.observed());
            Json.put(n, "p_before", p.forecast());
            Json.put(n, "p_prior", p.baseline());
            n.put("source", r.source());
            n.put("quote", r.quote());
        }
    }
}
