package org.deciban.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Timeline;
import org.deciban.inference.TimelineStep;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.inference.sensitivity.Sensitivity.Tornado;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import tech.tablesaw.api.Table;

/**
 * The sections {@code deciban run} adds to {@link RunPage} ahead of the history: "Sensitivity" (a
 * tornado chart and table, leave-one-out, and what one new item would take, from the figures of
 * {@link SensitivityReport}) and "Forecast over time" (the drift filter's posterior at each
 * evidence date, from {@link TimelineReport}). Tables are the ones those reports write; this class
 * only lays them out.
 */
public final class RunPageSections {

    /** Section ids, for {@link HtmlReport#addBefore}. */
    public static final String SENSITIVITY = "sensitivity";
    public static final String OVER_TIME = "over-time";

    /** Items shown in the tornado chart and table (the largest swings). */
    public static final int TORNADO_ROWS = 12;

    /** Span of the close-up chart of the latest dates, drawn when the evidence crowds into it. */
    public static final int RECENT_DAYS = 90;

    private static final int CHART_WIDTH = 1000;

    private RunPageSections() {
    }

    /** Adds both sections before the page's history section. */
    public static void addTo(HtmlReport page, Case c, Sensitivity.Figures f, Timeline t) {
        page.addBefore(RunPage.HISTORY, sensitivity(c, f));
        page.addBefore(RunPage.HISTORY, overTime(c, t));
    }

    /** The "Sensitivity" section. */
    public static HtmlReport.Section sensitivity(Case c, Sensitivity.Figures f) {
        HtmlReport.Section s = new HtmlReport.Section(SENSITIVITY, "Sensitivity");
        int lead = f.posterior().leader();
        Hypothesis h = c.hypotheses().get(lead);
        double pl = f.posterior().probabilities().get(lead);
        List<Tornado> top = f.tornado().subList(0, Math.min(TORNADO_ROWS, f.tornado().size()));
        s.paragraph("How fragile the lead of '" + h.id() + "' (" + Wording.probability(pl) + ") is. Every figure is an "
                + "exact posterior of a changed case; nothing is random. deciban sensitivity writes the full tables, "
                + "including the prior neighbourhood.");
        s.list(SensitivityReport.whatItTakesSentences(c, f));
        if (!top.isEmpty()) {
            List<Charts.Swing> swings = new ArrayList<>();
            for (Tornado t : top) {
                swings.add(new Charts.Swing(t.itemId(), t.low(), t.high()));
            }
            String shown = top.size() == f.tornado().size()
                    ? (top.size() == 1 ? "the only item" : "all " + top.size() + " items")
                    : "the " + top.size() + " of " + f.tornado().size() + " items with the largest swing";
            s.chart(Charts.tornado("Tornado: posterior of '" + h.id() + "' as one item's likelihoods move", swings, pl,
                            "now " + Numbers.fixed(pl, 4), "posterior of '" + h.id() + "'"),
                    CHART_WIDTH, 110 + 30 * top.size(),
                    "Tornado chart (" + shown + "): each bar spans the posterior of '" + h.id() + "' (" + h.label()
                            + ") with one item's likelihoods set against and for it at the ends of their uncertainty; "
                            + "the dashed line is its posterior now, " + Wording.probability(pl) + ".");
            s.table(SensitivityReport.tornadoTable(c, f).first(top.size()).removeColumns("against_leader_L", "for_leader_L"),
                    "Tornado (" + shown + ")");
            s.note("Each stated likelihood L is uncertain as Beta(c L, c (1 - L)), c the item's confidence or "
                    + Numbers.fixed(c.settings().defaultConfidence(), 0) + " where it states none (confidence_from), or "
                    + "as the Beta matching its stated 90% interval; 0 and 1 stay fixed. The item is set once against "
                    + "the leader and once for it at the ends of that uncertainty; leader_low and leader_high are the "
                    + "leader's posterior at the two, swing their difference. The likelihoods of both settings are in "
                    + "sensitivity.md.");
        }
        RunPage.firstRows(SensitivityReport.looTable(c, f), f.loo().size(), "Leave-one-out", "item",
                "whose removal moves the leader most", s);
        s.note("The posterior without each item, recomputed from scratch (the other items of its group get the weight "
                + "of a group one smaller); leader_shift is the change of the posterior of '" + h.id()
                + "'; sorted by it, the items the leader leans on most first.");
        return s;
    }

