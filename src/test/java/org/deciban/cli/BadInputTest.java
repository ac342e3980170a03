package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of issue 2 point 2, through the CLI in-process: each case copies the small valid
 * fixture (src/test/resources/cases/small) into a temporary root, breaks one file, and runs both
 * {@code check} and {@code run}. Each must end with exit code 2 and exactly one line on stderr that
 * names the file, the line (where known), the field and the bad value, with no stack trace; and
 * nothing is written: no reports/ folder, every input file's SHA-256 unchanged, no new file.
 *
 * <p>Expected lines are counted by hand in the fixture files (first.yaml: line 1 id, 4 source,
 * 5 reliability, 8 likelihoods; priors/small.yaml: line 16 prior.probabilities).
 */
class BadInputTest {

    static final String FIRST = "evidence/small/first.yaml";
    static final String SECOND = "evidence/small/second.yaml";
    static final String PRIORS = "priors/small.yaml";
    static final String LIKELIHOODS = "likelihoods: {alpha: 0.8, beta: 0.4, gamma: 0.2}";

    /**
     * One defect.
     *
     * @param name   what is wrong
     * @param caseId the case to run
     * @param breakIt the one change to the fixture
     * @param file   the file the message must name
     * @param line   the line it must name, 0 when no line is expected
     * @param parts  texts the message must hold (field, value, hints)
     */
    record Defect(String name, String caseId, Consumer<Path> breakIt, String file, int line, List<String> parts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Defect d(String name, Consumer<Path> breakIt, String file, int line, String... parts) {
        return new Defect(name, "small", breakIt, file, line, List.of(parts));
    }

    static Consumer<Path> replace(String file, String from, String to) {
        return root -> Tree.replaceOnce(root.resolve(file), from, to);
    }

    static Consumer<Path> write(String file, String text) {
        return root -> Tree.write(root.resolve(file), text);
    }

    /** The billion-laughs alias bomb: 9^9 strings if it were ever expanded. */
    static final String BILLION_LAUGHS = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
            + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
            + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
            + "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
            + "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
            + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
            + "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";

    static Stream<Defect> defects() {
        return Stream.of(
                d("malformed YAML", replace(FIRST, LIKELIHOODS, "likelihoods: {alpha: 0.8, beta: [0.4, gamma: 0.2}"),
                        FIRST, 8, "malformed YAML"),
                d("nesting too deep", replace(FIRST, "quote: \"A plain quote.\"", "quote: " + "[".repeat(40) + "]".repeat(40)),
                        FIRST, 6, "'quote", "levels deep", "at most 32 levels"),
                d("malformed YAML in the priors file", replace(PRIORS, "  - id: beta", "  - id: beta\n   label: [x"),
                        PRIORS, 0, "malformed YAML"),
                d("duplicate key", replace(FIRST, "source: Agency one", "source: Agency one\nsource: Agency two"),
                        FIRST, 5, "'source'", "uplicate"),
                d("duplicate key in the priors file", replace(PRIORS, "  correlation: 0.5", "  correlation: 0.5\n  correlation: 0.7"),
                        PRIORS, 20, "'correlation'", "uplicate"),
                d("unknown field with did-you-mean", replace(FIRST, "source: Agency one", "sorce: Agency one"),
                        FIRST, 4, "'sorce'", "did you mean 'source'"),
                d("unknown field in the priors file", replace(PRIORS, "question:", "questoin:"),
                        PRIORS, 4, "'questoin'", "did you mean 'question'"),
                d("missing field", replace(FIRST, LIKELIHOODS + "\n", ""),
                        FIRST, 1, "'likelihoods'", "is missing"),
                d("missing hypothesis label", replace(PRIORS, "    label: Beta holds\n", ""),
                        PRIORS, 10, "'hypotheses[1].label'", "is missing"),
                d("likelihood above 1", replace(FIRST, "alpha: 0.8,", "alpha: 1.5,"),
                        FIRST, 8, "'likelihoods.alpha'", "'1.5'", "[0, 1]"),
                d("likelihood below 0", replace(FIRST, "beta: 0.4,", "beta: -0.1,"),
                        FIRST, 8, "'likelihoods.beta'", "'-0.1'", "[0, 1]"),
                d("reliability above 1", replace(FIRST, "reliability: B2", "reliability: 1.2"),
                        FIRST, 5, "'reliability'", "'1.2'"),
                d("prior probability of 0", replace(PRIORS, "{alpha: 0.5, beta: 0.25, gamma: 0.25}", "{alpha: 0.75, beta: 0.25, gamma: 0}"),
                        PRIORS, 16, "'prior.probabilities.gamma'", "'0'"),
                d("drift spread without a drift", replace(PRIORS, "  seed: 7", "  seed: 7\n  drift_spread: 0.5"),
                        PRIORS, 21, "'settings.drift_spread'", "'0.5'", "drift > 0"),
                d("negative drift spread", replace(PRIORS, "  seed: 7", "  seed: 7\n  drift: 0.3\n  drift_spread: -1"),
                        PRIORS, 22, "'settings.drift_spread'", "'-1'", "a number from 0 to 5"),
                d("NaN likelihood", replace(FIRST, "alpha: 0.8,", "alpha: .nan,"),
                        FIRST, 8, "'likelihoods.alpha'", "'.nan'"),
                d("infinite likelihood", replace(FIRST, "alpha: 0.8,", "alpha: .inf,"),
                        FIRST, 8, "'likelihoods.alpha'", "'.inf'"),
                d("NaN prior", replace(PRIORS, "alpha: 0.5,", "alpha: .NaN,"),
                        PRIORS, 16, "'prior.probabilities.alpha'", "'.NaN'"),
                d("priors not summing to 1", replace(PRIORS, "alpha: 0.5,", "alpha: 0.6,"),
                        PRIORS, 16, "'prior.probabilities'", "sum 1.1", "sum to 1"),
                // source_reading and assessment, appended after line 20 of priors/small.yaml ("  seed: 7")
                d("analytic confidence not low, moderate or high", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nassessment:\n  confidence: very high\n  reasons: [one source]"),
                        PRIORS, 22, "'assessment.confidence'", "'very high'", "low, moderate, high"),
                d("analytic confidence without reasons", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nassessment:\n  confidence: low"),
                        PRIORS, 22, "'assessment.reasons'", "at least one"),
                d("a blank reason", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nassessment:\n  confidence: low\n  reasons:\n    - \"  \""),
                        PRIORS, 24, "'assessment.reasons[0]'", "(blank)"),
                d("an assessment that is no mapping", replace(PRIORS, "  seed: 7", "  seed: 7\nassessment: low"),
                        PRIORS, 21, "'assessment'", "'low'", "a mapping"),
                d("a source reading without its thesis", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nsource_reading:\n  source: An op-ed"),
                        PRIORS, 22, "'source_reading.thesis'", "thesis"),
                d("a source address that is not http or https", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nsource_reading:\n  source: An op-ed\n  url: javascript:alert(1)\n  thesis: X."),
                        PRIORS, 23, "'source_reading.url'", "'javascript:alert(1)'", "http:// or https://"),
                d("an unknown field in the source reading", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nsource_reading:\n  source: An op-ed\n  thesys: X."),
                        PRIORS, 23, "'source_reading.thesys'", "did you mean 'thesis'"),
                d("departures that are no list", replace(PRIORS, "  seed: 7",
                                "  seed: 7\nsource_reading:\n  source: An op-ed\n  thesis: X.\n  departures: one"),
                        PRIORS, 24, "'source_reading.departures'", "'one'", "a list"),
                d("item naming an unknown hypothesis", replace(FIRST, "gamma: 0.2}", "gamma: 0.2, delta: 0.1}"),
                        FIRST, 8, "'likelihoods.delta'", "'delta'", "alpha, beta, gamma"),
                d("item leaving a hypothesis out", replace(FIRST, ", gamma: 0.2}", "}"),
                        FIRST, 8, "'likelihoods.gamma'", "gamma"),
                d("duplicate id across files", replace(SECOND, "id: not-seen", "id: first-report"),
                        SECOND, 13, "'id'", "'first-report'", FIRST),
                d("unknown Admiralty code", replace(FIRST, "reliability: B2", "reliability: G7"),
                        FIRST, 5, "'reliability'", "'G7'", "Admiralty"),
                d("item impossible under every hypothesis", replace(FIRST, "{alpha: 0.8, beta: 0.4, gamma: 0.2}", "{alpha: 0, beta: 0, gamma: 0.0}"),
                        FIRST, 8, "'likelihoods'", "0 under every hypothesis"),
                d("absent item certain under every hypothesis", replace(SECOND, "{alpha: 0.3, beta: 0.6, gamma: 0.3}", "{alpha: 1, beta: 1, gamma: 1.0}"),
                        SECOND, 17, "'[2].likelihoods'", "1 under every hypothesis"),
                d("YAML tag naming a Java class", replace(FIRST, "source: Agency one", "source: !!java.net.URL [\"http://localhost/\"]"),
                        FIRST, 4, "'source'", "java.net.URL", "tags are not allowed"),
                d("YAML tag on a whole document", replace(FIRST, "id: first-report", "--- !!javax.script.ScriptEngineManager\nid: first-report"),
                        FIRST, 0, "ScriptEngineManager"),
                d("local YAML tag", replace(FIRST, "source: Agency one", "source: !custom Agency one"),
                        FIRST, 4, "'source'", "'custom'", "tags are not allowed"),
                d("billion-laughs alias bomb", write(FIRST, BILLION_LAUGHS),
                        FIRST, 1, "'a'", "'&a'", "aliases are not allowed"),
                d("non-UTF-8 bytes", root -> Tree.write(root.resolve(FIRST), concat(
                                "id: first-report\nsource: Agency ", new byte[] {(byte) 0xC3, (byte) 0x28},
                                "\n" + LIKELIHOODS + "\n")),
                        FIRST, 2, "'0xC3'", "UTF-8"),
                d("Latin-1 file", root -> Tree.write(root.resolve(FIRST),
                                ("id: first-report\nsource: Agence fran\u00e7aise\n" + LIKELIHOODS + "\n")
                                        .getBytes(StandardCharsets.ISO_8859_1)),
                        FIRST, 2, "'0xE7'", "UTF-8"),
                new Defect("a case that does not exist", "nothere", root -> { }, "priors/nothere.yaml", 0,
                        List.of("'nothere'", "does not exist", "small")),
                new Defect("a case id with a path", "../small", root -> { }, "priors/../small.yaml", 0,
                        List.of("'../small'", "[a-z0-9-]+")));
    }

