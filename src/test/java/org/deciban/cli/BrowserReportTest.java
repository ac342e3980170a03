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
import org.deciban.testing.Slow;
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

    @Test
    void reportRendersInHeadlessChromium() throws Exception {
        Path browser = chromium();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        assertTrue(browser != null || !ci, "CI=true but chromium is not installed (.ci/run installs it)");
        if (browser == null) {
            // surefire counts a skipped test but does not print why; say it where the build log shows it
            System.out.println("[SKIPPED] BrowserReportTest.reportRendersInHeadlessChromium: chromium is not on the "
                    + "PATH (apt-get install chromium, as .ci/run does); report.html was not rendered in a browser. "
                    + "With CI=true this fails instead.");
        }
        assumeTrue(browser != null, "chromium is not installed; skipped outside CI");

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
        // prior/posterior, tornado, posterior by date, its close-up of the last 90 days (7 of the case's 10
        // dates fall in them), history; each drawn twice, wide and for a phone's width
        assertEquals(5, d.split("<figure class=\"chart\"", -1).length - 1, "five charts expected in the rendered DOM");
        assertEquals(10, d.split("<svg", -1).length - 1, "two SVG drawings of each chart expected");
        for (String title : List.of("prior and posterior per hypothesis", "tornado: posterior of",
                "posterior per hypothesis after each evidence date", "the last 90 days")) {
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
}
