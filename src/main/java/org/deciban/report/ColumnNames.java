package org.deciban.report;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Column names of one report table, some fixed and some derived from a case's words (outcome names,
 * hypothesis ids). Tablesaw compares column names ignoring case, and a terminal header must not hold
 * a space, so a derived name is the word as a slug (lower case; every run of characters other than
 * letters, digits, '-' and '_' becomes one '-') after its prefix, and a name already taken, ignoring
 * case, gets "-2", "-3", ... So "Rates cut" under the prefix "outcome_" is "outcome_rates-cut", and
 * a hypothesis "a" beside an outcome "A" cannot collide.
 */
public final class ColumnNames {

    private final Set<String> taken = new HashSet<>();

    /** A table whose fixed columns are {@code fixed}. */
    public ColumnNames(String... fixed) {
        for (String f : fixed) {
            fixed(f);
        }
    }

    /** Takes a fixed name; a second fixed name equal to it (ignoring case) is a programming error. */
    public String fixed(String name) {
        if (!taken.add(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("column '" + name + "' is already in the table");
        }
        return name;
    }

    /** A new name made of {@code prefix} and {@code word}, unique in the table ignoring case. */
    public String derive(String prefix, String word) {
        String base = prefix + slug(word);
        String name = base;
        for (int i = 2; !taken.add(name.toLowerCase(Locale.ROOT)); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** The word in lower case with every run of other characters than [a-z0-9_-] as one '-'; "x" when empty. */
    static String slug(String word) {
        String s = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{IsAlphabetic}\\p{IsDigit}_-]+", "-")
                .replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "x" : s;
    }
}