    /** The "Forecast over time" section. */
    public static HtmlReport.Section overTime(Case c, Timeline t) {
        HtmlReport.Section s = new HtmlReport.Section(OVER_TIME, "Forecast over time");
        s.paragraph("The posterior after the items of each date, filtered forward in date order with "
                + TimelineReport.driftWords(t.drift()) + "; the last point is the forecast as of "
                + (t.end() == null ? "(no date)" : t.end().toString()) + ". Items without a date count as observed at "
                + "the case's as_of.");
        List<LocalDate> dates = new ArrayList<>();
        for (TimelineStep step : t.steps()) {
            if (step.date() != null) {
                dates.add(step.date());
            }
        }
        if (dates.size() == t.steps().size()) {
            int n = dates.size();
            s.chart(Charts.bySteps("Posterior per hypothesis after each evidence date", dates, series(c, t, 0)),
                    CHART_WIDTH, 440, 520,
                    "Line chart: the posterior of each hypothesis after the evidence of each of "
                            + Numbers.count(n, "date") + ", " + dates.get(0) + " to " + dates.get(n - 1)
                            + ", one step per date (spaced evenly, not to scale in time); "
                            + (Charts.marksPoints(n) ? "points are the filtered posterior, lines only join them."
                            : "the lines join the filtered posterior of each date (too many dates to mark each one)."));
            LocalDate from = dates.get(n - 1).minusDays(RECENT_DAYS);
            int first = 0;
            while (dates.get(first).isBefore(from)) {
                first++;
            }
            if (n - first >= 3 && first > 0) {
                s.chart(Charts.overTime("The last " + RECENT_DAYS + " days", dates.subList(first, n), series(c, t, first)),
                        CHART_WIDTH, 340, "Line chart, the same posterior over the last " + RECENT_DAYS + " days only ("
                                + (n - first) + " of the " + n + " dates), to scale in time." + Charts.unmarkedNote(n - first));
            }
        } else {
            s.paragraph("The case has no dated item and no as_of, so there is nothing to draw over time.");
        }
        Table table = TimelineReport.table(c, t);
        table = table.selectColumns(table.columnNames().stream().filter(name -> !name.startsWith("outcome_") && !name.equals("no_outcome"))
                .toArray(String[]::new));
        if (table.rowCount() > RunPage.PAGE_ROWS) {
            // the latest dates: the forecast's recent history
            table = table.last(RunPage.PAGE_ROWS);
            s.table(table, "Posterior after each date (the last " + Numbers.count(RunPage.PAGE_ROWS, "step") + " of "
                    + t.steps().size() + ")");
        } else {
            s.table(table, "Posterior after each date (" + Numbers.count(t.steps().size(), "step") + ")");
        }
        s.note("carry = exp(-drift * years since the previous row), the share of the posterior kept; the rest is "
                + "re-drawn from the prior. Items of one date are applied together. The shares per outcome at each "
                + "date are in timeline.csv (the command deciban timeline).");
        return s;
    }

    private static Map<String, List<Double>> series(Case c, Timeline t, int from) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (int k = 0; k < c.size(); k++) {
            List<Double> ys = new ArrayList<>();
            for (TimelineStep step : t.steps().subList(from, t.steps().size())) {
                ys.add(step.probabilities().get(k));
            }
            series.put(c.hypotheses().get(k).label(), ys);
        }
        return series;
    }
}
