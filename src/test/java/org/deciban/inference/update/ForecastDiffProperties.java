package org.deciban.inference.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.deciban.inference.CaseModel;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.CaseContent;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.deciban.report.UpdateNote;

/**
 * The decomposition of a change between two forecasts of a one-variable case (issue 15): its rows sum to the
 * whole change of log-odds of every reported probability, and the update note names every change.
 *
 * <p>Worlds: a case of 2 to 5 hypotheses (some naming an outcome, one naming none) with 0 to 8 dated or undated
 * items (reliability, groups, absent items), and a later version of it with items removed, changed (likelihoods,
 * reliability, observed, group, date) and added, the prior, the correlation and the drift changed, and as_of
 * moved forward, each with its own chance. Both forecasts are the compiled model's exact posteriors (as {@code
 * deciban run} reports them); the decomposition rebuilds every case of its chain from the recorded content
 * alone. Each world is derived from a seed jqwik draws, so it is reproducible from the seed.
 */
class ForecastDiffProperties {

    /** The bound on the sum of the contributions against the total change, in decibans. */
    static final double SUM_TOLERANCE = 1e-9;

    private static final LocalDate AS_OF = LocalDate.of(2024, 8, 1);

    @Property(tries = 300, seed = "20240801", edgeCases = EdgeCasesMode.NONE)
    void contributionsSumToTheTotalChangeAndTheNoteNamesEveryChange(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Case before = randomCase(rnd);
        Case after = changed(before, rnd);
        ForecastDiff.Result r = diff(before, after);

        assertEquals(ForecastDiff.Method.TELESCOPING, r.method());
        assertEquals(r.changes().size(), r.steps().size(), "one step per change (fewer than the grouping bound)");
        assertTrue(r.unexplained().isEmpty(), "the chain rebuilt from content gives back both forecasts: "
                + r.unexplained());
        for (Figure f : r.figures()) {
            double sum = 0;
            for (ForecastDiff.Step s : r.steps()) {
                sum += s.decibans().get(f);
            }
            assertEquals(r.total(f), sum, SUM_TOLERANCE, f + ": the rows sum to the total change of log-odds");
        }
        List<String> note = UpdateNote.changeList(after, r);
        assertEquals(r.changes().size(), note.size(), "one sentence per change");
        for (int i = 0; i < note.size(); i++) {
            ForecastDiff.Change ch = r.changes().get(i);
            String named = ch.kind() == ForecastDiff.Kind.TABLE ? "prior" : ch.kind() == ForecastDiff.Kind.DATE
                    ? String.valueOf(ch.after()) : ch.id();
            assertTrue(note.get(i).contains(named), note.get(i) + " names " + named);
        }
        Statistics.label("changes").collect(Math.min(r.changes().size(), 6));
        Statistics.label("changes").coverage(c -> {
            c.check(0).count(x -> x >= 1);
            c.check(6).count(x -> x >= 1);
        });
        Set<ForecastDiff.Kind> kinds = new HashSet<>();
        r.changes().forEach(ch -> kinds.add(ch.kind()));
        for (ForecastDiff.Kind k : ForecastDiff.Kind.values()) {
            Statistics.label("kind " + k).collect(kinds.contains(k));
            if (k != ForecastDiff.Kind.OUTCOME) {
                Statistics.label("kind " + k).coverage(c -> c.check(true).count(x -> x >= 5));
            }
        }
    }

    @Property(tries = 100, seed = "20240802", edgeCases = EdgeCasesMode.NONE)
    void aForecastComparedWithItselfHasNoChangeAndNoMovement(@ForAll long seed) {
        Case c = randomCase(new SplittableRandom(seed));
        ForecastDiff.Result r = diff(c, c);
        assertTrue(r.changes().isEmpty());
        for (Figure f : r.figures()) {
            assertEquals(0.0, r.total(f), 0.0);
        }
    }

