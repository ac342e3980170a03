package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command prints, as a new user reads it: lines within 80 columns (no terminal in a test,
 * so the default width), no trailing spaces, counts whose nouns agree with them, and none of the Kim
 * case's words in the output or the reports of another case.
 */
class TerminalOutputTest {

    /** Nouns the commands count; "1 X" must not be followed by their plural, nor any count by "(s)". */
    private static final Pattern ONE_PLURAL = Pattern.compile(
            "\\b1 (evidence items|items|runs|recorded runs|records|files|evidence files|hypotheses|dates|steps"
                    + "|judgments|tries|checks|candidate indicators|indicators)\\b");

    @TempDir
    Path tmp;

    /** A central-bank case: one evidence item, outcomes named "cut" and "hold", one hypothesis naming none. */
    private Path bank() throws IOException {
        Path root = CentralBankCase.write(tmp.resolve("bank"), null,
                "- id: minutes",
                "  date: 2025-02-15",
                "  category: statement",
                "  source: Minutes of the February meeting",
                "  reliability: B2",
                "  likelihoods: {cut: 0.7, hold: 0.4, unclear: 0.5}");
        Tree.write(root.resolve("evidence/cb/indicators/speech.yaml"), String.join("\n",
                "id: governor-speech",
                "source: The governor's next speech",
                "likelihoods: {cut: 0.6, hold: 0.2, unclear: 0.4}",
                ""));
        return root;
    }

    private static List<List<String>> commands(String root, String c) {
        return List.of(List.of("check", "--root", root, c), List.of("run", "--root", root, "--draws", "2000", c),
                List.of("explain", "--root", root, c), List.of("sensitivity", "--root", root, c),
                List.of("what-if", "--root", root, "--without", "minutes", c), List.of("indicators", "--root", root, c),
                List.of("timeline", "--root", root, c), List.of("history", "--root", root, c),
                List.of("test", "--root", root, "--tries", "50", c));
    }

    @Test
    void everyCommandFitsEightyColumnsWithAgreeingCountsAndNoCaseWords() throws IOException {
        Path root = bank();
        List<String> outputs = new ArrayList<>();
        for (List<String> args : commands(root.toString(), "cb")) {
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertTrue(r.code() == 0 || args.get(0).equals("test") && r.code() == 1, args + ": " + r.err());
            outputs.add(String.join(" ", args) + "\n" + r.out());
            for (String line : r.out().split("\n")) {
                assertTrue(line.length() <= 80, args.get(0) + ": a line of " + line.length() + " columns: " + line);
                assertFalse(line.endsWith(" "), args.get(0) + ": a line ends in a space: '" + line + "'");
            }
        }
        String all = String.join("\n", outputs);
        String flat = all.replaceAll("\\s+", " ");
        assertTrue(flat.contains("cb: valid: 3 hypotheses, 1 evidence item from 1 evidence file"), all);
        assertTrue(flat.contains("1 recorded run in"), all);
        assertTrue(flat.contains("1 candidate indicator,"), all);
        assertFalse(all.contains("(s)"), all);
        Matcher m = ONE_PLURAL.matcher(all);
        assertFalse(m.find(), () -> "a count of one with a plural noun: " + m.group());
        List<String> texts = new ArrayList<>(List.of(all));
        try (Stream<Path> s = Files.walk(root.resolve("reports"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                texts.add(p + "\n" + Tree.read(p));
            }
        }
        for (String text : texts) {
            for (String word : List.of("Kim", "Trump", "Harris", "election", "preferred", "prefer")) {
                assertFalse(text.contains(word), "the engine's own words hold '" + word + "': "
                        + text.substring(0, Math.min(200, text.length())));
            }
        }
    }

    @Test
    void wideLaysEveryRowOnOneLineAndTheDefaultSplitsIt() throws IOException {
        Path root = bank();
        Cli.Result narrow = Cli.run("run", "--root", root.toString(), "--no-write", "--draws", "2000", "cb");
        Cli.Result wide = Cli.run("run", "--root", root.toString(), "--no-write", "--draws", "2000", "--wide", "cb");
        List<String> wideRows = wide.out().lines().filter(l -> l.startsWith("hypothesis ") || l.startsWith("outcome ")).toList();
        List<String> narrowRows = narrow.out().lines().filter(l -> l.startsWith("hypothesis ") || l.startsWith("outcome ")).toList();
        assertEquals(6, wideRows.size(), wide.out());
        assertTrue(wideRows.get(0).length() > 80, wide.out());
        assertTrue(narrowRows.size() > 6 && narrowRows.size() % 6 == 0, "the rows again in each block: " + narrow.out());
        assertEquals(1, wide.out().lines().filter(l -> l.startsWith("kind ")).count(), wide.out());
        List<String> header = List.of(wide.out().lines().filter(l -> l.startsWith("kind ")).findFirst().orElseThrow()
                .trim().split(" +"));
        assertEquals(List.of("kind", "id", "label", "prior", "posterior", "phrase", "mean", "median", "p05", "p95",
                "lead_share", "mcse", "ess"), header);
    }

    @Test
    void whatIfSaysTheLeaderIsUnchangedAndShowsTheChange() {
        Path root = Tree.copyKim(tmp.resolve("kim"));
        Cli.Result r = Cli.run("what-if", "--root", root.toString(), "--no-write", "--without", "kcna-do-not-care", "kim-2024");
        assertEquals(0, r.code(), r.err());
        // the expected figures by the test suite's own enumeration of every joint state of the Kim network
        // (NetworkBruteForce, sharing no code with the junction tree), with and without KCNA's commentary; as of the
        // update (issue 15) 0.4500 as it stands and 0.5067 without it, both "roughly even chance"; prose has two
        // decimals
        org.deciban.model.Case kim = new org.deciban.io.CaseLoader(root).load("kim-2024");
        double now = org.deciban.inference.network.NetworkBruteForce.solve(kim, true).marginals()[6][0];
        double without = org.deciban.inference.network.NetworkBruteForce.solve(kim.withEvidence(kim.evidence().stream()
                .filter(e -> !e.id().equals("kcna-do-not-care")).toList()), true).marginals()[6][0];
        assertEquals("preference", kim.network().variable(6).id());
        assertEquals(0.4500, now, 5e-5);
        assertEquals(0.5067, without, 5e-5);
        String flat = r.out().replaceAll("\\s+", " ");
        assertTrue(flat.contains("Leader unchanged: 'trump' 0.45 (roughly even chance) as it stands, 0.51 (roughly even "
                + "chance) what-if, a change of +0.06; same band."), r.out());
    }
}
