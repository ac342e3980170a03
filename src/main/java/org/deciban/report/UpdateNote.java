package org.deciban.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deciban.inference.update.Figure;
import org.deciban.inference.update.ForecastDiff;
import org.deciban.inference.update.ForecastDiff.Change;
import org.deciban.inference.update.ForecastDiff.Kind;
import org.deciban.inference.update.ForecastDiff.Result;
import org.deciban.inference.update.ForecastDiff.Step;
import org.deciban.model.Case;
import org.deciban.model.CaseContent;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The report of {@code deciban diff}: an update note ready for a briefing ("Since 31 July 2024: ..."), the
 * changes between two forecasts by id and content, the probabilities then and now, and the change of each
 * reported probability decomposed into the contributions of those changes in decibans of log-odds
 * ({@link ForecastDiff} states the maths). Written as {@code update-<date>.md} and {@code update-<date>.csv},
 * the date the later forecast's.
 */
public final class UpdateNote {

    /** A change of log-odds smaller than this, in decibans, is "unchanged" in prose. */
    static final double UNCHANGED_DB = 0.005;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** Settings that only Monte Carlo (and sensitivity's spread) uses: no effect on the exact posterior. */
    private static final Set<String> MONTE_CARLO_ONLY = Set.of("drift_spread", "default_confidence", "draws", "seed");

    private UpdateNote() {
    }

    /**
     * One side of the comparison, as the note names it.
     *
     * @param label  what it is, in full ("the forecast of record 12 (run 2026-11-29T03:11:17Z)")
     * @param ref    how {@code --from} or {@code --to} names it ("a7e12b2e82c9", "2024-08-01", "now")
     * @param date   the date the forecast is for, or {@code null}
     * @param inputs the SHA-256 of its input files, by path
     */
    public record Side(String label, String ref, LocalDate date, Map<String, String> inputs) {
        public Side {
            inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    /** The file names of the note: update-&lt;date&gt;.md and .csv, the date the later forecast's (else {@code today}). */
    public static String baseName(Side to, LocalDate today) {
        return "update-" + (to.date() != null ? to.date() : today);
    }

    /** A date as a briefing writes it: "31 July 2024". */
    static String day(LocalDate d) {
        return d == null ? "(no date)" : DAY.format(d);
    }

    /** The note's opening paragraph: since when, what changed in words, and how each hypothesis moved and why. */
    public static String headline(Case c, Result r, Side from, Side to) {
        StringBuilder sb = new StringBuilder("Since " + (from.date() == null ? from.label() : "the forecast as of "
                + day(from.date())) + ": ");
        List<String> what = whatChanged(r);
        sb.append(what.isEmpty() ? "nothing in the case changed" : String.join("; ", what));
        sb.append(". ");
        List<String> moves = new ArrayList<>();
        for (Figure f : r.figures()) {
            if (f.kind() == Figure.Kind.HYPOTHESIS) {
                moves.add(move(c, r, f));
            }
        }
        sb.append(String.join("; ", moves)).append('.');
        return sb.toString();
    }

    /** The changes counted by kind, in words: "the forecast date moved to 30 April 2025", "3 indicators resolved (...)". */
    static List<String> whatChanged(Result r) {
        List<String> out = new ArrayList<>();
        int settings = 0;
        int tables = 0;
        int outcomes = 0;
        int removed = 0;
        int changed = 0;
        int added = 0;
        int resolved = 0;
        int seen = 0;
        for (Change ch : r.changes()) {
            switch (ch.kind()) {
                case DATE -> out.add("the forecast date moved to " + day(ch.after() == null ? null : LocalDate.parse(ch.after())));
                case SETTING -> settings++;
                case OUTCOME -> outcomes++;
                case TABLE -> tables++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
                case ADDED -> {
                    CaseContent.Item i = r.to().items().get(ch.id());
                    if (i != null && i.resolved()) {
                        resolved++;
                        seen += i.observed() ? 1 : 0;
                    } else {
                        added++;
                    }
                }
                default -> { }
            }
        }
        if (resolved > 0) {
            out.add(Numbers.count(resolved, "indicator") + " resolved (" + seen + " observed, " + (resolved - seen) + " not seen)");
        }
        if (added > 0) {
            out.add(Numbers.count(added, "item") + " added");
        }
        if (changed > 0) {
            out.add(Numbers.count(changed, "item") + " changed");
        }
        if (removed > 0) {
            out.add(Numbers.count(removed, "item") + " removed");
        }
        if (tables > 0) {
            out.add(Numbers.count(tables, "table") + " changed");
        }
        if (settings > 0) {
            out.add(Numbers.count(settings, "setting") + " changed");
        }
        if (outcomes > 0) {
            out.add(Numbers.count(outcomes, "hypothesis", "hypotheses") + " changed outcome");
        }
        return out;
    }

    private static String move(Case c, Result r, Figure f) {
        String name = "'" + label(c, f) + "'";
        Double a = r.before().get(f);
        Double b = r.after().get(f);
        if (a == null || b == null) {
            return name + " " + (a == null ? "new at " + Numbers.fixed(b, 2) : "no longer reported");
        }
        double total = r.total(f);
        if (!Double.isNaN(total) && Math.abs(total) < UNCHANGED_DB) {
            return name + " unchanged at " + Numbers.fixed(b, 2);
        }
        StringBuilder sb = new StringBuilder(name + " " + Numbers.fixed(a, 2) + " to " + Numbers.fixed(b, 2) + " ("
                + Numbers.decibans(total) + " dB");
        Step top = null;
        for (Step s : r.steps()) {
            double x = s.decibans().get(f);
            if (Double.isFinite(x) && Math.signum(x) == Math.signum(total)
                    && (top == null || Math.abs(x) > Math.abs(top.decibans().get(f)))) {
                top = s;
            }
        }
        if (top != null) {
            double x = top.decibans().get(f);
            sb.append(r.steps().size() == 1 ? "; from " : "; largest contribution: ").append(shortName(top.change(), r));
            if (r.steps().size() > 1) {
                sb.append(", ").append(Numbers.decibans(x)).append(" dB");
            }
        }
        return sb.append(')').toString();
    }

    /** How a figure is named: a hypothesis by its label, an outcome by its name, the rest as such. */
    static String label(Case c, Figure f) {
        return switch (f.kind()) {
            case HYPOTHESIS -> {
                int k = c.indexOf(f.id());
                yield k >= 0 ? c.hypotheses().get(k).label() : f.id();
            }
            case OUTCOME -> "preference for " + f.id();
            case NO_OUTCOME -> "hypotheses that name no outcome";
        };
    }

    private static String shortName(Change ch, Result r) {
        String ids = ch.ids().size() == 1 ? "'" + ch.id() + "'" : Numbers.count(ch.ids().size(), "item");
        return switch (ch.kind()) {
            case DATE -> "the later forecast date";
            case SETTING -> "setting " + ch.id();
            case OUTCOME -> "the outcome of '" + ch.id() + "'";
            case TABLE -> "the table of '" + ch.id() + "'";
            case REMOVED -> "removing " + ids;
            case CHANGED -> "the change to " + ids;
            case ADDED -> {
                CaseContent.Item i = r.to().items().get(ch.id());
                yield ch.ids().size() == 1 && i != null && i.resolved()
                        ? "'" + ch.id() + "' " + (i.observed() ? "observed" : "not seen") : "adding " + ids;
            }
        };
    }

    /** Every change, one sentence each. */
    public static List<String> changeList(Case c, Result r) {
        Map<String, EvidenceItem> now = new LinkedHashMap<>();
        c.evidence().forEach(e -> now.put(e.id(), e));
        List<String> out = new ArrayList<>();
        for (Change ch : r.changes()) {
            out.add(describe(ch, r, now, c));
        }
        return out;
    }

    private static String describe(Change ch, Result r, Map<String, EvidenceItem> now, Case c) {
        switch (ch.kind()) {
            case DATE: {
                String s = "The forecast date moved from " + orNone(ch.before()) + " to " + orNone(ch.after());
                if (!ch.fields().isEmpty()) {
                    s += " (the case's as_of from " + orNone(r.from().asOf()) + " to " + orNone(r.to().asOf()) + ")";
                }
                return s + ".";
            }
            case SETTING:
                return "Setting " + ch.id() + " changed from " + orNone(ch.before()) + " to " + orNone(ch.after())
                        + (MONTE_CARLO_ONLY.contains(ch.id()) ? " (Monte Carlo only: no effect on the probabilities)" : "")
                        + ".";
            case OUTCOME:
                return "Hypothesis '" + ch.id() + "' now favours " + (ch.after() == null ? "no outcome" : "outcome '"
                        + ch.after() + "'") + " (was " + (ch.before() == null ? "none" : "'" + ch.before() + "'") + ").";
            case TABLE:
                return (c.structured() ? "The table of variable '" + ch.id() + "' changed." : "The prior changed.");
            case REMOVED: {
                CaseContent.Item i = r.from().items().get(ch.id());
                return (i != null && i.resolved() ? "Resolved indicator '" : "Item '") + ch.id() + "' removed.";
            }
            case CHANGED: {
                CaseContent.Item before = r.from().items().get(ch.id());
                CaseContent.Item after = r.to().items().get(ch.id());
                String what = ch.fields().isEmpty()
                        ? "its wording or Monte Carlo judgments only (no effect on the probabilities)"
                        : "its " + String.join(", ", ch.fields());
                if (before != null && after != null && after.resolved() && !before.resolved()) {
                    return "Indicator '" + ch.id() + "' resolved, and was evidence before.";
                }
                return "Item '" + ch.id() + "' changed: " + what + ".";
            }
            case ADDED: {
                CaseContent.Item i = r.to().items().get(ch.id());
                EvidenceItem e = now.get(ch.id());
                if (i != null && i.resolved()) {
                    String s = "Indicator '" + ch.id() + "' resolved on " + orNone(i.date()) + ": "
                            + (i.observed() ? "observed" : "watched for and not seen");
                    if (e != null && e.resolution() != null) {
                        s += " (" + e.resolution().source() + ")";
                    }
                    return s + ".";
                }
                return "Item '" + ch.id() + "' added" + (i != null && i.date() != null ? " (dated " + i.date() + ")" : "")
                        + (e != null && !e.source().isEmpty() ? ": " + e.source() : "") + ".";
            }
            default:
                throw new IllegalStateException("unknown change " + ch.kind());
        }
    }

    private static String orNone(Object o) {
        return o == null ? "none" : o.toString();
    }

    /** Input files added, removed or changed between the two sides (by SHA-256). */
    public static List<String> inputChanges(Side from, Side to) {
        List<String> out = new ArrayList<>();
        to.inputs().forEach((path, hash) -> {
            String old = from.inputs().get(path);
            if (old == null) {
                out.add("added " + path);
            } else if (!old.equals(hash)) {
                out.add("changed " + path);
            }
        });
        from.inputs().keySet().stream().filter(p -> !to.inputs().containsKey(p)).forEach(p -> out.add("removed " + p));
        return out;
    }

    /** Per reported probability: kind, id, label, before, after, db_change (the change of log-odds). */
    public static Table figures(Case c, Result r) {
        StringColumn kind = StringColumn.create("kind");
        StringColumn id = StringColumn.create("id");
        StringColumn label = StringColumn.create("label");
        DoubleColumn before = DoubleColumn.create("before");
        DoubleColumn after = DoubleColumn.create("after");
        DoubleColumn change = DoubleColumn.create("db_change");
        for (Figure f : r.figures()) {
            kind.append(kindWord(f));
            id.append(f.kind() == Figure.Kind.NO_OUTCOME ? PosteriorTables.NO_OUTCOME : f.id());
            label.append(label(c, f));
            before.append(r.before().getOrDefault(f, Double.NaN));
            after.append(r.after().getOrDefault(f, Double.NaN));
            change.append(r.total(f));
        }
        return Table.create("then and now", kind, id, label, before, after, change);
    }

    private static String kindWord(Figure f) {
        return switch (f.kind()) {
            case HYPOTHESIS -> "hypothesis";
            case OUTCOME -> "outcome";
            case NO_OUTCOME -> "outcome";
        };
    }

    /**
     * The decomposition: one row per step (step, change, id, then db_&lt;figure&gt; per reported probability), then
     * the row "total" and, when the chain does not reproduce the reported figures, "unexplained".
     */
    public static Table decomposition(Case c, Result r) {
        ColumnNames names = new ColumnNames("step", "change", "id", "db_no_outcome");
        IntColumn step = IntColumn.create("step");
        StringColumn change = StringColumn.create("change");
        StringColumn id = StringColumn.create("id");
        Map<Figure, DoubleColumn> cols = new LinkedHashMap<>();
        for (Figure f : r.figures()) {
            cols.put(f, DoubleColumn.create(switch (f.kind()) {
                case HYPOTHESIS -> names.derive("db_", f.id());
                case OUTCOME -> names.derive("db_outcome_", f.id());
                case NO_OUTCOME -> "db_no_outcome";
            }));
        }
        int n = 0;
        for (Step s : r.steps()) {
            step.append(++n);
            change.append(changeWord(s.change(), r));
            id.append(String.join(", ", s.change().ids()));
            cols.forEach((f, col) -> col.append(s.decibans().get(f)));
        }
        if (!r.unexplained().isEmpty()) {
            step.appendMissing();
            change.append("unexplained");
            id.append("");
            cols.forEach((f, col) -> col.append(r.unexplained().get(f)));
        }
        step.appendMissing();
        change.append("total");
        id.append("");
        cols.forEach((f, col) -> col.append(r.total(f)));
        Table t = Table.create("decomposition", step, change, id);
        cols.values().forEach(t::addColumns);
        return t;
    }

    private static String changeWord(Change ch, Result r) {
        if (ch.kind() == Kind.ADDED) {
            CaseContent.Item i = r.to().items().get(ch.id());
            if (ch.ids().size() == 1 && i != null && i.resolved()) {
                return "resolved";
            }
        }
        return switch (ch.kind()) {
            case DATE -> "date";
            case SETTING -> "setting";
            case OUTCOME -> "outcome";
            case TABLE -> "table";
            case REMOVED -> "removed";
            case CHANGED -> "changed";
            case ADDED -> "added";
        };
    }

    /** How the rows were computed, in words. */
    public static String method(Result r) {
        String order = "the forecast date first (last when it moves back), then settings, outcomes, tables, items "
                + "removed, items changed, and items added by date";
        String grouped = r.steps().size() < r.changes().size() ? " With " + r.changes().size() + " changes, the items "
                + "removed, changed and added are each taken as one step." : "";
        String unexplained = r.unexplained().isEmpty() ? "" : " The row 'unexplained' is what rebuilding the forecasts "
                + "from their content does not give back of the reported figures (a record written by another version "
                + "of deciban, for example).";
        return switch (r.method()) {
            case TELESCOPING -> "Each row is the change of log-odds, 10 log10(p / (1 - p)) in decibans, of each reported "
                    + "probability when that change is made to the earlier forecast after the rows above it (" + order
                    + "); the rows sum to the total. A change's share depends on this order when changes interact "
                    + "(items of one group, drift)." + grouped + unexplained;
            case REMOVAL -> "The case is a network, so each row is what removing that change from the later forecast "
                    + "takes away, after the changes in the rows above it have been removed (" + order.replace(
                    "the forecast date first (last when it moves back)", "the forecast date last (first when it moves "
                    + "back)") + "): the change of log-odds, 10 log10(p / (1 - p)) in decibans, of each reported "
                    + "probability; the rows sum to the total. A change's share depends on this order when changes "
                    + "interact (a table and the items on its variable, items of one group, findings that are not "
                    + "independent given the question)." + grouped + unexplained;
            case NONE -> "Not decomposed: " + r.notDecomposed() + ".";
        };
    }

    /** update-&lt;date&gt;.md (the note) and update-&lt;date&gt;.csv (the decomposition). */
    public static Map<String, String> render(Case c, Result r, Side from, Side to, Provenance prov, String baseName) {
        List<String> md = new ArrayList<>();
        md.add("# Update note: " + Markdown.escape(c.id()));
        md.add("");
        md.add("**Question.** " + Markdown.escape(c.question()));
        md.add("");
        md.add(Markdown.escape(headline(c, r, from, to)));
        md.add("");
        md.add("- From: " + Markdown.escape(from.label()) + " (`--from " + Markdown.escape(from.ref()) + "`)");
        md.add("- To: " + Markdown.escape(to.label()) + " (`--to " + Markdown.escape(to.ref()) + "`)");
        md.add("");
        md.add("## What changed");
        md.add("");
        List<String> changes = changeList(c, r);
        if (changes.isEmpty()) {
            md.add(r.from() == null || r.to() == null ? "The record keeps no content; see the input files below."
                    : "Nothing: the two forecasts have the same content.");
        }
        changes.forEach(x -> md.add("- " + Markdown.escape(x)));
        md.add("");
        List<String> files = inputChanges(from, to);
        md.add("Input files: " + (files.isEmpty() ? "none changed." : Markdown.escape(String.join("; ", files)) + "."));
        md.add("");
        md.add("## The forecast, then and now");
        md.add("");
        md.addAll(Markdown.table(Display.of(figures(c, r))));
        md.add("");
        md.add("`db_change` is the change of log-odds, 10 log10(after / (1 - after)) - 10 log10(before / (1 - before)).");
        md.add("");
        md.add("## Where the change came from");
        md.add("");
        if (!r.steps().isEmpty() || r.method() != ForecastDiff.Method.NONE) {
            md.addAll(Markdown.table(Display.of(decomposition(c, r))));
            md.add("");
        }
        md.add(Markdown.escape(method(r)));
        md.add("");
        md.addAll(prov.markdown());
        Map<String, String> out = new LinkedHashMap<>();
        out.put(baseName + ".md", String.join("\n", md) + "\n");
        out.put(baseName + ".csv", Csv.of(decomposition(c, r)));
        return out;
    }

    /**
     * The probabilities a recorded run reported, as figures (the share naming no outcome under either of its
     * spellings).
     */
    public static Map<Figure, Double> reported(org.deciban.model.HistoryRecord r) {
        Map<Figure, Double> out = new LinkedHashMap<>();
        r.hypotheses().forEach((h, x) -> out.put(Figure.hypothesis(h), x));
        r.outcomes().forEach((o, x) -> out.put(HistoryTables.isNoOutcome(o) ? Figure.noOutcome() : Figure.outcome(o), x));
        return out;
    }

    /** The comparison as one JSON document ({@link #json}), as text. */
    public static String jsonText(Case c, Result r, Side from, Side to, Provenance prov) {
        return JsonReport.text(json(c, r, from, to, prov));
    }

    /** The comparison as JSON. */
    static ObjectNode json(Case c, Result r, Side from, Side to, Provenance prov) {
        ObjectNode root = Json.root(c, "diff");
        side(root.putObject("from"), from);
        side(root.putObject("to"), to);
        root.put("summary", headline(c, r, from, to));
        ArrayNode changes = root.putArray("changes");
        List<String> words = changeList(c, r);
        for (int i = 0; i < r.changes().size(); i++) {
            Change ch = r.changes().get(i);
            ObjectNode n = changes.addObject();
            n.put("kind", changeWord(ch, r));
            ArrayNode ids = n.putArray("ids");
            ch.ids().forEach(ids::add);
            n.put("before", ch.before());
            n.put("after", ch.after());
            ArrayNode fields = n.putArray("fields");
            ch.fields().forEach(fields::add);
            n.put("text", words.get(i));
        }
        ArrayNode inputs = root.putArray("inputs_changed");
        inputChanges(from, to).forEach(inputs::add);
        ArrayNode figures = root.putArray("figures");
        for (Figure f : r.figures()) {
            ObjectNode n = figures.addObject();
            n.put("kind", f.kind().name().toLowerCase(Locale.ROOT));
            n.put("id", f.id());
            Json.put(n, "before", r.before().getOrDefault(f, Double.NaN));
            Json.put(n, "after", r.after().getOrDefault(f, Double.NaN));
            Json.put(n, "db_change", r.total(f));
            ArrayNode steps = n.putArray("db_steps");
            for (Step s : r.steps()) {
                double x = s.decibans().get(f);
                if (Double.isNaN(x)) {
                    steps.addNull();
                } else {
                    steps.add(x);
                }
            }
            if (!r.unexplained().isEmpty()) {
                Json.put(n, "db_unexplained", r.unexplained().get(f));
            }
        }
        ArrayNode steps = root.putArray("steps");
        for (Step s : r.steps()) {
            ObjectNode n = steps.addObject();
            n.put("change", changeWord(s.change(), r));
            ArrayNode ids = n.putArray("ids");
            s.change().ids().forEach(ids::add);
        }
        root.put("method", r.method().name().toLowerCase(Locale.ROOT));
        root.put("method_text", method(r));
        Json.provenance(root, prov);
        return root;
    }

    private static void side(ObjectNode n, Side s) {
        n.put("label", s.label());
        n.put("ref", s.ref());
        n.put("date", s.date() == null ? null : s.date().toString());
    }
}
