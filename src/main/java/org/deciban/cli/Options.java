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

    /**
     * Registers the converters with a command line and all its subcommands. They are named classes, not
     * lambdas: a lambda implementing a picocli interface (a class CDS cannot archive) crashes the JDK 17
     * class-data dump of the package step.
     */
    static void registerConverters(CommandLine cl) {
        Converter date = new Converter(Converter.DATE);
        Converter whole = new Converter(Converter.LONG);
        Converter integer = new Converter(Converter.INT);
        Converter decimal = new Converter(Converter.DOUBLE);
        cl.registerConverter(LocalDate.class, date);
        cl.registerConverter(Long.class, whole);
        cl.registerConverter(Long.TYPE, whole);
        cl.registerConverter(Integer.class, integer);
        cl.registerConverter(Integer.TYPE, integer);
        cl.registerConverter(Double.class, decimal);
        cl.registerConverter(Double.TYPE, decimal);
        cl.registerConverter(java.nio.file.Path.class, new Converter(Converter.PATH));
    }

    /** One converter of option text, by kind. */
    @SuppressWarnings("rawtypes")
    private static final class Converter implements CommandLine.ITypeConverter {
        static final int DATE = 0;
        static final int LONG = 1;
        static final int INT = 2;
        static final int DOUBLE = 3;
        static final int PATH = 4;
        private final int kind;

        Converter(int kind) {
            this.kind = kind;
        }

        @Override
        public Object convert(String text) {
            switch (kind) {
                case DATE: return date(text);
                case LONG: return wholeLong(text);
                case INT: return wholeInt(text);
                case DOUBLE: return decimal(text);
                default: return path(text);
            }
        }
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
