package org.deciban.report;

import java.util.List;
import org.deciban.inference.Posterior;
import org.deciban.inference.Timeline;
import org.deciban.inference.VariableMarginal;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.inference.sensitivity.Explain;
import org.deciban.inference.sensitivity.InformationGain;
import org.deciban.inference.sensitivity.WhatIf;
import org.deciban.model.Case;
import org.deciban.model.HistoryEntry;
import org.deciban.proof.ChangedJudgment;

/**
 * The tables each command prints, as text laid out by a {@link TextLayout} for the terminal. The
 * commands print these strings and never hold a table themselves: the tables are built here, in the
 * report stage, by the same methods that build the Markdown and CSV files, so the terminal shows the
 * figures the files hold. A table that would be empty is the empty string.
 */
public final class TerminalTables {

    private TerminalTables() {
    }

    /** The posterior table of {@code run}, with the Monte Carlo intervals when {@code mc} is not null. */
    public static String posterior(TextLayout l, Case c, Posterior p, MonteCarloResult mc) {
        return l.table(mc == null ? PosteriorTables.posterior(c, p)
                : IntervalReport.withIntervals(PosteriorTables.posterior(c, p), p, mc));
    }

    /** Every variable's marginal, prior to posterior ({@code run}, {@code query}). */
    public static String variables(TextLayout l, List<VariableMarginal> vs) {
        return l.table(NetworkReport.variables(vs));
    }

    /** The source's expectations judged against the posterior ({@code run}); empty when there are none. */
    public static String verdicts(TextLayout l, ExpectationGap.Figures gap) {
        return gap.verdicts().isEmpty() ? "" : l.table(SourceReport.verdicts(gap), 1);
    }

    /** What would move the posterior towards each of the source's expectations ({@code run}); empty when none. */
    public static String towards(TextLayout l, Case c, ExpectationGap.Figures gap) {
        return gap.towards().isEmpty() ? "" : l.table(SourceReport.towards(c, gap), 1);
    }

    /** The ledger of {@code explain}: items in date order with the running posterior. */
    public static String ledger(TextLayout l, Case c, Explain.Explanation x) {
        return l.table(ExplainReport.ledger(c, x), 2);
    }

    /** The ranked indicators of {@code indicators}. */
    public static String indicators(TextLayout l, Case c, List<InformationGain.Value> ranked) {
        return l.table(IndicatorReport.table(c, ranked), 2);
    }

    /** Indicators under each state of another parent of their variable; empty when no indicator has one. */
    public static String indicatorsGiven(TextLayout l, Case c, List<InformationGain.Value> ranked) {
        var given = IndicatorReport.givenTable(c, ranked);
        return given.rowCount() == 0 ? "" : l.table(given, 2);
    }

    /** The what-if comparison of {@code what-if}. */
    public static String whatIf(TextLayout l, Case c, WhatIf.Comparison w) {
        return l.table(WhatIfReport.table(c, w));
    }

    /** The timeline of {@code timeline}, without the items column the files carry. */
    public static String timeline(TextLayout l, Case c, Timeline t) {
        return l.table(TimelineReport.table(c, t).removeColumns("items"), 2);
    }

    /** The recorded runs of {@code history}, without the inputs-changed column (printed as lines after it). */
    public static String history(TextLayout l, List<HistoryEntry> entries) {
        return l.table(HistoryTables.timeline(entries).removeColumns("inputs_changed"));
    }

    /** The judgments a counterexample of {@code deciban test} changed. */
    public static String counterexample(TextLayout l, List<ChangedJudgment> changes) {
        return l.table(ProofTables.counterexample(changes));
    }

    /** The resolved indicators of {@code deciban indicators} ({@link ResolvedIndicatorReport#table}). */
    public static String resolvedIndicators(TextLayout l, Case c, List<org.deciban.inference.update.Scoring.Prediction> resolved) {
        return l.table(ResolvedIndicatorReport.table(c, resolved), 1);
    }

    /** The predictions of {@code deciban score}, one row each ({@link ScoreReport#predictions}). */
    public static String scorePredictions(TextLayout l, org.deciban.inference.update.Scoring.Summary s) {
        return l.table(ScoreReport.predictions(s.predictions(), false), 1);
    }

    /** The mean scores and skills of {@code deciban score} ({@link ScoreReport#totals}). */
    public static String scoreTotals(TextLayout l, org.deciban.inference.update.Scoring.Summary s) {
        return l.table(ScoreReport.totals(s));
    }

    /** The calibration bins of {@code deciban score} ({@link ScoreReport#calibration}). */
    public static String scoreCalibration(TextLayout l, org.deciban.inference.update.Scoring.Summary s) {
        return l.table(ScoreReport.calibration(s));
    }

    /** The reported probabilities then and now of {@code deciban diff} ({@link UpdateNote#figures}). */
    public static String updateFigures(TextLayout l, Case c, org.deciban.inference.update.ForecastDiff.Result r) {
        return l.table(UpdateNote.figures(c, r), 2);
    }

    /** The decomposition of {@code deciban diff} ({@link UpdateNote#decomposition}); empty when not decomposed. */
    public static String updateDecomposition(TextLayout l, Case c, org.deciban.inference.update.ForecastDiff.Result r) {
        return r.steps().isEmpty() ? "" : l.table(UpdateNote.decomposition(c, r), 3);
    }
}
