package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Markdown for the reports (GitHub-flavoured tables), and the escaping every string from a case or a
 * file name passes through before it reaches a Markdown file: rendered on GitHub or in an editor's
 * preview it is text, never a link, an image, raw HTML or formatting.
 */
public final class Markdown {

    /** A list marker or an ordered-list number at the start of a text. */
    private static final Pattern LEADING_MARKER = Pattern.compile("^([-+])|^([0-9]+)([.)])");

    private Markdown() {
    }

    /**
     * The table's lines: header, alignment row (numbers right-aligned), one line per row. Cells are
     * taken from {@link Column#getString(int)} and {@link #escape escaped} (a cell cannot start a list, so a
     * leading '-' stays as it is).
     */
    public static List<String> table(Table t) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("|");
        StringBuilder align = new StringBuilder("|");
        for (Column<?> c : t.columns()) {
            head.append(' ').append(escape(c.name(), false)).append(" |");
            align.append(c.type().name().equals("STRING") ? " --- |" : " ---: |");
        }
        lines.add(head.toString());
        lines.add(align.toString());
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder row = new StringBuilder("|");
            for (Column<?> c : t.columns()) {
                row.append(' ').append(escape(c.getString(r), false)).append(" |");
            }
            lines.add(row.toString());
        }
        return lines;
    }

    /**
     * A text as Markdown shows it literally, on one line, in running text, a list item or a table cell:
     * <ul>
     *   <li>{@code & < >} become character references (no raw HTML, no autolink, no entity);</li>
     *   <li>{@code \ ` * [ ] | ~ #} get a backslash (no link, image, code span, emphasis, table cell
     *       break or heading), as do an underscore not between two letters or digits and a list marker or
     *       list number at the text's start;</li>
     *   <li>line breaks become spaces, and other control and bidi characters are shown escaped as on the
     *       terminal ({@link Terminal#escape}).</li>
     * </ul>
     */
    public static String escape(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean lineStart) {
        if (s == null) {
            return "";
        }
        String flat = Terminal.escape(oneLine(s));
        StringBuilder sb = new StringBuilder(flat.length() + 16);
        Matcher m = LEADING_MARKER.matcher(flat);
        int from = 0;
        if (lineStart && !flat.isEmpty() && (flat.charAt(0) == '-' || flat.charAt(0) == '+'
                || Character.isDigit(flat.charAt(0))) && m.find()) {
            if (m.group(1) != null) {
                sb.append('\\').append(m.group(1));
            } else {
                sb.append(m.group(2)).append('\\').append(m.group(3));
            }
            from = m.end();
        }
        for (int i = from; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '`', '*', '[', ']', '|', '~', '#' -> sb.append('\\').append(c);
                case '_' -> sb.append(inWord(flat, i) ? "_" : "\\_");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An underscore between two letters or digits (as in {@code eff_trump}) cannot open or close emphasis. */
    private static boolean inWord(String s, int i) {
        return i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                && Character.isLetterOrDigit(s.charAt(i + 1));
    }

    /** Runs of line breaks (CR, LF, U+2028, U+2029) as one space each. */
    private static String oneLine(String s) {
        int first = -1;
        for (int i = 0; i < s.length() && first < 0; i++) {
            if (lineBreak(s.charAt(i))) {
                first = i;
            }
        }
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, first);
        boolean inBreak = false;
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lineBreak(c)) {
                if (!inBreak) {
                    sb.append(' ');
                }
                inBreak = true;
            } else {
                sb.append(c);
                inBreak = false;
            }
        }
        return sb.toString();
    }

    private static boolean lineBreak(char c) {
        return c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029';
    }
}
