package org.deciban.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deciban.cli.Deciban;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deciban test} end to end: a robust case passes, a case resting on one fragile judgment
 * fails with a shrunk counterexample naming that judgment, expectations are checked, and nothing is
 * written.
 */
class TestCommandTest {

    @TempDir
    Path root;

    private String out;
    private String err;

    private int deciban(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Deciban.execute(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private List<String> tree() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().collect(Collectors.toList());
        }
    }

    /**
     * Two hypotheses at 0.5 each; ten items each 0.9 vs 0.3, confidence 400. Without perturbation
     * the log-odds are 10 ln 3 = 10.99, p(a) = 1 / (1 + 3^-10) = 0.99998: "almost certain". With
     * confidence 400 each judgment's 90% range is about +-0.03 around 0.9 and +-0.04 around 0.3, so no
     * perturbation can bring p(a) below 0.95 (that needs log-odds below ln 19 = 2.94, i.e. the ten
     * ratios to fall from 3 to about 1.34).
     */
    @Test
    void robustCasePassesAndWritesNothing() throws IOException {
        write("priors/robust.yaml", String.join("\n",
                "case: robust",
                "question: q",
                "hypotheses:",
                "  - {id: a, label: A, outcome: A}",
                "  - {id: b, label: B, outcome: B}",
                "prior: {probabilities: {a: 0.5, b: 0.5}}",
                "checks:",
                "  max_item_share: 0.2",
                "  expect:",
                "    - leads: a",
                "    - outcome: A",
                "      at_least: almost certain",
                "    - hypothesis: b",
                "      below: 0.01",
                ""));
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            items.append("- {id: e").append(i).append(", likelihoods: {a: 0.9, b: 0.3}, confidence: 400}\n");
        }
        write("evidence/robust/items.yaml", items.toString());
        List<String> before = tree();

        int code = deciban("test", "--root", root.toString(), "robust", "--tries", "200");

