package org.deciban.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.VariableMarginal;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Variable;

/**
 * The drawing of a network case for report.html, as inline SVG: one box per variable, one arrow per
 * parent link (from the parent to the child whose table depends on it), the question variable in a
 * blue frame, the variables that evidence items are on marked with an amber stripe and their count, and
 * in every box one bar per state whose length is the state's posterior P(V = v | every finding).
 *
 * <p>The boxes and arrows are placed by ELK's layered algorithm ({@link NetworkLayout}); this class only
 * sizes the boxes to their text and writes the SVG. Every string from the case passes through
 * {@link Html#escape}. The same case and marginals give the same bytes.
 *
 * <p>Like the page's charts it is drawn twice, {@link #WIDE} for the page's width and {@link #NARROW} for a
 * phone's. Each drawing has parents above their children, unless that is too broad for its width and
 * parents to the left of their children make a narrower drawing (a network is often broader than it is
 * deep). Each is shown at its natural size, shrunk to fit its box down to {@link Style#minScale} of it,
 * and scrolls sideways beyond that, so its text stays legible.
 */
public final class NetworkDiagram {

    /** Section id of the drawing on the page. */
    public static final String SECTION = "network";

    /** The description names at most this many variables with evidence items, and counts the rest. */
    private static final int NAMED = 12;

    /**
     * Networks of more variables than this are not drawn (the variables table still lists them all): at 80
     * a drawing is already several page widths wide (the standard network win95pts, 76 variables, about five),
     * and ELK's layout time grows faster than the variables (andes, 223: several seconds, more than the rest
     * of the run).
     */
    public static final int MAX_VARIABLES = 80;

    /**
     * How one drawing is made: the width it should fit (pixels), the width of a box, the width / height
     * ELK should aim at when it packs unconnected parts, the lines a label may take, and how far the
     * drawing may shrink to fit its box before it scrolls.
     */
    record Style(String name, double target, double boxWidth, double aspect, int labelLines, double minScale) {
    }

    /** The drawing for the page's width. */
    static final Style WIDE = new Style("wide", 1000, 184, 1.6, 2, 0.8);
    /** The drawing for narrow screens. */
    static final Style NARROW = new Style("narrow", HtmlReport.NARROW_WIDTH, 160, 0.5, 3, 0.85);

    /** One variable as drawn: its states' labels and ids, and their posterior probabilities. */
    record Node(String id, String label, List<String> states, List<String> stateIds, List<Double> posterior,
                boolean question, int findings) {
        Node {
            states = List.copyOf(states);
            stateIds = List.copyOf(stateIds);
            posterior = List.copyOf(posterior);
        }
    }

    private static final String INK = "#1b1f24";
    private static final String MUTED = "#5b6470";
    private static final String ACCENT = "#1f4e8c";
    private static final String FINDING = "#c77c0e";
    private static final String RULE = "#aab4c0";
    private static final String TRACK = "#e4e8ee";
    private static final String ARROW = "#7a8594";
    private static final String QUESTION_FILL = "#e8eef7";
    private static final String FONTS = "'DejaVu Sans', Verdana, sans-serif";

    private static final float LABEL_SIZE = 12f;
    private static final float SMALL_SIZE = 11f;
    private static final double LINE = 15;
    private static final double ROW = 15;
    private static final double PAD = 9;
    private static final double STRIPE = 5;
    private static final double BAR_HEIGHT = 8;
    private static final double GAP = 6;
    /** The most of a box's inner width that state names may take; bars and numbers get the rest. */
    private static final double STATE_SHARE = 0.42;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Text is measured in the family the SVG asks for first (DejaVu Sans is wider than most fallbacks). */
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final Font LABEL_FONT = new Font("DejaVu Sans", Font.BOLD, (int) LABEL_SIZE);
    private static final Font SMALL_FONT = new Font("DejaVu Sans", Font.PLAIN, (int) SMALL_SIZE);

    private final List<Node> nodes;
    private final List<int[]> links;

