package org.deciban.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting for reports, always with {@link Locale#ROOT}. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A number with a fixed count of decimals; "inf", "-inf" and "n/a" for the non-finite. The digits are
     * those of {@code String.format(Locale.ROOT, "%.nf", x)} (the shortest decimal that reads back as x,
     * rounded half up), made without a Formatter: a report of 100,000 items formats millions of numbers.
     * A negative number that rounds to zero is shown without its sign.
     */
    public static String fixed(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        BigDecimal d = BigDecimal.valueOf(x).setScale(decimals, RoundingMode.HALF_UP);
        return (d.signum() == 0 ? d.abs() : d).toPlainString();
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
