package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import org.deciban.model.Limits;

/** Field checks of one YAML document, each failure an {@link InputException} with its line. */
final class Fields {

    private final YamlDocument doc;

    Fields(YamlDocument doc) {
        this.doc = doc;
    }

    InputException missing(String parentPath, String field, String allowed) {
        return new InputException(doc.file(), doc.lineOf(parentPath), field, null, "allowed: " + allowed);
    }

    InputException bad(String path, String value, String allowed) {
        return new InputException(doc.file(), doc.lineOf(path), YamlDocument.fieldName(path), value, "allowed: " + allowed);
    }

    /**
     * A finite number accepted by {@code ok}. Its text is {@link NumberText#bounded bounded} before it is
     * converted ({@code 1e-2000000000} would cost time and memory in proportion to its exponent).
     */
    double number(String path, JsonNode node, DoublePredicate ok, String allowed) {
        if (node == null || node.isNull() || !node.isNumber()) {
            throw bad(path, node == null || node.isNull() ? "(empty)" : node.asText(), allowed);
        }
        checkBounded(path, node);
        double x = node.doubleValue();
        if (!Double.isFinite(x) || !ok.test(x)) {
            throw bad(path, node.asText(), allowed);
        }
        return x;
    }

    private void checkBounded(String path, JsonNode node) {
        if (!NumberText.bounded(node.asText())) {
            throw bad(path, node.asText(), NumberText.ALLOWED);
        }
    }

    /** A whole number in [min, max], its text bounded before it is converted. */
    long integer(String path, JsonNode node, long min, long max, String allowed) {
        if (node != null && node.isNumber()) {
            checkBounded(path, node);
        }
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw bad(path, node == null ? "(empty)" : node.asText(), allowed);
        }
        long x = node.longValue();
        if (x < min || x > max) {
            throw bad(path, node.asText(), allowed);
        }
        return x;
    }

    /** An ISO date, yyyy-mm-dd, with a year from {@link Limits#MIN_YEAR} to {@link Limits#MAX_YEAR}. */
    LocalDate date(String path, String text) {
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw bad(path, text, Dates.ALLOWED);
        }
        return d;
    }

    /** A finite number within [min, max], for a setting with a documented range. */
    double inRange(String path, JsonNode node, double min, double max, String allowed) {
        return number(path, node, x -> x >= min && x <= max, allowed);
    }

    /**
     * One value per hypothesis, from a mapping keyed by hypothesis id: unknown ids and ids left
     * out are refused.
     */
    double[] perHypothesis(String path, Map<String, JsonNode> map, List<String> ids,
                           BiFunction<String, JsonNode, Double> value) {
        return perKey(path, map, ids, "hypothesis", value);
    }

    /**
     * One value per key of {@code ids} ({@code what} names them in messages: "hypothesis", "state of
     * 'x'"), from a mapping: unknown keys and keys left out are refused.
     */
    double[] perKey(String path, Map<String, JsonNode> map, List<String> ids, String what,
                    BiFunction<String, JsonNode, Double> value) {
        double[] out = new double[ids.size()];
        for (String key : map.keySet()) {
            if (!ids.contains(key)) {
                throw bad(path + "/" + key, key, (what.equals("hypothesis") ? "a hypothesis id" : "a " + what)
                        + ", one of " + String.join(", ", ids) + Suggest.didYouMean(key, ids));
            }
        }
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            if (!map.containsKey(id)) {
                throw new InputException(doc.file(), doc.lineOf(path), YamlDocument.fieldName(path + "/" + id), null,
                        "leaves out " + what + " '" + id + "'; allowed: a value for every " + what + " (" + String.join(", ", ids) + ")");
            }
            out[k] = value.apply(path + "/" + id, map.get(id));
        }
        return out;
    }

    /** An override table: keys matching {@code keyPattern}, values in [0, 1]. */
    Map<String, Double> table(String path, Map<String, JsonNode> map, String keyPattern) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (map == null) {
            return out;
        }
        Pattern keys = Pattern.compile(keyPattern);
        map.forEach((k, node) -> {
            if (!keys.matcher(k).matches()) {
                throw bad(path + "/" + k, k, "a key matching " + keyPattern);
            }
            out.put(k, number(path + "/" + k, node, x -> x >= 0 && x <= 1, "a number in [0, 1]"));
        });
        return out;
    }
}
