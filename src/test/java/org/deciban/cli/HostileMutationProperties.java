package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.deciban.testing.Cli;
import org.deciban.testing.Slow;
import org.deciban.testing.Tree;

/**
 * Issue 7 part 3: jqwik-generated mutations of the Kim case's files. Each try copies the shipped
 * case into a fresh temporary root, applies one mutation (pure data: which file, which operation,
 * where, what payload) and runs {@code deciban run}. A mutation may leave the case valid (deleting a
 * comment, say): then exit code 0 and only reports/ is written. Otherwise exit code 2 and exactly
 * one line naming the mutated file. Never exit code 1, a stack trace or an OutOfMemoryError; never a
 * file outside reports/ written or changed. The bound on work is that of
 * {@link HostileInputTest#ALLOCATION_BOUND}.
 */
@Slow
class HostileMutationProperties {

    static final List<String> FILES = List.of("priors/kim-2024.yaml",
            "evidence/kim-2024/economy.yaml", "evidence/kim-2024/hanoi.yaml", "evidence/kim-2024/harris.yaml",
            "evidence/kim-2024/legitimacy.yaml", "evidence/kim-2024/patrons.yaml", "evidence/kim-2024/signals.yaml",
            "evidence/kim-2024/trump.yaml");

    static final List<String> PAYLOADS = List.of(".nan", ".inf", "-.inf", "1e999", "-0.5", "2", "!!java.net.URL [\"http://localhost/\"]",
            "&anchor x", "*anchor", "\"../../etc/passwd\"", "a/b", "[[[[[[[[[[", "{", "}", ": :", "- - -", "\t", "\"", "'",
            "? complex", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "~", "!!binary aGk=", "%YAML 1.1", "---",
            // issue 14: numbers whose text is unbounded, settings out of range, dates out of range, hostile strings
            "1e-999999999", "1e-2000000000", "0." + "3".repeat(60), "1e-6", "1e308", "1000", "-999999999-01-01",
            "+99999-01-01", "2024-02-30", "\"\\e[31mred\\u202e\\v\\f\"", "\"a\\nb\"", "\" =HYPERLINK(1)\"",
            "\"[x](javascript:alert(1)) ![b](http://localhost/b.png)\"", "\"\\u009b2J\"");

    enum Operation { TRUNCATE, DELETE_LINE, DUPLICATE_LINE, INSERT_PAYLOAD, REPLACE_NUMBER, INSERT_BAD_BYTES, INDENT_LINE }

    /** One mutation, as pure data; {@code at} is a position in [0, 1) of the file. */
    record Mutation(int file, Operation op, double at, int payload, int badByte) {
        @Override
        public String toString() {
            return op + " in " + FILES.get(file) + " at " + at + " payload " + PAYLOADS.get(payload) + " byte " + badByte;
        }
    }

    static Path root;
    static Map<String, String> shippedBefore;

    @BeforeContainer
    static void setUp() throws IOException {
        root = Files.createTempDirectory("deciban-mutations");
        shippedBefore = HostileInputTest.shipped();
    }

    @AfterContainer
    static void tearDown() throws IOException {
        deleteTree(root);
        assertEquals(shippedBefore, HostileInputTest.shipped(), "the shipped case's files changed");
    }

    static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                Arbitraries.integers().between(0, FILES.size() - 1),
                Arbitraries.of(Operation.class),
                Arbitraries.doubles().between(0, 0.999999).ofScale(6),
                Arbitraries.integers().between(0, PAYLOADS.size() - 1),
                Arbitraries.integers().between(0x80, 0xFF)).as(Mutation::new);
    }

    static byte[] apply(byte[] original, Mutation m) {
        String text = new String(original, StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\n", -1)));
        int line = (int) (m.at() * lines.size());
        String payload = PAYLOADS.get(m.payload());
        switch (m.op()) {
            case TRUNCATE:
                return java.util.Arrays.copyOf(original, (int) (m.at() * original.length));
            case DELETE_LINE:
                lines.remove(line);
                break;
            case DUPLICATE_LINE:
                lines.add(line, lines.get(line));
                break;
            case INSERT_PAYLOAD: {
                String l = lines.get(line);
                int col = l.indexOf(": ");
                lines.set(line, col < 0 ? payload + l : l.substring(0, col + 2) + payload + " " + l.substring(col + 2));
                break;
            }
            case REPLACE_NUMBER: {
                java.util.regex.Matcher num = java.util.regex.Pattern.compile("\\b\\d+\\.\\d+\\b").matcher(text);
                List<int[]> spans = new java.util.ArrayList<>();
                while (num.find()) {
                    spans.add(new int[] {num.start(), num.end()});
                }
                if (spans.isEmpty()) {
                    return original;
                }
                int[] s = spans.get((int) (m.at() * spans.size()));
                return (text.substring(0, s[0]) + payload + text.substring(s[1])).getBytes(StandardCharsets.UTF_8);
            }
            case INSERT_BAD_BYTES: {
                int pos = (int) (m.at() * original.length);
                byte[] out = new byte[original.length + 1];
                System.arraycopy(original, 0, out, 0, pos);
                out[pos] = (byte) m.badByte();
                System.arraycopy(original, pos, out, pos + 1, original.length - pos);
                return out;
            }
            case INDENT_LINE:
                lines.set(line, "   " + lines.get(line));
                break;
            default:
                throw new IllegalStateException();
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 80, seed = "7300")
    void mutatedKimCaseIsRefusedCleanlyOrStillValid(@ForAll("mutations") Mutation m) throws IOException {
        Path project = root.resolve("try");
        deleteTree(project);
        Tree.copyKim(project);
        Path target = project.resolve(FILES.get(m.file()));
        Files.write(target, apply(Files.readAllBytes(target), m));
        Map<String, String> before = Tree.snapshot(project);
        // 1,000 draws instead of the case's 100,000: a mutated case that stays valid still goes through the Monte
        // Carlo path, at a cost that keeps 80 tries of a network case within seconds
        Cli.Result r = HostileInputTest.run(m.toString(), "run", "--no-write", "--draws", "1000", "--root",
                project.toString(), "kim-2024");
        Statistics.label("exit code").collect(r.code());
        Statistics.label("operation").collect(m.op());
        String where = m + ": " + HostileInputTest.abbreviate(r.err());
        assertTrue(r.code() == 0 || r.code() == 2, where);
        assertTrue(HostileInputTest.printable(r.out()) && HostileInputTest.printable(r.err()),
                "a raw control or bidi character was printed: " + where);
        assertFalse(r.err().contains("at org.") || r.err().contains("Exception"), where);
        if (r.code() == 2) {
            List<String> lines = r.errLines();
            assertEquals(1, lines.size(), where);
            assertTrue(lines.get(0).startsWith("deciban: error: " + FILES.get(m.file())), where);
            assertTrue(lines.get(0).length() <= 1_000, where);
        } else {
            assertEquals("", r.err(), where);
        }
        assertEquals(before, Tree.snapshot(project), where + ": a file was written or changed");
        Statistics.label("exit code").coverage(cov -> cov.check(2).percentage(p -> p >= 30));
    }
}
