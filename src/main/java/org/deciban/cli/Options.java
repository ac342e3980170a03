package org.deciban.cli;

import java.time.LocalDate;
import org.deciban.io.Dates;
import org.deciban.io.NumberText;
import picocli.CommandLine;

/**
 * How option values are read from the command line: numbers with their text bounded before
 * conversion (as in the case files, {@link NumberText}), dates as {@link Dates} allows them. A bad
 * value gets a message in the user's terms ("'2024-13-45' is not a date written yyyy-mm-dd ..."),
 * never a Java exception's text. Each command checks the range of its own options.
 */
final class Options {

    private Options() {
    }

    /** Registers the converters with a command line and all its subcommands. */
    static void registerConverters(CommandLine cl) {
        cl.registerConverter(LocalDate.class, Options::date);
        cl.registerConverter(Long.class, Options::wholeLong);
        cl.registerConverter(Long.TYPE, Options::wholeLong);
        cl.registerConverter(Integer.class, Options::wholeInt);
        cl.registerConverter(Integer.TYPE, Options::wholeInt);
        cl.registerConverter(Double.class, Options::decimal);
        cl.registerConverter(Double.TYPE, Options::decimal);
        cl.registerConverter(java.nio.file.Path.class, Options::path);
    }

    static java.nio.file.Path path(String text) {
        try {
            return java.nio.file.Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a usable path on this system ("
                    + (text.indexOf('\0') >= 0 ? "it holds a NUL character" : "a character in it is not allowed") + ")");
        }
    }

    static LocalDate date(String text) {
        LocalDate d = Dates.parse(text);
        if (d == null) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not " + Dates.ALLOWED);
        }
        return d;
    }

    static Long wholeLong(String text) {
        String t = text.strip();
        if (!t.matches("[+-]?[0-9]{1,19}")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number (64-bit)");
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number (64-bit)");
        }
    }

    static Integer wholeInt(String text) {
        long x = wholeLong(text);
        if (x < Integer.MIN_VALUE || x > Integer.MAX_VALUE) {
            throw new CommandLine.TypeConversionException("'" + text + "' is too large");
        }
        return (int) x;
    }

    /** A number as a message shows it: plain digits, or a short scientific form for very large or small ones. */
    static String shown(double x) {
        return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toString();
    }

    static Double decimal(String text) {
        String t = text.strip();
        if (!NumberText.looksDecimal(t) || t.contains("_")) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a decimal number");
        }
        if (!NumberText.bounded(t)) {
            throw new CommandLine.TypeConversionException("'" + text + "': allowed: " + NumberText.ALLOWED);
        }
        return Double.valueOf(t);
    }
}
