package org.deciban.report;

import java.util.Locale;

/** Number formatting for reports, always with {@link Locale#ROOT}. */
public final class Numbers {

    private Numbers() {
    }

    /** A number with a fixed count of decimals; "inf", "-inf" and "n/a" for the non-finite. */
    public static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** A probability with 4 decimals. */
    public static String probability(double p) {
        return fixed(p, 4);
    }

    /** Decibans with 2 decimals and an explicit sign. */
    public static String decibans(double db) {
        String s = fixed(db, 2);
        return db > 0 && !s.equals("0.00") ? "+" + s : s;
    }

    /** A count with its noun in the number that agrees: "1 evidence item", "3 evidence items", "0 runs". */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** As {@link #count(long, String, String)} with the plural made by adding "s". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }
}
