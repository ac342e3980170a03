package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.update.Scoring;
import org.deciban.inference.update.Scoring.Bin;
import org.deciban.inference.update.Scoring.Prediction;
import org.deciban.inference.update.Scoring.Summary;
import org.deciban.model.Case;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of {@code deciban score}: each resolved indicator with the probability the forecast gave it the day
 * before it resolved and under the prior alone, the Brier and logarithmic scores, skill against the prior, and
 * the calibration table ({@link Scoring} states the maths); in report.html, the same with a reliability diagram.
 */
public final class ScoreReport {

    /** The report.html section id. */
    public static final String SECTION = "scores";

    private ScoreReport() {
    }

    /**
     * One row per prediction: [case,] indicator, on, resolved, outcome, forecast_as_of, p_forecast, p_prior,
     * brier, brier_prior, log_score, log_score_prior (scores are losses: lower is better; log scores in bits).
     */
    public static Table predictions(List<Prediction> ps, boolean withCase) {
        StringColumn caseId = StringColumn.create("case");
        StringColumn id = StringColumn.create("indicator");
        StringColumn on = StringColumn.create("on");
        StringColumn resolved = StringColumn.create("resolved");
        StringColumn outcome = StringColumn.create("outcome");
        StringColumn asOf = StringColumn.create("forecast_as_of");
        DoubleColumn q = DoubleColumn.create("p_forecast");
        DoubleColumn q0 = DoubleColumn.create("p_prior");
        DoubleColumn b = DoubleColumn.create("brier");
        DoubleColumn b0 = DoubleColumn.create("brier_prior");
        DoubleColumn s = DoubleColumn.create("log_score");
        DoubleColumn s0 = DoubleColumn.create("log_score_prior");
        for (Prediction p : ps) {
            caseId.append(p.caseId());
            id.append(p.indicator());
            on.append(p.variable());
            resolved.append(p.resolved().toString());
            outcome.append(outcomeWord(p.observed()));
            asOf.append(p.forecastDate().toString());
            q.append(p.forecast());
            q0.append(p.baseline());
            b.append(p.brier());
            b0.append(p.baselineBrier());
            s.append(p.logScore());
            s0.append(p.baselineLogScore());
        }
        Table t = Table.create("scores");
        if (withCase) {
            t.addColumns(caseId);
        }
        return t.addColumns(id, on, resolved, outcome, asOf, q, q0, b, b0, s, s0);
    }

    private static String outcomeWord(boolean observed) {
        return observed ? "observed" : "not seen";
    }

    /** Rows brier and log_score (bits): the mean of the forecasts, of the prior alone, and the skill 1 - forecast / prior. */
    public static Table totals(Summary s) {
        StringColumn measure = StringColumn.create("measure");
        DoubleColumn forecast = DoubleColumn.create("forecast");
        DoubleColumn prior = DoubleColumn.create("prior_alone");
        DoubleColumn skill = DoubleColumn.create("skill");
        measure.append("brier");
        forecast.append(s.brier());
        prior.append(s.baselineBrier());
        skill.append(s.brierSkill());
        measure.append("log_score");
        forecast.append(s.logScore());
        prior.append(s.baselineLogScore());
        skill.append(s.logSkill());
        return Table.create("score totals", measure, forecast, prior, skill);
    }

    /** One row per bin of predicted probability: bin, count, mean_forecast, observed_frequency (n/a when empty). */
    public static Table calibration(Summary s) {
        StringColumn bin = StringColumn.create("bin");
        IntColumn count = IntColumn.create("count");
        DoubleColumn mean = DoubleColumn.create("mean_forecast");
        DoubleColumn freq = DoubleColumn.create("observed_frequency");
        for (Bin b : s.calibration()) {
            bin.append(Numbers.fixed(b.lower(), 1) + "-" + Numbers.fixed(b.upper(), 1));
            count.append(b.count());
            mean.append(b.meanForecast());
            freq.append(b.observedFrequency());
        }
        return Table.create("calibration", bin, count, mean, freq);
    }

    /** Summary sentences: how many, the scores against the prior, and whether they are anecdotal. */
    public static List<String> summary(Summary s) {
        List<String> out = new ArrayList<>();
        int n = s.count();
        if (n == 0) {
            out.add("No resolved indicator yet: nothing to score. An indicator resolves when its file under "
                    + "evidence/<case>/indicators/ gains resolution: {observed, date, source, quote}.");
            return out;
        }
        long seen = s.predictions().stream().filter(Prediction::observed).count();
        out.add(Numbers.count(n, "resolved indicator") + " scored (" + seen + " observed, " + (n - seen) + " not seen), each "
                + "against the probability the forecast gave it the day before it resolved.");
        out.add("Brier score " + Numbers.fixed(s.brier(), 4) + " against " + Numbers.fixed(s.baselineBrier(), 4)
                + " for the prior alone (skill " + Numbers.fixed(s.brierSkill(), 2) + "); logarithmic score "
                + Numbers.fixed(s.logScore(), 3) + " bits against " + Numbers.fixed(s.baselineLogScore(), 3)
                + " (skill " + Numbers.fixed(s.logSkill(), 2) + "). Lower scores are better; a skill above 0 means "
                + "the forecasts beat the prior alone.");
        if (s.anecdotal()) {
            out.add("With " + (n == 1 ? "one prediction" : "only " + n + " predictions") + " (fewer than "
                    + Scoring.ANECDOTAL_BELOW + "), these scores are anecdotal: they say how these forecasts fared, "
                    + "not how good the forecaster is.");
        }
        long leftOut = s.predictions().stream().filter(p -> p.undatedLeftOut() > 0).count();
        if (leftOut > 0) {
            out.add("Undated items count as observed at the case's as_of, so the forecast before "
                    + Numbers.count(leftOut, "resolution") + " did not hold them: give every item known before "
                    + "an indicator resolved its date.");
        }
        return out;
    }

