package org.deciban.report;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Copies of report tables for reading: numbers formatted with {@link Numbers} (probabilities,
 * likelihoods and weights with 4 decimals, decibans with 2 decimals and a sign).
 */
public final class Display {

    private Display() {
    }

    /** The table with every number column turned into formatted text. Columns named db_* are decibans. */
    public static Table of(Table t) {
        Table out = Table.create(t.name());
        for (Column<?> c : t.columns()) {
            if (c instanceof DoubleColumn) {
                DoubleColumn d = (DoubleColumn) c;
                boolean decibans = d.name().startsWith("db_");
                boolean count = d.name().equals("ess") || d.name().equals("confidence");
                StringColumn s = StringColumn.create(d.name());
                for (int r = 0; r < d.size(); r++) {
                    double x = d.getDouble(r);
                    s.append(decibans ? Numbers.decibans(x) : count ? Numbers.fixed(x, x == Math.rint(x) ? 0 : 1)
                            : Numbers.probability(x));
                }
                out.addColumns(s);
            } else {
                out.addColumns(c.copy());
            }
        }
        return out;
    }

    /**
     * Plain-text rendering for a terminal: columns padded to width, numbers right-aligned; every cell
     * shown as {@link Terminal#oneLine} shows it, so widths count what the terminal prints.
     */
    public static String text(Table t) {
        Table d = of(t);
        int cols = d.columnCount();
        int rows = d.rowCount();
        String[][] cells = new String[cols][rows + 1];
        int[] width = new int[cols];
        for (int i = 0; i < cols; i++) {
            Column<?> c = d.column(i);
            cells[i][0] = Terminal.oneLine(c.name());
            width[i] = cells[i][0].length();
            for (int r = 0; r < rows; r++) {
                cells[i][r + 1] = Terminal.oneLine(c.getString(r));
                width[i] = Math.max(width[i], cells[i][r + 1].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r <= rows; r++) {
            for (int i = 0; i < cols; i++) {
                sb.append(pad(cells[i][r], width[i], t.column(i) instanceof DoubleColumn)).append(i + 1 < cols ? "  " : "\n");
            }
        }
        return sb.toString();
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - s.length()));
        return right ? fill + s : s + fill;
    }
}
