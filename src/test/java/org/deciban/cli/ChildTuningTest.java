package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which compilers and heap the launcher's child JVM gets: the rules of {@link ChildTuning}'s Javadoc applied
 * to hand-made projects whose sizes are set on either side of the limits.
 */
class ChildTuningTest {

    @TempDir
    Path dir;

    private void caseOf(String id, String priorsText, long evidenceBytes) throws IOException {
        Files.createDirectories(dir.resolve("priors"));
        Files.writeString(dir.resolve("priors").resolve(id + ".yaml"), priorsText);
        Path ev = Files.createDirectories(dir.resolve("evidence").resolve(id).resolve("indicators"));
        // half in the folder, half one level down: both count
        Files.write(ev.getParent().resolve("a.yaml"), new byte[(int) (evidenceBytes / 2)]);
        Files.write(ev.resolve("b.yaml"), new byte[(int) (evidenceBytes - evidenceBytes / 2)]);
    }

    private static final List<String> FULL_LARGE = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000", "-Xms1g");

    private List<String> choose(List<String> args) {
        return ChildTuning.options(List.of(), args, null, dir);
    }

    @Test
    void aSmallCaseRunsWithTheQuickCompilerAlone() throws IOException {
        caseOf("small", "case: small\n", 100_000);
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "small")));
        assertEquals(ChildTuning.QUICK, choose(List.of("check", "--wide", "small")));
    }

    @Test
    void aCaseOverTheSizeLimitRunsWithBothCompilers() throws IOException {
        // 1 MiB of evidence plus the priors file's few bytes is over 1 MiB
        caseOf("large", "case: large\n", ChildTuning.QUICK_BYTES);
        assertEquals(ChildTuning.FULL, choose(List.of("run", "large")));
        caseOf("edge", "", ChildTuning.QUICK_BYTES);
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "edge")), "exactly 1 MiB is still small");
    }

    @Test
    void theRootOptionSaysWhereTheCaseIs() throws IOException {
        Path elsewhere = dir;
        caseOf("large", "case: large\n", ChildTuning.QUICK_BYTES + 1);
        assertEquals(ChildTuning.FULL, ChildTuning.options(List.of(), List.of("run", "--root", elsewhere.toString(),
                "large"), null, Path.of("/nonexistent")));
        assertEquals(ChildTuning.FULL, ChildTuning.options(List.of(), List.of("run", "--root=" + elsewhere,
                "large"), null, Path.of("/nonexistent")));
        // elsewhere the case is not found: nothing to weigh, so the quick compiler
        assertEquals(ChildTuning.QUICK, ChildTuning.options(List.of(), List.of("run", "large"), null,
                Path.of("/nonexistent")));
    }

    @Test
    void manyDrawsOnTheCommandLineOrInTheCaseRunWithBothCompilers() throws IOException {
        caseOf("small", "case: small\nsettings:\n  draws: 100000\n", 1000);
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "small", "--draws", "250000")));
        assertEquals(ChildTuning.FULL, choose(List.of("run", "small", "--draws", "250001")));
        assertEquals(ChildTuning.FULL, choose(List.of("run", "--draws=1000000", "small")));
        caseOf("many", "case: many\nsettings:\n  seed: 1\n  draws: 1_000_000  # a long run\n", 1000);
        assertEquals(ChildTuning.FULL, choose(List.of("run", "many")));
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "many", "--draws", "2000")), "the command line wins");
    }

    @Test
    void aCompressedNetworkCountsTenTimesItsSize() throws IOException {
        caseOf("net", "case: net\nnetwork: big.bif.gz\n", 1000);
        // with the 1,000 bytes of evidence and the priors file: 10 x 104,657 + 1,030 <= 1 MiB < 10 x 104,858
        Files.write(dir.resolve("priors").resolve("big.bif.gz"), new byte[(int) (ChildTuning.QUICK_BYTES - 2000) / 10]);
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "net")));
        Files.write(dir.resolve("priors").resolve("big.bif.gz"), new byte[(int) (ChildTuning.QUICK_BYTES / 10) + 1]);
        assertEquals(ChildTuning.FULL, choose(List.of("run", "net")));
        // a network file outside priors/ is not looked at
        caseOf("out", "case: out\nnetwork: ../big.bif\n", 1000);
        Files.write(dir.resolve("big.bif"), new byte[(int) ChildTuning.QUICK_BYTES * 2]);
        assertEquals(ChildTuning.QUICK, choose(List.of("run", "out")));
    }

    @Test
    void theSwitchAndTheUsersOwnCompilerOptionsDecide() throws IOException {
        caseOf("large", "case: large\n", ChildTuning.QUICK_BYTES + 1);
        assertEquals(ChildTuning.QUICK, ChildTuning.options(List.of(), List.of("run", "large"), "quick", dir));
        caseOf("small", "case: small\n", 10);
        assertEquals(ChildTuning.FULL, ChildTuning.options(List.of(), List.of("run", "small"), "FULL", dir));
        assertEquals(ChildTuning.QUICK, ChildTuning.options(List.of(), List.of("run", "small"), "bogus", dir));
        for (String own : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-XX:Tier4InvocationThreshold=1")) {
            assertEquals(List.of(), ChildTuning.options(List.of("-Xmx3g", own), List.of("run", "large"), "quick", dir), own);
        }
    }

    @Test
    void aCaseOverEightMebibytesStartsWithALargerHeap() throws IOException {
        caseOf("huge", "case: huge\n", ChildTuning.LARGE_HEAP_BYTES);
        assertEquals(FULL_LARGE, choose(List.of("run", "huge")));
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xms1g"),
                ChildTuning.options(List.of(), List.of("run", "huge"), "quick", dir), "the switch chooses compilers only");
        caseOf("edge", "", ChildTuning.LARGE_HEAP_BYTES);
        assertEquals(ChildTuning.FULL, choose(List.of("run", "edge")), "exactly 8 MiB keeps the default heap");
    }

    @Test
    void aHeapOptionOfTheUsersLeavesTheHeapToThem() throws IOException {
        caseOf("large", "case: large\n", ChildTuning.LARGE_HEAP_BYTES + 1);
        for (String own : List.of("-Xmx512m", "-Xms2g", "-Xmn100m", "-XX:MaxHeapSize=1g", "-XX:MaxRAMPercentage=50")) {
            assertEquals(ChildTuning.FULL, ChildTuning.options(List.of(own), List.of("run", "large"), null, dir), own);
        }
        // many draws on a small case: both compilers, the default heap
        caseOf("small", "case: small\n", 10);
        assertEquals(ChildTuning.FULL, choose(List.of("run", "small", "--draws", "1000000")));
    }
}
