package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deciban run} writes report.html: self-contained, escaped, with charts, ledger, history and provenance. */
class HtmlReportCommandTest {

    @TempDir
    Path root;

    private String runAndRead() throws Exception {
        ReportCaseFixture.Result r = ReportCaseFixture.run("run", "--root", root.toString(), ReportCaseFixture.CASE);
        assertEquals(0, r.code(), r.err());
        return Files.readString(root.resolve("reports/evil/report.html"));
    }

    @Test
    void everyStringFromTheCaseIsEscaped() throws Exception {
        ReportCaseFixture.write(root, 3);
        String html = runAndRead();
        // the page has no script of its own, so any <script in it came from the case unescaped
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "unescaped <script> in report.html");
        assertFalse(html.contains("<b>markup</b>"));
        assertFalse(html.contains("<i>A</i>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; yes"), "escaped label missing");
        assertTrue(html.contains("-no &amp; &lt;no&gt;"));
    }

    @Test
    void pageIsSelfContainedAndHasItsSections() throws Exception {
        ReportCaseFixture.write(root, 3);
        String html = runAndRead();
        // offline: nothing is fetched. The only URL allowed is the SVG namespace name, which is never fetched.
        String withoutNamespaces = html.replace("http://www.w3.org/2000/svg", "").replace("http://www.w3.org/1999/xlink", "");
        for (String fetch : List.of("http://", "https://", "src=", "<link", "@import")) {
            assertFalse(withoutNamespaces.contains(fetch), "report.html would fetch something: " + fetch);
        }
        // url(...) only for references inside the page (clip paths: url(#id))
        assertFalse(Pattern.compile("url\\(\\s*['\"]?[^#'\"\\s]").matcher(html).find(), "url() to outside the page");
        for (String id : List.of("headline", "posterior", "evidence", "history", "provenance")) {
            assertTrue(html.contains("<section id=\"" + id + "\">"), "section " + id + " missing");
        }
        // all items share one date and as_of is 31 days later: no close-up chart of the last 90 days
        assertEquals(4, count(html, "<figure class=\"chart\""), "four charts: prior/posterior, tornado, posterior by date, history");
        assertEquals(8, count(html, "<svg"), "each chart drawn wide and for a phone");
        assertTrue(html.contains("@media print"));
        // provenance: the SHA-256 of each input appears
        String sha = org.deciban.io.HistoryLog.sha256(Files.readAllBytes(root.resolve("priors/evil.yaml")));
        assertTrue(html.contains(sha), "prior file's SHA-256 missing from the page");
        // ledger has one row per item, weights in decibans
        assertTrue(html.contains("db_ha"));
        assertEquals(3, count(section(html, "evidence"), "<td class=\"token\">item-"));
    }

    @Test
    void sensitivityAndForecastOverTimeComeBeforeTheHistoryWithTheirCharts() throws Exception {
        ReportCaseFixture.write(root, 3);
        String html = runAndRead();
        int sens = html.indexOf("<section id=\"sensitivity\">");
        int time = html.indexOf("<section id=\"over-time\">");
        int hist = html.indexOf("<section id=\"history\">");
        assertTrue(html.indexOf("<section id=\"evidence\">") < sens && sens < time && time < hist,
                "sections out of order: evidence, sensitivity, over-time, history expected");
        String s = section(html, "sensitivity");
        assertEquals(1, count(s, "<figure class=\"chart\""), "one tornado chart");
        assertTrue(s.contains("Tornado: posterior of"), "tornado chart title missing from its SVG");
        assertTrue(s.contains("<caption>Tornado (all 3 items)</caption>"), s);
        assertTrue(s.contains("<caption>Leave-one-out (3 items)</caption>"), s);
        assertTrue(s.contains("What it takes: one new item of"), s);
        // each item is one row of both tables and one bar label of the tornado chart, drawn twice
        for (int i = 0; i < 3; i++) {
            assertEquals(4, count(s, ">item-" + i + "<"), "item-" + i + " in the tornado chart's two drawings and both tables");
        }
        String t = section(html, "over-time");
        assertEquals(1, count(t, "<figure class=\"chart\""), "one chart of the posterior by date");
        assertTrue(t.contains("Posterior per hypothesis after each evidence date"), t);
        // one row for the items' date, one for as_of
        assertTrue(t.contains("<caption>Posterior after each date (2 steps)</caption>"), t);
        assertTrue(t.contains("2024-07-01") && t.contains("2024-08-01"), t);
    }

    @Test
    void theNewSectionsEscapeTheCaseStrings() throws Exception {
        ReportCaseFixture.write(root, 3);
        String html = runAndRead();
        for (String id : List.of("sensitivity", "over-time")) {
            String s = section(html, id);
            assertFalse(s.toLowerCase(Locale.ROOT).contains("<script"), "unescaped <script> in section " + id);
            assertFalse(s.contains("<no>") || s.contains("<i>A</i>"), "unescaped markup in section " + id);
        }
        // the chart legend of the posterior by date names every hypothesis by its label, escaped in the SVG
        String t = section(html, "over-time");
        assertTrue(t.contains("&lt;script&gt;alert(") && t.contains("-no &amp; &lt;no&gt;"), t);
        // the tornado's caption names the leader by its label, escaped
        String s = section(html, "sensitivity");
        assertTrue(s.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; yes") || s.contains("-no &amp; &lt;no&gt;"), s);
    }

    private static String section(String html, String id) {
        int from = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(from >= 0, "section " + id + " missing");
        return html.substring(from, html.indexOf("</section>", from));
    }

    @Test
    void chartIdsAreUniqueAcrossThePage() throws Exception {
        ReportCaseFixture.write(root, 2);
        String html = runAndRead();
        Matcher m = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (m.find()) {
            assertTrue(seen.add(m.group(1)), "duplicate id " + m.group(1));
        }
    }

    @Test
    void historyGrowsByOneRecordPerRunAndIsCharted() throws Exception {
        ReportCaseFixture.write(root, 2);
        runAndRead();
        String html = runAndRead();
        List<String> lines = Files.readAllLines(root.resolve("reports/evil/history.jsonl"));
        assertEquals(2, lines.size());
        assertTrue(html.contains("2 runs"), "history chart should describe both runs");
    }

    @Test
    void csvTextCellsThatLookLikeFormulasAreGuarded() throws Exception {
        ReportCaseFixture.write(root, 4);
        Locale before = Locale.getDefault();
        try {
            // a locale with a decimal comma must not change the numbers
            Locale.setDefault(Locale.GERMANY);
            runAndRead();
        } finally {
            Locale.setDefault(before);
        }
        String post = Files.readString(root.resolve("reports/evil/posterior.csv"));
        String ev = Files.readString(root.resolve("reports/evil/evidence.csv"));
        for (String guarded : List.of("'+outcome", "'@outcome B", "'=neither", "'-no &")) {
            assertTrue(post.contains(guarded), "posterior.csv lacks " + guarded + ":\n" + post);
        }
        assertTrue(ev.contains("'=cmd") && ev.contains("'-2+3"), ev);
        for (String line : (post + ev).split("\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(c.matches("[=+@\t\r].*"), "unguarded cell " + cell);
                assertFalse(c.matches("-[^0-9].*"), "unguarded cell " + cell);
            }
        }
        // prior 0.4 as written with Locale.ROOT, never 0,4
        assertTrue(post.contains(",0.4,"), post);
    }

    @Test
    void noWriteWritesNothing() throws Exception {
        ReportCaseFixture.write(root, 2);
        ReportCaseFixture.Result r = ReportCaseFixture.run("run", "--root", root.toString(), "--no-write", "evil");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(root.resolve("reports")));
    }

    @Test
    void caseIdsThatWouldLeaveReportsAreRefused() throws Exception {
        ReportCaseFixture.write(root, 2);
        for (String bad : List.of("../evil", "..", "evil/../../x", "/tmp/x")) {
            for (String cmd : List.of("run", "history")) {
                ReportCaseFixture.Result r = ReportCaseFixture.run(cmd, "--root", root.toString(), bad);
                assertEquals(2, r.code(), cmd + " " + bad + ": " + r.out() + r.err());
            }
        }
        assertFalse(Files.exists(root.resolve("reports")));
        assertFalse(Files.exists(root.getParent().resolve("x")));
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
