package org.deciban.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.Posterior;
import org.deciban.model.Case;
import org.deciban.inference.montecarlo.Interval;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.montecarlo.Weighting;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Monte Carlo credible intervals (design.md step 5) in the reports: extra columns of the posterior
 * table, the summary lines, a Markdown section and the JSON "interval" objects.
 */
public final class IntervalReport {

    private IntervalReport() {
    }

    /** Interval columns added to the posterior table, whose rows are hypotheses, outcomes, no-outcome share. */
    public static final List<String> COLUMNS = List.of("mean", "median", "p05", "p95", "lead_share", "mcse", "ess");

    /** The rows' intervals in the order of {@link PosteriorTables#posterior}. */
    static List<Interval> rows(MonteCarloResult mc, Posterior p) {
        List<Interval> rows = new ArrayList<>(mc.hypotheses());
        rows.addAll(mc.outcomes());
        if (!p.outcomes().isEmpty() && p.noOutcomePrior() > 0 && mc.noOutcome() != null) {
            rows.add(mc.noOutcome());
        }
        return rows;
    }

    /** A copy of the posterior table with the interval columns appended. */
    public static Table withIntervals(Table posterior, Posterior p, MonteCarloResult mc) {
        List<Interval> rows = rows(mc, p);
        if (rows.size() != posterior.rowCount()) {
            throw new IllegalArgumentException("posterior table has " + posterior.rowCount() + " rows, intervals "
                    + rows.size());
        }
        Table t = posterior.copy();
        DoubleColumn[] cols = new DoubleColumn[COLUMNS.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = DoubleColumn.create(COLUMNS.get(i));
        }
        for (Interval iv : rows) {
            double[] v = values(iv);
            for (int i = 0; i < cols.length; i++) {
                cols[i].append(v[i]);
            }
        }
        t.addColumns(cols);
        return t;
    }

    private static double[] values(Interval iv) {
        return new double[] {iv.mean(), iv.median(), iv.p05(), iv.p95(), iv.leadShare(), iv.mcse(), iv.ess()};
    }

    /**
     * The headline ({@link RunReport#headline}) with each share's interval: "The central bank cuts rates:
     * likely (0.68), 90% interval 0.48-0.83".
     */
    public static List<String> headline(Case c, Posterior p, MonteCarloResult mc) {
        List<String> out = new ArrayList<>();
        List<Wording.Share> shares = Wording.shares(c, p);
        for (int o = 0; o < shares.size(); o++) {
            Wording.Share s = shares.get(o);
            Interval iv = o < mc.outcomes().size() ? mc.outcomes().get(o) : mc.noOutcome();
            out.add(Wording.statement(s.subject(), s.probability()) + (iv == null ? "" : ", " + intervalLabel(mc) + " "
                    + Wording.probability(iv.p05()) + "-" + Wording.probability(iv.p95())));
        }
        return out;
    }

    private static String intervalLabel(MonteCarloResult mc) {
        return mc.options().weighting() == Weighting.IMPORTANCE ? "90% interval" : "90% judgment spread";
    }

    /** How the intervals were made, in one line. */
    public static String method(MonteCarloResult mc) {
        String w = mc.options().weighting() == Weighting.IMPORTANCE
                ? "importance-weighted by the evidence normaliser Z_s (credible intervals of the ideal posterior)"
                : "UNWEIGHTED judgment spread (how far the posterior moves as the judgments vary; "
                  + "not a credible interval, and its mean is not the exact posterior)";
        return "Monte Carlo (design.md step 5): " + mc.options().draws() + " draws, seed " + mc.options().seed() + ", "
                + w + "; effective sample size " + Numbers.fixed(mc.ess(), 0) + "; quantiles: " + mc.quantileMethod() + ".";
    }

