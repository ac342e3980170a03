package org.deciban.report;

import java.io.StringWriter;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * CSV through Tablesaw's writer, with text cells guarded for spreadsheets: a cell that begins
 * with '=', '+', '-', '@', a tab or a carriage return gets a leading apostrophe, so it is shown as
 * text and never run as a formula. Numeric columns are written at full precision.
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
                StringColumn guarded = StringColumn.create(s.name());
                for (int r = 0; r < s.size(); r++) {
                    guarded.append(guard(s.get(r)));
                }
                safe.addColumns(guarded);
            } else {
                safe.addColumns(c.copy());
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
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
