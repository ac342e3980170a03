package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deciban.testing.Cli;
import org.deciban.testing.Slow;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the shipped case's report.html in headless Chromium: it loads with no console error,
 * the DOM holds all five charts (each drawn wide and for a phone) and no script, and screenshots are
 * saved as target/report.png (1200 pixels wide) and target/report-phone.png (400 pixels wide).
 * Skipped only when Chromium is missing outside CI; with CI=true a missing Chromium fails the test.
 */
@Slow
class BrowserReportTest {

    private static final int BROWSER_LIMIT_S = 120;

    @TempDir
    Path root;

    private static Path chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    private Result browse(Path browser, String... extra) throws Exception {
        Path profile = Files.createTempDirectory(root, "profile");
        List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
        cmd.addAll(List.of(extra));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(BROWSER_LIMIT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in " + BROWSER_LIMIT_S + " s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(int code, String out, String err) {
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    /** Chromium, or the test skipped (outside CI) or failed (with CI=true) when it is missing. */
    private static Path chromiumOrSkip(String test) {
        Path browser = chromium();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assertTrue(browser != null || !ci, "CI=true but chromium is not installed (.ci/run installs it)");
        if (browser == null) {
            // surefire counts a skipped test but does not print why; say it where the build log shows it
            System.out.println("[SKIPPED] BrowserReportTest." + test + ": chromium is not on the "
                    + "PATH (apt-get install chromium, as .ci/run does); report.html was not rendered in a browser. "
                    + "With CI=true this fails instead.");
        }
        assumeTrue(browser != null, "chromium is not installed; skipped outside CI");
        return browser;
    }

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Path browser = chromiumOrSkip("reportRendersInHeadlessChromium");

        copyTree(Path.of("priors"), root.resolve("priors"));
        copyTree(Path.of("evidence"), root.resolve("evidence"));
        ReportCaseFixture.Result run = ReportCaseFixture.run("run", "--root", root.toString(), "kim-2024");
        assertEquals(0, run.code(), run.err());
        Path html = root.resolve("reports/kim-2024/report.html");
        String url = html.toUri().toString();

        Result dom = browse(browser, "--dump-dom", url);
        assertEquals(0, dom.code(), dom.err());
        String d = dom.out().toLowerCase(Locale.ROOT);
        assertTrue(d.contains("<section id=\"headline\">"), "page did not load: " + dom.out());
        // prior/posterior, tornado, posterior by date, the reliability diagram of the resolved indicators (issue 15),
        // history; each drawn twice, wide and for a phone's width (no close-up of the last 90 days: since the case
        // was updated to 2025-04-30, only one of its dates falls in them)
        assertEquals(5, d.split("<figure class=\"chart\"", -1).length - 1, "five charts expected in the rendered DOM");
        // and the network drawing (the Kim case is a network), also drawn twice: 5 x 2 + 2 = 12
        assertEquals(1, d.split("<figure class=\"drawing\"", -1).length - 1, "the network drawing expected");
        assertEquals(12, d.split("<svg", -1).length - 1, "two SVG drawings of each chart and of the network expected");
        for (String title : List.of("prior and posterior per hypothesis", "tornado: posterior of",
                "posterior per hypothesis after each evidence date", "reliability diagram")) {
            assertTrue(d.contains(title), "chart title missing from the SVG: " + title);
        }
        assertTrue(d.indexOf("<section id=\"sensitivity\">") < d.indexOf("<section id=\"history\">"));
        assertTrue(d.indexOf("<section id=\"over-time\">") < d.indexOf("<section id=\"history\">"));
        assertFalse(d.contains("<script"), "the page must hold no script");
        for (String line : dom.err().split("\n")) {
            assertFalse(line.contains("Uncaught") || line.contains(":CONSOLE(") || line.contains("Failed to load resource"),
                    "browser console error: " + line);
        }

        Path png = Path.of("target", "report.png").toAbsolutePath();
        Files.deleteIfExists(png);
        Result shot = browse(browser, "--screenshot=" + png, "--window-size=1200,7400", "--hide-scrollbars", url);
        assertEquals(0, shot.code(), shot.err());
        assertTrue(Files.size(png) > 10_000, "screenshot is missing or blank");
        Path phone = Path.of("target", "report-phone.png").toAbsolutePath();
        Files.deleteIfExists(phone);
        Result small = browse(browser, "--screenshot=" + phone, "--window-size=400,9000", "--hide-scrollbars", url);
        assertEquals(0, small.code(), small.err());
        assertTrue(Files.size(phone) > 10_000, "phone-width screenshot is missing or blank");
    }

    /**
     * The smallest text of a network drawing is 11 px at its natural size; the page may shrink a drawing to
     * fit its box, but no further than this on a page-wide screen (text of at least 8.8 px) before the drawing
     * scrolls sideways in its own box ...
     */
    private static final double PAGE_MIN_SCALE = 0.8;
    /** ... and no further than this on a phone (text of at least 9.35 px). */
    private static final double PHONE_MIN_SCALE = 0.85;
    /** Rounding of rendered widths, in pixels. */
    private static final double PX = 1.5;

    /**
     * The network drawings of two network cases, the ceasefire fixture (4 variables) and the standard ALARM
     * network (37), rendered at a page's width (1200 px) and a phone's: the drawing for that width is shown
     * and the other hidden, it is shrunk no further than its text stays legible, a drawing shrunk less than
     * that fits its box without scrolling, and the small network fits a phone unscaled. The measurements
     * come from a script added to a copy of each page (the page itself holds none), which writes them into
     * the DOM that Chromium dumps. Chromium's headless window is at least 500 px wide, so "a phone" is 500 px
     * here (below the page's 700 px breakpoint either way). Screenshots of the ALARM page are saved as
     * target/report-network.png and target/report-network-phone.png.
     */
    @Test
    void networkDrawingsStayLegibleAtPageAndPhoneWidth() throws Exception {
        Path browser = chromiumOrSkip("networkDrawingsStayLegibleAtPageAndPhoneWidth");
        Tree.copyCase("ceasefire", root);
        Files.copy(Tree.resource("networks").resolve("alarm.bif.gz"), root.resolve("priors/alarm.bif.gz"));
        Tree.write(root.resolve("priors/alarm.yaml"), "case: alarm\nquestion: Is the left ventricle failing?\n"
                + "network: alarm.bif.gz\nquestion_variable: LVFAILURE\n");
        Tree.write(root.resolve("evidence/alarm/readings.yaml"), "- id: bp\n  on: BP\n"
                + "  likelihoods: {LOW: 0.9, NORMAL: 0.1, HIGH: 0.05}\n- id: cvp\n  on: CVP\n"
                + "  likelihoods: {LOW: 0.1, NORMAL: 0.3, HIGH: 0.9}\n");
        String measure = "<script>addEventListener('load', function () { var out = [];"
                + " document.querySelectorAll('svg.network').forEach(function (s) {"
                + " var r = s.getBoundingClientRect(), box = s.parentElement;"
                + " out.push(s.getAttribute('class').split(' ')[1] + ' ' + (r.width > 0) + ' '"
                + " + (r.width / s.viewBox.baseVal.width) + ' ' + box.clientWidth + ' ' + box.scrollWidth); });"
                + " var p = document.createElement('pre'); p.id = 'measure'; p.textContent = out.join(';');"
                + " document.body.appendChild(p); });</script>";
        for (String c : List.of("ceasefire", "alarm")) {
            Cli.Result run = Cli.run("run", "--root", root.toString(), c, "--no-mc");
            assertEquals(0, run.code(), run.err());
            Path html = root.resolve("reports/" + c + "/report.html");
            String page = Files.readString(html);
            assertFalse(page.contains("<script"), "the page holds no script");
            Path copy = root.resolve(c + "-measured.html");
            Files.writeString(copy, page.replace("</body>", measure + "</body>"));
            for (int width : List.of(1200, 400)) {
                boolean phone = width < 700;
                Result dom = browse(browser, "--dump-dom", "--window-size=" + width + ",900", copy.toUri().toString());
                assertEquals(0, dom.code(), dom.err());
                String marker = "<pre id=\"measure\">";
                assertTrue(dom.out().contains(marker), "the measuring script did not run: " + dom.err());
                String text = dom.out().substring(dom.out().indexOf(marker) + marker.length());
                text = text.substring(0, text.indexOf("</pre>"));
                int shown = 0;
                for (String drawing : text.split(";")) {
                    String[] f = drawing.split(" ");
                    String what = c + " at " + width + " px: " + drawing;
                    boolean visible = Boolean.parseBoolean(f[1]);
                    assertEquals(f[0].equals(phone ? "narrow" : "wide"), visible, what);
                    if (!visible) {
                        continue;
                    }
                    shown++;
                    double scale = Double.parseDouble(f[2]);
                    int box = Integer.parseInt(f[3]);
                    int scroll = Integer.parseInt(f[4]);
                    assertTrue(scale >= (phone ? PHONE_MIN_SCALE : PAGE_MIN_SCALE) - 1e-3 && scale <= 1 + 1e-3, what);
                    if (scale > (phone ? PHONE_MIN_SCALE : PAGE_MIN_SCALE) + 1e-3) {
                        assertTrue(scroll <= box + PX, "shrunk less than the limit, so it fits: " + what);
                    }
                    if (c.equals("ceasefire") && phone) {
                        assertEquals(1, scale, 1e-3, "four variables fit a phone at their natural size: " + what);
                    }
                }
                assertEquals(1, shown, c + " at " + width + " px: one drawing shown: " + text);
            }
        }
        Path url = root.resolve("reports/alarm/report.html");
        for (String[] shot : List.of(new String[] {"report-network.png", "1200,6000"},
                new String[] {"report-network-phone.png", "400,8000"})) {
            Path png = Path.of("target", shot[0]).toAbsolutePath();
            Files.deleteIfExists(png);
            Result r = browse(browser, "--screenshot=" + png, "--window-size=" + shot[1], "--hide-scrollbars",
                    url.toUri().toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(Files.size(png) > 10_000, "screenshot is missing or blank: " + png);
        }
    }
}
