package org.deciban.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How every command lays out text for a terminal of a given width: tables and prose.
 *
 * <p>A table keeps its numbers whole. When its columns do not fit the width, they are printed in
 * blocks one under another, each block repeating the table's key columns (the first one, or the
 * first two when the first only classifies rows); a key cell longer than half the width, or another
 * text cell too long to fit beside the keys, is shortened with "...". Prose is word-wrapped; a line starting with "- " wraps under its text.
 * No line ends in a space. {@link #WIDE} lays everything out on one line per row, whole.
 */
public final class TextLayout {

    /** Width when the terminal's is unknown, or output goes to a pipe or a file. */
    public static final int DEFAULT_WIDTH = 80;
    /** Narrowest layout accepted: below this, tables are not worth splitting. */
    public static final int MIN_WIDTH = 40;
    /** No width limit: every table row on one line, every text whole (the --wide option). */
    public static final TextLayout WIDE = new TextLayout(Integer.MAX_VALUE);
    /** The layout for an unknown terminal. */
    public static final TextLayout DEFAULT = new TextLayout(DEFAULT_WIDTH);

    private static final String GAP = "  ";
    private static final String MORE = "...";
    /** The start of a line that its continuation lines are indented under: spaces, a bullet, a number, a verdict. */
    private static final Pattern HANG = Pattern.compile("^ *(- |\\d+\\. |[A-Z]{4}  )?");

    private final int width;

    /** A layout for a terminal {@code width} columns wide (at least {@link #MIN_WIDTH}). */
    public TextLayout(int width) {
        this.width = Math.max(MIN_WIDTH, width);
    }

    /** The width, or {@link Integer#MAX_VALUE} for {@link #WIDE}. */
    public int width() {
        return width;
    }

    /** Whether this layout fits a width at all. */
    public boolean wide() {
        return width == Integer.MAX_VALUE;
    }

    /** Longest key cell shown whole in a narrow layout: half the width. */
    int keyCap() {
        return wide() ? Integer.MAX_VALUE : width / 2;
    }

    /** A table with one key column (see the class comment). */
    public String table(Table t) {
        return table(t, keyColumns(t));
    }

    /**
     * A table whose first {@code keys} columns identify a row and are repeated in every block.
     * Numbers are formatted by {@link Display}; number columns are right-aligned.
     */
    public String table(Table t, int keys) {
        Table d = Display.of(t);
        int cols = d.columnCount();
        int k = Math.min(Math.max(0, keys), cols);
        String[] head = new String[cols];
        String[][] cells = new String[cols][];
        boolean[] right = new boolean[cols];
        int[] w = new int[cols];
        int keyWidth = 0;
        for (int i = 0; i < cols; i++) {
            Column<?> c = d.column(i);
            right[i] = t.column(i) instanceof NumericColumn;
            head[i] = oneLine(c.name()).replace(' ', '_');
            cells[i] = new String[c.size()];
            for (int r = 0; r < c.size(); r++) {
                cells[i][r] = oneLine(c.getString(r));
            }
            w[i] = fit(head[i], cells[i], right[i], i < k ? keyCap() : wide() ? Integer.MAX_VALUE : Math.max(8, width - keyWidth));
            if (i < k) {
                keyWidth += w[i] + GAP.length();
            }
        }
        StringBuilder sb = new StringBuilder();
        int next = k;
        do {
            List<Integer> block = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                block.add(i);
            }
            int used = keyWidth;
            while (next < cols && (block.size() == k || wide() || used + w[next] <= width)) {
                block.add(next);
                used += w[next] + GAP.length();
                next++;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            render(sb, block, head, cells, right, w, d.rowCount());
        } while (next < cols);
        return sb.toString();
    }

    /** The column's width, shortening text cells longer than {@code cap} with "...". */
    private static int fit(String head, String[] cells, boolean number, int cap) {
        int w = head.length();
        for (int r = 0; r < cells.length; r++) {
            if (!number && cells[r].length() > cap) {
                cells[r] = cells[r].substring(0, Math.max(1, cap - MORE.length())).stripTrailing() + MORE;
            }
            w = Math.max(w, cells[r].length());
        }
        return w;
    }

    private static void render(StringBuilder sb, List<Integer> block, String[] head, String[][] cells,
                               boolean[] right, int[] w, int rows) {
        line(sb, block, i -> head[i], right, w);
        for (int r = 0; r < rows; r++) {
            int row = r;
            line(sb, block, i -> cells[i][row], right, w);
        }
    }

    private static void line(StringBuilder sb, List<Integer> block, java.util.function.IntFunction<String> text,
                             boolean[] right, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int j = 0; j < block.size(); j++) {
            int i = block.get(j);
            String s = text.apply(i);
            String fill = " ".repeat(Math.max(0, w[i] - s.length()));
            l.append(right[i] ? fill + s : s + fill);
            if (j + 1 < block.size()) {
                l.append(GAP);
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** The key columns of a table: the first, and the second too when the first only says what kind a row is. */
    static int keyColumns(Table t) {
        if (t.columnCount() > 1 && t.column(0).name().equals("kind")) {
            return 2;
        }
        return Math.min(1, t.columnCount());
    }

    /**
     * Prose wrapped to the width: each line of {@code text} is wrapped on its own; the continuation of
     * a line that starts with spaces, "- " or "N. " is indented under its text. Words longer than the
     * width (paths, hashes) stay whole on a line of their own.
     */
    public String prose(String text) {
        StringBuilder sb = new StringBuilder();
        // only line feeds end a line: a vertical tab, form feed or CR from a case is shown escaped, not obeyed
        for (String line : text.split("\n", -1)) {
            wrap(sb, Terminal.escape(line).stripTrailing());
        }
        return sb.toString();
    }

    private void wrap(StringBuilder sb, String line) {
        if (wide() || line.length() <= width) {
            sb.append(line).append('\n');
            return;
        }
        Matcher m = HANG.matcher(line);
        m.find();
        String prefix = line.substring(0, m.end());
        String pad = " ".repeat(Math.min(prefix.length(), width / 2));
        StringBuilder current = new StringBuilder(prefix);
        boolean empty = true;
        for (String word : line.substring(m.end()).split(" +")) {
            if (!empty && current.length() + 1 + word.length() > width) {
                sb.append(current.toString().stripTrailing()).append('\n');
                current = new StringBuilder(pad);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        sb.append(current.toString().stripTrailing()).append('\n');
    }

    /**
     * A cell on one line: each run of line breaks and tabs becomes one space, and other control and bidi
     * characters are shown escaped ({@link Terminal#escape}), so the widths count what the terminal prints.
     * A plain scan: a table of 50,000 rows passes every cell through here.
     */
    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean brk = c == '\r' || c == '\n' || c == '\t';
            if (brk && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                if (!brk) {
                    sb.append(c);
                } else if (!inRun) {
                    sb.append(' ');
                }
            }
            inRun = brk;
        }
        return Terminal.escape(sb == null ? s : sb.toString());
    }
}