    /** A Markdown section on the intervals. */
    public static List<String> markdown(MonteCarloResult mc) {
        List<String> md = new ArrayList<>();
        md.add("## Credible intervals");
        md.add("");
        md.add(Markdown.escape(method(mc)));
        md.add("");
        md.add("`mean`, `median`, `p05`, `p95`: weighted mean and quantiles of the draws' posteriors; `lead_share`: "
                + "weighted share of draws in which the row leads its kind; `mcse`: Monte Carlo standard error of "
                + "the mean; `ess`: effective sample size (sum W)^2 / sum W^2.");
        for (String w : mc.warnings()) {
            md.add("");
            md.add("**Warning.** " + Markdown.escape(w));
        }
        return md;
    }

    /** Adds "interval" objects to the hypotheses, outcomes and no_outcome of a JSON report, and "monte_carlo". */
    public static void addTo(ObjectNode root, MonteCarloResult mc) {
        JsonNode hs = root.get("hypotheses");
        for (int k = 0; k < mc.hypotheses().size(); k++) {
            put((ObjectNode) hs.get(k), mc.hypotheses().get(k));
        }
        JsonNode os = root.get("outcomes");
        for (int o = 0; o < mc.outcomes().size(); o++) {
            put((ObjectNode) os.get(o), mc.outcomes().get(o));
        }
        if (root.get("no_outcome") instanceof ObjectNode none) {
            put(none, mc.noOutcome() != null ? mc.noOutcome() : constant(none.path("posterior").asDouble(), mc.ess()));
        }
        ObjectNode m = root.putObject("monte_carlo");
        m.put("draws", mc.options().draws());
        m.put("seed", mc.options().seed());
        m.put("weighting", mc.options().weighting() == Weighting.IMPORTANCE ? "importance" : "judgment-spread");
        m.put("used_draws", mc.usedDraws());
        m.put("ess", mc.ess());
        m.put("quantiles", mc.quantileMethod());
        ArrayNode w = m.putArray("warnings");
        mc.warnings().forEach(w::add);
    }

    /**
     * The interval of a share that is the same in every draw: 1 when no hypothesis names an outcome, 0
     * when every one does. Its quantiles are the share, its standard error 0; it leads its kind exactly
     * when it is 1.
     */
    static Interval constant(double share, double ess) {
        return new Interval(share, share, share, share, share == 1 ? 1 : 0, 0, ess);
    }

    private static void put(ObjectNode n, Interval iv) {
        ObjectNode i = n.putObject("interval");
        i.put("mean", iv.mean());
        i.put("median", iv.median());
        i.put("p05", iv.p05());
        i.put("p95", iv.p95());
        i.put("lead_share", iv.leadShare());
        i.put("mcse", iv.mcse());
        i.put("ess", iv.ess());
    }

    /** The intervals as the HTML report draws them: the 5%-95% range per hypothesis and outcome. */
    public static Uncertainty uncertainty(Case c, MonteCarloResult mc) {
        Map<String, Range> hs = new LinkedHashMap<>();
        for (int k = 0; k < c.size(); k++) {
            hs.put(c.hypotheses().get(k).id(), new Range(mc.hypotheses().get(k).p05(), mc.hypotheses().get(k).p95()));
        }
        Map<String, Range> os = new LinkedHashMap<>();
        List<String> names = c.outcomes();
        for (int o = 0; o < names.size(); o++) {
            os.put(names.get(o), new Range(mc.outcomes().get(o).p05(), mc.outcomes().get(o).p95()));
        }
        if (mc.noOutcome() != null) {
            os.put(PosteriorTables.NO_OUTCOME, new Range(mc.noOutcome().p05(), mc.noOutcome().p95()));
        }
        String label = (mc.options().weighting() == org.deciban.inference.montecarlo.Weighting.JUDGMENT_SPREAD
                ? "90% judgment spread (unweighted, not a credible interval), " : "90% credible interval, ")
                + mc.options().draws() + " draws, seed " + mc.options().seed();
        return new Uncertainty(label, hs, os);
    }
}
