package org.deciban.report;

/** HTML escaping: every string taken from a case passes through {@link #escape(String)} before it reaches a page. */
public final class Html {

    private Html() {
    }

    /**
     * The text with {@code & < > " '} replaced by character references, safe in element content and in
     * quoted attribute values; {@code null} becomes the empty string.
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
