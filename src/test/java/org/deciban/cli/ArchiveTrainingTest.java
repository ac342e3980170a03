package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deciban.testing.Slow;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The package step's training run (the classes it loads become target/deciban.jsa): on the shipped case,
 * every command ends as expected, so the archive covers what every command loads; and nothing in the
 * project folder is written (the commands write into a temporary copy).
 */
@Slow
class ArchiveTrainingTest {

    @Test
    void everyCommandRunsOnTheShippedCaseAndTheProjectIsLeftAlone() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Map<String, Long> before = sizesAndTimes(root);
        List<String> problems = ArchiveTraining.train(root, "kim-2024");
        assertEquals(List.of(), problems);
        assertEquals(before, sizesAndTimes(root));
    }

    @Test
    void theStepsCoverEveryCommand() {
        Path root = Path.of("").toAbsolutePath();
        Set<String> named = new TreeSet<>();
        for (ArchiveTraining.Step s : ArchiveTraining.steps(root, "kim-2024")) {
            named.add(s.args().get(0));
        }
        for (Class<?> sub : Deciban.SUBCOMMANDS) {
            String name = sub.getAnnotation(CommandLine.Command.class).name();
            if (!name.equals("help")) {
                assertTrue(named.contains(name), name);
            }
        }
    }

    private static Map<String, Long> sizesAndTimes(Path root) throws IOException {
        Map<String, Long> m = new TreeMap<>();
        for (String dir : List.of("priors", "evidence", "reports")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    m.put(f + " size", Files.size(f));
                    m.put(f + " modified", Files.getLastModifiedTime(f).toMillis());
                }
            }
        }
        return m;
    }
}