    static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void oneLineExitTwoNothingWritten(Defect defect, @TempDir Path tmp) {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        defect.breakIt().accept(root);
        Map<String, String> before = Tree.snapshot(root);
        for (String command : List.of("check", "run")) {
            Cli.Result r = Cli.run(command, "--root", root.toString(), defect.caseId());
            assertOneLine(defect, command, r);
            assertEquals(before, Tree.snapshot(root), command + " changed or created a file");
        }
        assertFalse(Files.exists(root.resolve("reports")), "reports/ was created");
    }

    static void assertOneLine(Defect defect, String command, Cli.Result r) {
        String where = command + " (" + defect.name() + "): " + r.err();
        assertEquals(2, r.code(), where);
        assertEquals("", r.out(), where);
        List<String> lines = r.errLines();
        assertEquals(1, lines.size(), where);
        String line = lines.get(0);
        assertFalse(line.contains("at org."), where);
        assertFalse(line.contains("Exception"), where);
        String prefix = "deciban: error: " + defect.file() + (defect.line() > 0 ? ":" + defect.line() + ": " : "");
        assertTrue(line.startsWith(prefix), "expected the line to start with '" + prefix + "': " + where);
        assertFalse(line.contains("is missing") && defect.name().startsWith("nesting"), "misleading 'is missing': " + where);
        for (String part : defect.parts()) {
            assertTrue(line.contains(part), "expected '" + part + "' in: " + where);
        }
    }

    /* Evidence that together rules out every hypothesis: the case is named, exit code 2, nothing written. */
    @Test
    void evidenceRulingOutEveryHypothesisTogether(@TempDir Path tmp) {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        Tree.write(root.resolve("evidence/small/third.yaml"),
                "- id: only-alpha\n  likelihoods: {alpha: 1, beta: 0, gamma: 0}\n"
                        + "- id: not-alpha\n  likelihoods: {alpha: 0, beta: 1, gamma: 1}\n");
        Map<String, String> before = Tree.snapshot(root);
        Cli.Result r = Cli.run("run", "--root", root.toString(), "small");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().contains("'small'") && r.err().contains("rules out every hypothesis"), r.err());
        assertEquals(before, Tree.snapshot(root));
    }

    /* --debug is the one way to a stack trace. */
    @Test
    void debugShowsTheStackTrace(@TempDir Path tmp) {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        Cli.Result r = Cli.run("check", "--debug", "--root", root.toString(), "nothere");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at org.deciban"), r.err());
    }

    /* The valid fixture itself passes: the defects above are the only reason for exit code 2. */
    @Test
    void theFixtureIsValid(@TempDir Path tmp) {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        Cli.Result r = Cli.run("check", "--root", root.toString(), "small");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }
}