    static ForecastDiff.Result diff(Case before, Case after) {
        CaseModel a = CaseModels.compile(before);
        CaseModel b = CaseModels.compile(after);
        return ForecastDiff.of(CaseContent.of(before, a.evaluationDate()), Figure.of(before, a.posterior()),
                CaseContent.of(after, b.evaluationDate()), Figure.of(after, b.posterior()), after);
    }

    private static Case randomCase(SplittableRandom rnd) {
        int k = 2 + rnd.nextInt(4);
        List<Hypothesis> hs = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            hs.add(new Hypothesis("h" + h, "hypothesis " + h, h == k - 1 ? null : "o" + (h % 2)));
        }
        List<EvidenceItem> items = new ArrayList<>();
        int n = rnd.nextInt(9);
        for (int e = 0; e < n; e++) {
            items.add(item(rnd, "e" + e, k));
        }
        double drift = rnd.nextInt(3) == 0 ? 0.4 : 0;
        return new Case("demo", "Which?", AS_OF, hs, new Prior(prior(rnd, k), null),
                new Settings(0.5, Map.of(), Settings.DEFAULT_DRAWS, Settings.DEFAULT_SEED, drift), items, List.of());
    }

    private static Case changed(Case c, SplittableRandom rnd) {
        int k = c.size();
        List<EvidenceItem> items = new ArrayList<>();
        for (EvidenceItem e : c.evidence()) {
            int what = rnd.nextInt(10);
            if (what == 0) {
                continue;
            }
            if (what == 1) {
                EvidenceItem x = item(rnd, e.id(), k);
                items.add(x);
            } else if (what == 2) {
                items.add(new EvidenceItem(e.id(), e.date(), e.category(), e.source(), e.reliability(),
                        e.reliabilityCode(), e.quote(), e.rationale(), e.likelihoods(), e.confidence(), e.group(),
                        !e.observed(), e.origin()));
            } else {
                items.add(e);
            }
        }
        int added = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
        for (int i = 0; i < added; i++) {
            items.add(item(rnd, "new" + i, k));
        }
        Prior prior = rnd.nextInt(4) == 0 ? new Prior(prior(rnd, k), null) : c.prior();
        Settings s = c.settings();
        double correlation = rnd.nextInt(4) == 0 ? 0.1 + 0.8 * rnd.nextDouble() : s.correlation();
        double drift = rnd.nextInt(4) == 0 ? (s.drift() == 0 ? 0.7 : 0) : s.drift();
        LocalDate asOf = rnd.nextInt(4) == 0 ? AS_OF.plusDays(1 + rnd.nextInt(400)) : c.asOf();
        return new Case(c.id(), c.question(), asOf, c.hypotheses(), prior,
                new Settings(correlation, Map.of(), s.draws(), s.seed(), drift), items, List.of());
    }

    private static EvidenceItem item(SplittableRandom rnd, String id, int k) {
        List<Double> l = new ArrayList<>();
        for (int h = 0; h < k; h++) {
            l.add(0.02 + 0.96 * rnd.nextDouble());
        }
        LocalDate date = rnd.nextInt(4) == 0 ? null : AS_OF.minusDays(rnd.nextInt(2000));
        double reliability = rnd.nextInt(3) == 0 ? 1 : rnd.nextDouble();
        String group = rnd.nextInt(3) == 0 ? "g" + rnd.nextInt(2) : null;
        return new EvidenceItem(id, date, "other", "generated", reliability, null, "", "", l, null, group,
                rnd.nextInt(5) != 0, "generated:" + id);
    }

    private static List<Double> prior(SplittableRandom rnd, int k) {
        double[] w = new double[k];
        double s = 0;
        for (int h = 0; h < k; h++) {
            w[h] = 0.05 + rnd.nextDouble();
            s += w[h];
        }
        List<Double> out = new ArrayList<>();
        for (double x : w) {
            out.add(x / s);
        }
        return out;
    }
}
