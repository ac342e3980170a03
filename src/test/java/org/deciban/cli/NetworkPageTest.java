package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network drawing as {@code deciban run} writes it into report.html: present on a network case (the
 * ceasefire fixture), placed after the posterior and before the ledger, the same bytes run after run;
 * absent from a one-variable case's page, whose style sheet does not change either.
 */
class NetworkPageTest {

    private static String page(Path root, String c) {
        Cli.Result r = Cli.run("run", "--root", root.toString(), c, "--no-mc");
        assertEquals(0, r.code(), r.err());
        return Tree.read(root.resolve("reports/" + c + "/report.html"));
    }

    private static String section(String html, String id) {
        int from = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(from >= 0, "no section " + id);
        return html.substring(from, html.indexOf("</section>", from));
    }

    @Test
    void aNetworkCasePageDrawsItsNetworkTheSameEveryRun(@TempDir Path tmp) {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        String html = page(root, "ceasefire");
        String network = section(html, "network");
        assertTrue(html.contains("<a href=\"#network\">The network</a>"), "listed in the page's contents");
        assertTrue(html.indexOf("<section id=\"posterior\">") < html.indexOf("<section id=\"network\">")
                && html.indexOf("<section id=\"network\">") < html.indexOf("<section id=\"evidence\">"));
        assertEquals(1, network.split("<figure class=\"drawing\"", -1).length - 1);
        assertEquals(1, network.split("<svg [^>]*class=\"network wide\"", -1).length - 1, "the page-width drawing");
        assertEquals(1, network.split("<svg [^>]*class=\"network narrow\"", -1).length - 1, "the phone-width drawing");
        assertEquals(8, network.split("<g class=\"variable\"", -1).length - 1, "4 variables, drawn twice");
        assertTrue(html.contains("figure.drawing .narrow { display: block; }"), "the drawing's style sheet");
        assertFalse(html.contains("<script"), "no script");
        assertEquals(network, section(page(root, "ceasefire"), "network"), "a second run draws the same bytes");
    }

    @Test
    void aOneVariablePageHasNoNetwork(@TempDir Path tmp) {
        Path root = Tree.copyCase("small", tmp.resolve("project"));
        String html = page(root, "small");
        assertFalse(html.contains("id=\"network\""), "no network section");
        assertFalse(html.contains("drawing"), "no drawing and none of its style");
    }
}
