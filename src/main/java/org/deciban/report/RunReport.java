package org.deciban.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.Posterior;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.model.Case;
import tech.tablesaw.api.Table;

/**
 * The four files of {@code deciban run}: posterior.md, posterior.csv, evidence.md, evidence.csv.
 * Every file's content is built before the first is written.
 */
public final class RunReport {

    private RunReport() {
    }

    /** File name to content, in writing order. */
    public static Map<String, String> render(Case c, Posterior p, Provenance prov) {
        return render(c, p, prov, null);
    }

    /** As {@link #render(Case, Posterior, Provenance)}, with Monte Carlo intervals when {@code mc} is not null. */
    public static Map<String, String> render(Case c, Posterior p, Provenance prov, MonteCarloResult mc) {
        return render(c, p, prov, mc, null, null);
    }

    /**
     * As {@link #render(Case, Posterior, Provenance, MonteCarloResult)}, with the sentence that names the
     * engine ({@link #engineNote}) added to posterior.md when {@code engine} is not null; for a network
     * case, {@code variables} (every variable's marginals) adds a variables table to posterior.md and a row
     * per state to posterior.csv, and the evidence ledger names the variable each item is on.
     */
    public static Map<String, String> render(Case c, Posterior p, Provenance prov, MonteCarloResult mc, String engine,
                                             List<org.deciban.inference.VariableMarginal> variables) {
        return render(c, p, prov, mc, engine, variables, null);
    }

    /**
     * As {@link #render(Case, Posterior, Provenance, MonteCarloResult, String, List)}; posterior.md also states
     * the case's analytic confidence ({@link ConfidenceReport}) after the headline when the case gives one, and,
     * when {@code gap} is not null (a case with a source reading), the section "Where this differs from the
     * source" ({@link SourceReport}) after the posterior table.
     */
    public static Map<String, String> render(Case c, Posterior p, Provenance prov, MonteCarloResult mc, String engine,
                                             List<org.deciban.inference.VariableMarginal> variables,
                                             ExpectationGap.Figures gap) {
        Table post = PosteriorTables.posterior(c, p);
        if (mc != null) {
            post = IntervalReport.withIntervals(post, p, mc);
        }
        Table ev = c.structured() ? NetworkReport.evidence(c, p) : PosteriorTables.evidence(c, p);
        Map<String, String> files = new LinkedHashMap<>();
        List<String> md = posteriorMarkdown(c, p, post, prov, mc, gap);
        if (variables != null) {
            List<String> section = new ArrayList<>();
            section.add("## Every variable, prior to posterior");
            section.add("");
            section.addAll(Markdown.table(Display.of(NetworkReport.variables(variables))));
            section.add("");
            md.addAll(md.indexOf(prov.markdown().get(0)), section);
            post = NetworkReport.posteriorWithStates(c, p, variables);
        }
        String posteriorMd = String.join("\n", md) + "\n";
        files.put("posterior.md", engine == null ? posteriorMd : TimelineReport.withNote(posteriorMd, engine));
        files.put("posterior.csv", Csv.of(post));
        files.put("evidence.md", String.join("\n", evidenceMarkdown(c, ev, prov)) + "\n");
        files.put("evidence.csv", Csv.of(ev));
        return files;
    }

    /** The sentence that names the engine of a compiled case: static or the drift filter, and an uncertain rate. */
    public static String engineNote(CaseModel m) {
        double spread = m.source().settings().driftSpread();
        String drift = spread == 0 || m.drift() == 0 ? "" : TimelineReport.spreadNote(m.drift(), spread);
        if (m.source().structured()) {
            return "Engine: junction tree over the case's network of " + m.source().network().size()
                    + " variables (exact, design N1 and N6)" + (m.drift() == 0 ? "; settings.drift is 0."
                    : "; the question variable drifts at " + TimelineReport.driftWords(m.drift()) + " between the "
                    + "dates of the items on it (design N4), the other findings are facts as of the evaluation date.")
                    + drift;
        }
        return TimelineReport.engineNote(m.drift()) + drift;
    }

    /**
     * One sentence per outcome, by the labels of the hypotheses that favour it, and one for the hypotheses that
     * name none: "The central bank cuts rates: likely (0.62)" ({@link Wording#shares}).
     */
    public static List<String> headline(Case c, Posterior p) {
        List<String> out = new ArrayList<>();
        Wording.shares(c, p).forEach(s -> out.add(Wording.statement(s.subject(), s.probability())));
        return out;
    }

    private static List<String> posteriorMarkdown(Case c, Posterior p, Table post, Provenance prov, MonteCarloResult mc,
                                                  ExpectationGap.Figures gap) {
        List<String> md = new ArrayList<>();
        md.add("# Posterior: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        if (c.asOf() != null) {
            md.add("");
            md.add("As of " + c.asOf() + ", from " + Numbers.count(c.evidence().size(), "evidence item") + ".");
        }
        md.add("");
        int lead = p.leader();
        md.add(Markdown.escape(Wording.leading(c, lead, p.probabilities().get(lead))));
        md.add("");
        for (String line : mc == null ? headline(c, p) : IntervalReport.headline(c, p, mc)) {
            md.add("- " + Markdown.escape(line));
        }
        md.add("");
        if (c.assessment() != null) {
            md.addAll(ConfidenceReport.markdown(c.assessment()));
        }
        md.addAll(Markdown.table(Display.of(post)));
        md.add("");
        md.add("Posterior by design.md steps 1-3 (reliability mixing, group weights, log-space update); "
                + "outcomes by step 6; phrases by ICD 203 (step 7).");
        md.add("");
        if (gap != null && c.sourceReading() != null) {
            md.addAll(SourceReport.markdown(c, p, gap));
        }
        if (mc != null) {
            md.addAll(IntervalReport.markdown(mc));
            md.add("");
        }
        md.addAll(prov.markdown());
        return md;
    }

    private static List<String> evidenceMarkdown(Case c, Table ev, Provenance prov) {
        List<String> md = new ArrayList<>();
        md.add("# Evidence: " + Markdown.escape(c.id()));
        md.add("");
        if (c.structured()) {
            md.add("Items sorted by their largest absolute weight of evidence. `on` is the variable an item is about, `r` "
                    + "its reliability, `w` the dependence weight of its group, `effective` its effective likelihood "
                    + "L'(v) = r L(v) + (1 - r) mean L for each state v of its variable, and `db_h` its weight of evidence "
                    + "for state h of the question against the others in decibans (design.md N3): "
                    + "w * 10 log10(sum_v P(v | h) L'(v) / sum_v P(v | not h) L'(v)) under the network alone. "
                    + "+10 dB is a likelihood ratio of 10 in favour.");
        } else {
        md.add("Items sorted by their largest absolute weight of evidence. `r` is the reliability, `w` the "
                + "dependence weight of the item's group, `eff_h` the effective likelihood "
                + "L'(h) = r L(h) + (1 - r) mean L, and `db_h` the weight of evidence for h against the other "
                + "hypotheses in decibans: w * 10 log10(L'(h) / M(h)), M(h) the prior-weighted likelihood "
                + "under the others. +10 dB is a likelihood ratio of 10 in favour.");
        }
        md.add("");
        md.addAll(Markdown.table(Display.of(ev)));
        md.add("");
        md.addAll(prov.markdown());
        return md;
    }
}
