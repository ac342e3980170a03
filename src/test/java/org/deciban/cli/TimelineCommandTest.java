package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.deciban.inference.Posterior;
import org.deciban.testing.DriftOracle;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineCommandTest {

    /** The same arithmetic on the same numbers read from the same text: identical up to JSON round trip (exact). */
    static final double EXACT = 1e-12;

    static final String CASE = String.join("\n",
            "case: demo",
            "question: Which?",
            "as_of: 2024-06-01",
            "hypotheses:",
            "  - {id: a, label: A, outcome: A wins}",
            "  - {id: b, label: B, outcome: B wins}",
            "  - {id: c, label: C}",
            "prior:",
            "  probabilities: {a: 0.5, b: 0.3, c: 0.2}",
            "settings:",
            "  correlation: 0.5",
            "  drift: %s",
            "");

    static final String EARLY = String.join("\n",
            "- {id: e2020, date: 2020-03-01, likelihoods: {a: 0.8, b: 0.2, c: 0.4}, group: g}",
            "- {id: e2022, date: 2022-01-15, reliability: B2, likelihoods: {a: 0.3, b: 0.6, c: 0.5}, group: g}",
            "- {id: f2022, date: 2022-01-15, likelihoods: {a: 0.5, b: 0.9, c: 0.5}}",
            "");

    static final String LATE = String.join("\n",
            "- {id: e2024, date: 2024-05-01, likelihoods: {a: 0.9, b: 0.1, c: 0.3}, group: g}",
            "- {id: undated, likelihoods: {a: 0.6, b: 0.6, c: 0.2}}",
            "");

    static Path project(Path dir, String drift, boolean withLate) throws IOException {
        Files.createDirectories(dir.resolve("priors"));
        Files.createDirectories(dir.resolve("evidence/demo"));
        Files.writeString(dir.resolve("priors/demo.yaml"), String.format(CASE, drift), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("evidence/demo/early.yaml"), EARLY, StandardCharsets.UTF_8);
        if (withLate) {
            Files.writeString(dir.resolve("evidence/demo/late.yaml"), LATE, StandardCharsets.UTF_8);
        }
        return dir;
    }

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Deciban.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static JsonNode json(Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void asOfReplaysACaseHoldingOnlyTheEarlierItems(@TempDir Path tmp) throws IOException {
        Path full = project(tmp.resolve("full"), "0.3", true);
        Path early = project(tmp.resolve("early"), "0.3", false);
        LocalDate replay = LocalDate.of(2023, 1, 1);
        JsonNode doc = json(run("timeline", "--root", full.toString(), "--as-of", replay.toString(), "--json", "--no-write"));
        // independent path: a project whose files hold only the items dated by 2023 (so group g has 2 items,
        // not 3), filtered to the same date
        Case only = new CaseLoader(early).load("demo");
        DriftOracle.Result expected = DriftOracle.run(only, 0.3, replay);
        assertEquals(3, doc.get("timeline").size(), "2020, 2022, then 2023-01-01");
        assertEquals(replay.toString(), doc.get("evaluation_date").asText());
        for (int k = 0; k < 3; k++) {
            assertEquals(expected.posterior()[k], doc.get("hypotheses").get(k).get("posterior").asDouble(), EXACT);
        }
        assertEquals(expected.logEvidence(), doc.get("log_evidence").asDouble(), EXACT);
        // the undated item (observed at as_of 2024-06-01) joins only from as_of on
        JsonNode atAsOf = json(run("timeline", "--root", full.toString(), "--json", "--no-write"));
        JsonNode lastStep = atAsOf.get("timeline").get(atAsOf.get("timeline").size() - 1);
        assertEquals("2024-06-01", lastStep.get("date").asText());
        assertEquals("undated", lastStep.get("items").get(0).asText());
    }

    @Test
    void runUsesTheFilterWhenDriftIsPositiveAndSaysSo(@TempDir Path tmp) throws IOException {
        Path root = project(tmp.resolve("p"), "0.3", true);
        JsonNode doc = json(run("run", "--root", root.toString(), "--json"));
        DriftOracle.Result expected = DriftOracle.run(new CaseLoader(root).load("demo"), 0.3, null);
        for (int k = 0; k < 3; k++) {
            assertEquals(expected.posterior()[k], doc.get("hypotheses").get(k).get("posterior").asDouble(), EXACT);
        }
        assertTrue(doc.get("engine").asText().startsWith("Engine: drift filter"), doc.get("engine").asText());
        String md = Files.readString(root.resolve("reports/demo/posterior.md"));
        assertTrue(md.contains("Engine: drift filter, drift 0.3 per year"), md);

        Path still = project(tmp.resolve("q"), "0", true);
        Run text = run("run", "--root", still.toString(), "--no-write");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("Engine: static"), text.out());
        // the drift-0 timeline ends where the static run does (the property test covers this to 1e-12)
        JsonNode stat = json(run("run", "--root", still.toString(), "--json", "--no-write"));
        JsonNode tl = json(run("timeline", "--root", still.toString(), "--json", "--no-write"));
        for (int k = 0; k < 3; k++) {
            assertEquals(stat.get("hypotheses").get(k).get("posterior").asDouble(),
                    tl.get("hypotheses").get(k).get("posterior").asDouble(), EXACT);
        }
    }

    @Test
    void writesTimelineFilesAndKeepsReplaysApart(@TempDir Path tmp) throws IOException {
        Path root = project(tmp.resolve("p"), "0.3", true);
        Run r = run("timeline", "--root", root.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("drift 0.3 per year"), r.out());
        String csv = Files.readString(root.resolve("reports/demo/timeline.csv"));
        assertEquals(1 + 4, csv.strip().split("\n").length, "header, 2020, 2022, 2024-05-01, as of: " + csv);
        assertTrue(Files.readString(root.resolve("reports/demo/timeline.md")).contains("| as of | 2024-06-01 |"));
        Run replay = run("timeline", "--root", root.toString(), "--as-of", "2022-02-01", "--drift", "1");
        assertEquals(0, replay.code(), replay.err());
        assertTrue(Files.exists(root.resolve("reports/demo/timeline-as-of-2022-02-01-drift-1.md")));
        assertTrue(Files.exists(root.resolve("reports/demo/timeline-as-of-2022-02-01-drift-1.csv")));
    }

    @Test
    void badDriftAndLateItemsAreBadInput(@TempDir Path tmp) throws IOException {
        Path neg = project(tmp.resolve("neg"), "-0.5", true);
        Run r = run("check", "--root", neg.toString());
        assertEquals(Deciban.BAD_INPUT, r.code());
        assertTrue(r.err().contains("priors/demo.yaml:12") && r.err().contains("drift") && r.err().contains("-0.5"), r.err());
        assertFalse(r.err().contains("at org."), "no stack trace");

        Run opt = run("timeline", "--root", project(tmp.resolve("ok"), "0", true).toString(), "--drift", "NaN");
        assertEquals(Deciban.BAD_INPUT, opt.code());
        assertTrue(opt.err().contains("--drift"), opt.err());

        Path late = project(tmp.resolve("late"), "0.3", true);
        Files.writeString(late.resolve("evidence/demo/later.yaml"),
                "- {id: after, date: 2024-09-01, likelihoods: {a: 0.5, b: 0.5, c: 0.4}}\n", StandardCharsets.UTF_8);
        Run lr = run("run", "--root", late.toString(), "--no-write");
        assertEquals(Deciban.BAD_INPUT, lr.code());
        assertTrue(lr.err().contains("evidence/demo/later.yaml:1") && lr.err().contains("2024-09-01"), lr.err());
    }
}
