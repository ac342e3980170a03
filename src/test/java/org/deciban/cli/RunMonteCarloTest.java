package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMonteCarloTest {

    @TempDir
    Path root;

    private void project() throws Exception {
        Files.createDirectories(root.resolve("priors"));
        Files.createDirectories(root.resolve("evidence/t"));
        Files.writeString(root.resolve("priors/t.yaml"), String.join("\n",
                "case: t",
                "question: Which?",
                "hypotheses:",
                "  - {id: a, label: A, outcome: A wins}",
                "  - {id: b, label: B, outcome: B wins}",
                "  - {id: c, label: C}",
                "prior:",
                "  probabilities: {a: 0.5, b: 0.3, c: 0.2}",
                "  concentration: 10",
                "settings:",
                "  draws: 40000",
                "  seed: 17",
                ""));
        Files.writeString(root.resolve("evidence/t/items.yaml"), String.join("\n",
                "- id: one",
                "  likelihoods: {a: 0.6, b: 0.3, c: 0.5}",
                "  confidence: 10",
                "- id: two",
                "  likelihoods: {a: 0.2, b: 0.7, c: 0.4}",
                "  confidence: 5",
                "  group: g",
                "- id: three",
                "  likelihoods: {a: 0.4, b: 0.6, c: 0.4}",
                "  group: g",
                ""));
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Deciban.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void runPrintsAndWritesIntervalsWithSeedAndTheSameFiguresOnAnyThreadCount() throws Exception {
        project();
        String[] one = run("run", "t", "--root", root.toString(), "--json", "--threads", "1");
        String[] two = run("run", "t", "--root", root.toString(), "--json", "--threads", "2", "--no-write");
        assertEquals("0", one[0], one[2]);
        ObjectMapper m = new ObjectMapper();
        JsonNode a = m.readTree(one[1]);
        JsonNode b = m.readTree(two[1]);
        assertEquals(17, a.get("provenance").get("seed").asLong());
        assertEquals(40000, a.get("monte_carlo").get("draws").asLong());
        for (String key : new String[] {"mean", "median", "p05", "p95", "lead_share", "mcse", "ess"}) {
            assertTrue(a.get("hypotheses").get(0).get("interval").has(key), key);
            assertTrue(a.get("outcomes").get(1).get("interval").has(key), key);
            assertTrue(a.get("no_outcome").get("interval").has(key), key);
        }
        assertEquals(a.get("hypotheses"), b.get("hypotheses"), "figures on 1 and 2 threads");
        assertEquals(a.get("outcomes"), b.get("outcomes"));
        String md = Files.readString(root.resolve("reports/t/posterior.md"));
        assertTrue(md.contains("seed: 17, draws: 40000"), md);
        assertTrue(md.contains("90% interval"), md);
        String csv = Files.readString(root.resolve("reports/t/posterior.csv"));
        assertTrue(csv.lines().findFirst().orElse("").endsWith("mean,median,p05,p95,lead_share,mcse,ess"), csv);
    }

    @Test
    void optionsOverrideTheSettingsAndTheSummaryLineGivesTheInterval() throws Exception {
        project();
        String[] r = run("run", "t", "--root", root.toString(), "--no-write", "--seed", "5", "--draws", "20000");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("20000 draws, seed 5"), r[1]);
        // the outcome "A wins" is stated by the label of the hypothesis that favours it (design step 6), never as
        // "A wins: ...", which would read as the outcome's own chance
        assertTrue(r[1].matches("(?s).*\nA: [a-z ]+ \\(0\\.\\d\\d\\), 90% interval 0\\.\\d\\d-0\\.\\d\\d.*"), r[1]);
        assertFalse(r[1].contains("A wins:"), r[1]);
        String[] s = run("run", "t", "--root", root.toString(), "--no-write", "--judgment-spread", "--draws", "20000");
        assertTrue(s[1].contains("90% judgment spread") && s[1].contains("UNWEIGHTED"), s[1]);
    }

    @Test
    void badThreadCountIsBadInput() throws Exception {
        project();
        String[] r = run("run", "t", "--root", root.toString(), "--threads", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("deciban: error: --threads 0"), r[2]);
    }

    @Test
    void intervalsAreReadAndBadOnesNamed() throws Exception {
        project();
        Files.writeString(root.resolve("evidence/t/more.yaml"), String.join("\n",
                "id: four",
                "likelihoods: {a: 0.6, b: 0.3, c: 0.5}",
                "intervals: {a: [0.4, 0.8], b: [0.1, 0.5]}",
                ""));
        String[] ok = run("run", "t", "--root", root.toString(), "--no-write", "--draws", "20000");
        assertEquals("0", ok[0], ok[2]);
        Files.writeString(root.resolve("evidence/t/more.yaml"), String.join("\n",
                "id: four",
                "likelihoods: {a: 0.6, b: 0.3, c: 0.5}",
                "intervals: {a: [0.7, 0.8]}",
                ""));
        String[] bad = run("run", "t", "--root", root.toString(), "--no-write");
        assertEquals("2", bad[0], bad[2]);
        // one line naming file, line, field, value and what is allowed
        assertTrue(bad[2].contains("evidence/t/more.yaml") && bad[2].contains("[0.7, 0.8] around likelihood 0.6")
                && bad[2].contains("allowed"), bad[2]);
        assertEquals(1, bad[2].strip().lines().count(), bad[2]);
    }
}
