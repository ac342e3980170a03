package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deciban.model.ConditionalTable;
import org.deciban.model.Hypothesis;
import org.deciban.model.InputFile;
import org.deciban.model.Network;
import org.deciban.model.NetworkException;
import org.deciban.model.Prior;
import org.deciban.model.Settings;
import org.deciban.model.State;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;

/**
 * The network of a structured case (design.md "Cases built as networks"): the variables of
 * {@code network: FILE} (BIF or XMLBIF, {@link NetworkFile}) and of {@code variables:}, the question
 * variable ({@code question_variable:}) and the hypotheses, which are its states.
 *
 * <p>A variable of the case file:
 * <pre>
 * - id: harris-keeps-pressure          # [a-z0-9-]+
 *   label: ...                         # optional
 *   states: [{id: keeps, label: ...}, {id: eases}]   # or the short form [keeps, eases]
 *   parents: [other-variable, ...]     # optional
 *   prior: {keeps: 0.85, eases: 0.15}  # a root: its distribution
 *   table:                             # or one row per combination of parent states
 *     - when: {other-variable: some-state}
 *       probabilities: {keeps: 0.9, eases: 0.1}
 *   decibans:                          # or design.md N2
 *     base: {keeps: 0.5, eases: 0.5}
 *     effects: {other-variable: {some-state: {keeps: 3}}}
 *   concentration: 20                  # optional, for Monte Carlo
 * </pre>
 * Probabilities are numbers, ICD 203 phrases or ACH ratings (with the case's {@code tables:}); every row
 * sums to 1 within 1e-9. The question variable may leave out {@code states}: its states are then the
 * hypotheses. When {@code hypotheses:} is given it must name exactly the question variable's states
 * (their labels and outcomes are taken from it); it may be left out when the question variable lists its
 * states. Every defect is an {@link InputException} with file, line, field, value and what is allowed.
 */
final class NetworkCaseReader {

    /** Fields a variable of the case file may have. */
    static final List<String> FIELDS = List.of("id", "label", "states", "parents", "prior", "table", "decibans", "concentration");

    /**
     * The network part of a case.
     *
     * @param network          the network
     * @param questionVariable id of the question variable
     * @param hypotheses       the question variable's states as hypotheses
     * @param prior            the question's prior when the network has one variable, else null
     */
    record Result(Network network, String questionVariable, List<Hypothesis> hypotheses, Prior prior) {
    }

    private final YamlDocument doc;
    private final Fields v;
    private final Scales scales;
    private final Settings settings;
    /** States of every variable known so far (file variables, then the case file's). */
    private final Map<String, List<State>> states = new LinkedHashMap<>();
    /** Path of each case-file variable in the document, for lines. */
    private final Map<String, String> paths = new HashMap<>();

    private NetworkCaseReader(YamlDocument doc, Scales scales, Settings settings) {
        this.doc = doc;
        this.v = new Fields(doc);
        this.scales = scales;
        this.settings = settings;
    }

    static Result read(YamlDocument doc, Dto.CaseFile dto, Path priors, List<InputFile> inputs,
                       List<Hypothesis> hypotheses, Scales scales, Settings settings) {
        return new NetworkCaseReader(doc, scales, settings).read(dto, priors, inputs, hypotheses);
    }

