package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deciban.testing.Svg;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The page builder: section order, escaping of tables, intervals drawn as error bars, and the inline SVG
 * of a chart (one element with a viewBox, its ids under the given prefix, the same bytes for the same chart).
 */
class HtmlReportTest {

    @Test
    void laterSectionsCanBeSlottedBeforeAnExistingOne() {
        HtmlReport page = new HtmlReport("t");
        page.section("headline", "Headline");
        page.section("history", "History");
        page.addBefore("history", new HtmlReport.Section("sensitivity", "Sensitivity"));
        assertEquals(List.of("headline", "sensitivity", "history"), page.sectionIds());
        assertThrows(IllegalArgumentException.class, () -> page.section("history", "again"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Section("a\"><b", "x"));
    }

    @Test
    void tableCellsAreEscapedAndDecibansSigned() {
        Table t = Table.create("x", StringColumn.create("id", "<img src=x onerror=alert(1)>"),
                DoubleColumn.create("db_h", 1.234), DoubleColumn.create("p", 0.5));
        HtmlReport page = new HtmlReport("<title>");
        page.section("s", "S").table(t, "<cap>");
        String out = page.render();
        assertTrue(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(out.contains("<td class=\"num pos\">+1.23</td>"), out);
        assertTrue(out.contains("<td class=\"num\">0.5000</td>"));
        assertTrue(out.contains("<title>&lt;title&gt;</title>"));
        assertTrue(out.contains("<caption>&lt;cap&gt;</caption>"));
    }

    @Test
    void anIntervalAddsAnErrorBarOfThreeLines() {
        // the error bar is one line along the interval and a cap at each end: 3 <line> elements
        List<Charts.Bar> plain = List.of(new Charts.Bar("a", 0.5, 0.7, null), new Charts.Bar("b", 0.5, 0.3, null));
        List<Charts.Bar> withIv = List.of(new Charts.Bar("a", 0.5, 0.7, new Range(0.6, 0.8)), new Charts.Bar("b", 0.5, 0.3, null));
        String a = Charts.svg(Charts.priorPosterior("t", plain, "90% interval"), 600, 300, "a");
        String b = Charts.svg(Charts.priorPosterior("t", withIv, "90% interval"), 600, 300, "b");
        assertEquals(count(a, "<line") + 3, count(b, "<line"));
        assertTrue(b.contains("error bars: 90% interval"));
        assertThrows(IllegalArgumentException.class, () -> new Range(0.8, 0.6));
    }

    @Test
    void theTornadoDrawsOneBarPerItemAndRefusesAnInvertedRange() {
        // a third swing adds exactly one filled bar (one more <rect>); everything else on the chart is the same
        List<Charts.Swing> two = List.of(new Charts.Swing("a", 0.3, 0.6), new Charts.Swing("b", 0.4, 0.5));
        List<Charts.Swing> three = List.of(new Charts.Swing("a", 0.3, 0.6), new Charts.Swing("b", 0.4, 0.5),
                new Charts.Swing("c", 0.42, 0.48));
        String a = Charts.svg(Charts.tornado("t", two, 0.45, "now 0.45", "posterior"), 600, 300, "a");
        String b = Charts.svg(Charts.tornado("t", three, 0.45, "now 0.45", "posterior"), 600, 300, "b");
        assertEquals(count(a, "<rect") + 1, count(b, "<rect"));
        assertTrue(b.contains(">now 0.45<"), "the marker's label is drawn");
        assertThrows(IllegalArgumentException.class, () -> new Charts.Swing("x", 0.6, 0.5));
    }

    @Test
    void theChartOverTimeDoesNotDependOnTheMachinesTimeZone() {
        // dates are placed as UTC days: the SVG is the same whatever the default time zone (+14 h and -11 h here)
        List<java.time.LocalDate> dates = List.of(java.time.LocalDate.of(2019, 2, 28), java.time.LocalDate.of(2024, 8, 1));
        java.util.Map<String, List<Double>> series = java.util.Map.of("h", List.of(0.3, 0.6));
        java.util.TimeZone before = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            String east = Charts.svg(Charts.overTime("t", dates, series), 600, 300, "x");
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Pago_Pago"));
            String west = Charts.svg(Charts.overTime("t", dates, series), 600, 300, "x");
            assertEquals(east, west);
        } finally {
            java.util.TimeZone.setDefault(before);
        }
    }

    @Test
    void aLineIsOnePathPerSeriesAndItsPointsAreMarkedOnlyWhileFew() throws Exception {
        // the same two years drawn from 150 and from 300 dates, both above MARKED_POINTS: each series is one path
        // and no point is marked, so the SVG has as many elements either way (one element per segment before);
        // from 10 dates (below MARKED_POINTS) each point of each of the 2 series adds at least one shape
        String sparse = Charts.svg(Charts.overTime("t", spread(150), twoSeries(150)), 600, 300, "x");
        String dense = Charts.svg(Charts.overTime("t", spread(300), twoSeries(300)), 600, 300, "x");
        String few = Charts.svg(Charts.overTime("t", spread(10), twoSeries(10)), 600, 300, "x");
        assertTrue(Charts.marksPoints(Charts.MARKED_POINTS) && !Charts.marksPoints(Charts.MARKED_POINTS + 1));
        assertEquals("", Charts.unmarkedNote(Charts.MARKED_POINTS));
        assertTrue(Charts.unmarkedNote(Charts.MARKED_POINTS + 1).contains("not marked"));
        assertEquals(elements(sparse), elements(dense));
        assertTrue(elements(few) >= elements(sparse) + 2 * 10, elements(few) + " against " + elements(sparse));
        // the lines themselves: one path of n - 1 segments per series
        assertEquals(2, pathsWithSegments(sparse, 149), "150 points, 2 series");
        assertEquals(2, pathsWithSegments(dense, 299), "300 points, 2 series");
        assertEquals(2, pathsWithSegments(few, 9), "10 points, 2 series");
    }

    @Test
    void whetherPointsAreMarkedIsDecidedByTheLongestLine() throws Exception {
        // a history whose first series has values in its last 40 of 150 runs only (a hypothesis added late):
        // the second series has 150 points, so no point of either is marked, as with two full series
        java.util.Map<String, List<Double>> late = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<Double>> full = new java.util.LinkedHashMap<>();
        late.put("a", new ArrayList<>());
        late.put("b", new ArrayList<>());
        full.put("a", new ArrayList<>());
        full.put("b", new ArrayList<>());
        for (int i = 0; i < 150; i++) {
            late.get("a").add(i < 110 ? null : 0.3);
            late.get("b").add(0.7);
            full.get("a").add(0.3);
            full.get("b").add(0.7);
        }
        String lateSvg = Charts.svg(Charts.history("t", 150, late), 600, 300, "x");
        String fullSvg = Charts.svg(Charts.history("t", 150, full), 600, 300, "x");
        assertEquals(elements(fullSvg), elements(lateSvg));
        assertEquals(1, pathsWithSegments(lateSvg, 39), "the late series is one path of its 40 points");
    }

    /** The path elements of an SVG text whose data are one move and exactly n line segments. */
    private static int pathsWithSegments(String svg, int n) throws Exception {
        NodeList paths = Svg.parse(svg).getElementsByTagNameNS("*", "path");
        int found = 0;
        for (int i = 0; i < paths.getLength(); i++) {
            String d = ((Element) paths.item(i)).getAttribute("d");
            if (count(d, "M") == 1 && count(d, "L") == n && !d.contains("Z") && !d.contains("C")) {
                found++;
            }
        }
        return found;
    }

    /** n dates from 2020-01-01 to 600 days later, the first and the last always included. */
    private static List<java.time.LocalDate> spread(int n) {
        java.time.LocalDate start = java.time.LocalDate.of(2020, 1, 1);
        List<java.time.LocalDate> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(start.plusDays(Math.round(i * 600.0 / (n - 1))));
        }
        return out;
    }

