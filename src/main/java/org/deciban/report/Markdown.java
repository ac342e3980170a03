package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Renders a Tablesaw table as a GitHub-flavoured Markdown table. */
public final class Markdown {

    private Markdown() {
    }

    /**
     * The table's lines: header, alignment row (numbers right-aligned), one line per row. Cells are
     * taken from {@link Column#getString(int)}; '|' and line breaks in text are escaped.
     */
    public static List<String> table(Table t) {
        List<String> lines = new ArrayList<>();
        StringBuilder head = new StringBuilder("|");
        StringBuilder align = new StringBuilder("|");
        for (Column<?> c : t.columns()) {
            head.append(' ').append(escape(c.name())).append(" |");
            align.append(c.type().name().equals("STRING") ? " --- |" : " ---: |");
        }
        lines.add(head.toString());
        lines.add(align.toString());
        for (int r = 0; r < t.rowCount(); r++) {
            StringBuilder row = new StringBuilder("|");
            for (Column<?> c : t.columns()) {
                row.append(' ').append(escape(c.getString(r))).append(" |");
            }
            lines.add(row.toString());
        }
        return lines;
    }

    /** Escapes Markdown table syntax and HTML-significant characters in a cell. */
    public static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("[\\r\\n]+", " ");
    }
}
