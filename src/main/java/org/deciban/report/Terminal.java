package org.deciban.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text for a terminal: a case file must not be able to drive the analyst's terminal. Every character
 * that is not printable text is shown escaped, so an ESC sequence or a right-to-left override in a
 * label reaches the screen as the visible text {@code \x1b[31m} or <code>&#92;u202e</code>:
 *
 * <ul>
 *   <li>C0 controls (U+0000 to U+001F) other than the tab and the line feed, as {@code \xNN} (so CR,
 *       vertical tab, form feed and ESC);</li>
 *   <li>DEL, the C1 controls (U+007F to U+009F), format characters (Unicode category Cf: the bidi
 *       embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, the marks U+200E, U+200F
 *       and U+061C, zero-width characters, U+FEFF), the line and paragraph separators U+2028 and U+2029
 *       and lone surrogates, as <code>&#92;uNNNN</code>; a character beyond U+FFFF as its two surrogates.</li>
 * </ul>
 *
 * The <code>&#92;uNNNN</code> form is also JSON's escape of the same character, so a JSON document printed
 * through {@link #writer} stays valid JSON with the same meaning (JSON writers already escape C0).
 * Backslashes are not doubled, for the same reason. {@link #oneLine} also escapes the line feed, for
 * messages that must stay one line.
 */
public final class Terminal {

    private Terminal() {
    }

    /** The text with every character described in the class comment escaped; line feeds kept. */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** The text as one line: {@link #escape}, and line feeds as {@code \x0a} too. */
    public static String oneLine(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean newlines) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String e = escapeOf(s, i, newlines);
            if (e == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n + 16).append(s, 0, i);
            }
            out.append(e);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            }
        }
        return out == null ? s : out.toString();
    }

    /** The escape of the character (or surrogate pair) at i, or null when it is printed as it is. */
    private static String escapeOf(CharSequence s, int i, boolean newlines) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' && !newlines ? null : String.format(Locale.ROOT, "\\x%02x", (int) c);
        }
        if (c < 0x7f) {
            return null;
        }
        if (c <= 0x9f) {
            return u(c);
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(i + 1));
                return visible(cp) ? null : u(c) + u(s.charAt(i + 1));
            }
            return u(c);
        }
        if (Character.isLowSurrogate(c)) {
            return u(c);
        }
        return visible(c) ? null : u(c);
    }

    private static boolean visible(int cp) {
        int type = Character.getType(cp);
        return type != Character.FORMAT && type != Character.CONTROL && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static String u(char c) {
        return String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    /**
     * A writer that escapes everything written through it as {@link #escape} does (line feeds, and
     * the CR of a CR LF line end written in one call, pass). Closing or flushing it flushes {@code out}.
     */
    public static PrintWriter writer(Writer out) {
        return new PrintWriter(new EscapingWriter(out));
    }

    private static final class EscapingWriter extends Writer {
        private final Writer out;
        /** A high surrogate or a CR held until the next character says what it is. */
        private char pending;

        EscapingWriter(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                put(buf[i]);
            }
        }

        private void put(char c) throws IOException {
            if (pending != 0) {
                char p = pending;
                pending = 0;
                if (p == '\r') {
                    out.write(c == '\n' ? "\r" : "\\x0d");
                } else if (Character.isLowSurrogate(c)) {
                    String pair = new String(new char[] {p, c});
                    String e = escapeOf(pair, 0, false);
                    out.write(e == null ? pair : e);
                    return;
                } else {
                    out.write(u(p));
                }
            }
            if (c == '\r' || Character.isHighSurrogate(c)) {
                pending = c;
                return;
            }
            String e = escapeOf(String.valueOf(c), 0, false);
            if (e == null) {
                out.write(c);
            } else {
                out.write(e);
            }
        }

        private void release() throws IOException {
            if (pending != 0) {
                out.write(pending == '\r' ? "\\x0d" : u(pending));
                pending = 0;
            }
        }

        @Override
        public void flush() throws IOException {
            release();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            release();
            out.close();
        }
    }
}
