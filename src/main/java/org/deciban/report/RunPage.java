package org.deciban.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import tech.tablesaw.api.Table;
import org.deciban.model.HistoryEntry;

/**
 * The page {@code reports/<case>/report.html} of a run. Sections, in order: headline, posterior
 * (chart of prior against posterior, with intervals when an {@link Uncertainty} is given, and the
 * posterior table), evidence (the ledger with weights in decibans), any extra sections, history
 * (chart and timeline of the records), provenance.
 *
 * <p>Later stages add their own sections: build the page with {@link #build}, then
 * {@link HtmlReport#addBefore addBefore}({@link #HISTORY}, section) to place a table or chart
 * (for example a sensitivity table and a tornado chart) ahead of the history.
 */
public final class RunPage {

    /** Section ids of the page, for {@link HtmlReport#addBefore}. */
    public static final String HEADLINE = "headline";
    public static final String POSTERIOR = "posterior";
    public static final String EVIDENCE = "evidence";
    public static final String HISTORY = "history";
    public static final String PROVENANCE = "provenance";

    private static final int CHART_WIDTH = 1000;

    private RunPage() {
    }

    /**
     * Adds the section "Where this differs from the source" ({@link SourceReport}) after the posterior, for a
     * case with a source reading.
     */
    public static void addSourceSection(HtmlReport page, Case c, Posterior p,
                                        org.deciban.inference.sensitivity.ExpectationGap.Figures gap) {
        page.addBefore(EVIDENCE, SourceReport.section(c, p, gap));
    }

    /**
     * The page of a run.
     *
     * @param history     the case's history records, the current run's included (may be empty)
     * @param uncertainty intervals to show, or null when the run has none
     */
    public static HtmlReport build(Case c, Posterior p, Provenance prov, List<HistoryEntry> history,
                                   Uncertainty uncertainty) {
        HtmlReport page = new HtmlReport("deciban report: " + c.id());
        page.intro(c.question());
        page.intro((c.asOf() == null ? "From " : "As of " + c.asOf() + ", from ")
                + Numbers.count(c.evidence().size(), "evidence item") + "; "
                + Numbers.count(c.size(), "hypothesis", "hypotheses") + ". Run at " + prov.time() + ".");
        headline(page.section(HEADLINE, "Headline"), c, p, uncertainty);
        if (c.assessment() != null) {
            page.add(ConfidenceReport.section(c.assessment()));
        }
        posterior(page.section(POSTERIOR, "Prior and posterior"), c, p, uncertainty);
        evidence(page.section(EVIDENCE, "Evidence ledger"), c, p);
        history(page.section(HISTORY, "History of this forecast"), c, history);
        provenance(page.section(PROVENANCE, "Provenance"), prov);
        return page;
    }

    private static void headline(HtmlReport.Section s, Case c, Posterior p, Uncertainty u) {
        if (p.outcomes().isEmpty()) {
            s.paragraph("No hypothesis names an outcome; the headline is the leading hypothesis.");
        }
        for (Wording.Share sh : Wording.shares(c, p)) {
            Range iv = u == null ? null : u.outcomes().get(sh.key());
            s.headline(sh.subject() + ":", Wording.phrase(sh.probability()), "(" + Wording.probability(sh.probability()) + ")",
                    detail(iv, u));
        }
        int lead = p.leader();
        Hypothesis h = c.hypotheses().get(lead);
        s.paragraph(Wording.leading(c, lead, p.probabilities().get(lead)));
        s.note("Words follow ICD 203: almost no chance (<5%), very unlikely (5-20%), unlikely (20-45%), roughly even"
                + " chance (45-55%), likely (55-80%), very likely (80-95%), almost certain (>=95%).");
    }

    private static String detail(Range iv, Uncertainty u) {
        return iv == null ? null : u.label() + ": " + Wording.probability(iv.low()) + " to " + Wording.probability(iv.high());
    }

