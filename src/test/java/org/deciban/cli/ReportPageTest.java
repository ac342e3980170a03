package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deciban.testing.Cli;
import org.deciban.testing.Svg;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * report.html as a reader sees it: chart labels clear of the error bars, an interval under every
 * headline figure, zero decibans neutral, no Markdown in the HTML, timestamps that do not wrap, the
 * history legend in labels, a drawing of each chart for a phone's width, and print rules that keep
 * headings and table headers with their rows.
 */
class ReportPageTest {

    @TempDir
    Path tmp;

    private Path root;
    private String page;

    @BeforeEach
    void run() throws IOException {
        // "tiny" moves 'cut' by +0.0006 dB: shown as 0.00, and neutral
        root = CentralBankCase.write(tmp.resolve("p"), 4,
                "- {id: minutes, date: 2025-01-15, likelihoods: {cut: 0.7, hold: 0.4, unclear: 0.5}, confidence: 8}",
                "- {id: tiny, date: 2025-02-20, likelihoods: {cut: 0.5001, hold: 0.5, unclear: 0.5}}");
        assertEquals(0, Cli.run("run", "--root", root.toString(), "--draws", "4000", "cb").code());
        Cli.Result second = Cli.run("run", "--root", root.toString(), "--draws", "4000", "cb");
        assertEquals(0, second.code(), second.err());
        page = Tree.read(root.resolve("reports/cb/report.html"));
    }

    /** The wide drawing of the first chart of a section. */
    private String chart(String section) {
        String s = page.substring(page.indexOf("<section id=\"" + section + "\">"));
        s = s.substring(s.indexOf("<div class=\"wide\">"));
        return s.substring(0, s.indexOf("</svg>"));
    }

    /** The wide drawing of the first chart of a section, parsed as XML. */
    private Element drawing(String section) throws Exception {
        String s = chart(section);
        return Svg.parse(s.substring(s.indexOf("<svg")) + "</svg>");
    }

