package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deciban.io.ReportFolder;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kim reports committed under reports/kim-2024/ are what the README's commands write today:
 * replayed on a copy of the case (its history without the last record, which the replayed run
 * appends again), every file comes out byte for byte the same except the run's time and the Java
 * version. When a change of deciban changes a report, this test fails until the reports are
 * regenerated with the commands of the README's section "The shipped reports".
 */
class ShippedReportsTest {

    /** The commands of the README's section "The shipped reports", run from the project folder. */
    static final List<List<String>> COMMANDS = List.of(
            List.of("run", "kim-2024"),
            List.of("explain", "kim-2024"),
            List.of("sensitivity", "kim-2024"),
            List.of("what-if", "--without", "kcna-do-not-care", "kim-2024"),
            List.of("indicators", "kim-2024"),
            List.of("timeline", "kim-2024"),
            List.of("score", "kim-2024"),
            List.of("diff", "kim-2024", "--from", "as-of:2024-07-31"));

    private static final String TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

    @TempDir
    Path tmp;

    @Test
    void theCommittedReportsAreWhatTheCommandsWrite() throws IOException {
        Path project = Tree.projectDir();
        Path shipped = project.resolve("reports/kim-2024");
        Path root = Tree.copyKim(tmp.resolve("p"));
        Path replay = root.resolve("reports/kim-2024");
        Files.createDirectories(replay);
        List<String> history = Files.readAllLines(shipped.resolve("history.jsonl"));
        Files.write(replay.resolve("history.jsonl"), history.subList(0, history.size() - 1));
        for (List<String> command : COMMANDS) {
            List<String> args = new ArrayList<>(command);
            args.addAll(1, List.of("--root", root.toString()));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), command + ": " + r.err());
        }
        String java = new ObjectMapper().readTree(history.get(history.size() - 1)).get("java").asText();
        List<String> names;
        try (Stream<Path> s = Files.list(shipped)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ReportFolder.LOCK)).sorted().toList();
        }
        List<String> written;
        try (Stream<Path> s = Files.list(replay)) {
            // the writers' lock file is not a report (and is not committed)
            written = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ReportFolder.LOCK)).sorted().toList();
        }
        assertEquals(names, written, "the commands write exactly the committed files");
        for (String name : names) {
            String expected = mask(Tree.read(shipped.resolve(name)), java);
            String actual = mask(Tree.read(replay.resolve(name)), System.getProperty("java.version"));
            if (name.equals("history.jsonl")) {
                expected = expected.replaceAll("\"(prev|hash)\":\"[0-9a-f]{64}\"", "\"$1\":HASH");
                actual = actual.replaceAll("\"(prev|hash)\":\"[0-9a-f]{64}\"", "\"$1\":HASH");
            }
            assertTrue(expected.equals(actual), "reports/kim-2024/" + name + " differs from what the README's "
                    + "commands write now; regenerate the shipped reports (README, 'The shipped reports'):\n"
                    + firstDifference(expected, actual));
        }
    }

    private static String mask(String text, String javaVersion) {
        return text.replaceAll(TIME, "TIME").replace("Java " + javaVersion, "Java JAVA")
                .replace("\"java\":\"" + javaVersion + "\"", "\"java\":\"JAVA\"")
                .replace("<dd>" + javaVersion + "</dd>", "<dd>JAVA</dd>")
                .replace("\"java\" : \"" + javaVersion + "\"", "\"java\" : \"JAVA\"");
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 120);
        return "committed: ..." + a.substring(from, Math.min(a.length(), i + 120)) + "\nnow:       ..."
                + b.substring(from, Math.min(b.length(), i + 120));
    }
}
