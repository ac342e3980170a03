package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case that reads a source and states its analytic confidence: {@code run} states the confidence and the
 * section "Where this differs from" the source in the terminal, posterior.md, report.html and the JSON, with
 * the verdicts {@code deciban test} gives; a case without them gets neither.
 *
 * <p>The case, by hand: prior 0.4 / 0.3 / 0.3, one item L = (0.6, 0.3, 0.3) at reliability 1, so the posterior
 * is (0.24, 0.09, 0.09) / 0.42 = (0.5714, 0.2143, 0.2143): "up" leads (the first expectation holds) and "down"
 * is unlikely, not at least likely (the second fails, short by 0.55 - 0.2143 = 0.3357).
 */
class SourceReadingCommandTest {

    @TempDir
    Path tmp;

    private Path project() {
        Path root = tmp.resolve("p");
        Tree.write(root.resolve("priors/mkt.yaml"), String.join("\n",
                "case: mkt",
                "question: Where will the price go?",
                "hypotheses:",
                "  - {id: up, label: The price rises, outcome: Rise}",
                "  - {id: down, label: The price falls, outcome: Fall}",
                "  - {id: flat, label: The price stays flat}",
                "prior: {probabilities: {up: 0.4, down: 0.3, flat: 0.3}}",
                "settings: {draws: 2000, seed: 3}",
                "source_reading:",
                "  source: A market letter <b>bold</b>",
                "  url: https://example.org/letter",
                "  called: the letter",
                "  thesis: The price will fall.",
                "  departures:",
                "    - The case weighs the order book more than the letter does.",
                "assessment:",
                "  confidence: moderate",
                "  reasons:",
                "    - Two independent sources.",
                "checks:",
                "  expect:",
                "    - leads: up",
                "    - hypothesis: down",
                "      at_least: likely",
                ""));
        Tree.write(root.resolve("evidence/mkt/book.yaml"), "id: book\nlikelihoods: {up: 0.6, down: 0.3, flat: 0.3}\n");
        return root;
    }

    @Test
    void runStatesTheConfidenceAndWhereTheResultDiffersFromTheSource() throws Exception {
        Path root = project();
        Cli.Result r = Cli.run("run", "--root", root.toString(), "mkt");
        assertEquals(0, r.code(), r.err());
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("The price rises: likely (0.57), 90% interval"), r.out());
        assertTrue(flat.contains("The price stays flat: unlikely (0.21)"), r.out());
        assertTrue(flat.contains("Analytic confidence (ICD 203): moderate."), r.out());
        assertTrue(flat.contains("- Two independent sources."), r.out());
        assertTrue(flat.contains("Where this differs from the letter The letter: A market letter <b>bold</b>, "
                + "https://example.org/letter."), r.out());
        assertTrue(flat.contains("Its thesis: The price will fall."), r.out());
        assertTrue(flat.contains("1 of 2 hold; fails: down at least likely (it is 0.21)."), r.out());
        assertTrue(flat.contains("- The case weighs the order book more than the letter does."), r.out());
        assertTrue(flat.contains("(0.3357 now)"), r.out());

        String md = Tree.read(root.resolve("reports/mkt/posterior.md"));
        assertTrue(md.contains("## Analytic confidence: moderate"), md);
        assertTrue(md.contains("## Where this differs from the letter"), md);
        assertTrue(md.indexOf("## Analytic confidence") < md.indexOf("| kind |"), "the confidence comes before the table");

        String html = Tree.read(root.resolve("reports/mkt/report.html"));
        int headline = html.indexOf("<section id=\"headline\">");
        int confidence = html.indexOf("<section id=\"confidence\">");
        int posterior = html.indexOf("<section id=\"posterior\">");
        int source = html.indexOf("<section id=\"source\">");
        int evidence = html.indexOf("<section id=\"evidence\">");
        assertTrue(headline < confidence && confidence < posterior && posterior < source && source < evidence, html);
        assertTrue(html.contains("A market letter &lt;b&gt;bold&lt;/b&gt;"), "the source's words are escaped");
        assertFalse(html.contains("<b>bold</b>"), "no markup from the case reaches the page");

        JsonNode run = new ObjectMapper().readTree(Cli.run("run", "--root", root.toString(), "--no-write", "--json", "mkt").out());
        assertEquals("moderate", run.at("/assessment/confidence").asText());
        assertEquals("the letter", run.at("/source_reading/called").asText());
        JsonNode verdicts = run.at("/source_reading/expectations");
        assertTrue(verdicts.get(0).get("holds").asBoolean());
        assertFalse(verdicts.get(1).get("holds").asBoolean());
        assertEquals(0.55 - 0.09 / 0.42, verdicts.get(1).get("shortfall").asDouble(), 1e-12);

        // deciban test gives the same verdict: the expectations fail, naming the one that fails
        JsonNode test = new ObjectMapper().readTree(Cli.run("test", "--root", root.toString(), "--json", "--tries", "20",
                "mkt").out());
        JsonNode expectations = null;
        for (JsonNode check : test.get("checks")) {
            if (check.get("detail").asText().contains("down at least likely")) {
                expectations = check;
            }
        }
        assertTrue(expectations != null && expectations.get("verdict").asText().equals("FAIL"), test.toString());
        assertTrue(expectations.get("detail").asText().startsWith("1 of 2 fail"), expectations.toString());
    }

    @Test
    void aCaseWithoutThemHasNeitherSection() {
        Path root = Tree.copyCase("small", tmp.resolve("small"));
        Cli.Result r = Cli.run("run", "--root", root.toString(), "small");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("Analytic confidence") || r.out().contains("Where this differs"), r.out());
        String html = Tree.read(root.resolve("reports/small/report.html"));
        assertFalse(html.contains("<section id=\"confidence\">") || html.contains("<section id=\"source\">"), html);
    }
}
