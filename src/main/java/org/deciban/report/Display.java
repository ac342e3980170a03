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
     * Plain-text rendering for a terminal of {@link TextLayout#DEFAULT_WIDTH} columns; commands use
     * the {@link TextLayout} of their terminal instead.
     */
    public static String text(Table t) {
        return TextLayout.DEFAULT.table(t);
    }
}
