package org.deciban.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.deciban.model.HistoryEntry;
import org.deciban.model.HistoryRecord;

/** The hash chain of history.jsonl: edits are found and named, torn tails reported and sealed. */
class HistoryLogTest {

    @TempDir
    Path dir;

    private static HistoryRecord record(double p) {
        return new HistoryRecord("2024-08-01T00:00:00Z", "0.1.0", "17", Map.of("priors/c.yaml", "ab".repeat(32)),
                null, null, Map.of("h", p, "k", 1 - p), Map.of("H wins", p));
    }

    private HistoryLog logWith(int records) throws Exception {
        HistoryLog log = HistoryLog.in(ReportFolder.of(dir, "c"));
        for (int i = 0; i < records; i++) {
            log.append(record(0.1 * (i + 1)));
        }
        return log;
    }

    @Test
    void sha256MatchesTheFipsTestVector() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HistoryLog.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void appendedRecordsReadBackIntactAndChained() throws Exception {
        HistoryLog log = logWith(3);
        HistoryLog.Reading r = log.read();
        assertTrue(r.intact());
        assertEquals(3, r.entries().size());
        assertEquals(0.2, r.records().get(1).hypotheses().get("h"), 0.0);
        List<String> lines = Files.readAllLines(log.path());
        // record 2's prev is the SHA-256 of line 1's bytes, computed here independently of the log
        assertTrue(lines.get(1).contains("\"prev\":\"" + HistoryLog.sha256(lines.get(0).getBytes(StandardCharsets.UTF_8)) + "\""));
        assertTrue(lines.get(0).contains("\"prev\":\"" + HistoryLog.GENESIS + "\""));
    }

    @Test
    void changingAnyOneByteOfAnOldRecordNamesThatRecord() throws Exception {
        HistoryLog log = logWith(3);
        byte[] good = Files.readAllBytes(log.path());
        int start = indexOf(good, (byte) '\n', 0) + 1;
        int end = indexOf(good, (byte) '\n', start);
        for (int i = start; i < end; i++) {
            byte[] bad = Arrays.copyOf(good, good.length);
            bad[i] = (byte) (bad[i] == 'x' ? 'y' : 'x');
            HistoryLog.Reading r = HistoryLog.read(bad);
            assertEquals(2, r.brokenLine(), "byte " + (i - start) + " of record 2 changed: " + r.broken());
        }
    }