    /** What the columns mean, for Markdown and the page. */
    static String method() {
        return "`p_forecast` is P(observed) from the forecast as of the day before the resolution (the case "
                + "replayed with the items observed by then, as `--as-of` does); `p_prior` is P(observed) under the "
                + "prior alone, the baseline. Brier score (p - o)^2 and logarithmic score -log2 P(what happened), in "
                + "bits, with o = 1 when observed and 0 when watched for and not seen; both are losses (lower is "
                + "better) and proper (a forecaster does best by reporting what they believe). Totals are means; "
                + "skill = 1 - forecast / prior alone. Calibration: predictions binned by p_forecast, with the "
                + "share of each bin observed.";
    }

    /** score.md, score.csv and score-calibration.csv of one case. */
    public static Map<String, String> render(Case c, Summary s, Provenance prov) {
        List<String> md = new ArrayList<>();
        md.add("# Scores: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        summary(s).forEach(x -> md.add("- " + Markdown.escape(x)));
        md.add("");
        md.add(method());
        md.add("");
        md.add("## Resolved indicators");
        md.add("");
        md.addAll(Markdown.table(Display.of(predictions(s.predictions(), false))));
        md.add("");
        md.add("## Totals");
        md.add("");
        md.addAll(Markdown.table(Display.of(totals(s))));
        md.add("");
        md.add("## Calibration");
        md.add("");
        md.addAll(Markdown.table(Display.of(calibration(s))));
        md.add("");
        md.addAll(prov.markdown());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("score.md", String.join("\n", md) + "\n");
        files.put("score.csv", Csv.of(predictions(s.predictions(), false)));
        files.put("score-calibration.csv", Csv.of(calibration(s)));
        return files;
    }

    /** The scores of several cases as one JSON document ({@link #json}), as text. */
    public static String jsonText(Map<Case, Summary> perCase, Summary all, Map<String, Provenance> provenance) {
        return JsonReport.text(json(perCase, all, provenance));
    }

    /** The scores of several cases as one JSON document: each case's, and the total over all of them. */
    static ObjectNode json(Map<Case, Summary> perCase, Summary all, Map<String, Provenance> provenance) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("command", "score");
        ArrayNode cases = root.putArray("cases");
        perCase.forEach((c, s) -> {
            ObjectNode n = cases.addObject();
            n.put("case", c.id());
            n.put("question", c.question());
            scores(n, s);
            Json.provenance(n, provenance.get(c.id()));
        });
        scores(root.putObject("total"), all);
        return root;
    }

    private static void scores(ObjectNode n, Summary s) {
        n.put("count", s.count());
        n.put("anecdotal", s.anecdotal());
        Json.put(n, "brier", s.brier());
        Json.put(n, "brier_prior", s.baselineBrier());
        Json.put(n, "brier_skill", s.brierSkill());
        Json.put(n, "log_score", s.logScore());
        Json.put(n, "log_score_prior", s.baselineLogScore());
        Json.put(n, "log_skill", s.logSkill());
        ArrayNode ps = n.putArray("predictions");
        for (Prediction p : s.predictions()) {
            ObjectNode o = ps.addObject();
            o.put("case", p.caseId());
            o.put("indicator", p.indicator());
            o.put("on", p.variable());
            o.put("resolved", p.resolved().toString());
            o.put("observed", p.observed());
            o.put("forecast_as_of", p.forecastDate().toString());
            Json.put(o, "p_forecast", p.forecast());
            Json.put(o, "p_prior", p.baseline());
            Json.put(o, "brier", p.brier());
            Json.put(o, "brier_prior", p.baselineBrier());
            Json.put(o, "log_score", p.logScore());
            Json.put(o, "log_score_prior", p.baselineLogScore());
        }
        ArrayNode bins = n.putArray("calibration");
        for (Bin b : s.calibration()) {
            ObjectNode o = bins.addObject();
            Json.put(o, "lower", b.lower());
            Json.put(o, "upper", b.upper());
            o.put("count", b.count());
            Json.put(o, "mean_forecast", b.meanForecast());
            Json.put(o, "observed_frequency", b.observedFrequency());
        }
    }

    /** Adds the section "Resolved indicators and scores" to a run's page, before its history. */
    public static void addTo(HtmlReport page, Case c, Summary s) {
        HtmlReport.Section x = new HtmlReport.Section(SECTION, "Resolved indicators and scores");
        x.paragraph("How the forecast fared on the indicators that have resolved: each scored against the "
                + "probability the forecast gave it the day before it resolved, and against the prior alone.");
        x.list(summary(s));
        x.table(predictions(s.predictions(), false), "Resolved indicators (" + s.count() + ")");
        x.table(totals(s), "Mean scores and skill against the prior alone");
        x.chart(CalibrationChart.of("Reliability diagram", s.calibration()), 1000, 520, 420,
                "Reliability diagram: for each bin of predicted probability holding a prediction, the mean prediction "
                        + "(across) against the share observed (up); points on the diagonal are calibrated. "
                        + Numbers.count(s.count(), "prediction") + (s.anecdotal() ? ", too few to judge calibration." : "."));
        x.table(calibration(s), "Calibration (bins of predicted probability)");
        x.note(method().replace("`", ""));
        page.addBefore(RunPage.HISTORY, x);
    }
}
