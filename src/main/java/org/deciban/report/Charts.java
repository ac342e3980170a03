package org.deciban.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.apache.batik.svggen.DefaultErrorHandler;
import org.apache.batik.svggen.DefaultExtensionHandler;
import org.apache.batik.svggen.DefaultStyleHandler;
import org.apache.batik.svggen.ImageHandlerBase64Encoder;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The report's charts, built with JFreeChart and written as inline SVG by Apache Batik's SVG generator
 * (headless: no display is needed). Chart text from a case is escaped as XML text when the SVG is written.
 */
public final class Charts {

    /** Colours used for the prior and the posterior series, and for lines of the history chart. */
    static final Color PRIOR = new Color(0xB8C4D6);
    static final Color POSTERIOR = new Color(0x1F4E8C);
    private static final Color[] LINES = {new Color(0x1F4E8C), new Color(0xC0392B), new Color(0x2E8B57),
        new Color(0x8E44AD), new Color(0xD68910), new Color(0x17A2B8), new Color(0x5D6D7E)};
    private static final Color MARKER = new Color(0xC0392B);
    private static final Font TEXT = new Font("SansSerif", Font.PLAIN, 12);

    static {
        System.setProperty("java.awt.headless", "true");
        // JFreeChart draws turned text (the y axis's label, upright dates) through a TextLayout by default, a
        // workaround for old Java2D rendering bugs, which an SVG graphics can only write as glyph outlines; drawn
        // with drawString it stays text a reader can search and copy
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private Charts() {
    }

    /**
     * Longest text from a case drawn in a chart, in characters; longer text is cut with an ellipsis. A
     * chart shows at most three lines of a label, and JFreeChart's line breaking measures a text once
     * per break, so an uncut label of a million characters would cost time in the square of its length.
     */
    public static final int MAX_LABEL_CHARS = 200;

    /** Text from a case as a chart draws it: one line, control characters escaped, cut to {@link #MAX_LABEL_CHARS}. */
    public static String chartText(String s) {
        String flat = Terminal.oneLine(s);
        if (flat.length() <= MAX_LABEL_CHARS) {
            return flat;
        }
        int cut = MAX_LABEL_CHARS - 1;
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
            cut--;
        }
        return flat.substring(0, cut) + "\u2026";
    }

    /** One bar pair of the prior-against-posterior chart; {@code interval} may be null. */
    public record Bar(String label, double prior, double posterior, Range interval) {
        public Bar {
            if (label == null) {
                throw new IllegalArgumentException("a bar needs a label");
            }
            label = chartText(label);
        }
    }