    private static java.util.Map<String, List<Double>> twoSeries(int n) {
        java.util.Map<String, List<Double>> out = new java.util.LinkedHashMap<>();
        out.put("a", new java.util.ArrayList<>());
        out.put("b", new java.util.ArrayList<>());
        for (int i = 0; i < n; i++) {
            double p = 0.5 + 0.4 * Math.sin(i * 0.1);
            out.get("a").add(p);
            out.get("b").add(1 - p);
        }
        return out;
    }

    /** Elements of an SVG text: its start and empty tags. */
    private static int elements(String svg) {
        return count(svg, "<") - count(svg, "</");
    }

    @Test
    void aChartIsOneSvgElementWithAViewBoxItsIdsUnderThePrefixAndTheSameBytesEachTime() throws Exception {
        List<Charts.Bar> bars = List.of(new Charts.Bar("<b>A & \"B\"</b>", 0.5, 0.7, new Range(0.6, 0.8)),
                new Charts.Bar("c", 0.5, 0.3, null));
        String svg = Charts.svg(Charts.priorPosterior("Title", bars, "90% interval"), 600, 300, "p");
        assertTrue(svg.startsWith("<svg ") && svg.endsWith("</svg>"), svg);
        assertEquals(1, count(svg, "<svg"), "one svg element");
        for (String extra : List.of("<?xml", "<!DOCTYPE", "<!--")) {
            assertFalse(svg.contains(extra), "no " + extra);
        }
        assertEquals(svg, Charts.svg(Charts.priorPosterior("Title", bars, "90% interval"), 600, 300, "p"),
                "the same chart gives the same bytes");
        Element root = Svg.parse(svg);
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("svg", root.getLocalName());
        assertEquals("0 0 600 300", root.getAttribute("viewBox"));
        assertFalse(root.hasAttribute("width") || root.hasAttribute("height"), "no fixed size: the page scales it");
        // every id is under the prefix, and every reference inside the drawing finds its element there
        Set<String> ids = new HashSet<>();
        List<String> references = new ArrayList<>();
        Pattern url = Pattern.compile("url\\(#([^)]+)\\)");
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = -1; i < all.getLength(); i++) {
            Element e = i < 0 ? root : (Element) all.item(i);
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                String name = attributes.item(a).getNodeName();
                String value = attributes.item(a).getNodeValue();
                if (name.equals("id")) {
                    assertTrue(value.startsWith("p-"), "id " + value + " outside the prefix");
                    assertTrue(ids.add(value), "duplicate id " + value);
                }
                Matcher m = url.matcher(value);
                while (m.find()) {
                    references.add(m.group(1));
                }
                if (name.endsWith("href") && value.startsWith("#")) {
                    references.add(value.substring(1));
                }
            }
        }
        assertFalse(references.isEmpty(), "the drawing clips by reference");
        assertTrue(ids.containsAll(references), references + " not all in " + ids);
        // text stays text, the case's markup in it as characters
        List<String> texts = new ArrayList<>();
        NodeList text = root.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < text.getLength(); i++) {
            texts.add(text.item(i).getTextContent());
        }
        assertTrue(texts.contains("Title") && texts.contains("0.700"), texts.toString());
        assertTrue(String.join(" ", texts).contains("<b>A & \"B\"</b>"), texts.toString());
        // a second drawing of the chart on the same page, as HtmlReport names it, shares no id with the first
        Element narrow = Svg.parse(Charts.svg(Charts.priorPosterior("Title", bars, "90% interval"), 380, 300, "p-narrow"));
        NodeList other = narrow.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < other.getLength(); i++) {
            String id = ((Element) other.item(i)).getAttribute("id");
            assertFalse(ids.contains(id), "id " + id + " in both drawings");
        }
    }


    private static int count(String s, String needle) {
        return s.split(needle, -1).length - 1;
    }
}
