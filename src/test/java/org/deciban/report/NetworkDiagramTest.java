package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deciban.inference.VariableMarginal;
import org.deciban.inference.network.NetworkBruteForce;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.testing.Models;
import org.deciban.testing.Svg;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The network drawing of report.html on the ceasefire fixture (src/test/resources/cases/ceasefire) with its
 * item on {@code economy} removed, so that one variable has no finding. What is expected is written by hand
 * from the fixture's YAML (variables, parent links, question variable, items per variable); the posteriors
 * the bars must show come from {@link NetworkBruteForce}, enumeration of the joint that shares no code with
 * the junction tree. Both drawings (page width and phone width) are read back as XML.
 */
class NetworkDiagramTest {

    /**
     * SVG coordinates are written with two decimals, so a bar's width and its track's are each within
     * 0.005 px of the exact value, and width - p * track within 0.005 + 0.005 p <= 0.01 px.
     */
    private static final double SVG_ROUNDING_PX = 0.01;
    /** An arrow starts and ends on a box's border: ELK's coordinates, rounded as above, plus its half-pixel slack. */
    private static final double ON_BORDER_PX = 1.0;

    /** Variables of the fixture, by hand from priors/ceasefire.yaml. */
    private static final Set<String> VARIABLES = Set.of("mediator", "economy", "outcome", "pullback");
    /** Parent links, by hand from the same file: outcome's parents are mediator and economy; pullback's is outcome. */
    private static final Set<String> LINKS = Set.of("mediator->outcome", "economy->outcome", "outcome->pullback");
    /** Items per variable, by hand from evidence/ceasefire/items.yaml without fx-reserves (the one on economy). */
    private static final Map<String, Integer> FINDINGS = Map.of("mediator", 1, "economy", 0, "outcome", 1, "pullback", 1);

    private static Case withoutEconomyItem(Path tmp) {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        Path items = root.resolve("evidence/ceasefire/items.yaml");
        String text = Tree.read(items);
        int cut = text.indexOf("- id: fx-reserves");
        assertTrue(cut > 0, "the fixture changed: no item fx-reserves");
        Tree.write(items, text.substring(0, cut));
        return new CaseLoader(root).load("ceasefire");
    }

    private static List<Element> all(Element in, String tag, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList list = in.getElementsByTagName(tag);
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (cls == null || e.getAttribute("class").equals(cls)) {
                out.add(e);
            }
        }
        return out;
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private record Rect(double x, double y, double w, double h) {
        boolean onBorder(double px, double py) {
            boolean inOuter = px >= x - ON_BORDER_PX && px <= x + w + ON_BORDER_PX && py >= y - ON_BORDER_PX
                    && py <= y + h + ON_BORDER_PX;
            boolean inInner = px > x + ON_BORDER_PX && px < x + w - ON_BORDER_PX && py > y + ON_BORDER_PX
                    && py < y + h - ON_BORDER_PX;
            return inOuter && !inInner;
        }

        boolean overlaps(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    @Test
    void everyVariableIsABoxEveryParentLinkAnArrowAndTheBarsAreThePosteriors(@TempDir Path tmp) throws Exception {
        Case c = withoutEconomyItem(tmp);
        List<VariableMarginal> marginals = Models.compile(c).variables();
        NetworkBruteForce.Result exact = NetworkBruteForce.solve(c, true);
        NetworkDiagram d = NetworkDiagram.of(c, marginals);
        for (NetworkDiagram.Style style : List.of(NetworkDiagram.WIDE, NetworkDiagram.NARROW)) {
            Element svg = Svg.parse(d.svg(style, "t-" + style.name()));
            assertEquals("svg", svg.getTagName());
            List<Element> boxes = all(svg, "g", "variable");
            assertEquals(VARIABLES.size(), boxes.size(), style.name() + ": one box per variable");
            Map<String, Rect> at = new HashMap<>();
            Set<String> questions = new HashSet<>();
            for (Element g : boxes) {
                String id = g.getAttribute("data-variable");
                Element box = all(g, "rect", "box").get(0);
                at.put(id, new Rect(num(box, "x"), num(box, "y"), num(box, "width"), num(box, "height")));
                boolean question = g.getAttribute("data-question").equals("true");
                if (question) {
                    questions.add(id);
                }
                assertEquals(question ? "#1f4e8c" : "#aab4c0", box.getAttribute("stroke"), id + ": frame colour");
                assertEquals(question ? "2.5" : "1", box.getAttribute("stroke-width"), id + ": frame width");
                int findings = FINDINGS.get(id);
                assertEquals(String.valueOf(findings), g.getAttribute("data-findings"), id);
                assertEquals(findings > 0 ? 1 : 0, all(g, "rect", "finding").size(), id + ": amber stripe");
                String tags = String.join(" ", all(g, "text", "tag").stream().map(Element::getTextContent).toList());
                assertEquals(findings > 0, tags.contains(findings + " evidence item"), id + ": tag '" + tags + "'");

                double[] p = exact.marginals()[c.network().indexOf(id)];
                List<Element> bars = all(g, "rect", "bar");
                List<Element> tracks = all(g, "rect", "track");
                assertEquals(p.length, bars.size(), id + ": one bar per state");
                double sum = 0;
                for (int s = 0; s < p.length; s++) {
                    assertEquals(c.network().variable(id).states().get(s).id(), bars.get(s).getAttribute("data-state"));
                    double track = num(tracks.get(s), "width");
                    assertEquals(p[s] * track, num(bars.get(s), "width"), SVG_ROUNDING_PX, id + " state " + s);
                    sum += num(bars.get(s), "width") / track;
                }
                assertEquals(1, sum, p.length * SVG_ROUNDING_PX, id + ": the bars of a variable add up to one track");
                String shown = g.getTextContent();
                for (double x : p) {
                    assertTrue(shown.contains(String.format(Locale.ROOT, "%.2f", x)), id + " shows " + x + ": " + shown);
                }
            }
            assertEquals(VARIABLES, at.keySet());
            assertEquals(Set.of("outcome"), questions, style.name() + ": the question variable alone is highlighted");

            Set<String> links = new HashSet<>();
            for (Element e : all(svg, "path", "edge")) {
                String from = e.getAttribute("data-from");
                String to = e.getAttribute("data-to");
                links.add(from + "->" + to);
                String[] pts = e.getAttribute("d").replace("M", "").split(" L");
                String[] first = pts[0].split(",");
                String[] last = pts[pts.length - 1].split(",");
                assertTrue(at.get(from).onBorder(Double.parseDouble(first[0]), Double.parseDouble(first[1])),
                        style.name() + ": arrow " + from + "->" + to + " starts on the parent's box: " + e.getAttribute("d"));
                assertTrue(at.get(to).onBorder(Double.parseDouble(last[0]), Double.parseDouble(last[1])),
                        style.name() + ": arrow " + from + "->" + to + " ends on the child's box: " + e.getAttribute("d"));
                assertTrue(e.getAttribute("marker-end").contains("t-" + style.name() + "-arrow"), "arrowhead");
            }
            assertEquals(LINKS, links, style.name() + ": one arrow per parent link");
            assertEquals(LINKS.size(), all(svg, "path", "edge").size());
            List<Rect> rects = new ArrayList<>(at.values());
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    assertFalse(rects.get(i).overlaps(rects.get(j)), style.name() + ": boxes overlap");
                }
            }
        }
    }

