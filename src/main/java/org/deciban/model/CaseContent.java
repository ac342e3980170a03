package org.deciban.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What determined a forecast, as its history record keeps it: enough to name what changed since (by
 * id and content hash) and, when every number is kept, to rebuild the case that gave it and recompute
 * its exact posterior.
 *
 * <p>An item is kept as the SHA-256 of its whole content ({@link #itemHash}: every field as read, the
 * file and line it came from excepted) and, unless the content is {@linkplain #light light}, the numbers
 * the exact posterior uses (design steps 1-3 and N1-N4): the variable it is on, its date, reliability r,
 * likelihoods, whether it was observed, its group, and whether it is a resolved indicator. Monte Carlo
 * judgments (confidence, intervals) and texts change only its hash. A variable is kept as the SHA-256 of
 * its states, parents, table and concentration ({@link #tableHash}) and, when the table has at most
 * {@value #MAX_KEPT_TABLE} entries, the table itself; the one-variable case's only variable is the
 * question, whose table is the prior.
 *
 * @param asOf             the case's as_of, or {@code null}
 * @param date             the date the forecast is for (its evaluation date), or {@code null} when nothing has a date
 * @param hypotheses       the hypotheses' ids, in order
 * @param outcomes         each hypothesis' outcome ({@code null} for none), in the same order
 * @param questionVariable the variable the question asks about
 * @param settings         the case's settings
 * @param variables        per variable id, in the network's order
 * @param items            per item id, in the case's order
 */
public record CaseContent(LocalDate asOf, LocalDate date, List<String> hypotheses, List<String> outcomes,
                          String questionVariable, Settings settings, Map<String, Table> variables,
                          Map<String, Item> items) {

    /** The largest table (entries) a record keeps in full; larger ones are kept by their hash. */
    public static final int MAX_KEPT_TABLE = 4096;

    /**
     * One item as recorded.
     *
     * @param hash        SHA-256 of its content ({@link #itemHash})
     * @param on          the variable it is on, or {@code null} for the question variable
     * @param date        its date, or {@code null}
     * @param reliability r
     * @param likelihoods its stated likelihoods, or {@code null} when only the hash is kept
     * @param observed    false when recorded as absent
     * @param group       its group, or {@code null}
     * @param resolved    whether it is a resolved candidate indicator
     */
    public record Item(String hash, String on, LocalDate date, double reliability, List<Double> likelihoods,
                       boolean observed, String group, boolean resolved) {
        public Item {
            Objects.requireNonNull(hash, "hash");
            likelihoods = likelihoods == null ? null : List.copyOf(likelihoods);
        }

        /** An item kept by its hash alone. */
        public static Item hashOnly(String hash) {
            return new Item(hash, null, null, 0, null, true, null, false);
        }

        /** Whether the numbers are kept (not the hash alone). */
        public boolean complete() {
            return likelihoods != null;
        }
    }

    /**
     * One variable as recorded.
     *
     * @param hash          SHA-256 of its states, parents, table and concentration ({@link #tableHash})
     * @param states        its state ids
     * @param parents       its parents' ids
     * @param concentration its Dirichlet strength, or {@code null}
     * @param values        its table, flat ({@link ConditionalTable}'s order), or {@code null} when only the hash is kept
     */
    public record Table(String hash, List<String> states, List<String> parents, Double concentration,
                        List<Double> values) {
        public Table {
            Objects.requireNonNull(hash, "hash");
            states = states == null ? List.of() : List.copyOf(states);
            parents = parents == null ? List.of() : List.copyOf(parents);
            values = values == null ? null : List.copyOf(values);
        }

        /** Whether the table itself is kept. */
        public boolean complete() {
            return values != null;
        }
    }

    public CaseContent {
        hypotheses = List.copyOf(hypotheses);
        outcomes = Collections.unmodifiableList(new ArrayList<>(outcomes));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        if (outcomes.size() != hypotheses.size()) {
            throw new IllegalArgumentException(outcomes.size() + " outcomes for " + hypotheses.size() + " hypotheses");
        }
    }

    /**
     * The content of a case's forecast.
     *
     * @param date the date the forecast is for (the compiled model's evaluation date)
     */
    public static CaseContent of(Case c, LocalDate date) {
        List<String> hs = new ArrayList<>();
        List<String> os = new ArrayList<>();
        for (Hypothesis h : c.hypotheses()) {
            hs.add(h.id());
            os.add(h.outcome());
        }
        Map<String, Table> vs = new LinkedHashMap<>();
        for (Variable v : c.network().variables()) {
            vs.put(v.id(), new Table(tableHash(v), v.stateIds(), v.parents(), v.concentration(),
                    v.table().size() <= MAX_KEPT_TABLE ? boxed(v.table().toArray()) : null));
        }
        Map<String, Item> is = new LinkedHashMap<>();
        for (EvidenceItem e : c.evidence()) {
            is.put(e.id(), new Item(itemHash(e), e.on(), e.date(), e.reliability(), e.likelihoods(), e.observed(),
                    e.group(), e.resolution() != null));
        }
        return new CaseContent(c.asOf(), date, hs, os, c.questionVariable(), c.settings(), vs, is);
    }

    /** This content with items and tables kept by their hashes alone (for a case too large to record in full). */
    public CaseContent light() {
        Map<String, Table> vs = new LinkedHashMap<>();
        variables.forEach((id, t) -> vs.put(id, new Table(t.hash(), t.states(), t.parents(), t.concentration(), null)));
        Map<String, Item> is = new LinkedHashMap<>();
        items.forEach((id, i) -> is.put(id, Item.hashOnly(i.hash())));
        return new CaseContent(asOf, date, hypotheses, outcomes, questionVariable, settings, vs, is);
    }

    /** Whether every item and table is kept with its numbers, so {@link #toCase} can rebuild the case. */
    public boolean complete() {
        for (Item i : items.values()) {
            if (!i.complete()) {
                return false;
            }
        }
        for (Table t : variables.values()) {
            if (!t.complete()) {
                return false;
            }
        }
        return true;
    }

    /** This content with other dates (the case's as_of and the forecast's date). */
    public CaseContent withDates(LocalDate newAsOf, LocalDate newDate) {
        return new CaseContent(newAsOf, newDate, hypotheses, outcomes, questionVariable, settings, variables, items);
    }

    /** This content with other settings. */
    public CaseContent withSettings(Settings s) {
        return new CaseContent(asOf, date, hypotheses, outcomes, questionVariable, s, variables, items);
    }

    /** This content with other outcomes of its hypotheses. */
    public CaseContent withOutcomes(List<String> newOutcomes) {
        return new CaseContent(asOf, date, hypotheses, newOutcomes, questionVariable, settings, variables, items);
    }

    /** This content with one variable's table replaced (the variable must exist). */
    public CaseContent withTable(String id, Table t) {
        if (!variables.containsKey(id)) {
            throw new IllegalArgumentException("no variable '" + id + "'");
        }
        Map<String, Table> vs = new LinkedHashMap<>(variables);
        vs.put(id, t);
        return new CaseContent(asOf, date, hypotheses, outcomes, questionVariable, settings, vs, items);
    }

    /** This content with one item added (at the end), replaced (in place), or removed ({@code item == null}). */
    public CaseContent withItem(String id, Item item) {
        Map<String, Item> is = new LinkedHashMap<>(items);
        if (item == null) {
            is.remove(id);
        } else {
            is.put(id, item);
        }
        return new CaseContent(asOf, date, hypotheses, outcomes, questionVariable, settings, variables, is);
    }

    /**
     * The case this content describes, rebuilt for exact inference: the template gives the question, labels and
     * (for a network) the variables' labels and forms; this content gives every number. Items get no texts and no
     * Monte Carlo judgments, which the exact posterior does not use.
     *
     * @throws IllegalArgumentException when the content is not {@linkplain #complete complete}, or its network
     *                                  does not have the template's variables, states and parents
     */
    public Case toCase(Case template) {
        if (!complete()) {
            throw new IllegalArgumentException("the record keeps some items or tables by their hashes alone");
        }
        List<Hypothesis> hs = new ArrayList<>();
        for (int k = 0; k < hypotheses.size(); k++) {
            String id = hypotheses.get(k);
            int t = template.indexOf(id);
            hs.add(new Hypothesis(id, t >= 0 ? template.hypotheses().get(t).label() : id, outcomes.get(k)));
        }
        List<EvidenceItem> evidence = new ArrayList<>();
        for (Map.Entry<String, Item> e : items.entrySet()) {
            Item i = e.getValue();
            evidence.add(new EvidenceItem(e.getKey(), i.date(), null, null, i.reliability(), null, null, null,
                    i.likelihoods(), null, i.group(), i.observed(), "history record", List.of(), i.on()));
        }
        if (variables.size() == 1) {
            Table q = variables.values().iterator().next();
            Prior prior = new Prior(q.values(), q.concentration());
            return new Case(template.id(), template.question(), asOf, hs, prior, settings, evidence, template.inputs());
        }
        if (template.network().size() != variables.size()) {
            throw new IllegalArgumentException("the network's variables changed");
        }
        List<Variable> vs = new ArrayList<>();
        for (Variable v : template.network().variables()) {
            Table t = variables.get(v.id());
            if (t == null || !t.states().equals(v.stateIds()) || !t.parents().equals(v.parents())) {
                throw new IllegalArgumentException("variable '" + v.id() + "' changed its states or parents");
            }
            double[] values = new double[t.values().size()];
            for (int x = 0; x < values.length; x++) {
                values[x] = t.values().get(x);
            }
            vs.add(new Variable(v.id(), v.label(), v.states(), v.parents(),
                    ConditionalTable.of(v.table().rows(), v.size(), values), t.concentration(), v.form(), v.origin()));
        }
        return new Case(template.id(), template.question(), asOf, hs, null, settings, evidence, template.inputs(),
                new Network(vs), questionVariable);
    }

    /**
     * SHA-256 (hex) of an item's content: every field as read, in a fixed order, each written with its length
     * so no two contents share a text; where it was read from is not content.
     */
    public static String itemHash(EvidenceItem e) {
        StringBuilder sb = new StringBuilder("item\n");
        field(sb, "id", e.id());
        field(sb, "on", e.on());
        field(sb, "date", e.date());
        field(sb, "category", e.category());
        field(sb, "source", e.source());
        field(sb, "reliability", e.reliability());
        field(sb, "reliability_code", e.reliabilityCode());
        field(sb, "quote", e.quote());
        field(sb, "rationale", e.rationale());
        field(sb, "likelihoods", e.likelihoods());
        field(sb, "confidence", e.confidence());
        field(sb, "group", e.group());
        field(sb, "observed", e.observed());
        for (LikelihoodInterval iv : e.intervals()) {
            field(sb, "interval", iv.hypothesis() + " " + iv.low() + " " + iv.high());
        }
        Resolution r = e.resolution();
        if (r != null) {
            field(sb, "resolution.observed", r.observed());
            field(sb, "resolution.date", r.date());
            field(sb, "resolution.source", r.source());
            field(sb, "resolution.quote", r.quote());
        }
        return sha256(sb.toString());
    }

    /** SHA-256 (hex) of a variable's states, parents, table and concentration (its labels and form are not content). */
    public static String tableHash(Variable v) {
        StringBuilder sb = new StringBuilder("variable\n");
        field(sb, "id", v.id());
        field(sb, "states", v.stateIds());
        field(sb, "parents", v.parents());
        field(sb, "table", boxed(v.table().toArray()));
        field(sb, "concentration", v.concentration());
        return sha256(sb.toString());
    }

    private static void field(StringBuilder sb, String name, Object value) {
        String text = value == null ? "~" : value.toString();
        sb.append(name).append(' ').append(text.length()).append(':').append(text).append('\n');
    }

    private static List<Double> boxed(double[] xs) {
        List<Double> out = new ArrayList<>(xs.length);
        for (double x : xs) {
            out.add(x);
        }
        return out;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