    /**
     * Horizontal bars of prior and posterior per entry, with the posterior's interval drawn as an
     * error bar where one is given.
     *
     * @param intervalLabel what the error bars are (shown in the chart's subtitle); ignored when no
     *                      bar has an interval
     */
    public static JFreeChart priorPosterior(String title, List<Bar> bars, String intervalLabel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Map<Integer, Range> intervals = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            // categories are keyed by position, so two equal labels stay two bars
            Category key = new Category(i, b.label());
            data.addValue(b.prior(), "prior", key);
            data.addValue(b.posterior(), "posterior", key);
            if (b.interval() != null) {
                intervals.put(i, b.interval());
            }
        }
        CategoryAxis domain = new CategoryAxis();
        domain.setTickLabelFont(TEXT);
        domain.setMaximumCategoryLabelWidthRatio(0.35f);
        domain.setMaximumCategoryLabelLines(3);
        NumberAxis range = new NumberAxis("probability");
        range.setRange(0, 1);
        range.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        range.setTickLabelFont(TEXT);
        range.setLabelFont(TEXT);
        IntervalBarRenderer renderer = new IntervalBarRenderer(intervals);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, PRIOR);
        renderer.setSeriesPaint(1, POSTERIOR);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new DecimalFormat("0.000", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelFont(TEXT.deriveFont(10f));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(4);
        // the renderer draws the labels of bars with an error bar itself, clear of the whisker
        renderer.setSeriesItemLabelsVisible(1, intervals.isEmpty());
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        styleBackground(plot);
        JFreeChart chart = new JFreeChart(title, TEXT.deriveFont(Font.BOLD, 14f), plot, true);
        if (!intervals.isEmpty() && intervalLabel != null) {
            chart.addSubtitle(new TextTitle("error bars: " + intervalLabel, TEXT.deriveFont(11f)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(TEXT);
        return chart;
    }

    /**
     * Lines of a probability per run: x is the run's number (1, 2, ...), y the probability.
     *
     * @param series name to one value per run, in run order (every list as long as {@code runs})
     */
    public static JFreeChart history(String title, int runs, Map<String, List<Double>> series) {
        XYSeriesCollection data = lines(series, runs, r -> r + 1);
        int n = data.getSeriesCount();
        NumberAxis x = new NumberAxis("run");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(0.5, Math.max(1, runs) + 0.5);
        x.setTickLabelFont(TEXT);
        x.setLabelFont(TEXT);
        return probabilityLines(title, data, x, n);
    }

    /** One bar of a tornado chart: the range [low, high] of a probability as one input moves. */
    public record Swing(String label, double low, double high) {
        public Swing {
            if (label == null) {
                throw new IllegalArgumentException("a swing needs a label");
            }
            label = chartText(label);
            if (!(low <= high)) {
                throw new IllegalArgumentException("swing '" + label + "': low " + low + " must not exceed high " + high);
            }
        }
    }

    /**
     * A tornado chart: one horizontal bar per entry from its low to its high value, in the given
     * order from the top (pass them sorted by swing, largest first), and a vertical line at
     * {@code base} labelled {@code baseLabel}. The value axis spans the bars and the line with a
     * little room, within [0, 1].
     */
    public static JFreeChart tornado(String title, List<Swing> swings, double base, String baseLabel, String axisLabel) {
        Comparable<?>[] categories = new Comparable<?>[swings.size()];
        Number[][] starts = new Number[1][swings.size()];
        Number[][] ends = new Number[1][swings.size()];
        double lo = base;
        double hi = base;
        for (int i = 0; i < swings.size(); i++) {
            Swing w = swings.get(i);
            categories[i] = new Category(i, w.label());
            starts[0][i] = w.low();
            ends[0][i] = w.high();
            lo = Math.min(lo, w.low());
            hi = Math.max(hi, w.high());
        }
        DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
                new Comparable<?>[] {axisLabel}, categories, starts, ends);
        CategoryAxis domain = new CategoryAxis();
        domain.setTickLabelFont(TEXT);
        // long item ids break at their hyphens onto a second line rather than being cut (a phone's drawing)
        domain.setMaximumCategoryLabelWidthRatio(0.35f);
        domain.setMaximumCategoryLabelLines(2);
        domain.setCategoryMargin(0.25);
        double pad = Math.max(0.01, (hi - lo) * 0.08);
        NumberAxis range = new NumberAxis(axisLabel);
        range.setRange(Math.max(0, lo - pad), Math.min(1, hi + pad));
        range.setNumberFormatOverride(new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        range.setTickLabelFont(TEXT);
        range.setLabelFont(TEXT);
        org.jfree.chart.renderer.category.IntervalBarRenderer renderer =
                new org.jfree.chart.renderer.category.IntervalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, POSTERIOR);
        renderer.setMinimumBarLength(1.5);
        CategoryPlot plot = new CategoryPlot(data, domain, range, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        styleBackground(plot);
        plot.setDomainGridlinesVisible(true);
        plot.setDomainGridlinePaint(new Color(0xEEEEEE));
        ValueMarker marker = new ValueMarker(base, MARKER, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(baseLabel);
        marker.setLabelFont(TEXT.deriveFont(11f));
        marker.setLabelPaint(MARKER);
        marker.setLabelBackgroundColor(Color.WHITE);
        boolean rightHalf = base > (range.getLowerBound() + range.getUpperBound()) / 2;
        marker.setLabelAnchor(rightHalf ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
        marker.setLabelTextAnchor(rightHalf ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(marker, Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(title, TEXT.deriveFont(Font.BOLD, 14f), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /**
     * Lines of a probability over calendar time: x is the date (days in UTC, so the chart does not
     * depend on the machine's time zone), y the probability; one point per date, joined by lines.
     *
     * @param dates  the dates, ascending, none null
     * @param series name to one value per date
     */
    public static JFreeChart overTime(String title, List<LocalDate> dates, Map<String, List<Double>> series) {
        XYSeriesCollection data = lines(series, dates.size(),
                i -> dates.get(i).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        int n = data.getSeriesCount();
        TimeZone utc = TimeZone.getTimeZone(ZoneOffset.UTC);
        DateAxis x = new DateAxis("date", utc, Locale.ROOT);
        x.setStandardTickUnits(DateAxis.createStandardDateTickUnits(utc, Locale.ROOT));
        x.setTickLabelFont(TEXT);
        x.setLabelFont(TEXT);
        x.setLowerMargin(0.03);
        x.setUpperMargin(0.03);
        return probabilityLines(title, data, x, n);
    }

    /**
     * Lines of a probability per evidence date, one step per date spaced evenly (not to scale in time),
     * so that dates crowded into a few weeks stay apart from each other and from years-old ones; the
     * ticks are labelled with the dates, upright, and thinned when there are too many to print.
     *
     * @param dates  the dates, ascending, none null
     * @param series name to one value per date
     */
    public static JFreeChart bySteps(String title, List<LocalDate> dates, Map<String, List<Double>> series) {
        XYSeriesCollection data = lines(series, dates.size(), i -> i);
        int n = data.getSeriesCount();
        NumberAxis x = new NumberAxis("evidence date (one step per date, not to scale)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        x.setRange(-0.5, Math.max(1, dates.size()) - 0.5);
        x.setNumberFormatOverride(new DateLabels(dates));
        x.setVerticalTickLabels(true);
        x.setTickLabelFont(TEXT);
        x.setLabelFont(TEXT);
        return probabilityLines(title, data, x, n);
    }

    /** Tick labels of a step axis: the date of step i, nothing between steps. */
    private static final class DateLabels extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private final List<LocalDate> dates;

        DateLabels(List<LocalDate> dates) {
            this.dates = List.copyOf(dates);
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            long i = Math.round(number);
            return Math.abs(number - i) < 1e-9 && i >= 0 && i < dates.size() ? to.append(dates.get((int) i)) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("tick labels are only printed");
        }
    }

    /**
     * The chart drawn as an {@code <svg>} element that scales to its container (a viewBox of
     * {@code 0 0 width height}, no fixed size), without XML declaration or comment, its styles written
     * as presentation attributes and its text as text. Every element id in it starts with
     * {@code idPrefix + "-"}, which keeps the ids of several charts on one page apart. The same chart
     * gives the same string.
     */
    public static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML document builder", e);
        }
        SVGGraphics2D g = new Svg(new SvgContext(doc, idPrefix + "-"));
        chart.draw(g, new Rectangle(0, 0, width, height));
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        // Batik names its (here empty) defs of generic definitions with a fixed id
        Node generic = root.getElementsByTagNameNS(SVG_NS, "defs").item(0);
        if (generic != null && "genericDefs".equals(((Element) generic).getAttribute("id"))) {
            if (generic.hasChildNodes()) {
                throw new IllegalStateException("a chart needed Batik's generic definitions, whose ids are fixed");
            }
            root.removeChild(generic);
        }
        StringBuilder out = new StringBuilder(1 << 14);
        write(root, out, true);
        return out.toString();
    }

    private static final String SVG_NS = "http://www.w3.org/2000/svg";

    /**
     * Batik's SVG graphics, measuring text with fractional glyph advances as a browser lays it out (Batik
     * measures whole pixels by default, which would widen every label a little and shift the layout).
     */
    private static final class Svg extends SVGGraphics2D {
        Svg(SVGGeneratorContext context) {
            super(context, false);
            fmg.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        private Svg(Svg g) {
            super(g);
            fmg.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        }

        @Override
        public Graphics create() {
            return new Svg(this);
        }
    }

    /**
     * Batik's generator settings for one drawing: ids from {@code prefix}, no generator comment, and
     * numbers with up to two decimals written by a format of its own (Batik's formats are shared by every
     * drawing, and a {@link DecimalFormat} is not safe to use from two threads at once).
     */
    private static final class SvgContext extends SVGGeneratorContext {
        SvgContext(Document doc, String prefix) {
            super(doc);
            setIDGenerator(new SVGIDGenerator() {
                @Override
                public String generateID(String kind) {
                    return prefix + super.generateID(kind);
                }
            });
            setExtensionHandler(new DefaultExtensionHandler());
            setImageHandler(new ImageHandlerBase64Encoder());
            setStyleHandler(new DefaultStyleHandler());
            setErrorHandler(new DefaultErrorHandler());
            setComment(null);
            setPrecision(2);
            decimalFormat = new DecimalFormat("#.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        }
    }

    /**
     * Writes an element of the drawing as XML: attributes in the DOM's order, in double quotes; text and
     * attribute values escaped by {@link Html#escape}. The root declares the SVG namespace (and XLink's
     * where an attribute uses it).
     */
    private static void write(Element e, StringBuilder out, boolean root) {
        out.append('<').append(e.getTagName());
        if (root) {
            out.append(" xmlns=\"").append(SVG_NS).append('"');
            if (usesXlink(e)) {
                out.append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
            }
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getName().startsWith("xmlns")) {
                continue;
            }
            out.append(' ').append(a.getName()).append("=\"").append(Html.escape(a.getValue())).append('"');
        }
        if (!e.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                write(child, out, false);
            } else if (c.getNodeType() == Node.TEXT_NODE) {
                out.append(Html.escape(c.getNodeValue()));
            } else {
                throw new IllegalStateException("unexpected node in a drawing: " + c.getNodeName());
            }
        }
        out.append("</").append(e.getTagName()).append('>');
    }

    private static boolean usesXlink(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            if (attributes.item(i).getNodeName().startsWith("xlink:")) {
                return true;
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child && usesXlink(child)) {
                return true;
            }
        }
        return false;
    }

    private static void styleBackground(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
    }

    /** A category or series key: its position decides equality, its label is what is shown. */
    record Category(int index, String label) implements Comparable<Category> {
        @Override
        public String toString() {
            return label;
        }

        @Override
        public int compareTo(Category o) {
            return Integer.compare(index, o.index);
        }
    }

    /** Bars with an error bar drawn over the posterior series (row 1) where an interval exists. */
    private static final class IntervalBarRenderer extends BarRenderer {

        private static final long serialVersionUID = 1L;
        private static final Paint WHISKER = new Color(0x222222);
        private static final DecimalFormat LABEL_FORMAT = new DecimalFormat("0.000",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        private final Map<Integer, Range> intervals;

        IntervalBarRenderer(Map<Integer, Range> intervals) {
            this.intervals = Map.copyOf(intervals);
        }

        @Override
        public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea,
                             CategoryPlot plot, CategoryAxis domainAxis, ValueAxis rangeAxis,
                             CategoryDataset dataset, int row, int column, int pass) {
            super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
            Range iv = row == 1 ? intervals.get(column) : null;
            if (iv == null || pass != getPassCount() - 1) {
                return;
            }
            PlotOrientation o = plot.getOrientation();
            double w0 = calculateBarW0(plot, o, dataArea, domainAxis, state, row, column);
            double mid = w0 + state.getBarWidth() / 2;
            double cap = state.getBarWidth() / 4;
            RectangleEdge edge = plot.getRangeAxisEdge();
            double lo = rangeAxis.valueToJava2D(iv.low(), dataArea, edge);
            double hi = rangeAxis.valueToJava2D(iv.high(), dataArea, edge);
            g2.setPaint(WHISKER);
            g2.setStroke(new BasicStroke(1.5f));
            if (o == PlotOrientation.HORIZONTAL) {
                g2.draw(new Line2D.Double(lo, mid, hi, mid));
                g2.draw(new Line2D.Double(lo, mid - cap, lo, mid + cap));
                g2.draw(new Line2D.Double(hi, mid - cap, hi, mid + cap));
                Number value = dataset.getValue(row, column);
                if (value != null) {
                    label(g2, LABEL_FORMAT.format(value.doubleValue()), lo, hi, mid, dataArea);
                }
            } else {
                g2.draw(new Line2D.Double(mid, lo, mid, hi));
                g2.draw(new Line2D.Double(mid - cap, lo, mid + cap, lo));
                g2.draw(new Line2D.Double(mid - cap, hi, mid + cap, hi));
            }
        }

        /**
         * The value of a bar with an error bar, set clear of the whisker: right of its high end when the
         * text fits there, else left of its low end, else at the right edge above the whisker's line.
         */
        private void label(Graphics2D g2, String text, double lo, double hi, double mid, Rectangle2D area) {
            g2.setFont(getDefaultItemLabelFont());
            g2.setPaint(getDefaultItemLabelPaint());
            java.awt.FontMetrics fm = g2.getFontMetrics();
            double w = fm.stringWidth(text);
            double gap = 5;
            double y = mid + (fm.getAscent() - fm.getDescent()) / 2.0;
            double x;
            if (Math.max(lo, hi) + gap + w <= area.getMaxX()) {
                x = Math.max(lo, hi) + gap;
            } else if (Math.min(lo, hi) - gap - w >= area.getMinX()) {
                x = Math.min(lo, hi) - gap - w;
                g2.setPaint(Color.WHITE);
            } else {
                x = area.getMaxX() - w;
                y = mid - 3;
            }
            g2.drawString(text, (float) x, (float) y);
        }
    }

    /**
     * One line per series: point i (of {@code points}) at x(i) and the series' i-th value, skipped where
     * that is null. Series are keyed by position, so equal names cannot collide.
     */
    private static XYSeriesCollection lines(Map<String, List<Double>> series, int points,
                                            java.util.function.IntToDoubleFunction x) {
        XYSeriesCollection data = new XYSeriesCollection();
        int n = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            XYSeries s = new XYSeries(new Category(n++, chartText(e.getKey())), false, true);
            for (int i = 0; i < points; i++) {
                Double y = e.getValue().get(i);
                if (y != null) {
                    s.add(x.applyAsDouble(i), y);
                }
            }
            data.addSeries(s);
        }
        return data;
    }

    /**
     * The most points a line of a line chart may have for the chart to mark every point with a shape; with
     * more, no point is marked and the lines alone are drawn (a shape per point would merge into a band, and
     * the page would grow by thousands of elements).
     */
    static final int MARKED_POINTS = 120;

    /** Whether a line chart whose longest line has this many points marks its points ({@link #MARKED_POINTS}). */
    static boolean marksPoints(int points) {
        return points <= MARKED_POINTS;
    }

    /** The sentence a chart's caption adds when its points are not marked ({@link #marksPoints}); else "". */
    static String unmarkedNote(int points) {
        return marksPoints(points) ? "" : " The points are not marked: a line has more than " + MARKED_POINTS + ".";
    }

    /**
     * A line chart of probabilities per series (y from 0 to 1) over the given x axis; each series is drawn
     * as one path, its points marked when the longest series allows ({@link #marksPoints}).
     */
    private static JFreeChart probabilityLines(String title, org.jfree.data.xy.XYDataset data,
                                               org.jfree.chart.axis.ValueAxis x, int n) {
        NumberAxis y = new NumberAxis("posterior probability");
        y.setRange(0, 1);
        y.setTickUnit(new NumberTickUnit(0.1, new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        y.setTickLabelFont(TEXT);
        y.setLabelFont(TEXT);
        int points = 0;
        for (int i = 0; i < n; i++) {
            points = Math.max(points, data.getItemCount(i));
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, marksPoints(points));
        r.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < n; i++) {
            r.setSeriesPaint(i, LINES[i % LINES.length]);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(title, TEXT.deriveFont(Font.BOLD, 14f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(TEXT);
        return chart;
    }
}
