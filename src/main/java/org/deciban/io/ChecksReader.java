package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.Checks;
import org.deciban.model.Expectation;
import org.deciban.model.Hypothesis;
import org.deciban.model.Icd203;

/**
 * Reads the {@code checks:} section of a priors file: thresholds of {@code deciban test} and the
 * analyst's expectations.
 *
 * <pre>
 * checks:
 *   max_item_share: 0.5        # optional
 *   survival_share: 0.9        # optional
 *   band_must_survive: false   # optional
 *   tries: 1000                # optional
 *   expect:
 *     - leads: trump
 *     - hypothesis: harris
 *       below: 0.2
 *     - outcome: Trump wins
 *       at_least: roughly even chance
 * </pre>
 */
final class ChecksReader {

    private ChecksReader() {
    }

    static Checks read(YamlDocument doc, Dto.ChecksEntry entry, Case c) {
        Checks d = Checks.defaults();
        if (entry == null) {
            return d;
        }
        Fields v = new Fields(doc);
        double maxShare = entry.maxItemShare() == null ? d.maxItemShare()
                : v.number("/checks/max_item_share", entry.maxItemShare(), x -> x > 0 && x <= 1, "a number in (0, 1]");
        double survival = entry.survivalShare() == null ? d.survivalShare()
                : v.number("/checks/survival_share", entry.survivalShare(), x -> x >= 0 && x <= 1, "a number in [0, 1]");
        boolean band = entry.bandMustSurvive() == null ? d.bandMustSurvive() : entry.bandMustSurvive();
        int tries = entry.tries() == null ? d.tries()
                : (int) v.integer("/checks/tries", entry.tries(), 1, org.deciban.model.Limits.MAX_TRIES,
                "a whole number from 1 to " + org.deciban.model.Limits.MAX_TRIES);
        if (entry.defaultConfidence() != null) {
            throw v.bad("/checks/default_confidence", entry.defaultConfidence().asText(),
                    "nothing here: the default confidence is settings.default_confidence, the one source of a "
                            + "judgment's uncertainty for Monte Carlo, the tornado and deciban test");
        }
        List<Expectation> expectations = new ArrayList<>();
        if (entry.expect() != null) {
            for (int i = 0; i < entry.expect().size(); i++) {
                expectations.add(expectation(v, "/checks/expect/" + i, entry.expect().get(i), c));
            }
        }
        return new Checks(maxShare, survival, band, tries, expectations);
    }

    private static Expectation expectation(Fields v, String path, Dto.ExpectationEntry e, Case c) {
        String shape = "either 'leads: <hypothesis>' or 'hypothesis: <id>' / 'outcome: <name>' with one of "
                + "at_least, at_most, above, below (a number in [0, 1] or an ICD 203 phrase)";
        if (e == null) {
            throw v.bad(path, "(empty)", shape);
        }
        List<String> ids = c.hypotheses().stream().map(Hypothesis::id).toList();
        if (e.leads() != null) {
            if (e.hypothesis() != null || e.outcome() != null || e.atLeast() != null || e.atMost() != null
                    || e.above() != null || e.below() != null) {
                throw v.bad(path, "leads with other fields", shape);
            }
            if (!ids.contains(e.leads())) {
                throw v.bad(path + "/leads", e.leads(), "a hypothesis id, one of " + String.join(", ", ids)
                        + Suggest.didYouMean(e.leads(), ids));
            }
            return new Expectation(Expectation.Subject.HYPOTHESIS, e.leads(), Expectation.Comparison.LEADS, null, null,
                    e.leads() + " leads");
        }
        if ((e.hypothesis() == null) == (e.outcome() == null)) {
            throw v.bad(path, "needs exactly one of hypothesis, outcome", shape);
        }
        Expectation.Subject subject = e.hypothesis() != null ? Expectation.Subject.HYPOTHESIS : Expectation.Subject.OUTCOME;
        String target = e.hypothesis() != null ? e.hypothesis() : e.outcome();
        List<String> targets = subject == Expectation.Subject.HYPOTHESIS ? ids : c.outcomes();
        if (!targets.contains(target)) {
            throw v.bad(path + "/" + (subject == Expectation.Subject.HYPOTHESIS ? "hypothesis" : "outcome"), target,
                    "one of " + String.join(", ", targets) + Suggest.didYouMean(target, targets));
        }
        Map<Expectation.Comparison, JsonNode> given = new LinkedHashMap<>();
        put(given, Expectation.Comparison.AT_LEAST, e.atLeast());
        put(given, Expectation.Comparison.AT_MOST, e.atMost());
        put(given, Expectation.Comparison.ABOVE, e.above());
        put(given, Expectation.Comparison.BELOW, e.below());
        if (given.size() != 1) {
            throw v.bad(path, given.size() + " comparisons", shape);
        }
        Map.Entry<Expectation.Comparison, JsonNode> only = given.entrySet().iterator().next();
        String field = path + "/" + only.getKey().name().toLowerCase(java.util.Locale.ROOT);
        JsonNode value = only.getValue();
        Double number = null;
        Icd203 band = null;
        if (value.isTextual()) {
            for (Icd203 b : Icd203.values()) {
                if (b.phrase().equals(Scales.normalisePhrase(value.asText()))) {
                    band = b;
                }
            }
            if (band == null) {
                List<String> phrases = java.util.Arrays.stream(Icd203.values()).map(Icd203::phrase).toList();
                throw v.bad(field, value.asText(), "a number in [0, 1] or an ICD 203 phrase, one of "
                        + String.join(", ", phrases) + Suggest.didYouMean(value.asText(), phrases));
            }
        } else {
            number = v.number(field, value, x -> x >= 0 && x <= 1, "a number in [0, 1] or an ICD 203 phrase");
        }
        String text = target + " " + only.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " "
                + (band != null ? band.phrase() : value.asText());
        return new Expectation(subject, target, only.getKey(), number, band, text);
    }

    private static void put(Map<Expectation.Comparison, JsonNode> m, Expectation.Comparison k, JsonNode v) {
        if (v != null && !v.isNull()) {
            m.put(k, v);
        }
    }
}
