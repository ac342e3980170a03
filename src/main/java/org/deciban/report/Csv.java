package org.deciban.report;

import java.io.StringWriter;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * CSV through Tablesaw's writer, with text cells (and headers) guarded for spreadsheets: a cell gets
 * a leading apostrophe, so it is shown as text and never run as a formula, when it begins with a
 * formula character ('=', '+', '-', '@' or their full-width and small forms such as U+FF1D) or with
 * whitespace or a control character (a space, tab, CR, LF, no-break or ideographic space), since
 * spreadsheets strip those and still evaluate {@code " =HYPERLINK(...)"}. Numeric columns are
 * written at full precision.
 */
public final class Csv {

    private Csv() {
    }

    /** The table as CSV text. */
    public static String of(Table t) {
        Table safe = Table.create(t.name());
        for (Column<?> c : t.columns()) {
            if (c instanceof StringColumn) {
                StringColumn s = (StringColumn) c;
                StringColumn guarded = StringColumn.create(guard(s.name()));
                for (int r = 0; r < s.size(); r++) {
                    guarded.append(guard(s.get(r)));
                }
                safe.addColumns(guarded);
            } else {
                safe.addColumns(c.copy().setName(guard(c.name())));
            }
        }
        StringWriter w = new StringWriter();
        safe.write().csv(w);
        return w.toString();
    }

    /** A text cell as a spreadsheet will show it, never as a formula. */
    public static String guard(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return formulaTrigger(cell.charAt(0)) || blank(cell.charAt(0)) ? "'" + cell : cell;
    }

    /** Characters a spreadsheet starts a formula with, in ASCII, full-width and small forms. */
    private static boolean formulaTrigger(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\uFE62', '\uFE63', '\uFE6B',
                 '\u2212' -> true;
            default -> false;
        };
    }

    /** Whitespace, control and format characters, which a spreadsheet may strip before a formula. */
    private static boolean blank(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.CONTROL || type == Character.FORMAT;
    }
}
