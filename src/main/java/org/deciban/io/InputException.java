package org.deciban.io;

/**
 * Bad input, reported as one line: file, line where known, field, the bad value and what is allowed.
 */
public final class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file    the file, relative to the project root
     * @param line    1-based line, or 0 when unknown
     * @param field   dotted path of the field, or {@code null} for the whole file
     * @param value   the bad value as written, or {@code null}
     * @param allowed what is allowed instead
     */
    public InputException(String file, int line, String field, String value, String allowed) {
        super(format(file, line, field, value, allowed));
        this.file = file;
        this.line = line;
    }

    /** The file the defect is in. */
    public String file() {
        return file;
    }

    /** 1-based line of the defect, or 0 when unknown. */
    public int line() {
        return line;
    }

    private static String format(String file, int line, String field, String value, String allowed) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field '").append(field).append("' ");
        }
        if (value != null) {
            sb.append("has value '").append(oneLine(value, 120)).append("'");
        } else if (field != null) {
            sb.append("is missing");
        }
        if (allowed != null) {
            sb.append(field != null || value != null ? "; " : "").append(oneLine(allowed, 600));
        }
        return sb.toString();
    }

    private static String oneLine(String s, int max) {
        String flat = s.replaceAll("[\\r\\n\\t]+", " ");
        return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
    }
}