    @Test
    void aRecordRewrittenWithAFreshHashOrRemovedBreaksTheNextLink() throws Exception {
        HistoryLog log = logWith(3);
        List<String> lines = Files.readAllLines(log.path());
        // record 2 rewritten by someone who recomputes its own hash (but cannot fix record 3's prev)
        String forged = HistoryLog.line(2, record(0.99), lines.get(1).replaceAll(".*\"prev\":\"([0-9a-f]{64})\".*", "$1"), false);
        HistoryLog.Reading r = HistoryLog.read((lines.get(0) + "\n" + forged + "\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(3, r.brokenLine(), r.broken());
        HistoryLog.Reading removed = HistoryLog.read((lines.get(0) + "\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, removed.brokenLine(), removed.broken());
    }

    @Test
    void aTornLastLineIsReportedThenSealedByTheNextAppend() throws Exception {
        HistoryLog log = logWith(2);
        byte[] good = Files.readAllBytes(log.path());
        String fragment = "{\"record\":3,\"time\":\"2024";
        Files.write(log.path(), (new String(good, StandardCharsets.UTF_8) + fragment).getBytes(StandardCharsets.UTF_8));
        HistoryLog.Reading torn = log.read();
        assertFalse(torn.intact());
        assertNotNull(torn.tornTail());
        assertTrue(torn.tornTail().startsWith("line 3 is torn"), torn.tornTail());
        assertEquals(0, torn.brokenLine());
        assertEquals(2, torn.entries().size());

        log.append(record(0.5));
        HistoryLog.Reading sealed = log.read();
        assertTrue(sealed.intact(), sealed.broken());
        assertEquals(List.of(1, 2, 4), sealed.entries().stream().map(HistoryEntry::line).toList());
        assertEquals(1, sealed.sealed().size());
        assertTrue(sealed.sealed().get(0).startsWith("line 3: torn fragment"));
        // the fragment is kept byte for byte
        assertTrue(Files.readString(log.path()).contains(fragment + "\n"));
    }

    @Test
    void aCompleteLineThatIsNoRecordIsNeverSealed() throws Exception {
        HistoryLog log = logWith(1);
        Files.writeString(log.path(), Files.readString(log.path()) + "garbage\n");
        log.append(record(0.5));
        HistoryLog.Reading r = log.read();
        assertEquals(2, r.brokenLine(), r.broken());
    }

    /** The hash field of line n (1-based) of a history file, read with a pattern written here. */
    private static String hashOf(List<String> lines, int n) {
        return lines.get(n - 1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\"}$", "$1");
    }

    @Test
    void anAnchoredHashIsFoundAtItsPlaceAndMissedOnceTheChainIsRewritten() throws Exception {
        HistoryLog log = logWith(4);
        List<String> lines = Files.readAllLines(log.path());
        String anchor = hashOf(lines, 2);
        HistoryLog.Reading r = log.read(anchor);
        assertTrue(r.intact());
        assertEquals(2, r.anchorLine());
        assertEquals(hashOf(lines, 4), r.newestHash());
        // rewrite records 2 to 4 with fresh, correctly chained hashes: the plain check passes, the anchor does not
        StringBuilder forged = new StringBuilder(lines.get(0)).append('\n');
        String prev = HistoryLog.sha256(lines.get(0).getBytes(StandardCharsets.UTF_8));
        for (int n = 2; n <= 4; n++) {
            String line = HistoryLog.line(n, record(0.9), prev, false);
            forged.append(line).append('\n');
            prev = HistoryLog.sha256(line.getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(log.path(), forged.toString());
        HistoryLog.Reading rewritten = log.read(anchor);
        assertTrue(rewritten.intact(), "an unkeyed chain cannot see a consistent rewrite");
        assertEquals(0, rewritten.anchorLine(), "the anchor must be missed after the rewrite");
        // cut after record 1: the anchor of record 2 is gone too
        Files.writeString(log.path(), lines.get(0) + "\n");
        assertEquals(0, log.read(anchor).anchorLine());
    }

    @Test
    void aHistoryLongerThanTheHeapIsReadAndAppendedToInBoundedMemory() throws Exception {
        // 48 MiB of valid, chained records (built with the record format's own line writer), read and appended
        // to by separate JVMs limited to a 32 MiB heap: a reader that held the file would run out of memory
        Path root = dir.resolve("project");
        Path reports = root.resolve("reports/small");
        Files.createDirectories(reports);
        org.deciban.testing.Tree.copyCase("small", root);
        long target = 48L * 1024 * 1024;
        String prev = HistoryLog.GENESIS;
        long written = 0;
        int n = 0;
        try (java.io.BufferedWriter w = Files.newBufferedWriter(reports.resolve(HistoryLog.FILE), StandardCharsets.UTF_8)) {
            Map<String, String> inputs = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 8; i++) {
                inputs.put("evidence/small/file-" + i + ".yaml", "cd".repeat(32));
            }
            HistoryRecord r = new HistoryRecord("2024-08-01T00:00:00Z", "0.1.0", "17", inputs, 7L, 1000L,
                    Map.of("a", 0.25, "b", 0.75), Map.of());
            while (written < target) {
                String line = HistoryLog.line(++n, r, prev, false);
                w.write(line);
                w.write('\n');
                written += line.length() + 1;
                prev = HistoryLog.sha256(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        String[] verify = child(root, "history", "--verify", "small");
        assertEquals("0", verify[0], verify[1]);
        assertTrue(verify[1].contains("OK, " + n + " records, chain intact"), verify[1]);
        String[] timeline = child(root, "history", "small");
        assertEquals("0", timeline[0], timeline[1]);
        assertTrue(timeline[1].contains(n + " recorded runs") && timeline[1].contains("the newest " + HistoryLog.KEPT + " shown"),
                timeline[1].substring(0, Math.min(400, timeline[1].length())));
        String[] run = child(root, "run", "--no-mc", "small");
        assertEquals("0", run[0], run[1]);
        HistoryLog.Reading after = HistoryLog.in(ReportFolder.of(root.resolve("reports"), "small")).read();
        assertTrue(after.intact(), after.broken());
        assertEquals(n + 1, after.recordCount());
    }

    /** Runs deciban in a JVM with a 32 MiB heap; returns {exit code, stdout and stderr}. */
    private static String[] child(Path root, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), org.deciban.cli.Deciban.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--root", root.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "the child did not finish");
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