    private static List<Element> elements(Element in, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList list = in.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** A presentation attribute as it applies to an element: its own, else its nearest ancestor's. */
    private static String inherited(Element e, String name) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute(name)) {
                return el.getAttribute(name);
            }
        }
        return "";
    }

    /** Whether the element or an ancestor is transformed (its coordinates are then not the drawing's). */
    private static boolean transformed(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("transform")) {
                return true;
            }
        }
        return false;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    @Test
    void posteriorLabelsStayClearOfTheErrorBars() throws Exception {
        Element svg = drawing("posterior");
        List<double[]> whiskers = new ArrayList<>();
        // the error bars are the horizontal lines drawn 1.5 wide
        for (Element line : elements(svg, "line")) {
            if (inherited(line, "stroke-width").equals("1.5")) {
                assertFalse(transformed(line), "an error bar in the drawing's coordinates");
                double y1 = num(line, "y1");
                if (y1 == num(line, "y2") && num(line, "x1") != num(line, "x2")) {
                    whiskers.add(new double[] {num(line, "x1"), num(line, "x2"), y1});
                }
            }
        }
        assertEquals(3, whiskers.size(), "one error bar per hypothesis");
        int labels = 0;
        for (Element text : elements(svg, "text")) {
            String value = text.getTextContent();
            if (!value.matches("0\\.\\d{3}")) {
                continue;
            }
            labels++;
            assertFalse(transformed(text), "a bar's label in the drawing's coordinates");
            double x = num(text, "x");
            double y = num(text, "y");
            double width = 6.0 * value.length();
            for (double[] w : whiskers) {
                boolean sameRow = w[2] > y - 11 && w[2] < y + 2;
                boolean overlaps = x < Math.max(w[0], w[1]) && x + width > Math.min(w[0], w[1]);
                assertFalse(sameRow && overlaps, "label " + value + " at x " + x + " lies on the error bar "
                        + w[0] + "-" + w[1]);
            }
        }
        assertEquals(6, labels, "a label on each prior and posterior bar");
    }

    @Test
    void everyHeadlineFigureHasItsInterval() {
        String headline = page.substring(page.indexOf("<section id=\"headline\">"), page.indexOf("<section id=\"posterior\">"));
        assertEquals(3, headline.split("class=\"headline\"", -1).length - 1, headline);
        assertEquals(3, headline.split("90% credible interval", -1).length - 1, "cut, hold and the share naming none");
        // each figure is stated by the labels of the hypotheses it sums (design step 6), the share naming no
        // outcome by the label of "unclear", never by an outcome's name
        for (String subject : List.of("The bank cuts:", "The bank holds:", "The bank has not decided:")) {
            assertTrue(headline.contains("<span class=\"subject\">" + subject + "</span>"), subject + " in " + headline);
        }
    }

    @Test
    void zeroDecibansAreNeutral() {
        Matcher m = Pattern.compile("<td class=\"([a-z ]+)\">([+-]?0\\.00)</td>").matcher(page);
        int zeros = 0;
        while (m.find()) {
            zeros++;
            assertEquals("num zero", m.group(1), "a cell showing " + m.group(2));
        }
        assertTrue(zeros >= 3, "the ledger shows the item 'tiny' at 0.00 for each hypothesis");
        assertTrue(page.contains("<td class=\"num pos\">+"), "positive weights keep their colour");
    }

    @Test
    void noMarkdownReachesTheHtml() {
        String text = page.replaceAll("(?s)<style>.*?</style>", "").replaceAll("(?s)<svg.*?</svg>", "");
        assertFalse(text.contains("`"), "a backtick in the page");
        assertFalse(text.contains("**"), "Markdown emphasis in the page");
    }

    @Test
    void historyTimesDoNotWrapAndItsLegendUsesLabels() {
        String history = page.substring(page.indexOf("<section id=\"history\">"));
        assertTrue(Pattern.compile("<td class=\"token\">\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ</td>").matcher(history).find(),
                "times are cells that never wrap");
        String svg = chart("history");
        for (String label : List.of("The bank cuts", "The bank holds", "The bank has not decided")) {
            assertTrue(svg.contains(">" + label + "<"), "legend entry " + label);
        }
    }

    @Test
    void everyChartHasADrawingForAPhoneAndPrintKeepsTablesTogether() {
        int figures = page.split("<figure class=\"chart\"", -1).length - 1;
        assertTrue(figures >= 4, "charts: " + figures);
        assertEquals(figures, page.split("<div class=\"narrow\"><svg", -1).length - 1);
        assertEquals(figures, page.split("<div class=\"wide\"><svg", -1).length - 1);
        assertEquals(figures, page.split("viewBox=\"0 0 380 ", -1).length - 1, "the narrow drawings are 380 pixels wide");
        assertTrue(page.contains("@media (max-width: 699px) {"), page);
        for (String rule : List.of("thead { display: table-header-group; }", "h2, caption { break-after: avoid;",
                "tbody tr:first-child, tbody tr:nth-child(2), tbody tr:last-child { break-before: avoid;")) {
            assertTrue(page.contains(rule), rule);
        }
    }

    @Test
    void theForecastOverTimeSpacesItsDatesEvenly() throws Exception {
        String svg = chart("over-time");
        assertTrue(svg.contains("one step per date, not to scale"), "the axis says it is not to scale");
        // the three steps' dates are drawn upright, as is the y axis's label, and stay text (searchable)
        List<String> turned = new ArrayList<>();
        for (Element text : elements(drawing("over-time"), "text")) {
            if (inherited(text, "transform").startsWith("matrix(0,-1,1,0,")) {
                turned.add(text.getTextContent());
            }
        }
        assertEquals(3, turned.stream().filter(t -> t.matches("\\d{4}-\\d\\d-\\d\\d")).count(),
                "a turned date label per step: " + turned);
        assertTrue(turned.contains("posterior probability"), turned.toString());
        assertEquals(3 + 1, turned.size(), turned.toString());
    }

    @Test
    void jsonGivesAnIntervalForEveryShareAndTheMonteCarloFieldsTheReadmeNames() throws IOException {
        Tree.write(root.resolve("priors/none.yaml"), String.join("\n",
                "case: none", "question: q", "hypotheses:", "  - {id: a, label: A}", "  - {id: b, label: B}",
                "prior: {probabilities: {a: 0.5, b: 0.5}, concentration: 4}", ""));
        Tree.write(root.resolve("evidence/none/x.yaml"), "id: x\nlikelihoods: {a: 0.6, b: 0.4}\n");
        Cli.Result r = Cli.run("run", "--root", root.toString(), "--no-write", "--draws", "2000", "--json", "none");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        // no hypothesis names an outcome: the share naming none is 1 in every draw
        assertEquals(1.0, j.at("/no_outcome/posterior").asDouble(), 0.0);
        for (String q : List.of("mean", "median", "p05", "p95", "lead_share")) {
            assertEquals(1.0, j.at("/no_outcome/interval/" + q).asDouble(), 0.0, q);
        }
        assertEquals(0.0, j.at("/no_outcome/interval/mcse").asDouble(), 0.0);
        List<String> fields = new ArrayList<>();
        j.get("monte_carlo").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("draws", "seed", "weighting", "used_draws", "ess", "quantiles", "warnings"), fields);
    }
}
