package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.deciban.testing.WatchCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Updating a forecast from the command line (issue 15): resolved indicators in {@code indicators}, {@code score},
 * {@code diff} and its update note, history records with content beside records written before, and the bad
 * input of each (one line, exit code 2, nothing written). The figures of {@link WatchCase} are derived by hand in
 * {@code ScoringTest}.
 */
class UpdateCommandsTest {

    /** Figures that went through JSON text (Java's shortest round-trip form): exact. */
    static final double EXACT = 1e-12;
    /** The bound on the decomposition's sum against the total change, in decibans. */
    static final double SUM_TOLERANCE = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path watch() throws IOException {
        return WatchCase.write(tmp.resolve("p"));
    }

    private static Cli.Result run(Path root, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--root";
        all[2] = root.toString();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return Cli.run(all);
    }

    private static Cli.Result ok(Path root, String... args) {
        Cli.Result r = run(root, args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private static void badInput(Path root, String expected, String... args) {
        Map<String, String> before = Tree.snapshot(root);
        Cli.Result r = run(root, args);
        assertEquals(2, r.code(), String.join(" ", args) + ": " + r.out() + r.err());
        assertEquals(1, r.errLines().size(), "one line: " + r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, Tree.snapshot(root), "nothing written");
    }

    @Test
    void indicatorsListsResolvedOnesApartWithTheirProbabilityBeforehand() throws IOException {
        Path root = watch();
        JsonNode doc = JSON.readTree(ok(root, "indicators", "watch", "--json").out());
        assertEquals(1, doc.get("indicators").size(), "only i4 is still watched: " + doc.get("indicators"));
        assertEquals("i4", doc.get("indicators").get(0).get("id").asText());
        JsonNode resolved = doc.get("resolved");
        assertEquals(3, resolved.size());
        assertEquals("i1", resolved.get(1).get("id").asText());
        assertEquals(37.0 / 65, resolved.get(1).get("p_before").asDouble(), EXACT, "ScoringTest derives it");
        assertFalse(resolved.get(2).get("observed").asBoolean());
        assertEquals("Gazette, 1 May 2024", resolved.get(2).get("source").asText());
        String text = ok(root, "indicators", "watch").out();
        assertTrue(text.contains("3 indicators have resolved (2 observed, 1 not seen)"), text);
        String md = Tree.read(root.resolve("reports/watch/indicators.md"));
        assertTrue(md.contains("## Resolved indicators"), md);
        assertTrue(Files.exists(root.resolve("reports/watch/indicators-resolved.csv")));
    }

    @Test
    void aResolvedIndicatorIsEvidenceDatedAtItsResolution() throws IOException {
        Path root = watch();
        JsonNode run = JSON.readTree(ok(root, "run", "watch", "--no-mc", "--json", "--no-write").out());
        // e1, i3 and i1 seen, i2 not seen: a 0.4 x 0.9 x 0.8 x 0.6 x 0.7 = 0.12096, b 0.6 x 0.1 x 0.4 x 0.2 x 0.5
        // = 0.0024; P(a) = 0.12096 / 0.12336 (by hand)
        assertEquals(0.12096 / 0.12336, run.get("hypotheses").get(0).get("posterior").asDouble(), EXACT);
        assertEquals(4, run.get("evidence").size());
    }

    @Test
    void scoreWritesTheScoresAndSaysTheyAreAnecdotal() throws IOException {
        Path root = watch();
        JsonNode doc = JSON.readTree(ok(root, "score", "--json").out());
        JsonNode total = doc.get("total");
        assertEquals(3, total.get("count").asInt());
        assertTrue(total.get("anecdotal").asBoolean());
        assertEquals(0.205078, total.get("brier").asDouble(), 5e-7, "ScoringTest derives it");
        assertEquals(0.262331, total.get("log_skill").asDouble(), 5e-7);
        for (String f : List.of("score.md", "score.csv", "score-calibration.csv")) {
            assertTrue(Files.exists(root.resolve("reports/watch/" + f)), f);
        }
        String text = ok(root, "score", "watch", "--no-write").out();
        assertTrue(text.contains("anecdotal"), text);
    }

    @Test
    void diffNamesEveryChangeAndItsContributionsSumToTheTotal() throws IOException {
        Path root = watch();
        ok(root, "run", "watch", "--no-mc");
        Tree.replaceOnce(root.resolve("evidence/watch/indicators/ind.yaml"), "  likelihoods: {a: 0.5, b: 0.2}\n",
                "  likelihoods: {a: 0.5, b: 0.2}\n  resolution: {observed: true, date: 2024-06-15, source: Gazette}\n");
        Tree.replaceOnce(root.resolve("evidence/watch/items.yaml"), "b: 0.4}", "b: 0.5}");
        Tree.replaceOnce(root.resolve("priors/watch.yaml"), "prior:", "settings: {correlation: 0.3}\nprior:");
        JsonNode doc = JSON.readTree(ok(root, "diff", "watch", "--json").out());
        assertEquals("telescoping", doc.get("method").asText());
        List<String> kinds = doc.get("changes").findValuesAsText("kind");
        assertEquals(List.of("setting", "changed", "resolved"), kinds);
        for (JsonNode f : doc.get("figures")) {
            double sum = 0;
            for (JsonNode x : f.get("db_steps")) {
                sum += x.asDouble();
            }
            assertEquals(f.get("db_change").asDouble(), sum, SUM_TOLERANCE, f.toString());
        }
        String note = Tree.read(root.resolve("reports/watch/update-2024-06-30.md"));
        assertTrue(note.contains("Since the forecast as of 30 June 2024: 1 indicator resolved (1 observed, 0 not seen)"),
                note);
        for (String named : List.of("correlation", "'e1' changed: its likelihoods", "'i4' resolved on 2024-06-15")) {
            assertTrue(note.contains(named), named + " in\n" + note);
        }
        assertTrue(Files.exists(root.resolve("reports/watch/update-2024-06-30.csv")));

        JsonNode replay = JSON.readTree(ok(root, "diff", "watch", "--from", "as-of:2024-02-01", "--json",
                "--no-write").out());
        assertEquals(List.of("date", "resolved", "resolved", "resolved"), replay.get("changes").findValuesAsText("kind"),
                "i1, i2 and i4 resolved after 1 February");
    }

    @Test
    void badReferencesAreRefusedAndNothingIsWritten() throws IOException {
        Path root = watch();
        badInput(root, "no recorded run to compare with", "diff", "watch");
        ok(root, "run", "watch", "--no-mc");
        ok(root, "run", "watch", "--no-mc");
        badInput(root, "allowed: a history record's hash prefix", "diff", "watch", "--from", "zz");
        badInput(root, "holds no record whose hash starts with", "diff", "watch", "--from", "0000000000");
        badInput(root, "holds no recorded run of 1999-01-01", "diff", "watch", "--from", "1999-01-01");
        String today = JSON.readTree(Tree.read(root.resolve("reports/watch/history.jsonl")).lines().findFirst()
                .orElseThrow()).get("time").asText().substring(0, 10);
        String last = JSON.readTree(Tree.read(root.resolve("reports/watch/history.jsonl")).lines()
                .reduce((a, b) -> b).orElseThrow()).get("time").asText().substring(0, 10);
        if (today.equals(last)) {
            badInput(root, "matches 2 records", "diff", "watch", "--from", today);
        }
        badInput(root, "not a date written yyyy-mm-dd", "diff", "watch", "--to", "as-of:2024-02-30");
        badInput(root, "case 'nope' does not exist", "score", "nope");
    }

    @Test
    void badResolutionsAreRefusedInOneLine() throws IOException {
        Path root = watch();
        Path ind = root.resolve("evidence/watch/indicators/ind.yaml");
        Path items = root.resolve("evidence/watch/items.yaml");
        Tree.write(items, "- {id: e1, date: 2024-01-10, likelihoods: {a: 0.8, b: 0.4}, resolution: {observed: true, "
                + "date: 2024-01-10, source: x}}\n");
        badInput(root, "allowed: a resolution only on a candidate indicator", "run", "watch");
        Tree.write(items, WatchCase.ITEMS);
        Tree.replaceOnce(ind, "date: 2024-05-01", "date: 2024-07-05");
        badInput(root, "bring the case's as_of forward to 2024-07-05", "score", "watch");
        Tree.replaceOnce(ind, "date: 2024-07-05", "date: 2999-07-05");
        Tree.replaceOnce(root.resolve("priors/watch.yaml"), "as_of: 2024-06-30", "as_of: 3000-01-01");
        badInput(root, "allowed: a date on or before today", "indicators", "watch");
        Tree.replaceOnce(ind, "date: 2999-07-05, source: \"Gazette, 1 May 2024\"", "date: 2024-05-01");
        badInput(root, "resolution.source' is missing", "run", "watch");
        Tree.replaceOnce(ind, "date: 2024-05-01}", "date: 2024-05-01, source: Gazette}");
        Tree.replaceOnce(ind, "- id: i4\n", "- id: i4\n  observed: true\n");
        badInput(root, "leave it out: an open indicator is not yet observed", "indicators", "watch");
    }

    @Test
    void recordsWithContentFollowRecordsWrittenBeforeAndTheChainStillVerifies() throws IOException {
        Path root = watch();
        Path history = root.resolve("reports/watch/history.jsonl");
        Files.createDirectories(history.getParent());
        // records written before deciban kept content: the committed Kim history's first lines
        List<String> old = Files.readAllLines(Tree.projectDir().resolve("reports/kim-2024/history.jsonl")).stream()
                .takeWhile(l -> !l.contains("\"content\"")).toList();
        assertFalse(old.isEmpty(), "the committed history starts with records of the old form");
        Files.write(history, old);
        String oldHash = JSON.readTree(old.get(old.size() - 1)).get("hash").asText();
        ok(root, "run", "watch", "--no-mc");
        String line = Files.readAllLines(history).get(old.size());
        assertTrue(line.contains("\"content\":{") && line.contains("\"items\":{\"e1\":{\"hash\":\""), line);
        String verify = ok(root, "history", "watch", "--verify").out();
        assertTrue(verify.contains("chain intact"), verify);
        ok(root, "history", "watch", "--verify", "--anchor", oldHash);
        String note = ok(root, "diff", "watch", "--from", oldHash.substring(0, 12), "--no-write").out();
        assertTrue(note.contains("keeps no content"), note);
        // a record with content needs nothing else: the case's files may change after it
        String hash = JSON.readTree(line).get("hash").asText();
        Tree.replaceOnce(root.resolve("evidence/watch/items.yaml"), "b: 0.4}", "b: 0.5}");
        JsonNode doc = JSON.readTree(ok(root, "diff", "watch", "--from", hash.substring(0, 8), "--json").out());
        assertEquals(List.of("changed"), doc.get("changes").findValuesAsText("kind"));
        assertEquals(List.of("likelihoods"), List.of(doc.get("changes").get(0).get("fields").get(0).asText()));
    }

    @Test
    void aNetworkChangeIsDecomposedByRemovingTheChanges() throws IOException {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("c"));
        ok(root, "run", "ceasefire", "--no-mc");
        Path items = root.resolve("evidence/ceasefire/items.yaml");
        Tree.replaceOnce(items, "likelihoods: {holds: 0.3, collapses: 0.6}", "likelihoods: {holds: 0.2, collapses: 0.7}");
        Tree.write(root.resolve("evidence/ceasefire/more.yaml"), "- {id: talks, date: 2024-07-31, on: mediator, "
                + "likelihoods: {engaged: 0.9, withdrawn: 0.2}}\n");
        JsonNode doc = JSON.readTree(ok(root, "diff", "ceasefire", "--json").out());
        assertEquals("removal", doc.get("method").asText());
        assertTrue(doc.get("method_text").asText().contains("removing that change from the later forecast"));
        assertEquals(List.of("changed", "added"), doc.get("changes").findValuesAsText("kind"));
        for (JsonNode f : doc.get("figures")) {
            double sum = 0;
            for (JsonNode x : f.get("db_steps")) {
                sum += x.asDouble();
            }
            assertEquals(f.get("db_change").asDouble(), sum, SUM_TOLERANCE, f.toString());
        }
    }
}