    NetworkDiagram(List<Node> nodes, List<int[]> links) {
        this.nodes = List.copyOf(nodes);
        this.links = List.copyOf(links);
    }

    /**
     * The diagram of a case: its network's variables and parent links, the question variable, the count
     * of evidence items on each variable, and each variable's posterior from {@code marginals} (one per
     * variable of the network).
     */
    public static NetworkDiagram of(Case c, List<VariableMarginal> marginals) {
        Map<String, Integer> findings = new HashMap<>();
        for (EvidenceItem item : c.evidence()) {
            findings.merge(c.variableOf(item).id(), 1, Integer::sum);
        }
        Map<String, Integer> at = new HashMap<>();
        List<Node> nodes = new ArrayList<>(marginals.size());
        for (VariableMarginal m : marginals) {
            at.put(m.id(), nodes.size());
            nodes.add(new Node(m.id(), m.label(), m.stateLabels(), m.states(), m.posterior(), m.id().equals(c.questionVariable()),
                    findings.getOrDefault(m.id(), 0)));
        }
        List<int[]> links = new ArrayList<>();
        for (VariableMarginal m : marginals) {
            Variable v = c.network().variable(m.id());
            for (String p : v.parents()) {
                links.add(new int[] {at.get(p), at.get(m.id())});
            }
        }
        return new NetworkDiagram(nodes, links);
    }

    /**
     * The page section "The network" of a network case: the drawing, wide and narrow, with a plain-text
     * description; for a network of more than {@link #MAX_VARIABLES} variables, a sentence saying why none
     * is drawn.
     */
    public static HtmlReport.Section section(Case c, List<VariableMarginal> marginals) {
        HtmlReport.Section s = new HtmlReport.Section(SECTION, "The network");
        if (marginals.size() > MAX_VARIABLES) {
            s.paragraph("The network has " + marginals.size() + " variables; a drawing of more than " + MAX_VARIABLES
                    + " would be many page widths wide, so none is drawn. The table of every variable lists them all.");
            return s;
        }
        NetworkDiagram d = of(c, marginals);
        s.paragraph("The case's variables and how they depend on each other: an arrow runs from a parent to each "
                + "variable whose table depends on it. Each box shows a variable's posterior, the probability of each "
                + "of its states given all the evidence, as a bar. The question variable has a blue frame; a variable "
                + "that evidence items are on has an amber stripe and the number of its items.");
        s.drawing(d.svg(WIDE, SECTION + "-wide"), d.svg(NARROW, SECTION + "-narrow"), d.description());
        return s;
    }

    /** A plain-text description of the drawing, for readers who cannot see it. */
    String description() {
        StringBuilder b = new StringBuilder("Network diagram: " + Numbers.count(nodes.size(), "variable") + " and "
                + Numbers.count(links.size(), "arrow") + " from parent to child.");
        for (Node n : nodes) {
            if (n.question()) {
                b.append(" Question variable (blue frame): ").append(n.label()).append('.');
            }
        }
        List<String> marked = new ArrayList<>();
        int more = 0;
        for (Node n : nodes) {
            if (n.findings() > 0 && marked.size() < NAMED) {
                marked.add(n.label() + " (" + n.findings() + ")");
            } else if (n.findings() > 0) {
                more++;
            }
        }
        if (!marked.isEmpty()) {
            b.append(" Variables with evidence items (amber stripe) and their number: ").append(String.join(", ", marked))
                    .append(more == 0 ? "" : " and " + more + " more").append('.');
        }
        b.append(" Bars: each state's posterior probability.");
        return b.toString();
    }

    /** The text laid out in one box, and the box's size. */
    private record BoxText(List<String> label, List<String> tag, List<String> states, double stateColumn, double height) {
    }

