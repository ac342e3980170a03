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
import org.deciban.model.Limits;
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
 * <p>Issue 14 adds to the corpus (numbers with unbounded text, settings and dates out of range, sizes
 * beyond {@link Limits}, CSV faults) and adds nested classes, one per class of failure: option values
 * and ranges ({@link OptionsAndRanges}), links, folders and pipes among a case's files
 * ({@link CaseFilesOnDisk}), strings that reach a terminal, a spreadsheet or a Markdown viewer
 * ({@link HostileStrings}), and report folders that lead elsewhere, full disks, killed and concurrent
 * runs ({@link ReportFolderFaults}). Every line on stderr must also be {@link #printable}.
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
        // issue 14: sizes beyond the limits of model.Limits, refused at load
        out.add(new Hostile("10,000 hypotheses", "priors/kim-2024.yaml", manyHypotheses(10_000)));
        out.add(new Hostile("101 hypotheses", "priors/kim-2024.yaml", manyHypotheses(Limits.MAX_HYPOTHESES + 1)));
        out.add(new Hostile("1 MB label", "priors/kim-2024.yaml", Tree.read(Tree.projectDir().resolve("priors/kim-2024.yaml"))
                .replace("label: Kim prefers a Trump win", "label: " + "L".repeat(1_000_000)).getBytes(StandardCharsets.UTF_8)));
        out.add(new Hostile("64 KiB + 1 quote", "evidence/kim-2024/zz-long-quote.yaml", ("id: long-quote\nquote: "
                + "q".repeat(Limits.MAX_STRING_BYTES + 1) + "\nlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.6}\n")
                .getBytes(StandardCharsets.UTF_8)));
        out.add(new Hostile("70 KB key", "evidence/kim-2024/zz-long-key.yaml", ("id: long-key\n" + "k".repeat(70_000)
                + ": 1\nlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.6}\n").getBytes(StandardCharsets.UTF_8)));
        out.add(new Hostile("CSV with 20,000 columns", "evidence/kim-2024/zz-wide.csv", wideCsv(20_000)));
        StringBuilder rows = new StringBuilder("id,trump,harris,indifferent\n");
        for (int i = 0; i <= Limits.MAX_ITEMS; i++) {
            rows.append("r").append(i).append(",0.5,0.5,0.6\n");
        }
        out.add(new Hostile("CSV with MAX_ITEMS + 1 rows", "evidence/kim-2024/zz-rows.csv", rows.toString().getBytes(StandardCharsets.UTF_8)));
        out.add(new Hostile("CSV cell of 100 KB", "evidence/kim-2024/zz-long-cell.csv",
                ("id,source,trump,harris,indifferent\nlong-cell," + "s".repeat(100_000) + ",0.5,0.5,0.6\n")
                        .getBytes(StandardCharsets.UTF_8)));
        return out.stream();
    }

    /** The Kim case's priors with {@code k} hypotheses h0..h(k-1) instead of its three. */
    static byte[] manyHypotheses(int k) {
        StringBuilder sb = new StringBuilder("case: kim-2024\nquestion: Which?\nhypotheses:\n");
        for (int i = 0; i < k; i++) {
            sb.append("  - {id: h").append(i).append(", label: H").append(i).append("}\n");
        }
        sb.append("prior:\n  probabilities:\n");
        for (int i = 0; i < k; i++) {
            sb.append("    h").append(i).append(": ").append(i == 0 ? 1.0 - (k - 1) * (1.0 / k) : 1.0 / k).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV evidence matrix whose header has {@code columns} columns. */
    static byte[] wideCsv(int columns) {
        StringBuilder sb = new StringBuilder("id,trump,harris,indifferent");
        for (int i = 4; i < columns; i++) {
            sb.append(",c").append(i);
        }
        sb.append("\nwide,0.5,0.5,0.6").append(",x".repeat(columns - 4)).append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
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
            assertTrue(printable(r.err()), "raw control or bidi characters on stderr: " + where);
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

    /** One command's result, checked: exit code 2, one line on stderr, printable, no Java in it. */
    static String refused(String what, Path root, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--root");
        all.add(root.toString());
        Cli.Result r = run(what, all.toArray(String[]::new));
        String where = what + ": " + abbreviate(r.err());
        assertEquals(2, r.code(), where);
        assertEquals(1, r.errLines().size(), where);
        String line = r.errLines().get(0);
        assertTrue(line.startsWith("deciban: error: "), where);
        assertFalse(line.contains("Exception") || line.contains("java.") || line.contains("at org."), where);
        assertTrue(printable(r.err()), "raw control characters: " + where);
        return line;
    }

    /** Issue 14: a setting outside its documented range, and option values, refused in the analyst's terms. */
    @org.junit.jupiter.api.Nested
    class OptionsAndRanges {

        @Test
        void commandLineValuesAreReadInTheAnalystsTerms(@TempDir Path tmp) {
            Path root = Tree.copyKim(tmp.resolve("project"));
            Map<String, String> before = Tree.snapshot(root);
            String[][] cases = {
                {"is not a date written yyyy-mm-dd", "timeline", "kim-2024", "--as-of", "2024-13-45"},
                {"is not a date written yyyy-mm-dd", "timeline", "kim-2024", "--as-of", "+99999-01-01"},
                {"is not a date written yyyy-mm-dd", "timeline", "kim-2024", "--as-of", "-999999999-01-01"},
                {"allowed: a number from 0 to 1000", "timeline", "kim-2024", "--drift", "1e308"},
                {"allowed: a number from 0 to 1000", "timeline", "kim-2024", "--drift", "-1"},
                {"is not a decimal number", "timeline", "kim-2024", "--drift", "NaN"},
                {"is not a decimal number", "timeline", "kim-2024", "--drift", "Infinity"},
                {"decimal exponent from -400 to 400", "timeline", "kim-2024", "--drift", "1e-999999999"},
                {"at most 40 characters", "timeline", "kim-2024", "--drift", "0." + "1".repeat(60)},
                {"from 1 to 10^12", "run", "kim-2024", "--draws", "0"},
                {"from 1 to 10^12", "run", "kim-2024", "--draws", "10000000000000"},
                {"is not a whole number", "run", "kim-2024", "--draws", "1e5"},
                {"is not a whole number", "run", "kim-2024", "--draws", "99999999999999999999999999"},
                {"is not a whole number", "run", "kim-2024", "--seed", "abc"},
                {"from 1 to 1024", "run", "kim-2024", "--threads", "0"},
                {"from 1 to 1000000", "test", "kim-2024", "--tries", "0"},
                {"allowed only with --verify", "history", "kim-2024", "--anchor", "0".repeat(64)},
                {"64 hexadecimal digits", "history", "kim-2024", "--verify", "--anchor", "xyz"},
                {"holds a NUL character", "run", "kim-2024", "--root", "a\u0000b"},
            };
            for (String[] c : cases) {
                String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
                String line = args[args.length - 2].equals("--root") ? refusedAt(String.join(" ", args), args)
                        : refused(String.join(" ", args), root, args);
                assertTrue(line.contains(c[0]), String.join(" ", args) + ": " + line);
            }
            assertEquals(before, Tree.snapshot(root), "an option error wrote something");
        }

        private String refusedAt(String what, String... args) {
            Cli.Result r = run(what, args);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(printable(r.err()), r.err());
            return r.errLines().get(0);
        }

        @Test
        void theNamesOfWrittenFilesNeverGrowWithInputValues(@TempDir Path tmp) throws IOException {
            Path root = Tree.copyKim(tmp.resolve("project"));
            Cli.Result r = Cli.run("timeline", "kim-2024", "--drift", "999.99999999999999", "--as-of", "2024-07-01",
                    "--root", root.toString());
            assertEquals(0, r.code(), r.err());
            try (Stream<Path> s = Files.list(root.resolve("reports/kim-2024"))) {
                for (Path p : s.toList()) {
                    // "timeline-as-of-yyyy-mm-dd-drift-" + at most 4 integer digits, a point and 6 decimals + ".csv"
                    assertTrue(p.getFileName().toString().length() <= 50, p.getFileName().toString());
                }
            }
        }

        @Test
        void aGroupCorrelationNamingNoGroupIsRefusedWithTheGroupsThatExist(@TempDir Path tmp) {
            Path root = Tree.copyKim(tmp.resolve("project"));
            Tree.replaceOnce(root.resolve("priors/kim-2024.yaml"), "  correlation: 0.5\n",
                    "  correlation: 0.5\n  group_correlation: {trump-rnc-speach: 0.9}\n");
            String line = refused("group_correlation typo", root, "check", "kim-2024");
            assertTrue(line.contains("field 'settings.group_correlation.trump-rnc-speach'"), line);
            assertTrue(line.contains("did you mean 'trump-rnc-speech'?"), line);
            // the Kim case's one group, read by hand from evidence/kim-2024/trump.yaml
            assertTrue(line.contains("one of trump-rnc-speech"), line);
        }

        @Test
        void moreItemsThanTheLimitAreRefusedAtLoadNamingTheLimit(@TempDir Path tmp) {
            Path root = Tree.copyKim(tmp.resolve("project"));
            // MAX_ITEMS + 1 minimal items beside the case's 20, in files of 20,000 (each under the 4 MiB file limit)
            int per = 20_000;
            for (int f = 0; f * per < Limits.MAX_ITEMS + 1; f++) {
                StringBuilder sb = new StringBuilder();
                for (int i = f * per; i < Math.min(Limits.MAX_ITEMS + 1, (f + 1) * per); i++) {
                    sb.append("- {id: n").append(i).append(", likelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.6}}\n");
                }
                Tree.write(root.resolve("evidence/kim-2024/zz-many-" + f + ".yaml"), sb.toString());
            }
            Cli.Result r = Cli.run("check", "--root", root.toString(), "kim-2024");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("allowed: at most " + Limits.MAX_ITEMS + " items in a case"), r.err());
            assertEquals(1, r.errLines().size(), r.err());
        }
    }

    /** Issue 14: links, folders and pipes where a case's files should be. */
    @org.junit.jupiter.api.Nested
    class CaseFilesOnDisk {

        private Path root;

        @org.junit.jupiter.api.BeforeEach
        void copy(@TempDir Path tmp) {
            root = Tree.copyKim(tmp.resolve("project"));
        }

        private void link(String at, String target) throws IOException {
            try {
                Files.createSymbolicLink(root.resolve(at), Path.of(target));
            } catch (UnsupportedOperationException e) {
                org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
            }
        }

        /** check and run both refuse, naming {@code name} and saying {@code what}; nothing is written. */
        private void refusedBoth(String name, String what) {
            Map<String, String> before = Tree.snapshot(root);
            for (String command : List.of("check", "run")) {
                String line = refused(command + " " + name, root, command, "kim-2024");
                assertTrue(line.startsWith("deciban: error: " + name), line);
                assertTrue(line.contains(what), line);
            }
            assertEquals(before, Tree.snapshot(root), "something was written");
            assertFalse(Files.exists(root.resolve("reports")));
        }

        @Test
        void aDanglingEvidenceLinkIsRefused() throws IOException {
            link("evidence/kim-2024/gone.yaml", "no-such-file.yaml");
            refusedBoth("evidence/kim-2024/gone.yaml", "dangling");
        }

        @Test
        void anEvidenceLinkLoopIsRefused() throws IOException {
            link("evidence/kim-2024/a.yaml", "b.yaml");
            link("evidence/kim-2024/b.yaml", "a.yaml");
            refusedBoth("evidence/kim-2024/a.yaml", "loop");
        }

        @Test
        void anEvidenceLinkOutOfTheCasesFolderIsRefused() throws IOException {
            link("evidence/kim-2024/priors.yaml", "../../priors/kim-2024.yaml");
            refusedBoth("evidence/kim-2024/priors.yaml", "leads out of evidence/kim-2024/");
            Files.delete(root.resolve("evidence/kim-2024/priors.yaml"));
            Path outside = root.getParent().resolve("outside.yaml");
            Tree.write(outside, "id: outside\nlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.6}\n");
            link("evidence/kim-2024/outside.yaml", outside.toString());
            refusedBoth("evidence/kim-2024/outside.yaml", "leads out of evidence/kim-2024/");
        }

        @Test
        void aLinkInsideTheCasesFolderIsFollowed() throws IOException {
            Files.move(root.resolve("evidence/kim-2024/economy.yaml"), root.resolve("evidence/kim-2024/economy.txt"));
            link("evidence/kim-2024/economy.yaml", "economy.txt");
            Cli.Result r = Cli.run("check", "--root", root.toString(), "kim-2024");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("19 evidence items"), r.out()); // counted by hand: 15 in evidence/kim-2024/, the election result, 3 resolved indicators
        }

        @Test
        void anEvidenceFolderThatIsALinkLoopIsRefusedNotReadAsEmpty() throws IOException {
            Tree.copy(root.resolve("evidence/kim-2024"), root.resolve("evidence/elsewhere"));
            deleteTree(root.resolve("evidence/kim-2024"));
            link("evidence/kim-2024", "kim-2024");
            refusedBoth("evidence/kim-2024", "loop");
        }

        @Test
        void anEvidenceFolderLinkedOutOfTheProjectIsRefused(@TempDir Path other) throws IOException {
            Tree.copy(root.resolve("evidence/kim-2024"), other.resolve("kim-2024"));
            deleteTree(root.resolve("evidence/kim-2024"));
            link("evidence/kim-2024", other.resolve("kim-2024").toString());
            refusedBoth("evidence/kim-2024", "leads out of the project folder");
        }

        @Test
        void aPriorsFileThatIsAFolderIsNamedAsOne() throws IOException {
            Files.delete(root.resolve("priors/kim-2024.yaml"));
            Files.createDirectories(root.resolve("priors/kim-2024.yaml"));
            refusedBoth("priors/kim-2024.yaml", "is a folder, not a regular file");
        }

        @Test
        void pipesAreNamedAndNeverOpened() throws Exception {
            Files.delete(root.resolve("priors/kim-2024.yaml"));
            mkfifo(root.resolve("priors/kim-2024.yaml"));
            // a read of a pipe with no writer blocks forever: the time bound of run() would catch it
            refusedBoth("priors/kim-2024.yaml", "named pipe");
            Files.delete(root.resolve("priors/kim-2024.yaml"));
            Files.copy(Tree.projectDir().resolve("priors/kim-2024.yaml"), root.resolve("priors/kim-2024.yaml"));
            mkfifo(root.resolve("evidence/kim-2024/zz-pipe.yaml"));
            refusedBoth("evidence/kim-2024/zz-pipe.yaml", "named pipe");
            Files.delete(root.resolve("evidence/kim-2024/zz-pipe.yaml"));
            mkfifo(root.resolve("pipe.yaml"));
            String line = refused("what-if --with a pipe", root, "what-if", "kim-2024", "--with", root.resolve("pipe.yaml").toString());
            assertTrue(line.contains("named pipe"), line);
        }

        @Test
        void fileNamesWithLineBreaksAndControlCharactersStayOnOneEscapedLine() {
            String[][] names = {{"zz-a\nb.yaml", "zz-a\\x0ab.yaml"}, {"zz-\u001b[31mred.yaml", "zz-\\x1b[31mred.yaml"},
                {"zz-\u202eyaml.txt.yaml", "zz-\\u202eyaml.txt.yaml"}, {"zz-\r.yaml", "zz-\\x0d.yaml"}};
            for (String[] n : names) {
                Path f = root.resolve("evidence/kim-2024").resolve(n[0]);
                Tree.write(f, "id: [unclosed\n");
                String line = refused("file " + n[1], root, "check", "kim-2024");
                assertTrue(line.startsWith("deciban: error: evidence/kim-2024/" + n[1]), line);
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** Issue 14: strings from a case reach a terminal, a spreadsheet or a Markdown viewer as text. */
    @org.junit.jupiter.api.Nested
    class HostileStrings {

        /** ESC sequences (SGR, OSC title), CSI as one C1 character, bidi override and isolate, VT, FF, CR, zero width. */
        static final String CONTROLS = "\u001b[31mred\u001b[0m \u001b]0;title\u0007 \u009b2J \u202eevil\u202c \u2066iso\u2069 "
                + "\u000b\u000c\r\u200b\u00ad";

        private Path root;

        @org.junit.jupiter.api.BeforeEach
        void copy(@TempDir Path tmp) {
            root = Tree.copyKim(tmp.resolve("project"));
        }

        /** Puts {@code text} (a YAML double-quoted string body) into a label, a source, a quote, a group and an indicator. */
        private void plant(String yamlText) {
            Path priors = root.resolve("priors/kim-2024.yaml");
            Tree.replaceOnce(priors, "label: Kim prefers a Trump win", "label: \"Kim prefers a Trump win " + yamlText + "\"");
            Tree.replaceOnce(priors, "    outcome: Harris wins", "    outcome: \"Harris wins " + yamlText + "\"");
            Tree.write(root.resolve("evidence/kim-2024/zz-planted.yaml"),
                    "- id: planted\n  date: 2024-07-30\n  source: \"" + yamlText + "\"\n  quote: \"" + yamlText + "\"\n"
                            + "  group: \"g " + yamlText + "\"\n  rationale: \"" + yamlText + "\"\n"
                            + "  likelihoods: {trump: 0.6, harris: 0.5, indifferent: 0.5}\n");
            Tree.write(root.resolve("evidence/kim-2024/indicators/zz-planted.yaml"),
                    "id: planted-indicator\nquote: \"" + yamlText + "\"\nrationale: \"" + yamlText + "\"\n"
                            + "likelihoods: {trump: 0.7, harris: 0.2, indifferent: 0.3}\n");
        }

        private static String yaml(String s) {
            StringBuilder sb = new StringBuilder();
            s.codePoints().forEach(cp -> sb.append(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xad || cp > 0x7e
                    ? String.format(java.util.Locale.ROOT, "\\u%04x", cp) : cp == '"' || cp == '\\' ? "\\" + (char) cp
                    : String.valueOf((char) cp)));
            return sb.toString();
        }

        @Test
        void controlAndBidiCharactersReachTheTerminalEscapedFromEveryCommand() throws Exception {
            plant(yaml(CONTROLS));
            Cli.Result first = Cli.run("run", "--root", root.toString(), "kim-2024", "--no-mc");
            assertEquals(0, first.code(), first.err());
            List<String[]> commands = List.of(new String[] {"run", "--no-mc"}, new String[] {"run", "--draws", "2000"},
                    new String[] {"explain"}, new String[] {"sensitivity"}, new String[] {"indicators"},
                    new String[] {"what-if", "--without", "planted"}, new String[] {"timeline"}, new String[] {"history"},
                    new String[] {"history", "--verify"}, new String[] {"check"}, new String[] {"test", "--tries", "20"});
            for (String[] c : commands) {
                List<String> args = new ArrayList<>(List.of(c));
                args.addAll(List.of("--root", root.toString(), "kim-2024"));
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                String what = String.join(" ", c);
                assertTrue(r.code() == 0 || c[0].equals("test"), what + ": " + r.err());
                assertTrue(printable(r.out()), what + " printed a raw control character: " + abbreviate(r.out()));
                assertTrue(printable(r.err()), what + " printed a raw control character on stderr: " + abbreviate(r.err()));
            }
            Cli.Result run = Cli.run("run", "--no-mc", "--no-write", "--wide", "--root", root.toString(), "kim-2024");
            assertTrue(run.out().contains("Kim prefers a Trump win \\x1b[31mred\\x1b[0m \\x1b]0;title\\x07 \\u009b2J "
                    + "\\u202eevil\\u202c \\u2066iso\\u2069 \\x0b\\x0c \\u200b\\u00ad"), run.out());
            // a table cell shows a line break (here the CR) as a space; prose shows it escaped
            assertTrue(run.out().contains("\\x0b\\x0c\\x0d\\u200b\\u00ad: "), run.out());
            // JSON stays valid and means the same text: the escapes are JSON's own
            Cli.Result json = Cli.run("run", "--json", "--no-mc", "--no-write", "--root", root.toString(), "kim-2024");
            assertTrue(printable(json.out()), json.out());
            com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
            assertEquals("Kim prefers a Trump win " + CONTROLS, doc.get("hypotheses").get(0).get("label").asText());
        }

        @Test
        void controlCharactersInAnErrorMessageAreEscapedOnItsOneLine() {
            Tree.write(root.resolve("evidence/kim-2024/zz-bad.yaml"), "id: bad\ncategory: \"" + yaml(CONTROLS) + "\"\n"
                    + "likelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.6}\n");
            String line = refused("category with controls", root, "check", "kim-2024");
            assertTrue(line.contains("\\x1b[31mred"), line);
            assertTrue(line.contains("\\u202eevil"), line);
        }

        @Test
        void markdownReportsShowLinksImagesAndHtmlAsText() throws IOException {
            String markup = "[click](javascript:alert(1)) ![beacon](http://localhost:9/b.png) <img src=x onerror=alert(2)> "
                    + "<script>alert(3)</script> `code` *bold* _em_ ~~s~~ | pipe # heading &amp; &#106;";
            plant(yaml(markup));
            Tree.write(root.resolve("evidence/kim-2024/zz-<img src=x onerror=alert(4)>.yaml"),
                    "id: named-by-file\nlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.55}\n");
            Path with = root.resolve("<script>alert(5)</script> [x](javascript:y).yaml");
            Tree.write(with, "id: added\nsource: \"" + yaml(markup) + "\"\nlikelihoods: {trump: 0.6, harris: 0.4, indifferent: 0.5}\n");
            for (String[] c : List.of(new String[] {"run", "--no-mc"}, new String[] {"explain"}, new String[] {"sensitivity"},
                    new String[] {"indicators"}, new String[] {"what-if", "--with", with.toString()}, new String[] {"timeline"})) {
                List<String> args = new ArrayList<>(List.of(c));
                args.addAll(List.of("--root", root.toString(), "kim-2024"));
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), String.join(" ", c) + ": " + r.err());
            }
            List<Path> mds;
            try (Stream<Path> s = Files.list(root.resolve("reports/kim-2024"))) {
                mds = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            }
            assertEquals(7, mds.size(), mds.toString());
            for (Path md : mds) {
                String text = Files.readString(md);
                for (String line : text.split("\n")) {
                    String where = md.getFileName() + ": " + line;
                    assertFalse(line.contains("<"), "raw HTML: " + where);
                    assertFalse(line.matches(".*&#[0-9]+;.*") && !line.contains("&amp;#"), "a live character reference: " + where);
                    // every '[' and ']' and '`' and '*' from a case is backslash-escaped, so no link, image or code span forms
                    assertFalse(line.matches(".*(^|[^\\\\])\\[.*"), "a live '[': " + where);
                    assertFalse(line.matches(".*(^|[^\\\\])\\*bold.*"), "live emphasis: " + where);
                }
            }
            String post = Files.readString(root.resolve("reports/kim-2024/posterior.md"));
            assertTrue(post.contains("\\[click\\](javascript:alert(1)) !\\[beacon\\](http://localhost:9/b.png) &lt;img"), post);
            String evidence = Files.readString(root.resolve("reports/kim-2024/evidence.md"));
            assertTrue(evidence.contains("evidence/kim-2024/zz-&lt;img src=x onerror=alert(4)&gt;.yaml"), evidence);
            String whatIf = Files.readString(root.resolve("reports/kim-2024/whatif.md"));
            assertTrue(whatIf.contains("&lt;script&gt;alert(5)&lt;/script&gt; \\[x\\](javascript:y).yaml"), whatIf);
        }

        @Test
        void csvCellsASpreadsheetWouldRunAreGuardedWhateverComesFirst() throws IOException {
            List<String> starts = List.of(" =HYPERLINK(\"http://localhost/\",\"x\")", "\t=1+1", "\r=1+1", "\n=1+1",
                    "\u3000=1+1", "\u00a0=1+1", "\uff1d1+1", "\uff0bcmd", "\uff0d1", "\uff20SUM(1)", "   @SUM(1)", "\u200b=1");
            Path priors = root.resolve("priors/kim-2024.yaml");
            Tree.replaceOnce(priors, "label: Kim prefers a Trump win", "label: \"" + yaml(starts.get(0)) + "\"");
            StringBuilder ev = new StringBuilder();
            for (int i = 0; i < starts.size(); i++) {
                ev.append("- id: formula-").append(i).append("\n  source: \"").append(yaml(starts.get(i)))
                        .append("\"\n  group: \"").append(yaml(starts.get(i))).append(i)
                        .append("\"\n  likelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.55}\n");
            }
            Tree.write(root.resolve("evidence/kim-2024/zz-formulas.yaml"), ev.toString());
            Cli.Result r = Cli.run("run", "--no-mc", "--root", root.toString(), "kim-2024");
            assertEquals(0, r.code(), r.err());
            for (String csv : List.of("posterior.csv", "evidence.csv")) {
                for (List<String> row : parseCsv(Files.readString(root.resolve("reports/kim-2024").resolve(csv)))) {
                    for (String cell : row) {
                        assertTrue(spreadsheetSafe(cell), csv + " cell a spreadsheet could run: '" + cell + "'");
                    }
                }
            }
            String ev2 = Files.readString(root.resolve("reports/kim-2024/evidence.csv"));
            assertTrue(ev2.contains("' =HYPERLINK("), ev2);
            assertTrue(ev2.contains("'\uff1d1+1"), ev2);
        }

        /**
         * A cell is safe when it is a number, or when a spreadsheet, after stripping leading whitespace and
         * invisible characters, would not see a formula character first; an apostrophe first makes it text.
         * Written from the OWASP CSV-injection guidance, not from the code under test.
         */
        static boolean spreadsheetSafe(String cell) {
            if (cell.isEmpty() || cell.charAt(0) == '\'') {
                return true;
            }
            try {
                Double.parseDouble(cell);
                return true;
            } catch (NumberFormatException e) {
                // text: look past what a spreadsheet strips
            }
            int i = 0;
            while (i < cell.length() && (Character.isWhitespace(cell.charAt(i)) || Character.isSpaceChar(cell.charAt(i))
                    || Character.getType(cell.charAt(i)) == Character.FORMAT || Character.isISOControl(cell.charAt(i)))) {
                i++;
            }
            if (i > 0) {
                return false;
            }
            char c = cell.charAt(0);
            return "=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212".indexOf(c) < 0;
        }
    }

    /** Issue 14: report folders that lead elsewhere, full disks, killed runs, concurrent runs. */
    @org.junit.jupiter.api.Nested
    class ReportFolderFaults {

        private Path root;
        private Path reports;

        @org.junit.jupiter.api.BeforeEach
        void copy(@TempDir Path tmp) {
            root = Tree.copyKim(tmp.resolve("project"));
            reports = root.resolve("reports/kim-2024");
        }

        private void link(Path at, String target) throws IOException {
            Files.createDirectories(at.getParent());
            try {
                Files.createSymbolicLink(at, Path.of(target));
            } catch (UnsupportedOperationException e) {
                org.junit.jupiter.api.Assumptions.abort("this file system has no symbolic links: " + e);
            }
        }

        private Map<String, String> caseFiles() {
            return Tree.outsideReports(Tree.snapshot(root));
        }

        @Test
        void aReportFolderLinkedIntoTheEvidenceIsRefusedAndTheEvidenceUntouched() throws IOException {
            link(reports, "../evidence/kim-2024");
            Map<String, String> before = caseFiles();
            for (String command : List.of("run", "explain", "sensitivity", "timeline", "indicators")) {
                String line = refused(command + " into evidence", root, command, "kim-2024");
                assertTrue(line.contains("reports/kim-2024 is a symbolic link"), line);
            }
            assertEquals(before, caseFiles(), "a file of the case changed");
        }

        @Test
        void aReportsFolderLinkedToTheEvidenceFolderIsRefused() throws IOException {
            link(root.resolve("reports"), "evidence");
            Map<String, String> before = Tree.snapshot(root.resolve("evidence"));
            String line = refused("reports -> evidence", root, "run", "kim-2024", "--no-mc");
            assertTrue(line.contains("inside evidence/"), line);
            assertEquals(before, Tree.snapshot(root.resolve("evidence")));
        }

        @Test
        void aHistoryLinkedToAnEvidenceFileIsNeverAppendedTo() throws IOException {
            link(reports.resolve("history.jsonl"), "../../evidence/kim-2024/economy.yaml");
            Map<String, String> before = caseFiles();
            for (String[] c : List.of(new String[] {"run", "--no-mc"}, new String[] {"history"}, new String[] {"history", "--verify"})) {
                String line = refused(String.join(" ", c) + " with a linked history", root,
                        java.util.stream.Stream.concat(Stream.of(c), Stream.of("kim-2024")).toArray(String[]::new));
                assertTrue(line.contains("reports/kim-2024/history.jsonl is a symbolic link"), line);
            }
            assertEquals(before, caseFiles(), "the evidence file behind the link changed");
        }

        @Test
        void aReportFileThatIsALinkIsReplacedNeverWrittenThrough() throws IOException {
            link(reports.resolve("posterior.md"), "../../evidence/kim-2024/economy.yaml");
            Map<String, String> before = caseFiles();
            Cli.Result r = Cli.run("run", "--no-mc", "--root", root.toString(), "kim-2024");
            assertEquals(0, r.code(), r.err());
            assertEquals(before, caseFiles(), "the evidence file behind the link changed");
            assertFalse(Files.isSymbolicLink(reports.resolve("posterior.md")));
            assertTrue(Tree.read(reports.resolve("posterior.md")).startsWith("# Posterior: kim-2024"));
        }

        @Test
        void aLockFileLinkedElsewhereIsRefused() throws IOException {
            link(reports.resolve(org.deciban.io.ReportFolder.LOCK), "../../evidence/kim-2024/economy.yaml");
            Map<String, String> before = caseFiles();
            String line = refused("linked lock", root, "run", "kim-2024", "--no-mc");
            assertTrue(line.contains(".deciban.lock is a symbolic link"), line);
            assertEquals(before, caseFiles());
        }

        @Test
        void aHistoryThatIsAFolderOrAPipeIsNamedAndNeverBlocks() throws Exception {
            Files.createDirectories(reports.resolve("history.jsonl"));
            for (String command : List.of("run", "history")) {
                String line = refused(command + " with a history folder", root, command, "kim-2024");
                assertTrue(line.contains("reports/kim-2024/history.jsonl is a folder"), line);
            }
            Files.delete(reports.resolve("history.jsonl"));
            mkfifo(reports.resolve("history.jsonl"));
            for (String command : List.of("run", "history")) {
                String line = refused(command + " with a history pipe", root, command, "kim-2024");
                assertTrue(line.contains("reports/kim-2024/history.jsonl is not a regular file"), line);
            }
        }

        @Test
        void aRunWhoseReportsCannotBeWrittenRecordsNothingAndSaysWhichFile() throws IOException {
            Cli.Result ok = Cli.run("run", "--no-mc", "--root", root.toString(), "kim-2024");
            assertEquals(0, ok.code(), ok.err());
            String history = Tree.read(reports.resolve("history.jsonl"));
            // a folder in the way of report.html: the rename of its temporary file fails, as on a read-only folder
            Files.delete(reports.resolve("report.html"));
            Tree.write(reports.resolve("report.html/keep"), "in the way");
            Cli.Result r = Cli.run("run", "--no-mc", "--root", root.toString(), "kim-2024");
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            String line = r.errLines().get(0);
            assertTrue(line.startsWith("deciban: error: ") && line.contains("while writing reports/kim-2024/report.html"), line);
            assertTrue(line.contains("not recorded in history.jsonl"), line);
            assertFalse(line.contains("internal error") || line.contains("Exception"), line);
            assertEquals(history, Tree.read(reports.resolve("history.jsonl")), "the history recorded a run whose reports failed");
            assertNoTemporaries();
        }

        private void assertNoTemporaries() throws IOException {
            try (Stream<Path> s = Files.list(reports)) {
                List<String> tmp = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
                assertEquals(List.of(), tmp, "temporary files left behind");
            }
        }

        @Test
        void theNextRunRemovesTheTemporaryFilesOfAKilledOne() throws IOException {
            Tree.write(reports.resolve(".posterior.md.1234567890.tmp"), "half a report");
            Tree.write(reports.resolve(".report.html.42.tmp"), "<!DOCTYPE html>");
            Tree.write(reports.resolve(".keep"), "not ours");
            Cli.Result r = Cli.run("explain", "--root", root.toString(), "kim-2024");
            assertEquals(0, r.code(), r.err());
            assertNoTemporaries();
            assertTrue(Files.exists(reports.resolve(".keep")), "a file that is not deciban's temporary was removed");
        }

        @Test
        void aFullDiskIsNamedRecordsNothingAndLeavesEveryReportWhole() throws Exception {
            Path mount = root.getParent().resolve("small-disk");
            Files.createDirectories(mount);
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String cp = System.getProperty("java.class.path");
            String run = "'" + javaBin + "' -cp '" + cp + "' " + Deciban.class.getName() + " run --no-mc --root '" + mount + "/p' kim-2024";
            // a 2 MiB tmpfs in a private mount namespace (no root needed where user namespaces are allowed):
            // one good run, then the disk filled up and a second run, then the disk freed and a third run
            String script = String.join("\n",
                    "set -u",
                    "mount -t tmpfs -o size=2m none '" + mount + "' || exit 77",
                    "cp -r '" + root + "' '" + mount + "/p' || exit 78",
                    run + " >/dev/null 2>&1; echo \"first=$?\"",
                    "cp '" + mount + "/p/reports/kim-2024/history.jsonl' '" + mount + "/history.before'",
                    "dd if=/dev/zero of='" + mount + "/pad' bs=4k >/dev/null 2>&1",
                    // stderr is kept in a variable: a file on the full disk could not hold it
                    "err=$(" + run + " 2>&1 >/dev/null); echo \"second=$?\"; echo \"err=$err\"",
                    "cmp -s '" + mount + "/history.before' '" + mount + "/p/reports/kim-2024/history.jsonl' && echo history=unchanged",
                    "ls -a '" + mount + "/p/reports/kim-2024' | grep -c '\\.tmp$' | sed 's/^/temporaries=/'",
                    "tail -c 16 '" + mount + "/p/reports/kim-2024/report.html' | tr -d '\\n' | sed 's/^/html_end=/'; echo",
                    "rm '" + mount + "/pad'",
                    run + " >/dev/null 2>&1; echo \"third=$?\"",
                    "wc -l < '" + mount + "/p/reports/kim-2024/history.jsonl' | sed 's/^ */records=/'");
            ProcessBuilder pb = new ProcessBuilder("unshare", "-r", "-m", "sh", "-c", script).redirectErrorStream(true);
            Process p;
            try {
                p = pb.start();
            } catch (IOException e) {
                skipFullDisk("unshare is not available: " + e.getMessage());
                return;
            }
            assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "the runs on the small disk did not finish");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() == 77 || p.exitValue() == 1 && out.contains("unshare")) {
                skipFullDisk("cannot mount a small tmpfs here (" + out.strip() + ")");
            }
            assertTrue(out.contains("first=0"), out);
            assertTrue(out.contains("second=1"), out);
            assertTrue(out.contains("err=deciban: error: no space left on device while writing reports/kim-2024/"), out);
            assertTrue(out.contains("not recorded in history.jsonl"), out);
            assertTrue(out.contains("history=unchanged"), out);
            assertTrue(out.contains("temporaries=0"), out);
            assertTrue(out.contains("html_end=</body></html>"), out);
            assertTrue(out.contains("third=0"), out);
            assertTrue(out.contains("records=2"), out);
        }

        private void skipFullDisk(String why) {
            System.out.println("HostileInputTest: full-disk test skipped: " + why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }

        @Test
        void eightConcurrentRunsKeepTheChainAndThePageAgreesWithTheHistory() throws Exception {
            int runs = 8;
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> all = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                all.add(new ProcessBuilder(javaBin, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                        Deciban.class.getName(), "run", "--no-mc", "--root", root.toString(), "kim-2024")
                        .redirectErrorStream(true).redirectOutput(root.resolve("child-" + i + ".log").toFile()).start());
            }
            for (int i = 0; i < runs; i++) {
                assertTrue(all.get(i).waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "run " + i + " did not finish");
                assertEquals(0, all.get(i).exitValue(), Tree.read(root.resolve("child-" + i + ".log")));
            }
            org.deciban.io.HistoryLog.Reading h = org.deciban.io.HistoryLog.in(
                    org.deciban.io.ReportFolder.of(root.resolve("reports"), "kim-2024")).read();
            assertTrue(h.intact(), h.broken());
            assertEquals(runs, h.recordCount());
            // the page of the last run to write shows every recorded run, as the file does
            String html = Tree.read(reports.resolve("report.html"));
            assertTrue(html.contains("(" + runs + " runs)"), "report.html does not show " + runs + " runs");
            assertNoTemporaries();
        }
    }

    static void mkfifo(Path p) throws Exception {
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is not available to make a named pipe: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo failed: "
                + new String(mk.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    /**
     * True when the text holds no character a terminal would act on: no C0 control but the tab and the line feed,
     * no DEL or C1 control, no format character (bidi overrides and isolates, zero-width characters),
     * no line or paragraph separator. The definition is written here from the Unicode categories, not
     * taken from the code under test.
     */
    static boolean printable(String text) {
        return text.codePoints().allMatch(cp -> cp == '\n' || cp == '\t' || !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)
                || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029));
    }
}