    private static void posterior(HtmlReport.Section s, Case c, Posterior p, Uncertainty u) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (int k = 0; k < c.size(); k++) {
            Hypothesis h = c.hypotheses().get(k);
            bars.add(new Charts.Bar(h.label(), p.prior().get(k), p.probabilities().get(k),
                    u == null ? null : u.hypotheses().get(h.id())));
        }
        int height = 140 + 70 * c.size();
        s.chart(Charts.priorPosterior("Prior and posterior per hypothesis", bars, u == null ? null : u.label()),
                CHART_WIDTH, height, "Bar chart: prior (light) and posterior (dark) probability of each hypothesis"
                        + (u == null ? "." : ", with error bars for the " + u.label() + "."));
        Table t = PosteriorTables.posterior(c, p);
        s.table(t, "Posterior per hypothesis and per outcome");
        s.note("Posterior by design.md steps 1-3 (reliability mixing, group weights, log-space update); outcomes by step 6.");
    }

    /**
     * Most rows of a per-item or per-date table on the page: a case of 100,000 items would otherwise make a
     * page of 65 MB that no browser shows well. The rows kept are the first of the table's own order (the
     * largest weights, shifts and swings; the latest dates), and the caption says how many of how many; the
     * files beside the page (evidence.csv, sensitivity.md, timeline.csv) hold every row.
     */
    public static final int PAGE_ROWS = 500;

    /**
     * The first {@link #PAGE_ROWS} rows of a table and its caption: "what (N items)" when all are shown,
     * else "what (the 500 of N items with largest)" where largest is {@code order}.
     */
    static void firstRows(Table t, int total, String what, String unit, String order, HtmlReport.Section s) {
        if (t.rowCount() <= PAGE_ROWS) {
            s.table(t, what + " (" + Numbers.count(total, unit) + ")");
        } else {
            s.table(t.first(PAGE_ROWS), what + " (the " + Numbers.count(PAGE_ROWS, unit) + " of " + total + " " + order + ")");
        }
    }

    /** The ledger's columns on the page: "on" (the item's variable) only for a network case; db_h for every hypothesis. */
    private static List<String> ledgerColumns(Case c) {
        List<String> shown = new ArrayList<>(List.of("id"));
        if (c.structured()) {
            shown.add("on");
        }
        shown.addAll(List.of("date", "category", "source", "reliability", "w", "group"));
        for (Hypothesis h : c.hypotheses()) {
            shown.add("db_" + h.id());
        }
        return shown;
    }

    private static void evidence(HtmlReport.Section s, Case c, Posterior p) {
        Table ev = c.structured() ? NetworkReport.evidence(c, p) : PosteriorTables.evidence(c, p);
        List<String> shown = ledgerColumns(c);
        if (c.structured()) {
            s.paragraph("Each item's weight of evidence for each hypothesis against the others, in decibans (design.md N3): "
                    + "w * 10 log10(sum_v P(v | h) L'(v) / sum_v P(v | not h) L'(v)) under the network alone, where v runs over "
                    + "the states of the variable the item is on (column 'on') and L' is its likelihood after reliability "
                    + "mixing. +10 dB is a likelihood ratio of 10 in favour; 0 dB is neutral. Sorted by the largest absolute weight.");
        } else {
        s.paragraph("Each item's weight of evidence for each hypothesis against the others, in decibans: "
                + "w * 10 log10(L'(h) / M(h)), where L' is the likelihood after reliability mixing and M(h) the "
                + "prior-weighted likelihood under the other hypotheses. +10 dB is a likelihood ratio of 10 in favour, "
                + "-10 dB one of 10 against; 0 dB is neutral. Sorted by the largest absolute weight.");
        }
        firstRows(ev.selectColumns(shown.toArray(String[]::new)), c.evidence().size(), "Evidence ledger", "item",
                "with the largest weight", s);
        s.note("The effective likelihoods behind every weight are in evidence.csv and evidence.md beside this page.");
    }

    /** A hypothesis's label in the case, or its id when the case no longer holds it. */
    private static String label(Case c, String id) {
        return c.hypotheses().stream().filter(h -> h.id().equals(id)).map(Hypothesis::label).findFirst().orElse(id);
    }

    private static void history(HtmlReport.Section s, Case c, List<HistoryEntry> history) {
        if (history.isEmpty()) {
            s.paragraph("No run of this case has been recorded yet.");
            return;
        }
        Map<String, List<Double>> series = new LinkedHashMap<>();
        HistoryTables.hypothesisSeries(history).forEach((id, values) -> series.put(label(c, id), values));
        s.chart(Charts.history("Posterior per hypothesis, run by run", history.size(), series), CHART_WIDTH, 380,
                "Line chart: the posterior of each hypothesis in each recorded run ("
                        + Numbers.count(history.size(), "run") + ")." + Charts.unmarkedNote(history.size()));
        s.table(HistoryTables.timeline(history), "Runs recorded in history.jsonl");
        s.note("history.jsonl is append-only and hash-chained; the command deciban history --verify checks that no "
                + "record was changed.");
    }

    private static void provenance(HtmlReport.Section s, Provenance prov) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("case", prov.caseId());
        facts.put("run at", prov.time());
        facts.put("deciban", prov.version());
        facts.put("Java", prov.java());
        facts.put("seed", prov.seed() == null ? "none (exact computation, nothing random)" : prov.seed().toString());
        if (prov.draws() != null) {
            facts.put("draws", prov.draws().toString());
        }
        s.facts(facts);
        Map<String, String> inputs = new LinkedHashMap<>();
        prov.inputs().forEach(inputs::put);
        s.paragraph("Input files and their SHA-256:");
        s.facts(inputs);
    }
}
