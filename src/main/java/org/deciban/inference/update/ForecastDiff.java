package org.deciban.inference.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.deciban.inference.CaseModel;
import org.deciban.inference.ImpossibleEvidenceException;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.CaseContent;
import org.deciban.model.Settings;

/**
 * What changed between two forecasts of a case, and how much each change moved each reported probability.
 *
 * <p><b>Changes</b>, compared by content ({@link CaseContent}), in this order, which is the stated order of the
 * decomposition: the forecast's date (and the case's as_of) when it moves forward; each setting that differs;
 * each hypothesis whose outcome differs; each variable whose table differs (network order); items removed (in
 * the earlier forecast's order); items changed, same id and another content hash (in the later forecast's
 * order); items added (by date, undated last, then by id); and the forecast's date last when it moves back (so
 * no intermediate case holds an item dated after its own date). An item is the same item when its id is; a
 * resolved indicator is an item like any other, flagged as resolved. Above {@value #MAX_STEPS} changes, the
 * items removed, changed and added are each taken as one step.
 *
 * <p><b>Decomposition.</b> Let F_0 be the earlier forecast's content, F_i the content after the first i changes
 * are made, F_n the later forecast's. For each reported probability p (a hypothesis, an outcome, the share
 * naming no outcome; {@link Figure}), with L(p) = 10 log10(p / (1 - p)) its log-odds in decibans, change i
 * contributes c_i = L(p(F_i)) - L(p(F_{i-1})), p(F) the exact posterior of the case F rebuilt from its content
 * ({@link CaseContent#toCase}). The sum telescopes: sum_i c_i = L(p(F_n)) - L(p(F_0)), so the contributions add
 * up to the whole change of log-odds exactly (to rounding; a property test holds it to 1e-9). That is the
 * decomposition of a one-variable case ({@link Method#TELESCOPING}): the changes made to the earlier forecast one
 * at a time, in the stated order. On a network ({@link Method#REMOVAL}) the changes are removed from the later
 * forecast one at a time in the stated order (its date last when it moved forward, first when it moved back;
 * {@link #removalOrder}): G_0 = F_n, G_i = G_{i-1} with change i undone, c_i = L(p(G_{i-1})) - L(p(G_i)), what
 * removing change i takes away; these telescope to L(p(F_n)) - L(p(F_0)) in the same way. The contribution of a
 * change depends on the order when changes interact (items of one group, drift, a table and the items on its
 * variable, and on a network any two findings that are not independent given the question).
 *
 * <p>The total is taken between the probabilities the two forecasts reported; what the rebuilt chain does not
 * reproduce of it (a record written by a deciban whose figures differ, for example) is reported as
 * {@code unexplained}, so rows and unexplained still sum to the total. No decomposition is made when the
 * hypotheses differ, when a forecast's content was recorded by its hashes alone, or when the network's
 * variables, states or parents differ; the changes are still listed.
 */
public final class ForecastDiff {

    /** More changes than this are grouped: items removed, changed and added are one step each. */
    public static final int MAX_STEPS = 200;
    /** An unexplained remainder smaller than this many decibans, for every figure, is reported as none. */
    public static final double UNEXPLAINED_TOLERANCE = 1e-9;

    private ForecastDiff() {
    }

    /** What a change is a change of. */
    public enum Kind { DATE, SETTING, OUTCOME, TABLE, REMOVED, CHANGED, ADDED }

    /** How the contributions were computed. */
    public enum Method {
        /** One-variable case: the changes made one at a time to the earlier forecast. */
        TELESCOPING,
        /** Network: the changes removed one at a time from the later forecast, last first (the same chain). */
        REMOVAL,
        /** Not decomposed ({@link Result#notDecomposed} says why). */
        NONE
    }

    /**
     * One change (or, above {@value #MAX_STEPS} changes, one group of item changes of a kind).
     *
     * @param kind   what changed
     * @param ids    the forecast date ("date"), the setting ("correlation", "group_correlation.g"), the
     *               hypothesis, the variable, or the items
     * @param before the value before, as text (a date, a number, an outcome), or null
     * @param after  the value after, as text, or null
     * @param fields for a changed item, the numbers that changed (on, date, reliability, likelihoods, observed,
     *               group); empty when only its texts or Monte Carlo judgments did
     */
    public record Change(Kind kind, List<String> ids, String before, String after, List<String> fields) {
        public Change {
            Objects.requireNonNull(kind, "kind");
            ids = List.copyOf(ids);
            fields = List.copyOf(fields);
        }