    @Test
    void theSameCaseGivesTheSameBytes(@TempDir Path tmp) {
        Case one = withoutEconomyItem(tmp.resolve("one"));
        Case two = withoutEconomyItem(tmp.resolve("two"));
        String first = NetworkDiagram.of(one, Models.compile(one).variables()).svg(NetworkDiagram.WIDE, "x");
        String second = NetworkDiagram.of(two, Models.compile(two).variables()).svg(NetworkDiagram.WIDE, "x");
        assertEquals(first, second);
        HtmlReport a = new HtmlReport("a").add(NetworkDiagram.section(one, Models.compile(one).variables()));
        HtmlReport b = new HtmlReport("a").add(NetworkDiagram.section(two, Models.compile(two).variables()));
        assertEquals(a.render(), b.render());
    }

    @Test
    void labelsFromTheCaseAreEscaped(@TempDir Path tmp) throws Exception {
        Path root = Tree.copyCase("ceasefire", tmp.resolve("project"));
        String hostile = "<script>alert(1)</script> & \"q\" 'x'";
        Tree.replaceOnce(root.resolve("priors/ceasefire.yaml"), "label: A mediator stays engaged",
                "label: '" + hostile.replace("'", "''") + "'");
        Tree.replaceOnce(root.resolve("priors/ceasefire.yaml"), "label: withdraws}", "label: '<img src=x>'}");
        Case c = new CaseLoader(root).load("ceasefire");
        NetworkDiagram d = NetworkDiagram.of(c, Models.compile(c).variables());
        for (NetworkDiagram.Style style : List.of(NetworkDiagram.WIDE, NetworkDiagram.NARROW)) {
            String svg = d.svg(style, "x");
            assertFalse(svg.contains("<script") || svg.contains("<img"), svg);
            Element mediator = all(Svg.parse(svg), "g", "variable").stream()
                    .filter(g -> g.getAttribute("data-variable").equals("mediator")).findFirst().orElseThrow();
            String title = all(mediator, "title", null).get(0).getTextContent();
            assertTrue(title.startsWith(hostile + " (mediator)"), title);
            assertTrue(title.contains("<img src=x> "), title);
        }
        String description = d.description();
        String page = new HtmlReport("t").add(NetworkDiagram.section(c, Models.compile(c).variables())).render();
        assertTrue(description.contains(hostile));
        assertFalse(page.contains("<script") || page.contains("<img"), "the page escapes the description too");
    }

    @Test
    void aNetworkTooLargeToReadIsNotDrawn(@TempDir Path tmp) {
        Path root = tmp.resolve("project");
        StringBuilder yaml = new StringBuilder("case: broad\nquestion: Q?\nquestion_variable: q\n"
                + "hypotheses:\n  - id: yes\n    label: Yes\n  - id: no\n    label: No\nvariables:\n"
                + "  - id: q\n    states: [yes, no]\n    prior: {yes: 0.5, no: 0.5}\n");
        for (int i = 1; i <= NetworkDiagram.MAX_VARIABLES; i++) {
            yaml.append("  - id: v").append(i).append("\n    states: [a, b]\n    prior: {a: 0.5, b: 0.5}\n");
        }
        Tree.write(root.resolve("priors/broad.yaml"), yaml.toString());
        Tree.write(root.resolve("evidence/broad/one.yaml"), "- id: e1\n  likelihoods: {yes: 0.6, no: 0.4}\n");
        Case c = new CaseLoader(root).load("broad");
        assertEquals(NetworkDiagram.MAX_VARIABLES + 1, c.network().size());
        String page = new HtmlReport("t").add(NetworkDiagram.section(c, Models.compile(c).variables())).render();
        assertTrue(page.contains("The network has " + (NetworkDiagram.MAX_VARIABLES + 1) + " variables"), page);
        assertFalse(page.contains("<svg"), "no drawing");
    }
}
