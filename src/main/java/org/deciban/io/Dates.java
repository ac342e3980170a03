package org.deciban.io;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deciban.model.Limits;

/**
 * Dates as an analyst writes them: yyyy-mm-dd, a real calendar day, in a year from
 * {@link Limits#MIN_YEAR} to {@link Limits#MAX_YEAR}. Years outside that range (ISO also allows
 * {@code +999999999-12-31}) would overflow the day and millisecond arithmetic of the drift filter and
 * the charts, so they are refused where they are read: in case files, evidence and on the command line.
 */
public final class Dates {

    /** What is allowed, for messages. */
    public static final String ALLOWED = "a date written yyyy-mm-dd (a real calendar day, year "
            + Limits.MIN_YEAR + " to " + Limits.MAX_YEAR + ")";

    private static final Pattern SHAPE = Pattern.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})");

    private Dates() {
    }

    /** The date the text names, or {@code null} when it is not an allowed date. */
    public static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SHAPE.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        if (year < Limits.MIN_YEAR || year > Limits.MAX_YEAR) {
            return null;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
