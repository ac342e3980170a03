package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A self-contained HTML page built from sections: no script, no external style sheet, font or
 * image; charts are inline SVG. Every text given to the builder is HTML-escaped here, so callers
 * pass plain text, never markup. The page carries print CSS (A4, no page break inside a chart or a
 * table row) so it reads well printed to PDF.
 *
 * <p>Sections appear in the order they are added; {@link #addBefore} lets a later stage slot a
 * section in front of an existing one (for example a sensitivity table before the history).
 */
public final class HtmlReport {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    /** Width of the narrow drawing of every chart, in CSS pixels: a phone's width less the page's margins. */
    public static final int NARROW_WIDTH = 380;
    /** Screens narrower than this (CSS pixels) get the narrow drawings. */
    public static final int NARROW_SCREEN = 700;
    /** Text cells without a space up to this length (ids, dates, times) never wrap. */
    private static final int TOKEN = 40;

    /** The colour class of a deciban cell: "pos", "neg", or "zero" when it shows as 0.00. */
    static String sign(double x, String shown) {
        return Double.isNaN(x) || shown.matches("[+-]?0\\.?0*") ? "zero" : x > 0 ? "pos" : "neg";
    }

    private final String title;
    private final List<String> intro = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    /** A page with this title (shown in the browser's tab and as the page heading). */
    public HtmlReport(String title) {
        this.title = title;
    }

    /** A paragraph under the page heading. */
    public HtmlReport intro(String text) {
        intro.add(text);
        return this;
    }

    /** Appends a new, empty section and returns it for filling. */
    public Section section(String id, String heading) {
        Section s = new Section(id, heading);
        add(s);
        return s;
    }

    /** Appends a section. */
    public HtmlReport add(Section s) {
        checkUnique(s.id);
        sections.add(s);
        return this;
    }

    /** Inserts a section before the one with id {@code before}; appends it when there is none. */
    public HtmlReport addBefore(String before, Section s) {
        checkUnique(s.id);
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).id.equals(before)) {
                sections.add(i, s);
                return this;
            }
        }
        sections.add(s);
        return this;
    }

    /** The ids of the sections, in page order. */
    public List<String> sectionIds() {
        return sections.stream().map(s -> s.id).toList();
    }

    private void checkUnique(String id) {
        if (sections.stream().anyMatch(s -> s.id.equals(id))) {
            throw new IllegalArgumentException("the page already has a section '" + id + "'");
        }
    }

    /** The page as HTML text. */
    public String render() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(CSS)
                .append(sections.stream().anyMatch(sec -> sec.drawings > 0) ? DRAWING_CSS : "").append("</style>\n")
                .append("</head>\n<body>\n<header>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        for (String p : intro) {
            h.append("<p class=\"intro\">").append(Html.escape(p)).append("</p>\n");
        }
        h.append("</header>\n");
        if (sections.size() > 1) {
            h.append("<nav><ul>\n");
            for (Section s : sections) {
                h.append("<li><a href=\"#").append(s.id).append("\">").append(Html.escape(s.heading)).append("</a></li>\n");
            }
            h.append("</ul></nav>\n");
        }
        for (Section s : sections) {
            s.render(h);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** A part of the page with a heading and a list of blocks: paragraphs, headline figures, tables, charts. */
    public static final class Section {

        private final String id;
        private final String heading;
        private final List<String> blocks = new ArrayList<>();
        private int charts;
        private int drawings;

        /**
         * @param id      the section's anchor, [a-z][a-z0-9-]*, unique in the page
         * @param heading the heading text
         */
        public Section(String id, String heading) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("section id '" + id + "' is not allowed; allowed: [a-z][a-z0-9-]*");
            }
            this.id = id;
            this.heading = heading;
        }

        /** The section's id. */
        public String id() {
            return id;
        }

        /** A paragraph of plain text. */
        public Section paragraph(String text) {
            blocks.add("<p>" + Html.escape(text) + "</p>\n");
            return this;
        }

        /** A small, muted note (for example the method behind a table). */
        public Section note(String text) {
            blocks.add("<p class=\"note\">" + Html.escape(text) + "</p>\n");
            return this;
        }

        /** A bulleted list of plain-text items. */
        public Section list(List<String> items) {
            StringBuilder b = new StringBuilder("<ul>\n");
            items.forEach(i -> b.append("<li>").append(Html.escape(i)).append("</li>\n"));
            blocks.add(b.append("</ul>\n").toString());
            return this;
        }

        /**
         * A large figure with its subject, e.g. subject "Rates cut", words "likely (55-80%)", number
         * "0.62"; {@code detail} (may be null) is a smaller line under it such as an interval.
         */
        public Section headline(String subject, String words, String number, String detail) {
            blocks.add("<div class=\"headline\"><span class=\"subject\">" + Html.escape(subject) + "</span> "
                    + "<span class=\"words\">" + Html.escape(words) + "</span> "
                    + "<span class=\"number\">" + Html.escape(number) + "</span>"
                    + (detail == null ? "" : "<div class=\"detail\">" + Html.escape(detail) + "</div>")
                    + "</div>\n");
            return this;
        }

        /** Name-value pairs, as a two-column definition list. */
        public Section facts(Map<String, String> pairs) {
            StringBuilder b = new StringBuilder("<dl class=\"facts\">\n");
            pairs.forEach((k, v) -> b.append("<dt>").append(Html.escape(k)).append("</dt><dd>")
                    .append(Html.escape(v)).append("</dd>\n"));
            blocks.add(b.append("</dl>\n").toString());
            return this;
        }

        /**
         * A table. Number columns are formatted as by {@link Display} (4 decimals; columns named
         * db_* as signed decibans, coloured by sign) and right-aligned; text cells are escaped.
         */
        public Section table(Table t, String caption) {
            Table shown = Display.of(t);
            StringBuilder b = new StringBuilder("<div class=\"table-wrap\"><table>\n");
            if (caption != null) {
                b.append("<caption>").append(Html.escape(caption)).append("</caption>\n");
            }
            b.append("<thead><tr>");
            for (Column<?> c : t.columns()) {
                b.append(c instanceof NumericColumn ? "<th class=\"num\">" : "<th>").append(Html.escape(c.name())).append("</th>");
            }
            b.append("</tr></thead>\n<tbody>\n");
            for (int r = 0; r < shown.rowCount(); r++) {
                b.append("<tr>");
                for (int i = 0; i < t.columnCount(); i++) {
                    Column<?> c = t.column(i);
                    String cls = "";
                    String cell = shown.column(i).getString(r);
                    if (c instanceof DoubleColumn d) {
                        cls = c.name().startsWith("db_") ? "num " + sign(d.getDouble(r), cell) : "num";
                    } else if (c instanceof NumericColumn) {
                        cls = "num";
                    } else if (cell.length() <= TOKEN && cell.indexOf(' ') < 0) {
                        cls = "token";
                    } else {
                        cls = cell.length() > 40 ? "long" : "text";
                    }
                    b.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">")
                            .append(Html.escape(cell)).append("</td>");
                }
                b.append("</tr>\n");
            }
            blocks.add(b.append("</tbody>\n</table></div>\n").toString());
            return this;
        }

        /**
         * A chart drawn as inline SVG of the given size (it scales down with the page), with a
         * plain-text description for readers who cannot see it. The chart is drawn a second time,
         * {@link #NARROW_WIDTH} pixels wide and {@code narrowHeight} high, for narrow screens (a phone): the
         * page shows that one below {@link #NARROW_SCREEN} pixels, so chart text keeps its size
         * instead of shrinking with a wide drawing.
         */
        public Section chart(JFreeChart chart, int width, int height, int narrowHeight, String description) {
            String prefix = id + "-chart" + (++charts);
            blocks.add("<figure class=\"chart\" role=\"img\" aria-label=\"" + Html.escape(description) + "\">\n"
                    + "<div class=\"wide\">" + Charts.svg(chart, width, height, prefix) + "</div>\n"
                    + "<div class=\"narrow\">" + Charts.svg(chart, NARROW_WIDTH, narrowHeight, prefix + "-narrow")
                    + "</div>\n<figcaption>" + Html.escape(description) + "</figcaption>\n</figure>\n");
            return this;
        }

        /**
         * A drawing given as two {@code <svg>} elements made by this package (never text from a case: the
         * caller escapes every string in them), one for the page's width and one for narrow screens, each
         * shown at its natural size, shrunk to fit down to its own {@code min-width}, and scrolled sideways
         * beyond that; with a plain-text description for readers who cannot see it.
         */
        Section drawing(String wideSvg, String narrowSvg, String description) {
            drawings++;
            blocks.add("<figure class=\"drawing\" role=\"img\" aria-label=\"" + Html.escape(description) + "\">\n"
                    + "<div class=\"wide\">" + wideSvg + "</div>\n<div class=\"narrow\">" + narrowSvg + "</div>\n"
                    + "<figcaption>" + Html.escape(description) + "</figcaption>\n</figure>\n");
            return this;
        }

        /** A chart as {@link #chart(JFreeChart, int, int, int, String)}, its narrow drawing as high as the wide one. */
        public Section chart(JFreeChart chart, int width, int height, String description) {
            return chart(chart, width, height, height, description);
        }

        void render(StringBuilder h) {
            h.append("<section id=\"").append(id).append("\">\n<h2>").append(Html.escape(heading)).append("</h2>\n");
            blocks.forEach(h::append);
            h.append("</section>\n");
        }
    }

    /** Style of {@link Section#drawing} figures, added to a page that has one (pages without keep their bytes). */
    private static final String DRAWING_CSS = String.join("\n",
            "figure.drawing { margin: 12px 0; }",
            "figure.drawing > div { overflow-x: auto; max-width: 100%; }",
            "figure.drawing svg { display: block; max-width: 100%; height: auto; }",
            "figure.drawing .narrow { display: none; }",
            "@media (max-width: " + (NARROW_SCREEN - 1) + "px) {",
            "  figure.drawing .wide { display: none; }",
            "  figure.drawing .narrow { display: block; }",
            "}",
            "@media print {",
            "  figure.drawing { break-inside: avoid; page-break-inside: avoid; }",
            "  figure.drawing > div { overflow: visible; }",
            "  figure.drawing svg { min-width: 0 !important; }",
            "  figure.drawing .wide { display: block; } figure.drawing .narrow { display: none; }",
            "}",
            "");

    private static final String CSS = String.join("\n",
            ":root { --ink: #1b1f24; --muted: #5b6470; --rule: #d8dde3; --pos: #1d6b3a; --neg: #a4281c; --accent: #1f4e8c; }",
            "* { box-sizing: border-box; }",
            "body { font-family: system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif; color: var(--ink);",
            "  max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; line-height: 1.45; font-size: 15px; }",
            "h1 { font-size: 26px; margin: 0 0 8px; overflow-wrap: anywhere; }",
            "h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }",
            "header .intro { margin: 4px 0; }",
            "header .intro:first-of-type { font-size: 18px; font-weight: 600; }",
            "nav ul { list-style: none; padding: 0; margin: 12px 0 0; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 14px; }",
            "nav a { color: var(--accent); text-decoration: none; }",
            ".headline { font-size: 20px; margin: 8px 0; padding: 8px 14px; border-left: 5px solid var(--accent); background: #f3f6fa; }",
            ".headline .subject { font-weight: 700; }",
            ".headline .words { margin-left: 6px; }",
            ".headline .number { margin-left: 6px; font-variant-numeric: tabular-nums; color: var(--muted); }",
            ".headline .detail { font-size: 14px; color: var(--muted); }",
            ".note { color: var(--muted); font-size: 13px; }",
            "figure.chart { margin: 12px 0; }",
            "figure.chart svg { width: 100%; height: auto; display: block; }",
            "figure.chart .narrow { display: none; }",
            "figcaption { color: var(--muted); font-size: 13px; margin-top: 4px; }",
            ".table-wrap { overflow-x: auto; max-width: 100%; }",
            "table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }",
            "caption { text-align: left; font-weight: 600; padding: 4px 0; }",
            "th, td { padding: 3px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; text-align: left; }",
            "th { background: #eef1f5; white-space: nowrap; }",
            "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }",
            "td.token { white-space: nowrap; } td.text { min-width: 8em; } td.long { min-width: 16em; }",
            "td.pos { color: var(--pos); } td.neg { color: var(--neg); } td.zero { color: var(--muted); }",
            "tbody tr:nth-child(even) { background: #fafbfc; }",
            "dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 13px; }",
            "dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; overflow-wrap: anywhere; min-width: 0; }",
            "@media (max-width: " + (NARROW_SCREEN - 1) + "px) {",
            "  body { padding: 12px 12px 32px; font-size: 15px; }",
            "  h1 { font-size: 22px; }",
            "  figure.chart .wide { display: none; }",
            "  figure.chart .narrow { display: block; }",
            "  .headline { font-size: 17px; }",
            "  td.text { min-width: 9em; } td.long { min-width: 14em; }",
            "  dl.facts { grid-template-columns: 1fr; }",
            "  dl.facts dd { margin-bottom: 4px; }",
            "}",
            "@page { size: A4; margin: 14mm; }",
            "@media print {",
            "  body { max-width: none; padding: 0; font-size: 11pt; }",
            "  nav { display: none; }",
            "  figure.chart .wide { display: block; } figure.chart .narrow { display: none; }",
            // headings and table headers stay with what follows; header rows repeat on every page; no
            // table starts or ends with a lone row on a page
            "  h2, caption { break-after: avoid; page-break-after: avoid; }",
            "  thead { display: table-header-group; }",
            "  figure.chart, .headline, tr, dl.facts, p { break-inside: avoid; page-break-inside: avoid; }",
            "  tbody tr:first-child, tbody tr:nth-child(2), tbody tr:last-child { break-before: avoid; page-break-before: avoid; }",
            "  .table-wrap { overflow: visible; }",
            "  table { font-size: 8.5pt; }",
            "  th, td { padding: 2px 4px; }",
            "  a { color: inherit; text-decoration: none; }",
            "  th, .headline, tbody tr:nth-child(even) { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
            "}",
            "");
}