        assertEquals(0, code, out + err);
        assertTrue(out.contains("seed 20240801"), out);
        assertTrue(out.contains("all checks pass"), out);
        assertTrue(out.contains("all 3 hold"), out);
        assertFalse(out.contains("FAIL"), out);
        assertEquals(before, tree(), "deciban test must write nothing");
    }

    /**
     * Three hypotheses; one item "key" of likelihoods 0.62 / 0.5 / 0.5 with a wide uncertainty
     * (confidence 5) carries the whole lead of "a"; nine neutral items (0.5 under every hypothesis)
     * cannot move anything. Posterior p(a) = 0.62 / 1.62 = 0.383: "a" leads. Moving key's "a"
     * judgment below 0.5 hands the lead to b or c; so the shrunk counterexample must be key's
     * judgments only.
     */
    @Test
    void fragileCaseFailsWithShrunkCounterexample() throws IOException {
        write("priors/fragile.yaml", String.join("\n",
                "case: fragile",
                "question: q",
                "hypotheses:",
                "  - {id: a, label: A}",
                "  - {id: b, label: B}",
                "  - {id: c, label: C}",
                "prior: {probabilities: {a: 0.4, b: 0.3, c: 0.3}}",
                "checks:",
                "  expect:",
                "    - leads: b",
                ""));
        StringBuilder items = new StringBuilder("- {id: key, likelihoods: {a: 0.62, b: 0.5, c: 0.5}, confidence: 5}\n");
        for (int i = 0; i < 9; i++) {
            items.append("- {id: n").append(i).append(", likelihoods: {a: 0.5, b: 0.5, c: 0.5}, confidence: 100000}\n");
        }
        write("evidence/fragile/items.yaml", items.toString());

        int code = deciban("test", "--root", root.toString(), "fragile", "--tries", "300", "--seed", "7");

        assertEquals(1, code, out + err);
        assertTrue(out.contains("FAIL  the leader survives perturbations"), out);
        assertTrue(out.contains("Smallest change of judgments"), out);
        String table = out.substring(out.indexOf("Smallest change"));
        List<String> rows = table.lines().dropWhile(l -> !l.startsWith("item ")).skip(1).takeWhile(l -> !l.isBlank())
                .collect(Collectors.toList());
        assertFalse(rows.isEmpty(), table);
        for (String row : rows) {
            assertTrue(row.startsWith("key "), "only the fragile item should remain after shrinking: " + table);
        }
        assertTrue(out.contains("1 of 1 fail: b leads"), out);

        // the same seed replays the same figures
        String first = out;
        deciban("test", "--root", root.toString(), "fragile", "--tries", "300", "--seed", "7");
        assertEquals(first, out);
    }

    @Test
    void badExpectationIsBadInput() throws IOException {
        write("priors/bad.yaml", String.join("\n",
                "case: bad",
                "question: q",
                "hypotheses:",
                "  - {id: a, label: A}",
                "  - {id: b, label: B}",
                "prior: {probabilities: {a: 0.5, b: 0.5}}",
                "checks:",
                "  expect:",
                "    - hypothesis: a",
                "      at_least: likley",
                ""));
        int code = deciban("test", "--root", root.toString(), "bad");
        assertEquals(2, code, err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("priors/bad.yaml:10: field 'checks.expect[0].at_least' has value 'likley'"), err);
        assertTrue(err.contains("did you mean 'likely'"), err);
        // check validates the whole priors file, its checks section included, with the same line
        String fromTest = err;
        assertEquals(2, deciban("check", "--root", root.toString(), "bad"), out + err);
        assertEquals(fromTest, err);
    }

    /**
     * One item of likelihoods 0.56 / 0.44 and confidence 500, uniform prior: p(a) = 0.56, "likely",
     * just above the band's lower edge 0.55. Each judgment's 90% range is about +-0.036 (Beta sd
     * sqrt(L (1 - L) / (c + 1)) = 0.0222, times 1.645), so p(a) = La / (La + Lb) stays above
     * 0.5235 / (0.5235 + 0.4765) = 0.5235: "a" leads in every try, while p(a) falls below 0.55
     * ("roughly even chance") whenever La / Lb drops under 0.55 / 0.45 = 1.2222, in a good share of
     * the tries.
     */
    private void nearBandEdge(boolean bandMustSurvive) throws IOException {
        write("priors/edge.yaml", String.join("\n",
                "case: edge",
                "question: q",
                "hypotheses:",
                "  - {id: a, label: A}",
                "  - {id: b, label: B}",
                "prior: {probabilities: {a: 0.5, b: 0.5}}",
                "checks:",
                "  max_item_share: 1",
                "  band_must_survive: " + bandMustSurvive,
                ""));
        write("evidence/edge/items.yaml", "- {id: only, likelihoods: {a: 0.56, b: 0.44}, confidence: 500}\n");
    }

    @Test
    void aLeaderThatSurvivesPassesThoughItsBandDoesNot() throws IOException {
        nearBandEdge(false);
        int code = deciban("test", "--root", root.toString(), "edge", "--tries", "300", "--seed", "11");
        assertEquals(0, code, out + err);
        String flat = out.replaceAll("\\s+", " ");
        assertTrue(flat.contains("PASS the leader survives perturbations of the judgments: 'a' leads in 300 of 300 tries"), out);
        assertTrue(flat.contains("INFO the leader's band survives perturbations"), out);
        assertTrue(flat.contains("no change of judgments within their ranges overturns the leader"), out);
        assertFalse(out.contains("Smallest change of judgments found"), out);
        assertTrue(out.contains("all checks pass"), out);

        deciban("test", "--root", root.toString(), "edge", "--tries", "300", "--seed", "11", "--json");
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertEquals("test", j.get("command").asText());
        assertTrue(j.get("passed").asBoolean());
        assertEquals(300, j.at("/survival/leader_kept").asInt());
        int band = j.at("/survival/band_kept").asInt();
        assertTrue(band > 0 && band < 0.9 * 300, "the band survives in some tries, not in 90%: " + band);
        assertFalse(j.at("/survival/band_must_survive").asBoolean());
        assertTrue(j.get("overturn").isNull());
    }

    @Test
    void aCaseThatAsksItsBandToSurviveFailsAndSaysTheChangeOverturnsOnlyTheBand() throws IOException {
        nearBandEdge(true);
        int code = deciban("test", "--root", root.toString(), "edge", "--tries", "300", "--seed", "11");
        assertEquals(1, code, out + err);
        assertTrue(out.contains("PASS  the leader survives"), out);
        assertTrue(out.contains("FAIL  the leader's band survives"), out);
        String flat = out.replaceAll("\\s+", " ");
        assertTrue(flat.contains("overturns only the leader's band: 'a' still leads, but at 'roughly even chance' "
                + "instead of 'likely'"), out);
        assertTrue(out.contains("1 check failed"), out);

        deciban("test", "--root", root.toString(), "edge", "--tries", "300", "--seed", "11", "--json");
        com.fasterxml.jackson.databind.JsonNode j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out);
        assertFalse(j.get("passed").asBoolean());
        assertEquals("band", j.at("/overturn/overturns").asText());
        assertEquals("a", j.at("/overturn/leader_after").asText());
        assertTrue(j.at("/overturn/posterior_after").asDouble() < 0.55);
    }
}