    private Result read(Dto.CaseFile dto, Path priors, List<InputFile> inputs, List<Hypothesis> hypotheses) {
        if (dto.prior() != null) {
            throw v.bad("/prior", "prior", "no prior in a case with variables or a network: the question variable's "
                    + "table (its prior, table or decibans) gives its prior");
        }
        List<Variable> variables = new ArrayList<>();
        if (dto.network() != null) {
            variables.addAll(NetworkFile.read(priors, dto.network(), doc, inputs));
            for (Variable x : variables) {
                states.put(x.id(), x.states());
            }
        }
        JsonNode list = dto.variables();
        if (list != null && !(list.isArray() && list.size() > 0)) {
            throw v.bad("/variables", list.isNull() ? "(empty)" : list.toString(), "a list of at least one variable");
        }
        String question = dto.questionVariable();
        if (list != null) {
            // first pass: ids and states, so that tables can name the states of any parent
            List<String> stateless = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                declare(list.get(i), "/variables/" + i, hypotheses, stateless);
            }
            if (question == null && stateless.size() == 1) {
                question = stateless.get(0);
            }
            for (String id : stateless) {
                if (!id.equals(question)) {
                    throw v.missing(paths.get(id), YamlDocument.fieldName(paths.get(id)) + ".states",
                            "the states of '" + id + "' (only the question variable may take its states from the hypotheses)");
                }
            }
            for (int i = 0; i < list.size(); i++) {
                variables.add(variable(list.get(i), "/variables/" + i));
            }
        }
        if (question == null) {
            throw v.missing("", "question_variable", "the id of the variable the question asks about"
                    + (states.isEmpty() ? "" : ", one of " + abbreviate(states.keySet())));
        }
        Network network = network(variables);
        if (network.indexOf(question) < 0) {
            throw v.bad("/question_variable", question, "the id of a variable of the case, one of "
                    + abbreviate(states.keySet()) + Suggest.didYouMean(question, states.keySet()));
        }
        Variable q = network.variable(question);
        List<Hypothesis> hs = hypotheses(q, hypotheses);
        Prior prior = null;
        if (network.size() == 1) {
            List<Double> pi = q.table().row(0);
            for (int k = 0; k < pi.size(); k++) {
                if (!(pi.get(k) > 0)) {
                    throw new InputException(fileOf(q), lineOf(q, "/prior"), "prior." + q.stateIds().get(k), "0",
                            "allowed: a probability above 0 for every state of a one-variable case's question");
                }
            }
            prior = new Prior(pi, q.concentration());
        }
        return new Result(network, question, hs, prior);
    }

    private static String abbreviate(Set<String> ids) {
        List<String> all = new ArrayList<>(ids);
        return all.size() <= 20 ? String.join(", ", all) : String.join(", ", all.subList(0, 20)) + ", ... (" + all.size() + " variables)";
    }

    private Network network(List<Variable> variables) {
        try {
            return new Network(variables);
        } catch (NetworkException e) {
            Variable at = variables.stream().filter(x -> x.id().equals(e.variable())).findFirst().orElse(null);
            String path = paths.get(e.variable());
            String field = path == null ? "variable " + e.variable() + " " + e.field()
                    : YamlDocument.fieldName(path + "/" + e.field());
            return throwAt(at, path == null ? "" : path + "/" + e.field(), field, e.value(), e.allowed());
        }
    }

    private Network throwAt(Variable at, String path, String field, String value, String allowed) {
        if (at != null && !paths.containsKey(at.id())) {
            throw new InputException(fileOf(at), lineOf(at, ""), field, value, "allowed: " + allowed);
        }
        throw new InputException(doc.file(), doc.lineOf(path), field, value, "allowed: " + allowed);
    }

    private static String fileOf(Variable x) {
        int colon = x.origin().lastIndexOf(':');
        return colon < 0 ? x.origin() : x.origin().substring(0, colon);
    }

    private int lineOf(Variable x, String sub) {
        String path = paths.get(x.id());
        if (path != null) {
            return doc.lineOf(path + sub);
        }
        int colon = x.origin().lastIndexOf(':');
        try {
            return Integer.parseInt(x.origin().substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private List<Hypothesis> hypotheses(Variable q, List<Hypothesis> given) {
        List<String> ids = q.stateIds();
        if (given.isEmpty()) {
            List<Hypothesis> out = new ArrayList<>();
            for (State s : q.states()) {
                out.add(new Hypothesis(s.id(), s.label(), null));
            }
            return out;
        }
        Map<String, Hypothesis> byId = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Hypothesis h = given.get(i);
            if (!ids.contains(h.id())) {
                throw v.bad("/hypotheses/" + i + "/id", h.id(), "a state of the question variable '" + q.id() + "', one of "
                        + String.join(", ", ids) + Suggest.didYouMean(h.id(), ids));
            }
            byId.put(h.id(), h);
        }
        List<Hypothesis> out = new ArrayList<>();
        for (String id : ids) {
            Hypothesis h = byId.get(id);
            if (h == null) {
                throw v.missing("/hypotheses", "hypotheses", "a hypothesis for every state of the question variable '"
                        + q.id() + "' (" + String.join(", ", ids) + "); '" + id + "' is left out");
            }
            out.add(h);
        }
        return out;
    }

    /** First pass over a case-file variable: its id and states. */
    private void declare(JsonNode node, String p, List<Hypothesis> hypotheses, List<String> stateless) {
        if (node == null || !node.isObject()) {
            throw v.bad(p, node == null ? "(empty)" : node.toString(), "a variable: a mapping with id, states and a table");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw v.bad(p + "/" + f, f, "a variable field, one of " + String.join(", ", FIELDS) + Suggest.didYouMean(f, FIELDS));
            }
        }
        String id = text(node.get("id"), p + "/id", "a variable id of [a-z0-9-]+");
        if (id == null) {
            throw v.missing(p, YamlDocument.fieldName(p) + ".id", "a variable id of [a-z0-9-]+");
        }
        if (!Hypothesis.ID.matcher(id).matches()) {
            throw v.bad(p + "/id", id, "a variable id of lower-case letters, digits and '-', starting with a letter or digit");
        }
        if (states.containsKey(id)) {
            String before = paths.get(id);
            throw v.bad(p + "/id", id, "a unique variable id; it is already used "
                    + (before == null ? "by the network file" : "on line " + doc.lineOf(before + "/id")));
        }
        paths.put(id, p);
        JsonNode ss = node.get("states");
        if (ss == null || ss.isNull()) {
            stateless.add(id);
            List<State> fromHypotheses = new ArrayList<>();
            for (Hypothesis h : hypotheses) {
                fromHypotheses.add(new State(h.id(), h.label()));
            }
            if (fromHypotheses.isEmpty()) {
                throw v.missing(p, YamlDocument.fieldName(p) + ".states", "the states of '" + id + "' (or hypotheses, "
                        + "whose ids are the question variable's states)");
            }
            states.put(id, fromHypotheses);
            return;
        }
        if (!ss.isArray() || ss.isEmpty()) {
            throw v.bad(p + "/states", ss.toString(), "a list of at least one state: ids, or mappings with id and label");
        }
        if (ss.size() > NetworkTables.MAX_STATES) {
            throw v.bad(p + "/states", ss.size() + " states", "at most " + NetworkTables.MAX_STATES + " states per variable");
        }
        List<State> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            JsonNode s = ss.get(i);
            String sp = p + "/states/" + i;
            String sid;
            String label = null;
            if (s.isObject()) {
                for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!f.equals("id") && !f.equals("label")) {
                        throw v.bad(sp + "/" + f, f, "a state field, id or label");
                    }
                }
                sid = text(s.get("id"), sp + "/id", "a state id of [a-z0-9-]+");
                label = text(s.get("label"), sp + "/label", "a label, as text");
                if (sid == null) {
                    throw v.missing(sp, YamlDocument.fieldName(sp) + ".id", "a state id of [a-z0-9-]+");
                }
            } else {
                sid = text(s, sp, "a state id of [a-z0-9-]+, or a mapping with id and label");
            }
            if (sid == null || !Hypothesis.ID.matcher(sid).matches()) {
                throw v.bad(s.isObject() ? sp + "/id" : sp, String.valueOf(sid), "a state id of lower-case letters, digits and '-'");
            }
            if (ids.contains(sid)) {
                throw v.bad(s.isObject() ? sp + "/id" : sp, sid, "each state once in a variable");
            }
            ids.add(sid);
            out.add(new State(sid, label));
        }
        states.put(id, out);
    }

    private String text(JsonNode node, String path, String allowed) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode() || node.isNumber() && !node.isIntegralNumber()) {
            throw v.bad(path, node.toString(), allowed);
        }
        return node.asText();
    }

    /** Second pass: parents and table. */
    private Variable variable(JsonNode node, String p) {
        String id = node.get("id").asText();
        String label = text(node.get("label"), p + "/label", "a label, as text");
        List<State> own = states.get(id);
        List<String> stateIds = own.stream().map(State::id).toList();
        List<String> parents = new ArrayList<>();
        JsonNode ps = node.get("parents");
        if (ps != null && !ps.isNull()) {
            if (!ps.isArray()) {
                throw v.bad(p + "/parents", ps.toString(), "a list of variable ids");
            }
            if (ps.size() > NetworkTables.MAX_PARENTS) {
                throw v.bad(p + "/parents", ps.size() + " parents", "at most " + NetworkTables.MAX_PARENTS + " parents per variable");
            }
            for (int i = 0; i < ps.size(); i++) {
                String parent = text(ps.get(i), p + "/parents/" + i, "a variable id");
                if (parent == null) {
                    throw v.bad(p + "/parents/" + i, "(empty)", "a variable id");
                }
                if (parent.equals(id)) {
                    throw v.bad(p + "/parents/" + i, parent, "parents other than the variable itself");
                }
                if (!states.containsKey(parent)) {
                    throw v.bad(p + "/parents/" + i, parent, "the id of another variable of the case, one of "
                            + abbreviate(states.keySet()) + Suggest.didYouMean(parent, states.keySet()));
                }
                if (parents.contains(parent)) {
                    throw v.bad(p + "/parents/" + i, parent, "each parent once");
                }
                parents.add(parent);
            }
        }
        int[] parentStates = new int[parents.size()];
        long rows = 1;
        for (int i = 0; i < parents.size(); i++) {
            parentStates[i] = states.get(parents.get(i)).size();
            rows *= parentStates[i];
            if (rows * own.size() > settings.maxClique()) {
                throw v.bad(p + "/parents", parents.size() + " parents",
                        "parents whose states give a table of at most settings.max_clique = " + settings.maxClique()
                                + " entries (its family must fit in one clique)");
            }
        }
        List<String> forms = new ArrayList<>();
        for (String f : List.of("prior", "table", "decibans")) {
            if (node.hasNonNull(f)) {
                forms.add(f);
            }
        }
        if (forms.size() != 1) {
            throw forms.isEmpty() ? v.missing(p, YamlDocument.fieldName(p) + ".prior",
                    "one of prior (a root's distribution), table (one row per combination of parent states) or decibans")
                    : v.bad(p + "/" + forms.get(1), forms.get(1), "one of prior, table or decibans, not both "
                    + forms.get(0) + " and " + forms.get(1));
        }
        ConditionalTable table;
        TableForm form;
        switch (forms.get(0)) {
            case "prior" -> {
                if (!parents.isEmpty()) {
                    throw v.bad(p + "/prior", "prior", "table or decibans for a variable with parents (prior is for a root)");
                }
                double[] row = probabilities(node.get("prior"), p + "/prior", stateIds, id);
                table = ConditionalTable.of(1, row.length, row);
                form = new TableForm.Prior();
            }
            case "table" -> {
                table = rows(node.get("table"), p + "/table", id, stateIds, parents, parentStates, (int) rows);
                form = new TableForm.Rows("case file");
            }
            default -> {
                TableForm.Decibans d = decibans(node.get("decibans"), p + "/decibans", id, stateIds, parents);
                table = d.table(parentStates);
                form = d;
            }
        }
        Double concentration = node.hasNonNull("concentration")
                ? v.number(p + "/concentration", node.get("concentration"), x -> x > 0, "a positive number (Dirichlet strength)")
                : null;
        return new Variable(id, label, own, parents, table, concentration, form, doc.file() + ":" + doc.lineOf(p));
    }

    /** One probability per state, summing to 1 within 1e-9. */
    private double[] probabilities(JsonNode node, String path, List<String> stateIds, String id) {
        Map<String, JsonNode> map = mapping(node, path, "a probability for each state of '" + id + "' (" + String.join(", ", stateIds) + ")");
        double[] out = v.perKey(path, map, stateIds, "state of '" + id + "'", (at, n) -> CaseLoader.likelihood(v, scales, at, n));
        double sum = 0;
        for (double x : out) {
            sum += x;
        }
        if (!(Math.abs(sum - 1) <= ConditionalTable.SUM_TOLERANCE)) {
            throw v.bad(path, String.format(java.util.Locale.ROOT, "sum %.12g", sum),
                    "probabilities that sum to 1 (within " + ConditionalTable.SUM_TOLERANCE + ")");
        }
        return out;
    }

    private Map<String, JsonNode> mapping(JsonNode node, String path, String allowed) {
        if (node == null || !node.isObject()) {
            throw v.bad(path, node == null || node.isNull() ? "(empty)" : node.toString(), allowed);
        }
        Map<String, JsonNode> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    private ConditionalTable rows(JsonNode node, String p, String id, List<String> stateIds, List<String> parents,
                                  int[] parentStates, int rows) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw v.bad(p, node == null ? "(empty)" : node.toString(), "a list of rows {when: {parent: state, ...}, "
                    + "probabilities: {state: p, ...}}, one for every combination of the parents' states");
        }
        int k = stateIds.size();
        double[] values = new double[rows * k];
        int[] rowLine = new int[rows];
        for (int i = 0; i < node.size(); i++) {
            String rp = p + "/" + i;
            JsonNode row = node.get(i);
            if (!row.isObject()) {
                throw v.bad(rp, row.toString(), "a row: a mapping with when and probabilities");
            }
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!f.equals("when") && !f.equals("probabilities")) {
                    throw v.bad(rp + "/" + f, f, "a row field, when or probabilities" + Suggest.didYouMean(f, List.of("when", "probabilities")));
                }
            }
            Map<String, JsonNode> when = row.hasNonNull("when") ? mapping(row.get("when"), rp + "/when",
                    "a mapping of each parent to one of its states") : Map.of();
            int r = 0;
            for (String key : when.keySet()) {
                if (!parents.contains(key)) {
                    throw v.bad(rp + "/when/" + key, key, parents.isEmpty() ? "no parent: '" + id + "' has none (leave when out)"
                            : "a parent of '" + id + "', one of " + String.join(", ", parents) + Suggest.didYouMean(key, parents));
                }
            }
            for (int j = 0; j < parents.size(); j++) {
                String parent = parents.get(j);
                JsonNode sn = when.get(parent);
                if (sn == null) {
                    throw v.missing(rp + "/when", YamlDocument.fieldName(rp + "/when/" + parent),
                            "a state of parent '" + parent + "' in every row");
                }
                List<String> ps = states.get(parent).stream().map(State::id).toList();
                String s = text(sn, rp + "/when/" + parent, "a state of '" + parent + "'");
                int si = ps.indexOf(s);
                if (si < 0) {
                    throw v.bad(rp + "/when/" + parent, String.valueOf(s), "a state of '" + parent + "', one of "
                            + String.join(", ", ps) + Suggest.didYouMean(String.valueOf(s), ps));
                }
                r = r * parentStates[j] + si;
            }
            if (rowLine[r] != 0) {
                throw v.bad(rp + "/when", describe(parents, parentStates, r), "each combination of parent states once; "
                        + "it is already given on line " + rowLine[r]);
            }
            rowLine[r] = doc.lineOf(rp);
            double[] ps = probabilities(row.get("probabilities"), rp + "/probabilities", stateIds, id);
            System.arraycopy(ps, 0, values, r * k, k);
        }
        for (int r = 0; r < rows; r++) {
            if (rowLine[r] == 0) {
                throw v.bad(p, "no row for " + describe(parents, parentStates, r),
                        "one row for every combination of the states of " + String.join(", ", parents)
                                + " (" + rows + " rows)");
            }
        }
        return ConditionalTable.of(rows, k, values);
    }

    private String describe(List<String> parents, int[] parentStates, int row) {
        String[] out = new String[parents.size()];
        for (int i = parents.size() - 1; i >= 0; i--) {
            out[i] = parents.get(i) + ": " + states.get(parents.get(i)).get(row % parentStates[i]).id();
            row /= parentStates[i];
        }
        return "{" + String.join(", ", out) + "}";
    }

    private TableForm.Decibans decibans(JsonNode node, String p, String id, List<String> stateIds, List<String> parents) {
        Map<String, JsonNode> map = mapping(node, p, "a mapping with base and effects");
        for (String f : map.keySet()) {
            if (!f.equals("base") && !f.equals("effects")) {
                throw v.bad(p + "/" + f, f, "base or effects" + Suggest.didYouMean(f, List.of("base", "effects")));
            }
        }
        if (!map.containsKey("base")) {
            throw v.missing(p, YamlDocument.fieldName(p) + ".base", "a probability for each state of '" + id + "'");
        }
        double[] base = probabilities(map.get("base"), p + "/base", stateIds, id);
        List<TableForm.Effect> effects = new ArrayList<>();
        if (map.get("effects") != null && !map.get("effects").isNull()) {
            String ep = p + "/effects";
            Map<String, JsonNode> byParent = mapping(map.get("effects"), ep, "a mapping of parent to {parent state: {state: decibans}}");
            for (Map.Entry<String, JsonNode> pe : byParent.entrySet()) {
                int pi = parents.indexOf(pe.getKey());
                if (pi < 0) {
                    throw v.bad(ep + "/" + pe.getKey(), pe.getKey(), parents.isEmpty() ? "no effects: '" + id + "' has no parents"
                            : "a parent of '" + id + "', one of " + String.join(", ", parents) + Suggest.didYouMean(pe.getKey(), parents));
                }
                List<String> parentStateIds = states.get(pe.getKey()).stream().map(State::id).toList();
                Map<String, JsonNode> byState = mapping(pe.getValue(), ep + "/" + pe.getKey(), "a mapping of a state of '"
                        + pe.getKey() + "' to {state: decibans}");
                for (Map.Entry<String, JsonNode> se : byState.entrySet()) {
                    String sp = ep + "/" + pe.getKey() + "/" + se.getKey();
                    int psi = parentStateIds.indexOf(se.getKey());
                    if (psi < 0) {
                        throw v.bad(sp, se.getKey(), "a state of '" + pe.getKey() + "', one of " + String.join(", ", parentStateIds)
                                + Suggest.didYouMean(se.getKey(), parentStateIds));
                    }
                    Map<String, JsonNode> pushes = mapping(se.getValue(), sp, "a mapping of a state of '" + id + "' to decibans");
                    for (Map.Entry<String, JsonNode> d : pushes.entrySet()) {
                        int k = stateIds.indexOf(d.getKey());
                        if (k < 0) {
                            throw v.bad(sp + "/" + d.getKey(), d.getKey(), "a state of '" + id + "', one of "
                                    + String.join(", ", stateIds) + Suggest.didYouMean(d.getKey(), stateIds));
                        }
                        double db = v.number(sp + "/" + d.getKey(), d.getValue(), x -> Math.abs(x) <= 1000,
                                "decibans, a number from -1000 to 1000 (10 dB is a likelihood ratio of 10)");
                        effects.add(new TableForm.Effect(pi, psi, k, db));
                    }
                }
            }
        }
        List<Double> b = new ArrayList<>();
        for (double x : base) {
            b.add(x);
        }
        return new TableForm.Decibans(b, effects);
    }
}
