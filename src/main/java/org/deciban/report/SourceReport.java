package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.deciban.inference.Expectations;
import org.deciban.inference.Posterior;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.model.Case;
import org.deciban.model.SourceReading;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The section "Where this differs from the source" of a case that reads a source
 * ({@code source_reading:}): the source and its thesis in the case's words, the model's result stated by
 * the hypotheses' labels, each {@code checks.expect} entry (the source's reading in checkable form) with
 * the verdict {@code deciban test} gives, the analyst's account of the departures, and, computed by
 * {@link ExpectationGap}, the single judgments whose change moves the result most towards the source's
 * reading. The same content for the terminal, posterior.md, report.html and the JSON.
 */
public final class SourceReport {

    /** The page section's id. */
    public static final String SECTION = "source";

    private SourceReport() {
    }

    /** The section's heading, in the case's words: "Where this differs from the article". */
    public static String heading(SourceReading r) {
        return "Where this differs from " + r.called();
    }

    /** The sentence that names the source. */
    static String sourceLine(SourceReading r) {
        return capital(r.called()) + ": " + r.source() + (r.url() == null ? "" : ", " + r.url()) + ".";
    }

    /** The sentence of the model's result, each hypothesis by its label. */
    static String modelLine(Case c, Posterior p) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            parts.add(Wording.hypothesis(c, k, p.probabilities().get(k)));
        }
        return "The model: " + String.join("; ", parts) + ".";
    }

    /** The sentence of the verdicts: how many of the encoded expectations hold, and which fail. */
    static String verdictLine(SourceReading r, ExpectationGap.Figures gap) {
        int n = gap.verdicts().size();
        if (n == 0) {
            return "The case encodes no reading of " + r.called() + " in checks.expect, so nothing is checked against it.";
        }
        List<String> failed = new ArrayList<>();
        for (Expectations.Verdict v : gap.verdicts()) {
            if (!v.holds()) {
                failed.add(v.expectation().text() + " (it is " + Wording.probability(v.value()) + ")");
            }
        }
        return capital(r.called()) + "'s reading, as the case encodes it in checks.expect (the verdict deciban test gives): "
                + (failed.isEmpty() ? (n == 1 ? "it holds" : "all " + n + " expectations hold") + "; the model agrees."
                : gap.holding() + " of " + n + " hold; " + (failed.size() == 1 ? "fails" : "fail") + ": "
                + String.join("; ", failed) + ".");
    }

    /**
     * The line over the analyst's departures. They explain a difference only while one remains: when the case
     * encodes the source's reading and every expectation holds, the conclusions agree and the departures are
     * differences of argument; when it encodes none, they are simply where the case departs.
     */
    static String departuresLine(SourceReading r, ExpectationGap.Figures gap) {
        if (gap.verdicts().isEmpty()) {
            return "Where the case departs from " + r.called() + ", in the analyst's words:";
        }
        if (gap.holding() == gap.verdicts().size()) {
            return "The conclusions agree, but the case argues differently; where its judgments depart from "
                    + r.called() + "'s, in the analyst's words:";
        }
        return "Which judgments account for the difference, in the analyst's words:";
    }

    /** The sentence over the computed table: what it is, and whether any single change closes the gap. */
    static String computedLine(SourceReading r, ExpectationGap.Figures gap) {
        if (gap.towards().isEmpty()) {
            return "No single judgment, changed within its stated uncertainty (an item left out or set to the ends "
                    + "of its 90% ranges, a table row to the ends of its range), moves the result towards "
                    + r.called() + "'s reading.";
        }
        ExpectationGap.Change best = gap.towards().get(0);
        int n = gap.verdicts().size();
        return "Computed: the single judgments that move the result most towards " + r.called() + "'s reading, each "
                + "changed alone within its stated uncertainty (an item left out or set to the ends of its 90% ranges, "
                + "a table row to the ends of its range); shortfall is how far the posterior is from meeting every "
                + "expectation (" + Numbers.probability(gap.shortfall()) + " now). "
                + (best.holding() == n ? "Changed alone, " + best.judgment() + " makes every expectation hold."
                : "None makes every expectation hold; the closest, " + best.judgment() + ", leaves "
                + (n - best.holding()) + " of " + n + " failing.");
    }

    /** One row per expectation: expect, value, holds, shortfall. */
    public static Table verdicts(ExpectationGap.Figures gap) {
        StringColumn expect = StringColumn.create("expect");
        DoubleColumn value = DoubleColumn.create("model");
        StringColumn holds = StringColumn.create("holds");
        DoubleColumn shortfall = DoubleColumn.create("shortfall");
        for (Expectations.Verdict v : gap.verdicts()) {
            expect.append(v.expectation().text());
            value.append(v.value());
            holds.append(v.holds() ? "yes" : "no");
            shortfall.append(v.shortfall());
        }
        return Table.create("expectations", expect, value, holds, shortfall);
    }

    /** One row per computed change: judgment, change, the posterior of every hypothesis, shortfall, holding. */
    public static Table towards(Case c, ExpectationGap.Figures gap) {
        StringColumn judgment = StringColumn.create("judgment");
        StringColumn change = StringColumn.create("change");
        DoubleColumn[] post = new DoubleColumn[c.size()];
        for (int k = 0; k < c.size(); k++) {
            post[k] = DoubleColumn.create(c.hypotheses().get(k).id());
        }
        DoubleColumn shortfall = DoubleColumn.create("shortfall");
        IntColumn holding = IntColumn.create("expectations_held");
        for (ExpectationGap.Change ch : gap.towards()) {
            judgment.append(ch.judgment());
            change.append(changeText(ch));
            for (int k = 0; k < c.size(); k++) {
                post[k].append(ch.posterior().get(k));
            }
            shortfall.append(ch.shortfall());
            holding.append(ch.holding());
        }
        Table t = Table.create("towards", judgment, change);
        t.addColumns(post);
        t.addColumns(shortfall, holding);
        return t;
    }

    private static String changeText(ExpectationGap.Change ch) {
        switch (ch.kind()) {
            case LEFT_OUT:
                return "left out";
            case ITEM_RANGE:
                return "likelihoods " + Json.perStateText(ch.states(), ch.setting());
            default:
                return "row " + Json.perStateText(ch.states(), ch.setting());
        }
    }

    /** The section as Markdown lines (for posterior.md). */
    public static List<String> markdown(Case c, Posterior p, ExpectationGap.Figures gap) {
        SourceReading r = c.sourceReading();
        List<String> md = new ArrayList<>();
        md.add("## " + Markdown.escape(heading(r)));
        md.add("");
        md.add(Markdown.escape(sourceLine(r)));
        md.add("");
        md.add("**Its thesis.** " + Markdown.escape(r.thesis()));
        md.add("");
        md.add(Markdown.escape(modelLine(c, p)));
        md.add("");
        md.add(Markdown.escape(verdictLine(r, gap)));
        if (!gap.verdicts().isEmpty()) {
            md.add("");
            md.addAll(Markdown.table(Display.of(verdicts(gap))));
        }
        if (!r.departures().isEmpty()) {
            md.add("");
            md.add("**" + Markdown.escape(departuresLine(r, gap)) + "**");
            md.add("");
            r.departures().forEach(d -> md.add("- " + Markdown.escape(d)));
        }
        if (gap.shortfall() > 0) {
            md.add("");
            md.add(Markdown.escape(computedLine(r, gap)));
            if (!gap.towards().isEmpty()) {
                md.add("");
                md.addAll(Markdown.table(Display.of(towards(c, gap))));
            }
        }
        md.add("");
        return md;
    }

    /** The section for report.html. */
    public static HtmlReport.Section section(Case c, Posterior p, ExpectationGap.Figures gap) {
        SourceReading r = c.sourceReading();
        HtmlReport.Section s = new HtmlReport.Section(SECTION, heading(r));
        s.paragraph(sourceLine(r));
        s.paragraph("Its thesis: " + r.thesis());
        s.paragraph(modelLine(c, p));
        s.paragraph(verdictLine(r, gap));
        if (!gap.verdicts().isEmpty()) {
            s.table(verdicts(gap), "The reading of " + r.called() + " in checks.expect");
        }
        if (!r.departures().isEmpty()) {
            s.paragraph(departuresLine(r, gap));
            s.list(r.departures());
        }
        if (gap.shortfall() > 0) {
            s.paragraph(computedLine(r, gap));
            if (!gap.towards().isEmpty()) {
                s.table(towards(c, gap), "Single judgments that move the result most towards " + r.called() + "'s reading");
            }
        }
        return s;
    }

    /** The section as terminal paragraphs (list items start with "- "); tables are laid out by the caller. */
    public static List<String> lines(Case c, Posterior p, ExpectationGap.Figures gap) {
        SourceReading r = c.sourceReading();
        List<String> out = new ArrayList<>();
        out.add(heading(r));
        out.add(sourceLine(r));
        out.add("Its thesis: " + r.thesis());
        out.add(modelLine(c, p));
        out.add(verdictLine(r, gap));
        if (!r.departures().isEmpty()) {
            out.add(departuresLine(r, gap));
            r.departures().forEach(d -> out.add("- " + d));
        }
        if (gap.shortfall() > 0) {
            out.add(computedLine(r, gap));
        }
        return out;
    }

    /**
     * Adds {@code "source_reading": {"source", "url", "called", "thesis", "departures", "expectations": [{"expect",
     * "value", "holds", "shortfall"}], "shortfall", "towards": [{"judgment", "kind", "variable", "setting",
     * "posterior", "shortfall", "expectations_held"}]}} to a JSON report.
     */
    public static void addTo(ObjectNode doc, Case c, ExpectationGap.Figures gap) {
        SourceReading r = c.sourceReading();
        ObjectNode n = doc.putObject("source_reading");
        n.put("source", r.source());
        n.put("url", r.url());
        n.put("called", r.called());
        n.put("thesis", r.thesis());
        ArrayNode d = n.putArray("departures");
        r.departures().forEach(d::add);
        ArrayNode ex = n.putArray("expectations");
        for (Expectations.Verdict v : gap.verdicts()) {
            ObjectNode e = ex.addObject();
            e.put("expect", v.expectation().text());
            e.put("value", v.value());
            e.put("holds", v.holds());
            e.put("shortfall", v.shortfall());
        }
        n.put("shortfall", gap.shortfall());
        ArrayNode tw = n.putArray("towards");
        for (ExpectationGap.Change ch : gap.towards()) {
            ObjectNode t = tw.addObject();
            t.put("judgment", ch.judgment());
            t.put("kind", ch.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            t.put("variable", ch.variable());
            if (ch.kind() != ExpectationGap.Kind.LEFT_OUT) {
                Json.perState(t, "setting", ch.states(), ch.setting());
            }
            Json.perHypothesis(t, "posterior", c, ch.posterior());
            t.put("shortfall", ch.shortfall());
            t.put("expectations_held", ch.holding());
        }
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
