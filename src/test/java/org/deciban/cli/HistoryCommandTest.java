package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deciban history}: the timeline, the inputs that changed, and --verify's exit codes. */
class HistoryCommandTest {

    @TempDir
    Path root;

    @Test
    void timelineNamesTheInputThatChangedAndVerifyNamesAnEditedRecord() throws Exception {
        ReportCaseFixture.write(root, 2);
        String r = root.toString();
        assertEquals(0, ReportCaseFixture.run("run", "--root", r, "evil").code());
        Path items = root.resolve("evidence/evil/items.yaml");
        Files.writeString(items, Files.readString(items).replace("ha: 0.20", "ha: 0.90"));
        assertEquals(0, ReportCaseFixture.run("run", "--root", r, "evil").code());
        assertEquals(0, ReportCaseFixture.run("run", "--root", r, "evil").code());

        ReportCaseFixture.Result h = ReportCaseFixture.run("history", "--root", r, "evil");
        assertEquals(0, h.code(), h.err());
        assertTrue(h.out().contains("3 recorded runs"), h.out());
        assertTrue(h.out().contains("record 2 (") && h.out().contains("changed evidence/evil/items.yaml"), h.out());
        assertTrue(h.out().contains("record 3 (") && h.out().contains("): none"), h.out());

        ReportCaseFixture.Result ok = ReportCaseFixture.run("history", "--root", r, "--verify", "evil");
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("OK, 3 records"), ok.out());

        Path hist = root.resolve("reports/evil/history.jsonl");
        List<String> lines = Files.readAllLines(hist);
        lines.set(0, lines.get(0).replaceFirst("\"ha\":0\\.", "\"ha\":1."));
        Files.write(hist, lines);
        ReportCaseFixture.Result bad = ReportCaseFixture.run("history", "--root", r, "--verify", "evil");
        assertEquals(HistoryCommand.VERIFY_FAILED, bad.code(), bad.out());
        assertTrue(bad.out().contains("BROKEN at record 1"), bad.out());
    }

    @Test
    void verifyPrintsTheNewestHashAndAnAnchorNotedEarlierIsCheckedAtItsPlace() throws Exception {
        ReportCaseFixture.write(root, 2);
        String r = root.toString();
        assertEquals(0, ReportCaseFixture.run("run", "--no-mc", "--root", r, "evil").code());
        ReportCaseFixture.Result first = ReportCaseFixture.run("history", "--root", r, "--verify", "evil");
        String noted = first.out().replaceAll("(?s).*newest record 1, hash ([0-9a-f]{64}).*", "$1");
        assertEquals(64, noted.length(), first.out());
        assertEquals(0, ReportCaseFixture.run("run", "--no-mc", "--root", r, "evil").code());
        ReportCaseFixture.Result anchored = ReportCaseFixture.run("history", "--root", r, "--verify", "--anchor", noted, "evil");
        assertEquals(0, anchored.code(), anchored.out());
        assertTrue(anchored.out().contains("anchor found: record 1"), anchored.out());
        // the whole history replaced by one fresh run (of changed evidence, so no record can repeat the noted
        // one): the plain check passes, the anchor does not
        Files.delete(root.resolve("reports/evil/history.jsonl"));
        Path items = root.resolve("evidence/evil/items.yaml");
        Files.writeString(items, Files.readString(items).replace("ha: 0.20", "ha: 0.90"));
        assertEquals(0, ReportCaseFixture.run("run", "--no-mc", "--root", r, "evil").code());
        assertEquals(0, ReportCaseFixture.run("history", "--root", r, "--verify", "evil").code());
        ReportCaseFixture.Result lost = ReportCaseFixture.run("history", "--root", r, "--verify", "--anchor", noted, "evil");
        assertEquals(HistoryCommand.VERIFY_FAILED, lost.code(), lost.out());
        assertTrue(lost.out().contains("ANCHOR NOT FOUND"), lost.out());
    }

    @Test
    void aTornLineFailsVerifyUntilTheNextRunSealsIt() throws Exception {
        ReportCaseFixture.write(root, 2);
        String r = root.toString();
        assertEquals(0, ReportCaseFixture.run("run", "--root", r, "evil").code());
        Path hist = root.resolve("reports/evil/history.jsonl");
        Files.writeString(hist, Files.readString(hist) + "{\"record\":2,\"ti");
        ReportCaseFixture.Result torn = ReportCaseFixture.run("history", "--root", r, "--verify", "evil");
        assertEquals(HistoryCommand.VERIFY_FAILED, torn.code());
        assertTrue(torn.out().contains("TORN: line 2 is torn"), torn.out());

        ReportCaseFixture.Result run = ReportCaseFixture.run("run", "--root", r, "evil");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("line 2 is torn"), run.err());
        ReportCaseFixture.Result ok = ReportCaseFixture.run("history", "--root", r, "--verify", "evil");
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("line 2: torn fragment of an interrupted run"), ok.out());
    }

    @Test
    void noHistoryYetIsNotAnError() throws Exception {
        ReportCaseFixture.write(root, 2);
        ReportCaseFixture.Result h = ReportCaseFixture.run("history", "--root", root.toString(), "--verify", "evil");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("no history yet"));
    }
}
