package org.deciban.io;

import java.util.regex.Pattern;
import org.deciban.model.Limits;

/**
 * The text of a number, bounded before it is converted: at most {@link Limits#MAX_NUMBER_CHARS}
 * characters and a decimal exponent within +-{@link Limits#MAX_EXPONENT}. Converting
 * {@code 1e-2000000000} to a {@code BigDecimal} and then to a double or plain text costs time and
 * memory in proportion to the exponent, so such text is refused before any conversion; a finite
 * double needs neither more characters nor a larger exponent.
 */
public final class NumberText {

    /** What every bounded number may look like, for messages. */
    public static final String ALLOWED = "a number written in at most " + Limits.MAX_NUMBER_CHARS
            + " characters, with a decimal exponent from -" + Limits.MAX_EXPONENT + " to " + Limits.MAX_EXPONENT;

    /** A decimal number as YAML, CSV and the command line write it (sign, digits, point, exponent). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9][0-9_]*\\.?[0-9_]*|\\.[0-9][0-9_]*)(?:[eE]([+-]?[0-9]+))?");

    private NumberText() {
    }

    /** Whether the text has the shape of a decimal number (whatever its size). */
    public static boolean looksDecimal(String text) {
        String t = text.trim();
        return t.length() <= Limits.MAX_FILE_BYTES && DECIMAL.matcher(t).matches();
    }

    /**
     * Whether the text of a number may be converted: at most {@link Limits#MAX_NUMBER_CHARS}
     * characters and, for a decimal with an exponent, |exponent| at most {@link Limits#MAX_EXPONENT}.
     * Hexadecimal and other integer forms are bounded by their length alone. A plain scan, no regular
     * expression: every number of a case passes through here.
     */
    public static boolean bounded(String text) {
        String t = text.trim();
        if (t.length() > Limits.MAX_NUMBER_CHARS) {
            return false;
        }
        int start = !t.isEmpty() && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        if (t.length() > start + 1 && t.charAt(start) == '0' && (t.charAt(start + 1) == 'x' || t.charAt(start + 1) == 'X')) {
            return true;
        }
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        if (e < 0) {
            return true;
        }
        int from = e + 1 < t.length() && (t.charAt(e + 1) == '+' || t.charAt(e + 1) == '-') ? e + 2 : e + 1;
        int value = 0;
        for (int i = from; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return true;
            }
            value = value * 10 + (c - '0');
            if (value > Limits.MAX_EXPONENT) {
                return false;
            }
        }
        return true;
    }
}