        /** The change's one id (its first, for a group). */
        public String id() {
            return ids.get(0);
        }
    }

    /**
     * One step of the decomposition.
     *
     * @param change   the change
     * @param decibans its contribution to the log-odds of each figure (NaN where a case of the chain rules out
     *                 every hypothesis, or the figure is 0 or 1 on either side)
     */
    public record Step(Change change, Map<Figure, Double> decibans) {
        public Step {
            decibans = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decibans));
        }
    }

    /**
     * The comparison of two forecasts.
     *
     * @param from          the earlier forecast's content
     * @param to            the later forecast's content
     * @param changes       every change, in the stated order
     * @param figures       the reported probabilities, the later forecast's first
     * @param before        each figure as the earlier forecast reported it (absent when it did not)
     * @param after         each figure as the later forecast reports it
     * @param steps         the decomposition, one step per change (group); empty when not decomposed
     * @param unexplained   per figure, the total change of log-odds less the sum of the steps, when some figure's
     *                      exceeds {@value #UNEXPLAINED_TOLERANCE} dB; empty otherwise
     * @param method        how the steps were computed
     * @param notDecomposed why there are no steps, or null
     */
    public record Result(CaseContent from, CaseContent to, List<Change> changes, List<Figure> figures,
                         Map<Figure, Double> before, Map<Figure, Double> after, List<Step> steps,
                         Map<Figure, Double> unexplained, Method method, String notDecomposed) {
        public Result {
            changes = List.copyOf(changes);
            figures = List.copyOf(figures);
            before = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(before));
            after = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(after));
            steps = List.copyOf(steps);
            unexplained = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unexplained));
        }

        /** The whole change of a figure's log-odds, L(after) - L(before), in decibans (NaN when either is missing). */
        public double total(Figure f) {
            Double a = after.get(f);
            Double b = before.get(f);
            return a == null || b == null ? Double.NaN : Figure.logOdds(a) - Figure.logOdds(b);
        }
    }

    /**
     * A forecast to compare: what determined it and the probabilities it reported.
     *
     * @param content  its content, or {@code null} when its record keeps none (written before deciban kept it, or
     *                 for a case too large to keep it)
     * @param reported the probabilities it reported
     */
    public record Forecast(CaseContent content, Map<Figure, Double> reported) {
        public Forecast {
            reported = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reported));
        }

        /** The forecast of a compiled model: its case's content at its evaluation date, and its exact posterior. */
        public static Forecast of(CaseModel m) {
            return new Forecast(CaseContent.of(m.source(), m.evaluationDate()), Figure.of(m.source(), m.posterior()));
        }
    }

    /**
     * Compares two forecasts; when either keeps no content, the result lists no change and is not decomposed.
     *
     * @param template a case for the question, labels and network form (the case as it is now)
     */
    public static Result of(Forecast from, Forecast to, Case template) {
        if (from.content() == null || to.content() == null) {
            List<Figure> figures = new ArrayList<>(to.reported().keySet());
            from.reported().keySet().stream().filter(f -> !figures.contains(f)).forEach(figures::add);
            return new Result(from.content(), to.content(), List.of(), figures, from.reported(), to.reported(), List.of(),
                    Map.of(), Method.NONE, "the " + (from.content() == null ? "earlier" : "later") + " forecast's record "
                    + "keeps no content (it was written before deciban recorded item hashes, or its case was too large "
                    + "to record), so only its input files can be compared");
        }
        return of(from.content(), from.reported(), to.content(), to.reported(), template);
    }

    /**
     * Compares two forecasts.
     *
     * @param from         the earlier forecast's content
     * @param fromReported the probabilities it reported
     * @param to           the later forecast's content
     * @param toReported   the probabilities it reports
     * @param template     a case for the question, labels and network form (the case as it is now)
     */
    public static Result of(CaseContent from, Map<Figure, Double> fromReported, CaseContent to,
                            Map<Figure, Double> toReported, Case template) {
        List<Figure> figures = new ArrayList<>(toReported.keySet());
        for (Figure f : fromReported.keySet()) {
            if (!figures.contains(f)) {
                figures.add(f);
            }
        }
        Method method = template.structured() ? Method.REMOVAL : Method.TELESCOPING;
        List<Change> changes = changes(from, to);
        String why = undecomposable(from, to, template);
        if (why != null) {
            return new Result(from, to, changes, figures, fromReported, toReported, List.of(), Map.of(), Method.NONE, why);
        }
        boolean removal = method == Method.REMOVAL;
        if (removal) {
            changes = removalOrder(changes);
        }
        List<List<Change>> steps = changes.size() > MAX_STEPS ? grouped(changes) : singles(changes);
        List<Step> out = new ArrayList<>();
        // telescoping walks from the earlier forecast, making each change; removal walks from the later one,
        // undoing each change (taking the earlier forecast's value of what it names)
        CaseContent state = removal ? to : from;
        CaseContent source = removal ? from : to;
        Map<Figure, Double> previous = figuresOf(state, template, figures);
        Map<Figure, Double> start = previous;
        for (List<Change> step : steps) {
            for (Change c : step) {
                state = apply(state, c, source);
            }
            Map<Figure, Double> now = figuresOf(state, template, figures);
            Map<Figure, Double> db = new LinkedHashMap<>();
            for (Figure f : figures) {
                double d = Figure.logOdds(now.get(f)) - Figure.logOdds(previous.get(f));
                db.put(f, removal ? -d : d);
            }
            Change shown = step.size() == 1 ? step.get(0) : group(step);
            out.add(new Step(shown, db));
            previous = now;
        }
        Map<Figure, Double> unexplained = new LinkedHashMap<>();
        boolean any = false;
        for (Figure f : figures) {
            Double a = toReported.get(f);
            Double b = fromReported.get(f);
            double total = a == null || b == null ? Double.NaN : Figure.logOdds(a) - Figure.logOdds(b);
            double sum = Figure.logOdds(previous.get(f)) - Figure.logOdds(start.get(f));
            double rest = total - (removal ? -sum : sum);
            unexplained.put(f, rest);
            any |= Double.isFinite(rest) && Math.abs(rest) > UNEXPLAINED_TOLERANCE;
        }
        return new Result(from, to, changes, figures, fromReported, toReported, out, any ? unexplained : Map.of(), method,
                null);
    }

    /**
     * The order in which a network's changes are removed from the later forecast: the stated order, but the
     * forecast's date removed last when it moved forward (first when it moved back), so that no case of the chain
     * holds an item dated after its own date.
     */
    static List<Change> removalOrder(List<Change> changes) {
        List<Change> out = new ArrayList<>();
        Change date = null;
        for (Change c : changes) {
            if (c.kind() == Kind.DATE) {
                date = c;
            } else {
                out.add(c);
            }
        }
        if (date != null) {
            boolean back = date.before() != null && date.after() != null
                    && java.time.LocalDate.parse(date.after()).isBefore(java.time.LocalDate.parse(date.before()));
            if (back) {
                out.add(0, date);
            } else {
                out.add(date);
            }
        }
        return out;
    }

    /** Why the two contents cannot be decomposed step by step, or null when they can. */
    private static String undecomposable(CaseContent from, CaseContent to, Case template) {
        if (!from.hypotheses().equals(to.hypotheses())) {
            return "the hypotheses changed (" + String.join(", ", from.hypotheses()) + " to "
                    + String.join(", ", to.hypotheses()) + "), so the two forecasts are not of one question";
        }
        if (!from.complete() || !to.complete()) {
            return "the " + (from.complete() ? "later" : "earlier") + " forecast's record keeps its items and tables by "
                    + "their hashes alone (its case was too large to record in full)";
        }
        if (!from.variables().keySet().equals(to.variables().keySet())
                || !Objects.equals(from.questionVariable(), to.questionVariable())) {
            return "the network's variables changed";
        }
        for (String v : to.variables().keySet()) {
            CaseContent.Table a = from.variables().get(v);
            CaseContent.Table b = to.variables().get(v);
            if (!a.states().equals(b.states()) || !a.parents().equals(b.parents())) {
                return "variable '" + v + "' changed its states or parents";
            }
        }
        try {
            from.toCase(template);
            to.toCase(template);
        } catch (IllegalArgumentException e) {
            return "the forecasts cannot be rebuilt on the case as it is now (" + e.getMessage() + ")";
        }
        return null;
    }

    /** The changes from one content to another, in the stated order (class comment). */
    public static List<Change> changes(CaseContent from, CaseContent to) {
        List<Change> out = new ArrayList<>();
        boolean datesDiffer = !Objects.equals(from.date(), to.date()) || !Objects.equals(from.asOf(), to.asOf());
        boolean back = from.date() != null && to.date() != null && to.date().isBefore(from.date());
        Change date = new Change(Kind.DATE, List.of("date"), text(from.date()), text(to.date()),
                Objects.equals(from.asOf(), to.asOf()) ? List.of() : List.of("as_of"));
        if (datesDiffer && !back) {
            out.add(date);
        }
        settings(from.settings(), to.settings(), out);
        if (from.hypotheses().equals(to.hypotheses())) {
            for (int k = 0; k < to.hypotheses().size(); k++) {
                if (!Objects.equals(from.outcomes().get(k), to.outcomes().get(k))) {
                    out.add(new Change(Kind.OUTCOME, List.of(to.hypotheses().get(k)), from.outcomes().get(k),
                            to.outcomes().get(k), List.of()));
                }
            }
        }
        for (Map.Entry<String, CaseContent.Table> e : to.variables().entrySet()) {
            CaseContent.Table before = from.variables().get(e.getKey());
            if (before != null && !before.hash().equals(e.getValue().hash())) {
                out.add(new Change(Kind.TABLE, List.of(e.getKey()), null, null, List.of()));
            }
        }
        for (String id : from.items().keySet()) {
            if (!to.items().containsKey(id)) {
                out.add(new Change(Kind.REMOVED, List.of(id), null, null, List.of()));
            }
        }
        for (Map.Entry<String, CaseContent.Item> e : to.items().entrySet()) {
            CaseContent.Item before = from.items().get(e.getKey());
            if (before != null && !before.hash().equals(e.getValue().hash())) {
                out.add(new Change(Kind.CHANGED, List.of(e.getKey()), null, null, changedFields(before, e.getValue())));
            }
        }
        List<String> added = new ArrayList<>();
        for (String id : to.items().keySet()) {
            if (!from.items().containsKey(id)) {
                added.add(id);
            }
        }
        added.sort(Comparator.comparing((String id) -> to.items().get(id).date(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Comparator.naturalOrder()));
        for (String id : added) {
            out.add(new Change(Kind.ADDED, List.of(id), null, null, List.of()));
        }
        if (datesDiffer && back) {
            out.add(date);
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static void settings(Settings a, Settings b, List<Change> out) {
        setting(out, "correlation", a.correlation(), b.correlation());
        Set<String> groups = new TreeSet<>(a.groupCorrelations().keySet());
        groups.addAll(b.groupCorrelations().keySet());
        for (String g : groups) {
            setting(out, "group_correlation." + g, a.groupCorrelations().get(g), b.groupCorrelations().get(g));
        }
        setting(out, "drift", a.drift(), b.drift());
        setting(out, "drift_spread", a.driftSpread(), b.driftSpread());
        setting(out, "default_confidence", a.defaultConfidence(), b.defaultConfidence());
        setting(out, "draws", a.draws(), b.draws());
        setting(out, "seed", a.seed(), b.seed());
        setting(out, "max_clique", a.maxClique(), b.maxClique());
    }

    private static void setting(List<Change> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Change(Kind.SETTING, List.of(name), text(a), text(b), List.of()));
        }
    }

    /** The numbers of an item that differ between two of its contents. */
    private static List<String> changedFields(CaseContent.Item a, CaseContent.Item b) {
        List<String> out = new ArrayList<>();
        if (!a.complete() || !b.complete()) {
            return out;
        }
        if (!Objects.equals(a.on(), b.on())) {
            out.add("on");
        }
        if (!Objects.equals(a.date(), b.date())) {
            out.add("date");
        }
        if (Double.compare(a.reliability(), b.reliability()) != 0) {
            out.add("reliability");
        }
        if (!a.likelihoods().equals(b.likelihoods())) {
            out.add("likelihoods");
        }
        if (a.observed() != b.observed()) {
            out.add("observed");
        }
        if (!Objects.equals(a.group(), b.group())) {
            out.add("group");
        }
        return out;
    }

    /** The content with one change made: the later forecast's value of what it names. */
    private static CaseContent apply(CaseContent s, Change c, CaseContent to) {
        // "to" is the forecast whose value of what the change names is taken: the later one when telescoping,
        // the earlier one when removing
        switch (c.kind()) {
            case DATE:
                return s.withDates(to.asOf(), to.date());
            case SETTING:
                return s.withSettings(withSetting(s.settings(), c.id(), to.settings()));
            case OUTCOME: {
                List<String> os = new ArrayList<>(s.outcomes());
                int k = s.hypotheses().indexOf(c.id());
                os.set(k, to.outcomes().get(k));
                return s.withOutcomes(os);
            }
            case TABLE:
                return s.withTable(c.id(), to.variables().get(c.id()));
            case REMOVED:
            case CHANGED:
            case ADDED:
                CaseContent r = s;
                for (String id : c.ids()) {
                    r = r.withItem(id, to.items().get(id));
                }
                return r;
            default:
                throw new IllegalStateException("unknown change " + c.kind());
        }
    }

    /** Settings with one named setting taken from another. */
    private static Settings withSetting(Settings s, String name, Settings to) {
        Map<String, Double> groups = new LinkedHashMap<>(s.groupCorrelations());
        double correlation = s.correlation();
        double drift = s.drift();
        double spread = s.driftSpread();
        double confidence = s.defaultConfidence();
        long draws = s.draws();
        long seed = s.seed();
        long maxClique = s.maxClique();
        if (name.startsWith("group_correlation.")) {
            String g = name.substring("group_correlation.".length());
            Double x = to.groupCorrelations().get(g);
            if (x == null) {
                groups.remove(g);
            } else {
                groups.put(g, x);
            }
        } else {
            switch (name) {
                case "correlation" -> correlation = to.correlation();
                case "drift" -> {
                    drift = to.drift();
                    // a spread needs a drift: a drift moved to 0 takes its spread with it
                    spread = drift == 0 ? 0 : spread;
                }
                case "drift_spread" -> spread = drift == 0 ? 0 : to.driftSpread();
                case "default_confidence" -> confidence = to.defaultConfidence();
                case "draws" -> draws = to.draws();
                case "seed" -> seed = to.seed();
                case "max_clique" -> maxClique = to.maxClique();
                default -> throw new IllegalStateException("unknown setting " + name);
            }
        }
        return new Settings(correlation, groups, draws, seed, drift, spread, confidence, maxClique);
    }

    private static List<List<Change>> singles(List<Change> changes) {
        List<List<Change>> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(List.of(c));
        }
        return out;
    }

    /** Consecutive item changes of one kind as one step; every other change alone. */
    private static List<List<Change>> grouped(List<Change> changes) {
        List<List<Change>> out = new ArrayList<>();
        for (Change c : changes) {
            boolean item = c.kind() == Kind.REMOVED || c.kind() == Kind.CHANGED || c.kind() == Kind.ADDED;
            List<Change> last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (item && last != null && last.get(0).kind() == c.kind()) {
                last.add(c);
            } else {
                List<Change> step = new ArrayList<>();
                step.add(c);
                out.add(step);
            }
        }
        return out;
    }

    private static Change group(List<Change> step) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> fields = new LinkedHashSet<>();
        for (Change c : step) {
            ids.addAll(c.ids());
            fields.addAll(c.fields());
        }
        return new Change(step.get(0).kind(), new ArrayList<>(ids), null, null, new ArrayList<>(fields));
    }

    /** The reported probabilities of the case a content describes (NaN throughout when its evidence is impossible). */
    private static Map<Figure, Double> figuresOf(CaseContent s, Case template, List<Figure> figures) {
        Map<Figure, Double> out = new LinkedHashMap<>();
        Map<Figure, Double> got;
        try {
            Case c = s.toCase(template);
            CaseModel m = CaseModels.compile(c, c.settings().drift(), s.date());
            got = Figure.of(c, m.posterior());
        } catch (ImpossibleEvidenceException e) {
            got = Map.of();
        }
        for (Figure f : figures) {
            Double p = got.get(f);
            out.put(f, p == null ? Double.NaN : p);
        }
        return out;
    }
}
