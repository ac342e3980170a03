package org.deciban.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.deciban.report.TextLayout;

/**
 * A command's standard output as a reader sees it: prose wrapped and tables laid out to the
 * terminal's width by {@link TextLayout} (80 columns when stdout is not a terminal or its width is
 * unknown; no limit with {@code --wide}).
 */
final class Screen {

    private final PrintWriter out;
    private final TextLayout layout;

    Screen(PrintWriter out, TextLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    /** One paragraph (or several lines), wrapped. */
    Screen line(String text) {
        out.print(layout.prose(text));
        return this;
    }

    /** An empty line. */
    Screen blank() {
        out.println();
        return this;
    }

    /** Text already laid out for this screen (a table from {@link org.deciban.report.TerminalTables}), as it is. */
    Screen text(String laidOut) {
        out.print(laidOut);
        return this;
    }

    /** The layout in use. */
    TextLayout layout() {
        return layout;
    }

    /**
     * The layout of this process's terminal: {@link TextLayout#WIDE} when asked; otherwise the width
     * of the terminal when stdout is one (the COLUMNS variable, else {@code stty size} on /dev/tty),
     * and {@link TextLayout#DEFAULT_WIDTH} when it is not or the width cannot be found.
     */
    static TextLayout layout(boolean wide) {
        if (wide) {
            return TextLayout.WIDE;
        }
        if (System.console() == null) {
            return TextLayout.DEFAULT;
        }
        Integer w = parse(System.getenv("COLUMNS"));
        if (w == null) {
            w = sttyColumns();
        }
        return w == null ? TextLayout.DEFAULT : new TextLayout(w);
    }

    private static Integer parse(String s) {
        try {
            int w = Integer.parseInt(s == null ? "" : s.trim());
            return w >= TextLayout.MIN_WIDTH ? w : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer sttyColumns() {
        File tty = new File("/dev/tty");
        if (!tty.canRead()) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(ProcessBuilder.Redirect.from(tty))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String[] rowsCols = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
            return rowsCols.length == 2 ? parse(rowsCols[1]) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
