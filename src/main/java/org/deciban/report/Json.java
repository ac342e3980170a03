package org.deciban.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.Icd203;

/**
 * Small helpers for the JSON documents of the explain, sensitivity, what-if and indicators
 * commands: a non-finite number is the string "Infinity" or "-Infinity", NaN is null.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode root(Case c, String command) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("case", c.id());
        root.put("command", command);
        root.put("question", c.question());
        ArrayNode hs = root.putArray("hypotheses");
        c.hypotheses().forEach(h -> hs.add(h.id()));
        return root;
    }

    static void put(ObjectNode n, String key, double x) {
        if (Double.isNaN(x)) {
            n.putNull(key);
        } else if (Double.isInfinite(x)) {
            n.put(key, x > 0 ? "Infinity" : "-Infinity");
        } else {
            n.put(key, x);
        }
    }

    /** A per-hypothesis object {h: x}. */
    static ObjectNode perHypothesis(ObjectNode parent, String key, Case c, List<Double> values) {
        ObjectNode o = parent.putObject(key);
        for (int k = 0; k < c.size(); k++) {
            put(o, c.hypotheses().get(k).id(), values.get(k));
        }
        return o;
    }

    /** {state: value} over the given states (an item's variable, which is not always the question's). */
    static ObjectNode perState(ObjectNode parent, String key, List<String> states, List<Double> values) {
        ObjectNode o = parent.putObject(key);
        for (int s = 0; s < states.size(); s++) {
            put(o, states.get(s), values.get(s));
        }
        return o;
    }

    /** "state p, state p" with probabilities to four decimals: an item's effective likelihoods as text. */
    static String perStateText(List<String> states, List<Double> values) {
        List<String> parts = new java.util.ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            parts.add(states.get(s) + " " + Numbers.probability(values.get(s)));
        }
        return String.join(", ", parts);
    }

    static void provenance(ObjectNode root, Provenance prov) {
        ObjectNode pv = root.putObject("provenance");
        pv.put("case", prov.caseId());
        pv.put("time", prov.time());
        pv.put("version", prov.version());
        pv.put("java", prov.java());
        ObjectNode in = pv.putObject("inputs");
        prov.inputs().forEach(in::put);
    }

    static String phrase(double p) {
        return Double.isNaN(p) ? "n/a" : Icd203.of(Math.max(0, Math.min(1, p))).phrase();
    }
}
