package org.deciban.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deciban.inference.ItemWeight;
import org.deciban.inference.OutcomeShare;
import org.deciban.inference.Posterior;
import org.deciban.inference.VariableMarginal;
import java.util.List;
import java.util.Map;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.model.Case;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;

/**
 * The figures of a run as one JSON document, for scripts:
 * <pre>
 * {"case", "question", "as_of",
 *  "hypotheses": [{"id", "label", "outcome", "prior", "posterior", "phrase"}],
 *  "outcomes": [{"outcome", "prior", "posterior", "phrase"}],
 *  "no_outcome": {"prior", "posterior", "phrase"},
 *  "evidence": [{"id", "weight", "effective": {h: L'}, "weight_db": {h: decibans}}],
 *  "log_evidence", "provenance": {...}}
 * </pre>
 * For a network case each item also has "on" (its variable), its "effective" likelihoods are keyed by
 * that variable's states, and {@link #addVariables} adds every variable's marginals.
 * Numbers are full-precision JSON numbers; a non-finite weight of evidence is the string
 * "Infinity" or "-Infinity" (JSON has no such numbers), and NaN (one hypothesis) is null.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** The document as a tree, so later stages can add to it. */
    public static ObjectNode of(Case c, Posterior p, Provenance prov) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("case", c.id());
        root.put("question", c.question());
        root.put("as_of", c.asOf() == null ? null : c.asOf().toString());
        ArrayNode hs = root.putArray("hypotheses");
        for (int k = 0; k < c.size(); k++) {
            Hypothesis h = c.hypotheses().get(k);
            ObjectNode n = hs.addObject();
            n.put("id", h.id());
            n.put("label", h.label());
            n.put("outcome", h.outcome());
            n.put("prior", p.prior().get(k));
            n.put("posterior", p.probabilities().get(k));
            n.put("phrase", Icd203.of(PosteriorTables.clamp(p.probabilities().get(k))).phrase());
        }
        ArrayNode os = root.putArray("outcomes");
        for (OutcomeShare o : p.outcomes()) {
            ObjectNode n = os.addObject();
            n.put("outcome", o.outcome());
            n.put("prior", o.prior());
            n.put("posterior", o.probability());
            n.put("phrase", Icd203.of(PosteriorTables.clamp(o.probability())).phrase());
        }
        ObjectNode none = root.putObject("no_outcome");
        none.put("prior", p.noOutcomePrior());
        none.put("posterior", p.noOutcomeProbability());
        none.put("phrase", Icd203.of(PosteriorTables.clamp(p.noOutcomeProbability())).phrase());
        ArrayNode ev = root.putArray("evidence");
        for (int e = 0; e < c.evidence().size(); e++) {
            ItemWeight iw = p.items().get(e);
            ObjectNode n = ev.addObject();
            n.put("id", iw.itemId());
            n.put("weight", iw.weight());
            if (c.structured()) {
                n.put("on", c.variableOf(c.evidence().get(e)).id());
            }
            ObjectNode eff = n.putObject("effective");
            List<String> states = c.variableOf(c.evidence().get(e)).stateIds();
            for (int s = 0; s < states.size(); s++) {
                eff.put(states.get(s), iw.effective().get(s));
            }
            ObjectNode db = n.putObject("weight_db");
            for (int k = 0; k < c.size(); k++) {
                putNumber(db, c.hypotheses().get(k).id(), iw.decibans().get(k));
            }
        }
        root.put("log_evidence", p.logEvidence());
        ObjectNode pv = root.putObject("provenance");
        pv.put("case", prov.caseId());
        pv.put("time", prov.time());
        pv.put("version", prov.version());
        pv.put("java", prov.java());
        if (prov.seed() != null) {
            pv.put("seed", prov.seed());
        }
        if (prov.draws() != null) {
            pv.put("draws", prov.draws());
        }
        ObjectNode in = pv.putObject("inputs");
        prov.inputs().forEach(in::put);
        return root;
    }

    /**
     * Adds every variable's marginals of a network case:
     * {@code "variables": [{"id", "label", "states": [{"id", "prior", "posterior"}]}]}.
     */
    public static void addVariables(ObjectNode doc, List<VariableMarginal> variables) {
        ArrayNode vs = doc.putArray("variables");
        for (VariableMarginal v : variables) {
            ObjectNode n = vs.addObject();
            n.put("id", v.id());
            n.put("label", v.label());
            ArrayNode ss = n.putArray("states");
            for (int s = 0; s < v.states().size(); s++) {
                ObjectNode st = ss.addObject();
                st.put("id", v.states().get(s));
                st.put("prior", v.prior().get(s));
                st.put("posterior", v.posterior().get(s));
            }
        }
    }

    /**
     * The JSON of {@code run}: the run's document ({@link #of}) with the engine's note, every variable's
     * marginals of a network case (when {@code variables} is not null), the Monte Carlo intervals (when
     * {@code mc} is not null), the case's stated confidence and the comparison with the source's
     * expectations (when {@code gap} is not null).
     */
    public static String run(Case c, Posterior p, Provenance prov, String engine, List<VariableMarginal> variables,
                             MonteCarloResult mc, ExpectationGap.Figures gap) {
        ObjectNode doc = of(c, p, prov).put("engine", engine);
        if (variables != null) {
            addVariables(doc, variables);
        }
        if (mc != null) {
            IntervalReport.addTo(doc, mc);
        }
        if (c.assessment() != null) {
            ConfidenceReport.addTo(doc, c.assessment());
        }
        if (gap != null) {
            SourceReport.addTo(doc, c, gap);
        }
        return text(doc);
    }

    /**
     * The JSON of {@code query}: {@code {"case", "evidence_items", "given": {variable: state},
     * "log_evidence", "variables": [...]}}, the findings keyed by variable index and state index of the case's network.
     */
    public static String query(Case c, int evidenceItems, Map<Integer, Integer> findings, double logEvidence,
                               List<VariableMarginal> shown) {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("case", c.id());
        doc.put("evidence_items", evidenceItems);
        ObjectNode g = doc.putObject("given");
        findings.forEach((v, s) -> g.put(c.network().variable(v).id(), c.network().variable(v).states().get(s).id()));
        doc.put("log_evidence", logEvidence);
        addVariables(doc, shown);
        return text(doc);
    }

    private static void putNumber(ObjectNode n, String key, double x) {
        if (Double.isNaN(x)) {
            n.putNull(key);
        } else if (Double.isInfinite(x)) {
            n.put(key, x > 0 ? "Infinity" : "-Infinity");
        } else {
            n.put(key, x);
        }
    }

    /** Pretty-printed text of a document. */
    public static String text(ObjectNode doc) {
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
