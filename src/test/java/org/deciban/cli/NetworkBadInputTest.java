package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input of a network case (issue 10, point 5), through the CLI in-process, in the style of
 * {@link BadInputTest}: each copies a valid fixture (src/test/resources/cases/ceasefire, a case-file
 * network, or cases/netfile, a case on the BIF file priors/tiny.bif), breaks one thing, and runs
 * {@code check} and {@code run}. Each must end with exit code 2 and one line on stderr naming the file,
 * the line (found in the broken file by the text the test put there, not taken from the code under
 * test), the field and the value; nothing may be written.
 */
class NetworkBadInputTest {

    static final String CEASE = "priors/ceasefire.yaml";
    static final String ITEMS = "evidence/ceasefire/items.yaml";
    static final String NETFILE = "priors/netfile.yaml";
    static final String BIF = "priors/tiny.bif";

    /**
     * One defect.
     *
     * @param name    what is wrong
     * @param fixture the fixture case ("ceasefire" or "netfile")
     * @param breakIt the change
     * @param file    the file the message must name
     * @param marker  text on the line the message must name (its first occurrence in the broken file), or
     *                null when no line is expected
     * @param parts   texts the message must hold
     */
    record Defect(String name, String fixture, Consumer<Path> breakIt, String file, String marker, List<String> parts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Defect cease(String name, Consumer<Path> breakIt, String file, String marker, String... parts) {
        return new Defect(name, "ceasefire", breakIt, file, marker, List.of(parts));
    }

    static Defect net(String name, Consumer<Path> breakIt, String file, String marker, String... parts) {
        return new Defect(name, "netfile", breakIt, file, marker, List.of(parts));
    }

    static Consumer<Path> replace(String file, String from, String to) {
        return root -> Tree.replaceOnce(root.resolve(file), from, to);
    }

    static Consumer<Path> write(String file, String text) {
        return root -> Tree.write(root.resolve(file), text);
    }

    static Consumer<Path> both(Consumer<Path> a, Consumer<Path> b) {
        return a.andThen(b);
    }

    /** A gzip file that expands to {@code mib} MiB of spaces: about 1,000 times smaller on disk. */
    static byte[] gzipBomb(int mib) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) ' ');
            for (int i = 0; i < mib; i++) {
                gz.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A ring of four 3-state roots and four binary children of neighbouring pairs: families of 18, a clique of 27. */
    static final String RING = """
            case: ceasefire
            question: A network whose cliques outgrow its families.
            question_variable: y1
            settings:
              max_clique: 20
            variables:
            """ + IntStream.rangeClosed(1, 4).mapToObj(i -> "  - id: x" + i + "\n    states: [lo, mid, hi]\n"
                    + "    prior: {lo: 0.2, mid: 0.3, hi: 0.5}\n").collect(Collectors.joining())
            + IntStream.rangeClosed(1, 4).mapToObj(i -> "  - id: y" + i + "\n    states: [up, down]\n"
                    + "    parents: [x" + i + ", x" + (i % 4 + 1) + "]\n"
                    + "    decibans: {base: {up: 0.5, down: 0.5}, effects: {x" + i + ": {hi: {up: 3}}}}\n")
            .collect(Collectors.joining());

    static Stream<Defect> defects() {
        String cycle = "    prior: {engaged: 0.7, withdrawn: 0.3}";
        return Stream.of(
                cease("a cycle, named by its path", replace(CEASE, cycle,
                                "    parents: [pullback]\n    decibans: {base: {engaged: 0.7, withdrawn: 0.3}}"),
                        CEASE, "parents: [pullback]", "mediator -> outcome -> pullback -> mediator", "no cycle"),
                cease("a variable its own parent", replace(CEASE, "    prior: {strained: likely, stable: unlikely}",
                                "    parents: [economy]\n    decibans: {base: {strained: likely, stable: unlikely}}"),
                        CEASE, "parents: [economy]", "'variables[1].parents[0]'", "'economy'", "other than the variable itself"),
                cease("an unknown parent", replace(CEASE, "parents: [mediator, economy]", "parents: [mediator, econmy]"),
                        CEASE, "parents: [mediator, econmy]", "'econmy'", "did you mean 'economy'"),
                cease("an unknown state in a row", replace(CEASE, "- when: {outcome: holds}", "- when: {outcome: hold}"),
                        CEASE, "{outcome: hold}", "'variables[3].table[0].when.outcome'", "'hold'", "holds, collapses"),
                cease("a table row missing", replace(CEASE, "      - when: {outcome: collapses}\n        probabilities: {seen: 0.2, unseen: 0.8}\n", ""),
                        CEASE, "when: {outcome: holds}", "'variables[3].table'", "no row for {outcome: collapses}", "every combination"),
                cease("a table row duplicated", replace(CEASE, "- when: {outcome: collapses}", "- when: {outcome: holds}  # again"),
                        CEASE, "# again", "'variables[3].table[1].when'", "'{outcome: holds}'", "each combination of parent states once"),
                cease("a row not summing to 1", replace(CEASE, "{seen: 0.7, unseen: 0.3}", "{seen: 0.7, unseen: 0.3000001}"),
                        CEASE, "unseen: 0.3000001", "'variables[3].table[0].probabilities'", "sum 1.0000001", "sum to 1"),
                cease("decibans on an unknown state", replace(CEASE, "economy: {strained: {holds: 2}}", "economy: {strained: {hold: 2}}"),
                        CEASE, "{hold: 2}", "'hold'", "a state of 'outcome'", "did you mean 'holds'"),
                cease("decibans on an unknown parent state", replace(CEASE, "economy: {strained: {holds: 2}}", "economy: {strain: {holds: 2}}"),
                        CEASE, "{strain:", "'strain'", "a state of 'economy'"),
                cease("an item on an unknown variable", replace(ITEMS, "on: mediator", "on: mediatr"),
                        ITEMS, "on: mediatr", "'[0].on'", "'mediatr'", "did you mean 'mediator'"),
                cease("an item over the wrong states", replace(ITEMS, "{engaged: 0.8, withdrawn: 0.3}", "{holds: 0.8, collapses: 0.3}"),
                        ITEMS, "holds: 0.8", "'holds'", "a state of 'mediator'"),
                cease("a 10,000-state variable", replace(CEASE, "states: [strained, stable]", "states: ["
                                + IntStream.range(0, 10_000).mapToObj(i -> "s" + i).collect(Collectors.joining(", ")) + "]"),
                        CEASE, "states: [s0,", "'variables[1].states'", "10000 states", "at most 1024"),
                cease("a 1,000-parent variable", replace(CEASE, "parents: [mediator, economy]", "parents: ["
                                + IntStream.range(0, 1000).mapToObj(i -> "p" + i).collect(Collectors.joining(", ")) + "]"),
                        CEASE, "parents: [p0,", "'variables[2].parents'", "1000 parents", "at most 64"),
                cease("a clique over settings.max_clique", write(CEASE, RING).andThen(root -> Tree.delete(root.resolve(ITEMS))),
                        CEASE, null, "'settings.max_clique'", "'20'", "clique table of 27 doubles over", "x1"),
                net("a BIF syntax error", replace(BIF, "  table 0.02, 0.98;\n", "  table 0.02, 0.98\n"),
                        BIF, "^}", "'}'", "BIF syntax", "';'"),
                net("a BIF row with an unknown state", replace(BIF, "(False, True) 0.29", "(Flase, True) 0.29"),
                        BIF, "(Flase, True)", "'Flase'", "a state of Burglary", "did you mean 'False'"),
                net("a BIF row missing", replace(BIF, "  (False, False) 0.001, 0.999;\n", ""),
                        BIF, "probability ( Alarm", "row (False, False) missing"),
                net("a BIF row not summing to 1", replace(BIF, "(False, True) 0.29, 0.71;", "(False, True) 0.29, 0.72;"),
                        BIF, "(False, True) 0.29, 0.72;", "sums to 1.01", "within 1.0E-6"),
                net("a BIF cycle", replace(BIF, "probability ( Quake ) {\n  table 0.02, 0.98;",
                                "probability ( Quake | Alarm ) {\n  (True) 0.02, 0.98;\n  (False) 0.02, 0.98;"),
                        BIF, "variable Quake", "Quake -> Alarm -> Quake", "no cycle"),
                net("an XMLBIF syntax error", both(replace(NETFILE, "network: tiny.bif", "network: tiny.xml"),
                                replace("priors/tiny.xml", "<FOR>Quake</FOR>", "<FOR>Quake</FR>")),
                        "priors/tiny.xml", "</FR>", "malformed XML"),
                net("an XMLBIF with a DOCTYPE", both(replace(NETFILE, "network: tiny.bif", "network: tiny.xml"),
                                replace("priors/tiny.xml", "<BIF VERSION=\"0.3\">", "<!DOCTYPE BIF [ <!ELEMENT BIF (NETWORK)*> ]>\n<BIF VERSION=\"0.3\">")),
                        "priors/tiny.xml", "<!DOCTYPE", "DOCTYPE", "refused"),
                net("an XMLBIF with an external entity", both(replace(NETFILE, "network: tiny.bif", "network: tiny.xml"),
                                replace("priors/tiny.xml", "<BIF VERSION=\"0.3\">", "<!DOCTYPE BIF [ <!ENTITY secret SYSTEM \"file:///etc/passwd\"> ]>\n"
                                        + "<BIF VERSION=\"0.3\">").andThen(replace("priors/tiny.xml", "<NAME>tiny</NAME>", "<NAME>&secret;</NAME>"))),
                        "priors/tiny.xml", "<!DOCTYPE", "DOCTYPE", "refused"),
                net("an empty network file", write(BIF, ""), BIF, null, "(empty file)", "at least one variable"),
                net("a network file of comments only", write(BIF, "// nothing here\n"), BIF, null, "at least one variable"),
                net("a gzip bomb", both(replace(NETFILE, "network: tiny.bif", "network: bomb.bif.gz"),
                                root -> Tree.write(root.resolve("priors/bomb.bif.gz"), gzipBomb(40))),
                        "priors/bomb.bif.gz", null, "decompresses to more than 33554432 bytes", "32 MiB"),
                net("a network file that is not gzip", both(replace(NETFILE, "network: tiny.bif", "network: fake.bif.gz"),
                                write("priors/fake.bif.gz", "variable A { }")),
                        "priors/fake.bif.gz", null, "not a valid gzip file"),
                net("a network path leaving priors/", replace(NETFILE, "network: tiny.bif", "network: ../evidence/netfile/calls.yaml"),
                        NETFILE, "network:", "'network'", "inside priors/"),
                net("no question variable", replace(NETFILE, "question_variable: Burglary\n", ""),
                        NETFILE, null, "'question_variable'", "Burglary"),
                net("an unknown question variable", replace(NETFILE, "question_variable: Burglary", "question_variable: Burglar"),
                        NETFILE, "question_variable", "'Burglar'", "did you mean 'Burglary'"),
                net("a prior beside a network", replace(NETFILE, "question_variable: Burglary", "question_variable: Burglary\nprior: {probabilities: {True: 0.5, False: 0.5}}"),
                        NETFILE, "prior:", "'prior'", "no prior in a case with variables or a network"),
                net("hypotheses that miss a state", replace(NETFILE, "question_variable: Burglary", "question_variable: Burglary\nhypotheses:\n  - id: true-one\n    label: x"),
                        NETFILE, "id: true-one", "'true-one'", "a state of the question variable 'Burglary'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void oneLineExitTwoNothingWritten(Defect defect, @org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path root = Tree.copyCase(defect.fixture(), tmp.resolve("project"));
        defect.breakIt().accept(root);
        int line = defect.marker() == null ? 0 : lineOf(root.resolve(defect.file()), defect.marker());
        Map<String, String> before = Tree.snapshot(root);
        for (String command : List.of("check", "run")) {
            Cli.Result r = Cli.run(command, "--root", root.toString(), defect.fixture());
            String where = command + " (" + defect.name() + "): " + r.err();
            assertEquals(2, r.code(), where);
            assertEquals("", r.out(), where);
            assertEquals(1, r.errLines().size(), where);
            String msg = r.errLines().get(0);
            assertFalse(msg.contains("Exception") || msg.contains("at org."), where);
            String prefix = "deciban: error: " + defect.file() + (line > 0 ? ":" + line + ": " : "");
            assertTrue(msg.startsWith(prefix), "expected the line to start with '" + prefix + "': " + where);
            for (String part : defect.parts()) {
                assertTrue(msg.contains(part), "expected '" + part + "' in: " + where);
            }
            assertEquals(before, Tree.snapshot(root), command + " changed or created a file");
        }
        assertFalse(Files.exists(root.resolve("reports")), "reports/ was created");
    }

    /** 1-based line of the first line holding {@code marker} (a regex when it starts with ^). */
    static int lineOf(Path file, String marker) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (marker.startsWith("^") ? lines.get(i).matches(marker + ".*") && i > 0 && lines.get(i - 1).contains("0.02, 0.98")
                    : lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("'" + marker + "' is not in " + file);
    }
}
