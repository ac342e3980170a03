package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7 part 3: the hostile-input corpus of src/test/resources/hostile (see its README), plus the
 * generated ones too big to store (a 10 MB file, nesting 10,000 deep), each put into a copy of the
 * Kim case and run through {@code check} and {@code run}: exit code 2, exactly one line on stderr
 * naming the file, no stack trace, no OutOfMemoryError, nothing written anywhere (the whole temp
 * root's SHA-256 snapshot is unchanged, no reports/), and the shipped case's own files unchanged
 * after the whole class.
 *
 * <p>Work, not time: wall time on a shared machine says more about the other processes than about
 * deciban, so each command is bounded by the bytes it allocates on its thread
 * ({@link #ALLOCATION_BOUND}), which a runaway (an alias expanding, a 10 MB file read into a tree, a
 * parser recursing 10,000 levels) exceeds many times over whatever the machine's load. How long the
 * hostile inputs take is for a benchmark to measure, not a test.
 */
class HostileInputTest {

    /**
     * Bytes one command may allocate on its own thread: 256 MiB. The most any command of this class and
     * of {@link HostileMutationProperties} allocated was 28 MB (a valid mutated Kim case run in full);
     * a 10 MB file read into a tree, or a billion-laughs alias expanded, would be hundreds of MB to
     * gigabytes.
     */
    static final long ALLOCATION_BOUND = 1L << 28;

    static Map<String, String> shippedBefore;

    @BeforeAll
    static void snapshotShippedCase() {
        shippedBefore = shipped();
    }

    @AfterAll
    static void shippedCaseUnchanged() {
        assertEquals(shippedBefore, shipped(), "the shipped case's files changed");
        assertFalse(Files.exists(Tree.projectDir().resolve("deciban-hostile-pwned.txt")), "a YAML tag created a file");
    }

    static Map<String, String> shipped() {
        Map<String, String> all = new java.util.TreeMap<>();
        Tree.snapshot(Tree.projectDir().resolve("priors")).forEach((k, v) -> all.put("priors/" + k, v));
        Tree.snapshot(Tree.projectDir().resolve("evidence")).forEach((k, v) -> all.put("evidence/" + k, v));
        return all;
    }

    /** A hostile file and where it goes. */
    record Hostile(String name, String target, byte[] bytes) {
        @Override
        public String toString() {
            return target + " <- " + name;
        }
    }

    static Stream<Hostile> corpus() throws IOException {
        List<Hostile> out = new ArrayList<>();
        for (String kind : List.of("evidence", "priors")) {
            Path dir = Tree.resource("hostile/" + kind);
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    String target = kind.equals("priors") ? "priors/kim-2024.yaml" : "evidence/kim-2024/zz-" + name;
                    out.add(new Hostile(name, target, Files.readAllBytes(p)));
                }
            }
        }
        // too big to store: a 10 MB file, and nesting 10,000 levels deep (flow and block)
        StringBuilder big = new StringBuilder("id: big\nquote: \"");
        big.append("a".repeat(10 * 1024 * 1024));
        big.append("\"\nlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.5}\n");
        out.add(new Hostile("10 MB file", "evidence/kim-2024/zz-big.yaml", big.toString().getBytes(StandardCharsets.UTF_8)));
        String deep = "id: deep\nquote: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        out.add(new Hostile("nesting 10,000 deep", "evidence/kim-2024/zz-deep.yaml", deep.getBytes(StandardCharsets.UTF_8)));
        StringBuilder block = new StringBuilder("id: deep-block\nquote:\n");
        for (int i = 0; i < 2_000; i++) {
            block.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        block.append(" ".repeat(2_001)).append("v\n");
        out.add(new Hostile("block nesting 2,000 deep", "evidence/kim-2024/zz-deep-block.yaml",
                block.toString().getBytes(StandardCharsets.UTF_8)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusedWithOneLine(Hostile h, @TempDir Path tmp) {
        Path root = Tree.copyKim(tmp.resolve("project"));
        Tree.write(root.resolve(h.target()), h.bytes());
        Map<String, String> before = Tree.snapshot(root);
        for (String command : List.of("check", "run")) {
            Cli.Result r = run(h.toString(), command, "--root", root.toString(), "kim-2024");
            String where = command + " " + h + ": " + abbreviate(r.err());
            assertEquals(2, r.code(), where);
            List<String> lines = r.errLines();
            assertEquals(1, lines.size(), where);
            String line = lines.get(0);
            assertTrue(line.startsWith("deciban: error: " + h.target()), where);
            assertFalse(line.contains("at org.") || line.contains("Exception") || line.contains("Error:"), where);
            assertTrue(line.length() <= 1_000, "the line is " + line.length() + " characters: " + abbreviate(line));
            assertEquals(before, Tree.snapshot(root), where + ": a file was written or changed");
        }
        assertFalse(Files.exists(root.resolve("reports")));
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "...(" + s.length() + " chars)" : s;
    }

    static Cli.Result run(String what, String... args) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        Cli.Result r = Cli.run(args);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < ALLOCATION_BOUND, what + " allocated " + allocated / (1 << 20) + " MiB");
        assertFalse(r.err().contains("OutOfMemoryError"), r.err());
        return r;
    }

    /*
     * Labels, sources, groups, outcomes and the question holding HTML or spreadsheet formulas are not
     * errors: the run succeeds and every report shows them as text.
     */
    @Test
    void markupAndFormulasAreEscapedInEveryReport(@TempDir Path tmp) {
        Path root = Tree.copyKim(tmp.resolve("project"));
        Path priors = root.resolve("priors/kim-2024.yaml");
        Tree.replaceOnce(priors, "question: Which outcome", "question: <script>alert('q')</script> | Which outcome");
        Tree.replaceOnce(priors, "label: Kim prefers a Trump win", "label: \"<script>alert(1)</script>\"");
        Tree.replaceOnce(priors, "label: Kim prefers a Harris win", "label: \"=HYPERLINK(\\\"http://localhost/\\\",\\\"x\\\")\"");
        Tree.replaceOnce(priors, "    outcome: Trump wins", "    outcome: \"+cmd|' /C calc'!A0\"");
        Tree.replaceOnce(priors, "    outcome: Harris wins", "    outcome: \"<img src=x onerror=alert(2)>\"");
        Tree.replaceOnce(priors, "label: Kim is indifferent, as KCNA says", "label: \"@SUM(1+1)\"");
        Tree.write(root.resolve("evidence/kim-2024/zz-markup.yaml"),
                "- id: markup-one\n  source: \"=cmd|' /C calc'!A0\"\n  group: \"-2+3\"\n"
                        + "  likelihoods: {trump: 0.6, harris: 0.5, indifferent: 0.5}\n"
                        + "- id: markup-two\n  source: \"<iframe src=javascript:alert(3)>\"\n  group: \"\\tcell\"\n"
                        + "  likelihoods: {trump: 0.5, harris: 0.6, indifferent: 0.5}\n");
        Map<String, String> before = Tree.outsideReports(Tree.snapshot(root));
        // a valid run, not hostile input: not timed (its first report rendering loads Tablesaw)
        Cli.Result r = Cli.run("run", "--root", root.toString(), "kim-2024");
        assertEquals(0, r.code(), r.err());
        assertEquals(before, Tree.outsideReports(Tree.snapshot(root)), "a file outside reports/ changed");
        Path reports = root.resolve("reports/kim-2024");
        for (String md : List.of("posterior.md", "evidence.md")) {
            String text = Tree.read(reports.resolve(md));
            for (String tag : List.of("<script", "<img", "<iframe")) {
                assertFalse(text.contains(tag), md + " holds raw " + tag);
            }
        }
        String post = Tree.read(reports.resolve("posterior.md"));
        assertTrue(post.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), post);
        assertTrue(Tree.read(reports.resolve("evidence.md")).contains("&lt;iframe"), "evidence.md lost the source");
        for (String csv : List.of("posterior.csv", "evidence.csv")) {
            List<List<String>> rows = parseCsv(Tree.read(reports.resolve(csv)));
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertTrue(formulaSafe(cell), csv + " cell could run as a formula: " + cell);
                }
            }
        }
        // the guarded values are there, with their apostrophe
        String postCsv = Tree.read(reports.resolve("posterior.csv"));
        assertTrue(postCsv.contains("'=HYPERLINK("), postCsv);
        assertTrue(postCsv.contains("'@SUM(1+1)"), postCsv);
        assertTrue(postCsv.contains("'+cmd|"), postCsv);
        String evCsv = Tree.read(reports.resolve("evidence.csv"));
        assertTrue(evCsv.contains("'=cmd|"), evCsv);
        assertTrue(evCsv.contains("'-2+3"), evCsv);
    }

    /** A cell is safe when it is a plain number or does not begin with = + - @ tab or CR. */
    static boolean formulaSafe(String cell) {
        if (cell.isEmpty()) {
            return true;
        }
        char c = cell.charAt(0);
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return true;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** RFC 4180 CSV: quoted cells with doubled quotes, commas, line breaks inside quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
