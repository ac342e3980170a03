package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.CaseContent;
import org.deciban.model.Settings;

/**
 * A forecast's {@link CaseContent} as the {@code content} object of a history record:
 * <pre>
 * {"as_of": "2024-07-31", "date": "2024-07-31", "question_variable": "question",
 *  "hypotheses": ["trump", ...], "outcomes": ["Trump wins", ..., null],
 *  "settings": {"correlation": 0.5, "group_correlation": {...}, "drift": 0.2, "drift_spread": 0.0,
 *               "default_confidence": 10.0, "draws": 100000, "seed": 20240801, "max_clique": 134217728},
 *  "variables": {"question": {"hash": H, "states": [...], "parents": [], "concentration": null, "table": [...]}},
 *  "items": {"kcna-do-not-care": {"hash": H, "on": null, "date": "2024-07-27", "reliability": 0.57,
 *            "likelihoods": [0.5, 0.55, 0.7], "observed": true, "group": "kcna", "resolved": false}}}
 * </pre>
 * Numbers are written as Java writes a double, which reads back to the same double. A record keeps its content
 * whole when it takes at most {@value #MAX_CHARS} characters, else by hashes alone ({@link CaseContent#light}),
 * else not at all, so a record stays a line deciban reads.
 */
final class HistoryContent {

    /** The most characters of content a record keeps. */
    static final int MAX_CHARS = 4 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HistoryContent() {
    }

    /** The content as JSON, whole, by hashes, or {@code null} when even its hashes take more than {@value #MAX_CHARS} characters. */
    static ObjectNode json(CaseContent c) {
        ObjectNode whole = write(c);
        if (whole.toString().length() <= MAX_CHARS) {
            return whole;
        }
        ObjectNode light = write(c.light());
        return light.toString().length() <= MAX_CHARS ? light : null;
    }

    private static ObjectNode write(CaseContent c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("as_of", c.asOf() == null ? null : c.asOf().toString());
        o.put("date", c.date() == null ? null : c.date().toString());
        o.put("question_variable", c.questionVariable());
        ArrayNode hs = o.putArray("hypotheses");
        c.hypotheses().forEach(hs::add);
        ArrayNode os = o.putArray("outcomes");
        c.outcomes().forEach(os::add);
        Settings s = c.settings();
        ObjectNode st = o.putObject("settings");
        st.put("correlation", s.correlation());
        ObjectNode gc = st.putObject("group_correlation");
        new java.util.TreeMap<>(s.groupCorrelations()).forEach(gc::put);
        st.put("drift", s.drift());
        st.put("drift_spread", s.driftSpread());
        st.put("default_confidence", s.defaultConfidence());
        st.put("draws", s.draws());
        st.put("seed", s.seed());
        st.put("max_clique", s.maxClique());
        ObjectNode vs = o.putObject("variables");
        c.variables().forEach((id, t) -> {
            ObjectNode v = vs.putObject(id);
            v.put("hash", t.hash());
            ArrayNode states = v.putArray("states");
            t.states().forEach(states::add);
            ArrayNode parents = v.putArray("parents");
            t.parents().forEach(parents::add);
            v.put("concentration", t.concentration());
            if (t.complete()) {
                ArrayNode table = v.putArray("table");
                t.values().forEach(table::add);
            }
        });
        ObjectNode is = o.putObject("items");
        c.items().forEach((id, i) -> {
            ObjectNode n = is.putObject(id);
            n.put("hash", i.hash());
            if (i.complete()) {
                n.put("on", i.on());
                n.put("date", i.date() == null ? null : i.date().toString());
                n.put("reliability", i.reliability());
                ArrayNode l = n.putArray("likelihoods");
                i.likelihoods().forEach(l::add);
                n.put("observed", i.observed());
                n.put("group", i.group());
                n.put("resolved", i.resolved());
            }
        });
        return o;
    }

    /**
     * The content of a record's JSON object.
     *
     * @throws IllegalArgumentException when the object is not a content as written above
     */
    static CaseContent read(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("field 'content' is not an object");
        }
        List<String> hs = strings(o.path("hypotheses"), "content.hypotheses");
        List<String> os = new ArrayList<>();
        for (JsonNode n : o.path("outcomes")) {
            os.add(n.isNull() ? null : n.asText());
        }
        JsonNode st = o.path("settings");
        Map<String, Double> groups = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = st.path("group_correlation").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            groups.put(e.getKey(), number(e.getValue(), "content.settings.group_correlation"));
        }
        Settings settings = new Settings(number(st.path("correlation"), "content.settings.correlation"), groups,
                whole(st.path("draws"), "content.settings.draws"), whole(st.path("seed"), "content.settings.seed"),
                number(st.path("drift"), "content.settings.drift"), number(st.path("drift_spread"), "content.settings.drift_spread"),
                number(st.path("default_confidence"), "content.settings.default_confidence"),
                whole(st.path("max_clique"), "content.settings.max_clique"));
        Map<String, CaseContent.Table> vs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("variables").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            vs.put(e.getKey(), new CaseContent.Table(text(v.path("hash"), "content.variables.hash"),
                    strings(v.path("states"), "content.variables.states"), strings(v.path("parents"), "content.variables.parents"),
                    v.path("concentration").isNumber() ? v.path("concentration").asDouble() : null,
                    v.has("table") ? numbers(v.path("table"), "content.variables.table") : null));
        }
        Map<String, CaseContent.Item> is = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("items").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode n = e.getValue();
            String hash = text(n.path("hash"), "content.items.hash");
            if (!n.has("likelihoods")) {
                is.put(e.getKey(), CaseContent.Item.hashOnly(hash));
                continue;
            }
            is.put(e.getKey(), new CaseContent.Item(hash, n.path("on").isTextual() ? n.path("on").asText() : null,
                    date(n.path("date")), number(n.path("reliability"), "content.items.reliability"),
                    numbers(n.path("likelihoods"), "content.items.likelihoods"), n.path("observed").asBoolean(true),
                    n.path("group").isTextual() ? n.path("group").asText() : null, n.path("resolved").asBoolean(false)));
        }
        return new CaseContent(date(o.path("as_of")), date(o.path("date")), hs, os,
                text(o.path("question_variable"), "content.question_variable"), settings, vs, is);
    }

    private static LocalDate date(JsonNode n) {
        if (!n.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(n.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a date of the content is not yyyy-mm-dd");
        }
    }

    private static String text(JsonNode n, String field) {
        if (!n.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing");
        }
        return n.asText();
    }

    private static double number(JsonNode n, String field) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is not a number");
        }
        return n.asDouble();
    }

    private static long whole(JsonNode n, String field) {
        if (!n.canConvertToLong()) {
            throw new IllegalArgumentException("field '" + field + "' is not a whole number");
        }
        return n.asLong();
    }

    private static List<String> strings(JsonNode n, String field) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' is not a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static List<Double> numbers(JsonNode n, String field) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' is not a list");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode x : n) {
            out.add(number(x, field));
        }
        return out;
    }
}