    private BoxText boxText(Node n, Style style) {
        double inner = style.boxWidth() - 2 * PAD - STRIPE;
        List<String> label = wrap(n.label(), LABEL_FONT, inner, style.labelLines());
        List<String> tag = tag(n) == null ? List.of() : wrap(tag(n), SMALL_FONT, inner, 2);
        List<String> states = new ArrayList<>();
        double stateColumn = 0;
        for (int s = 0; s < n.states().size(); s++) {
            String text = stateText(n.states().get(s), n.stateIds().get(s), STATE_SHARE * inner);
            states.add(text);
            stateColumn = Math.max(stateColumn, width(text, SMALL_FONT));
        }
        double height = PAD + LINE * (label.size() + tag.size()) + 4 + ROW * states.size() + PAD - 3;
        return new BoxText(label, tag, states, stateColumn, height);
    }

    /** A state's label where it fits, else its id where that fits (ids are short), else the label cut to fit. */
    private static String stateText(String label, String id, double max) {
        if (width(label, SMALL_FONT) <= max || width(id, SMALL_FONT) > max) {
            return fit(label, SMALL_FONT, max);
        }
        return id;
    }

    private static String tag(Node n) {
        String findings = n.findings() == 0 ? null : Numbers.count(n.findings(), "evidence item");
        if (n.question()) {
            return findings == null ? "question" : "question, " + findings;
        }
        return findings;
    }

