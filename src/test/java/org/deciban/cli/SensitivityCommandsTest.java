package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four commands run in-process on a two-hypothesis case written to a temporary folder. */
class SensitivityCommandsTest {

    /** Exact arithmetic on a few terms, printed at full precision in JSON. */
    private static final double EXACT = 1e-12;

    @TempDir
    Path root;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeCase() throws IOException {
        Files.createDirectories(root.resolve("priors"));
        Files.createDirectories(root.resolve("evidence/two/indicators"));
        Files.writeString(root.resolve("priors/two.yaml"), String.join("\n",
                "case: two",
                "question: Which?",
                "hypotheses:",
                "  - {id: up, label: Up}",
                "  - {id: down, label: Down}",
                "prior:",
                "  probabilities: {up: 0.5, down: 0.5}",
                ""));
        // Posterior: up 0.5 * 0.8 * 0.5 = 0.2, down 0.5 * 0.4 * 0.6 = 0.12, so (0.625, 0.375).
        Files.writeString(root.resolve("evidence/two/items.yaml"), String.join("\n",
                "- {id: a, date: 2024-01-02, likelihoods: {up: 0.8, down: 0.4}}",
                "- {id: b, date: 2024-01-01, likelihoods: {up: 0.5, down: 0.6}}",
                ""));
        Files.writeString(root.resolve("evidence/two/indicators/i.yaml"), String.join("\n",
                "- {id: sharp, likelihoods: {up: 0.9, down: 0.1}}",
                "- {id: flat, likelihoods: {up: 0.5, down: 0.5}}",
                ""));
    }

    private int run(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--root", root.toString())).toArray(String[]::new);
        return Deciban.execute(new PrintWriter(out), new PrintWriter(err), all);
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void explainWritesTheLedgerAndNamesTheCarrier() throws IOException {
        assertEquals(0, run("explain", "two"), err.toString());
        String md = Files.readString(root.resolve("reports/two/explain.md"));
        // Without a only b is left: up 0.5 / 1.1 = 0.45, down 0.55 leads.
        // (0.625 is printed with two decimals, 0.62 or 0.63 by the formatter's rounding; the rest is unambiguous.)
        assertTrue(md.contains("Without 'a', 'up' falls from 0.6"), md);
        assertTrue(md.contains(" to 0.45 and 'down' leads instead with 0.55."), md);
        String csv = Files.readString(root.resolve("reports/two/explain.csv"));
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().contains(",b,"), "b is dated first: " + csv);
    }

    @Test
    void sensitivityWritesFourCsvFilesAndJson() throws IOException {
        assertEquals(0, run("sensitivity", "two", "--json"), err.toString());
        JsonNode j = json();
        // Gap 10 log10(0.625 / 0.375) = 10 log10(5/3) dB.
        assertEquals(10 * Math.log10(5.0 / 3), j.get("what_it_takes").get("to_tie_db").asDouble(), EXACT);
        for (String f : new String[] {"sensitivity.md", "sensitivity-loo.csv", "sensitivity-tornado.csv",
                "sensitivity-prior.csv", "sensitivity-threshold.csv"}) {
            assertTrue(Files.isRegularFile(root.resolve("reports/two/" + f)), f);
        }
    }

    @Test
    void whatIfRemovesAndAddsWithoutTouchingEvidence() throws IOException {
        Path extra = root.resolve("extra.yaml");
        Files.writeString(extra, "id: c\nlikelihoods: {up: 0.2, down: 0.8}\n");
        String before = Files.readString(root.resolve("evidence/two/items.yaml"));
        assertEquals(0, run("what-if", "two", "--without", "a", "--with", extra.toString(), "--json"), err.toString());
        JsonNode j = json();
        // What-if: b and c: up 0.5 * 0.5 * 0.2 = 0.05, down 0.5 * 0.6 * 0.8 = 0.24, so up = 0.05 / 0.29.
        assertEquals(0.05 / 0.29, j.get("what_if").get("up").asDouble(), EXACT);
        assertEquals(0.625, j.get("as_it_stands").get("up").asDouble(), EXACT);
        assertEquals(before, Files.readString(root.resolve("evidence/two/items.yaml")));
        try (Stream<Path> s = Files.list(root.resolve("evidence/two"))) {
            assertEquals(2, s.count(), "nothing new under evidence/");
        }
        assertTrue(Files.isRegularFile(root.resolve("reports/two/whatif.csv")));
    }

    @Test
    void whatIfRejectsAnUnknownIdWithExitCode2() {
        assertEquals(2, run("what-if", "two", "--without", "zz"));
        assertTrue(err.toString().contains("no evidence item 'zz'"), err.toString());
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void whatIfRejectsABadExtraFileWithItsName() throws IOException {
        Path extra = root.resolve("bad.yaml");
        Files.writeString(extra, "id: c\nlikelihoods: {up: 0.2, maybe: 0.8}\n");
        assertEquals(2, run("what-if", "two", "--with", extra.toString()));
        assertTrue(err.toString().contains("bad.yaml"), err.toString());
    }

    @Test
    void indicatorsRankTheSharpOneFirst() throws IOException {
        assertEquals(0, run("indicators", "two", "--json"), err.toString());
        JsonNode list = json().get("indicators");
        assertEquals("sharp", list.get(0).get("id").asText());
        assertEquals(0, list.get(1).get("gain_bits").asDouble(), EXACT);
        // P(seen) = 0.625 * 0.9 + 0.375 * 0.1 = 0.6.
        assertEquals(0.6, list.get(0).get("p_observed").asDouble(), EXACT);
        assertTrue(Files.isRegularFile(root.resolve("reports/two/indicators.md")));
    }

    @Test
    void anIndicatorMayNotBeRecordedAsAbsent() throws IOException {
        Files.writeString(root.resolve("evidence/two/indicators/j.yaml"),
                "id: gone\nobserved: false\nlikelihoods: {up: 0.3, down: 0.5}\n");
        assertEquals(2, run("indicators", "two"));
        assertTrue(err.toString().contains("indicators/j.yaml"), err.toString());
    }
}
