package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.deciban.io.HistoryLog;
import org.deciban.io.ReportFolder;
import org.deciban.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code deciban run} (a separate JVM on the test class path) at seeded random moments while
 * it writes a large report, and checks after every kill that each report file is whole (the old
 * one or a complete new one, never part of one) and that the history's chain is unbroken (a torn
 * last line is allowed: the next run seals it). Bounded: a fixed number of kills, each run given
 * at most {@link #RUN_LIMIT_S} seconds.
 */
@Slow
class KillMidWriteTest {

    /** Items in the generated case: enough for a report of several MB, so writes take a while. */
    private static final int ITEMS = 400;
    private static final int KILLS = 6;
    private static final long SEED = 20240801L;
    private static final int RUN_LIMIT_S = 120;

    @TempDir
    Path root;

    private Process start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Deciban.class.getName(), "run", "--root", root.toString(), ReportCaseFixture.CASE);
        pb.redirectErrorStream(true);
        pb.redirectOutput(root.resolve("child.log").toFile());
        return pb.start();
    }

    @Test
    void killedRunsNeverLeaveHalfAReport() throws Exception {
        ReportCaseFixture.write(root, ITEMS);
        long t0 = System.nanoTime();
        Process first = start();
        assertTrue(first.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS), "first run did not finish");
        assertEquals(0, first.exitValue(), Files.readString(root.resolve("child.log")));
        long fullMillis = (System.nanoTime() - t0) / 1_000_000;
        Path dir = ReportFolder.of(root.resolve("reports"), ReportCaseFixture.CASE).dir();
        checkWhole(dir);

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        for (int k = 0; k < KILLS; k++) {
            // the files are written at the end of a run: kill somewhere in its second half
            long delay = (long) (fullMillis * (0.45 + 0.6 * rng.nextDouble()));
            Process p = start();
            if (!p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                assertTrue(p.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS), "killed run did not end");
            }
            checkWhole(dir);
        }
        Process last = start();
        assertTrue(last.waitFor(RUN_LIMIT_S, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), Files.readString(root.resolve("child.log")));
        HistoryLog.Reading h = HistoryLog.in(ReportFolder.of(root.resolve("reports"), ReportCaseFixture.CASE)).read();
        assertTrue(h.intact(), "history after a clean run: " + h.broken() + " " + h.tornTail());
    }

    private static void checkWhole(Path dir) throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.endsWith("</body>\n</html>\n"), "report.html is not whole");
        for (String md : List.of("posterior.md", "evidence.md")) {
            List<String> lines = Files.readAllLines(dir.resolve(md));
            assertTrue(lines.get(lines.size() - 1).startsWith("  - evidence/evil/items.yaml "), md + " is not whole");
        }
        assertEquals(ITEMS + 1, Files.readAllLines(dir.resolve("evidence.csv")).size(), "evidence.csv is not whole");
        // 3 hypotheses, 2 outcomes, the no-outcome share, and the header
        assertEquals(7, Files.readAllLines(dir.resolve("posterior.csv")).size(), "posterior.csv is not whole");
        HistoryLog.Reading h = HistoryLog.in(ReportFolder.of(dir.getParent(), ReportCaseFixture.CASE)).read();
        assertEquals(0, h.brokenLine(), "history chain broken: " + h.broken());
    }
}