    /** The drawing as an {@code <svg>} element; {@code idPrefix} keeps its element ids apart from others on the page. */
    String svg(Style style, String idPrefix) {
        List<BoxText> texts = new ArrayList<>(nodes.size());
        List<NetworkLayout.Size> sizes = new ArrayList<>(nodes.size());
        for (Node n : nodes) {
            BoxText t = boxText(n, style);
            texts.add(t);
            sizes.add(new NetworkLayout.Size(style.boxWidth(), t.height()));
        }
        NetworkLayout.Placement p = NetworkLayout.of(sizes, links, NetworkLayout.Flow.DOWN, style.aspect());
        if (p.width() * style.minScale() > style.target()) {
            NetworkLayout.Placement across = NetworkLayout.of(sizes, links, NetworkLayout.Flow.RIGHT, style.aspect());
            if (across.width() < p.width()) {
                p = across;
            }
        }
        double width = Math.ceil(Math.max(p.width(), style.boxWidth() + 16));
        StringBuilder legend = new StringBuilder();
        double legendHeight = legend(legend, Math.min(width, style.target()));
        double height = Math.ceil(p.height() + legendHeight);
        StringBuilder b = new StringBuilder(4096 + 1024 * nodes.size());
        String arrow = idPrefix + "-arrow";
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"network ").append(style.name())
                .append("\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" style=\"min-width: ").append(n(Math.ceil(width * style.minScale()))).append("px\"")
                .append(" font-family=\"").append(FONTS).append("\" fill=\"").append(INK).append("\">\n")
                .append("<defs><marker id=\"").append(arrow).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
                .append(ARROW).append("\"/></marker></defs>\n")
                .append(legend)
                .append("<g transform=\"translate(0 ").append(n(legendHeight)).append(")\">\n");
        for (NetworkLayout.Arrow a : p.arrows()) {
            b.append("<path class=\"edge\" data-from=\"").append(Html.escape(nodes.get(a.from()).id()))
                    .append("\" data-to=\"").append(Html.escape(nodes.get(a.to()).id())).append("\" d=\"");
            for (int i = 0; i < a.points().size(); i++) {
                NetworkLayout.Point pt = a.points().get(i);
                b.append(i == 0 ? "M" : " L").append(n(pt.x())).append(',').append(n(pt.y()));
            }
            b.append("\" fill=\"none\" stroke=\"").append(ARROW).append("\" stroke-width=\"1.4\" marker-end=\"url(#")
                    .append(arrow).append(")\"/>\n");
        }
        for (int i = 0; i < nodes.size(); i++) {
            box(b, nodes.get(i), texts.get(i), p.boxes().get(i));
        }
        return b.append("</g>\n</svg>").toString();
    }

    private static void box(StringBuilder b, Node n, BoxText t, NetworkLayout.Box at) {
        b.append("<g class=\"variable\" data-variable=\"").append(Html.escape(n.id())).append("\" data-question=\"")
                .append(n.question()).append("\" data-findings=\"").append(n.findings()).append("\">\n<title>")
                .append(Html.escape(title(n))).append("</title>\n");
        b.append("<rect class=\"box\" x=\"").append(n(at.x())).append("\" y=\"").append(n(at.y())).append("\" width=\"")
                .append(n(at.width())).append("\" height=\"").append(n(at.height())).append("\" rx=\"5\" fill=\"")
                .append(n.question() ? QUESTION_FILL : "#ffffff").append("\" stroke=\"").append(n.question() ? ACCENT : RULE)
                .append("\" stroke-width=\"").append(n.question() ? "2.5" : "1").append("\"/>\n");
        if (n.findings() > 0) {
            b.append("<rect class=\"finding\" x=\"").append(n(at.x() + 1.5)).append("\" y=\"").append(n(at.y() + 1.5))
                    .append("\" width=\"").append(n(STRIPE)).append("\" height=\"").append(n(at.height() - 3))
                    .append("\" fill=\"").append(FINDING).append("\"/>\n");
        }
        double x = at.x() + STRIPE + PAD;
        double y = at.y() + PAD;
        for (String line : t.label()) {
            y += LINE;
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y - 3.5)).append("\" font-size=\"")
                    .append(n(LABEL_SIZE)).append("\" font-weight=\"bold\">").append(Html.escape(line)).append("</text>\n");
        }
        for (String line : t.tag()) {
            y += LINE;
            b.append("<text class=\"tag\" x=\"").append(n(x)).append("\" y=\"").append(n(y - 4)).append("\" font-size=\"")
                    .append(n(SMALL_SIZE)).append("\" fill=\"").append(n.findings() > 0 ? FINDING : ACCENT).append("\">")
                    .append(Html.escape(line)).append("</text>\n");
        }
        y += 4;
        double right = at.x() + at.width() - PAD;
        double number = width("0.00", SMALL_FONT);
        double track = right - number - GAP - (x + t.stateColumn() + GAP);
        double trackX = x + t.stateColumn() + GAP;
        for (int s = 0; s < t.states().size(); s++) {
            double p = n.posterior().get(s);
            double base = y + ROW - 4;
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(base)).append("\" font-size=\"")
                    .append(n(SMALL_SIZE)).append("\">").append(Html.escape(t.states().get(s))).append("</text>\n");
            b.append("<rect class=\"track\" x=\"").append(n(trackX)).append("\" y=\"").append(n(base - BAR_HEIGHT))
                    .append("\" width=\"").append(n(track)).append("\" height=\"").append(n(BAR_HEIGHT)).append("\" fill=\"")
                    .append(TRACK).append("\"/>\n");
            b.append("<rect class=\"bar\" data-state=\"").append(Html.escape(n.stateIds().get(s))).append("\" x=\"")
                    .append(n(trackX)).append("\" y=\"").append(n(base - BAR_HEIGHT)).append("\" width=\"")
                    .append(n(track * p)).append("\" height=\"").append(n(BAR_HEIGHT)).append("\" fill=\"").append(ACCENT)
                    .append("\"/>\n");
            b.append("<text x=\"").append(n(right)).append("\" y=\"").append(n(base)).append("\" font-size=\"")
                    .append(n(SMALL_SIZE)).append("\" text-anchor=\"end\">").append(Numbers.fixed(p, 2)).append("</text>\n");
            y += ROW;
        }
        b.append("</g>\n");
    }

    private static String title(Node n) {
        StringBuilder b = new StringBuilder(n.label());
        if (!n.label().equals(n.id())) {
            b.append(" (").append(n.id()).append(')');
        }
        if (n.question()) {
            b.append("; the question variable");
        }
        if (n.findings() > 0) {
            b.append("; ").append(Numbers.count(n.findings(), "evidence item")).append(" on it");
        }
        b.append(". Posterior:");
        for (int s = 0; s < n.states().size(); s++) {
            b.append(s == 0 ? " " : ", ").append(n.states().get(s)).append(' ').append(Numbers.probability(n.posterior().get(s)));
        }
        return b.append('.').toString();
    }

    /** Writes the legend (its keys side by side, wrapped to {@code width}) and returns its height. */
    private static double legend(StringBuilder b, double width) {
        String[] keys = {"question variable", "evidence items on it", "posterior of each state"};
        double swatch = 22;
        double x = 8;
        double y = 6;
        b.append("<g class=\"legend\" font-size=\"").append(n(SMALL_SIZE)).append("\" fill=\"").append(MUTED).append("\">\n");
        for (int k = 0; k < keys.length; k++) {
            double w = swatch + 6 + width(keys[k], SMALL_FONT) + 18;
            if (x > 8 && x + w > width) {
                x = 8;
                y += 18;
            }
            switch (k) {
                case 0 -> b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 1)).append("\" width=\"")
                        .append(n(swatch)).append("\" height=\"12\" rx=\"3\" fill=\"").append(QUESTION_FILL)
                        .append("\" stroke=\"").append(ACCENT).append("\" stroke-width=\"2\"/>\n");
                case 1 -> b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 1)).append("\" width=\"")
                        .append(n(swatch)).append("\" height=\"12\" rx=\"3\" fill=\"#ffffff\" stroke=\"").append(RULE)
                        .append("\"/><rect x=\"").append(n(x + 1)).append("\" y=\"").append(n(y + 2)).append("\" width=\"")
                        .append(n(STRIPE)).append("\" height=\"10\" fill=\"").append(FINDING).append("\"/>\n");
                default -> b.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 3)).append("\" width=\"")
                        .append(n(swatch)).append("\" height=\"").append(n(BAR_HEIGHT)).append("\" fill=\"").append(TRACK)
                        .append("\"/><rect x=\"").append(n(x)).append("\" y=\"").append(n(y + 3)).append("\" width=\"")
                        .append(n(swatch * 0.6)).append("\" height=\"").append(n(BAR_HEIGHT)).append("\" fill=\"")
                        .append(ACCENT).append("\"/>\n");
            }
            b.append("<text x=\"").append(n(x + swatch + 6)).append("\" y=\"").append(n(y + 11)).append("\">")
                    .append(keys[k]).append("</text>\n");
            x += w;
        }
        b.append("</g>\n");
        return y + 22;
    }

    /** Width of a text in a font, in pixels. */
    private static double width(String s, Font f) {
        return f.getStringBounds(s, FRC).getWidth();
    }

    /** The text cut to fit {@code max} pixels, with an ellipsis where it was cut. */
    private static String fit(String s, Font f, double max) {
        if (width(s, f) <= max) {
            return s;
        }
        int end = s.length();
        while (end > 0 && width(s.substring(0, end) + "\u2026", f) > max) {
            end = s.offsetByCodePoints(end, -1);
        }
        return s.substring(0, end).stripTrailing() + "\u2026";
    }

    /** The text broken at spaces into at most {@code lines} lines of {@code max} pixels; the last one cut to fit. */
    private static List<String> wrap(String s, Font f, double max, int lines) {
        List<String> out = new ArrayList<>();
        String rest = s.strip();
        while (!rest.isEmpty() && out.size() < lines - 1) {
            int cut = -1;
            for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
                if (width(rest.substring(0, i), f) > max) {
                    break;
                }
                cut = i;
            }
            if (cut < 0 || width(rest, f) <= max) {
                break;
            }
            out.add(rest.substring(0, cut));
            rest = rest.substring(cut + 1).strip();
        }
        if (!rest.isEmpty()) {
            out.add(fit(rest, f, max));
        }
        return out;
    }

    /** A coordinate with at most two decimals, trailing zeros dropped. */
    private static String n(double x) {
        String s = Numbers.fixed(x, 2);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s;
    }
}
