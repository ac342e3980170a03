package org.deciban.io;

import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Variable;

/**
 * Reads a network in BIF, the interchange format of the bnlearn repository (version 0.15 as
 * bnlearn and pgmpy write it):
 * <pre>
 * network NAME { property ...; }
 * variable NAME { type discrete [ N ] { STATE, STATE, ... }; property ...; }
 * probability ( CHILD ) { table P, P, ...; }
 * probability ( CHILD | PARENT, PARENT ) { (STATE, STATE) P, P, ...; default P, P, ...; }
 * </pre>
 * Comments ({@code //} to the end of the line, and {@code /* ... *}{@code /}) and {@code property}
 * entries are skipped. A conditional table is read row by row ({@code (parent states) numbers}), with
 * {@code default} for the rows not listed; {@code table} is accepted for a variable without parents
 * only, because writers disagree on the order of a flat table with parents. Every defect is one
 * {@link InputException} naming the file and line.
 */
final class BifReader {

    private final String file;
    private final List<Token> tokens;
    private int at;

    private record Token(String text, boolean word, int line) {
    }

    private BifReader(String file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** The variables of a BIF text, in declaration order. */
    static List<Variable> read(String file, String text) {
        BifReader r = new BifReader(file, tokenize(file, text));
        NetworkTables tables = new NetworkTables(file, "BIF");
        r.parse(tables);
        return tables.variables();
    }

    private static List<Token> tokenize(String file, String text) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int start = line;
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new InputException(file, start, null, "/*", "allowed: a comment closed by */; this one is never closed");
                }
                for (int j = i; j < end; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                    }
                }
                i = end + 2;
            } else if (c == '"') {
                int end = text.indexOf('"', i + 1);
                if (end < 0) {
                    throw new InputException(file, line, null, "\"", "allowed: a quoted text closed by \" on the same entry");
                }
                String s = text.substring(i + 1, end);
                out.add(new Token(s, false, line));
                for (int j = i; j < end; j++) {
                    if (text.charAt(j) == '\n') {
                        line++;
                    }
                }
                i = end + 1;
            } else if ("{}()[],;|".indexOf(c) >= 0) {
                out.add(new Token(String.valueOf(c), false, line));
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && "{}()[],;|\"".indexOf(text.charAt(i)) < 0
                        && !(text.charAt(i) == '/' && i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*'))) {
                    i++;
                }
                out.add(new Token(text.substring(start, i), true, line));
            }
        }
        return out;
    }

    private InputException syntax(String expected) {
        if (at >= tokens.size()) {
            int line = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).line();
            return new InputException(file, line, null, "(end of file)", "BIF syntax: expected " + expected);
        }
        Token t = tokens.get(at);
        return new InputException(file, t.line(), null, t.text(), "BIF syntax: expected " + expected);
    }

    private Token peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private boolean peekIs(String s) {
        Token t = peek();
        return t != null && t.text().equals(s) && (t.word() || s.length() == 1);
    }

    private Token expect(String s) {
        if (!peekIs(s)) {
            throw syntax("'" + s + "'");
        }
        return tokens.get(at++);
    }

    private Token word(String what) {
        Token t = peek();
        if (t == null || !t.word()) {
            throw syntax(what);
        }
        at++;
        return t;
    }

    private void parse(NetworkTables tables) {
        if (tokens.isEmpty()) {
            throw new InputException(file, 0, null, "(no variable)", "allowed: a BIF network with at least one variable");
        }
        while (at < tokens.size()) {
            Token t = peek();
            switch (t.word() ? t.text() : "") {
                case "network" -> skipNetwork();
                case "variable" -> variable(tables);
                case "probability" -> probability(tables);
                default -> throw syntax("'network', 'variable' or 'probability'");
            }
        }
    }

    private void skipNetwork() {
        expect("network");
        while (peek() != null && !peekIs("{")) {
            at++;
        }
        expect("{");
        while (!peekIs("}")) {
            if (peek() == null) {
                throw syntax("'}' closing the network block");
            }
            skipProperty();
        }
        expect("}");
    }

    private void skipProperty() {
        Token p = peek();
        if (!p.word() || !p.text().equals("property")) {
            throw syntax("'property' or '}'");
        }
        while (peek() != null && !peekIs(";")) {
            at++;
        }
        expect(";");
    }

    private void variable(NetworkTables tables) {
        Token start = expect("variable");
        Token name = word("a variable name");
        expect("{");
        List<String> states = null;
        while (!peekIs("}")) {
            if (peekIs("type")) {
                at++;
                expect("discrete");
                expect("[");
                Token count = word("the number of states");
                int n;
                try {
                    n = Integer.parseInt(count.text());
                } catch (NumberFormatException e) {
                    throw new InputException(file, count.line(), "variable " + name.text(), count.text(),
                            "allowed: a whole number of states from 1 to " + NetworkTables.MAX_STATES);
                }
                expect("]");
                expect("{");
                states = new ArrayList<>();
                while (true) {
                    states.add(word("a state name").text());
                    if (states.size() > NetworkTables.MAX_STATES) {
                        throw new InputException(file, name.line(), "variable " + name.text(), "more than "
                                + NetworkTables.MAX_STATES + " states", "allowed: at most " + NetworkTables.MAX_STATES
                                + " states per variable");
                    }
                    if (peekIs("}")) {
                        break;
                    }
                    expect(",");
                }
                expect("}");
                expect(";");
                if (n != states.size()) {
                    throw new InputException(file, count.line(), "variable " + name.text(), "[ " + n + " ] with "
                            + states.size() + " states listed", "allowed: the count in [ ] equal to the states listed");
                }
            } else if (peek() == null) {
                throw syntax("'}' closing variable " + name.text());
            } else {
                skipProperty();
            }
        }
        expect("}");
        if (states == null) {
            throw new InputException(file, start.line(), "variable " + name.text(), "(no type)",
                    "allowed: 'type discrete [ N ] { STATE, ... };'");
        }
        tables.declare(name.text(), states, start.line());
    }

    private void probability(NetworkTables tables) {
        Token start = expect("probability");
        expect("(");
        String child = word("the variable of the table").text();
        List<String> parents = new ArrayList<>();
        if (peekIs("|")) {
            at++;
            while (true) {
                parents.add(word("a parent name").text());
                if (parents.size() > NetworkTables.MAX_PARENTS) {
                    throw new InputException(file, start.line(), "probability (" + child + ")", "more than "
                            + NetworkTables.MAX_PARENTS + " parents", "allowed: at most " + NetworkTables.MAX_PARENTS
                            + " parents per variable");
                }
                if (peekIs(")")) {
                    break;
                }
                expect(",");
            }
        }
        expect(")");
        int rows = tables.rowsOf(child, parents, start.line());
        int k = tables.states(child);
        double[] values = new double[Math.multiplyExact(rows, k)];
        boolean[] given = new boolean[rows];
        int[] rowLines = new int[rows];
        double[] fallback = null;
        int fallbackLine = 0;
        expect("{");
        while (!peekIs("}")) {
            Token t = peek();
            if (t == null) {
                throw syntax("'}' closing the table of " + child);
            }
            if (t.word() && t.text().equals("table")) {
                at++;
                if (!parents.isEmpty()) {
                    throw new InputException(file, t.line(), "probability (" + child + ")", "table",
                            "allowed: one '(parent states) numbers;' row per combination of parent states; a flat "
                                    + "'table' is read only for a variable without parents (writers disagree on its order)");
                }
                double[] row = numbers(tables, child, k, t.line());
                System.arraycopy(row, 0, values, 0, k);
                mark(tables, child, parents, given, rowLines, 0, t.line());
            } else if (t.word() && t.text().equals("default")) {
                at++;
                fallback = numbers(tables, child, k, t.line());
                fallbackLine = t.line();
            } else if (t.word() && t.text().equals("property")) {
                skipProperty();
            } else if (peekIs("(")) {
                at++;
                List<String> parentStates = new ArrayList<>();
                if (!peekIs(")")) {
                    while (true) {
                        parentStates.add(word("a parent state").text());
                        if (peekIs(")")) {
                            break;
                        }
                        expect(",");
                    }
                }
                expect(")");
                int row = tables.rowIndex(child, parents, parentStates, t.line());
                double[] ps = numbers(tables, child, k, t.line());
                System.arraycopy(ps, 0, values, row * k, k);
                mark(tables, child, parents, given, rowLines, row, t.line());
            } else {
                throw syntax("'table', '(parent states)', 'default' or '}'");
            }
        }
        expect("}");
        if (fallback != null) {
            for (int r = 0; r < rows; r++) {
                if (!given[r]) {
                    System.arraycopy(fallback, 0, values, r * k, k);
                    given[r] = true;
                    rowLines[r] = fallbackLine;
                }
            }
        }
        tables.table(child, parents, values, given, rowLines, start.line());
    }

    private void mark(NetworkTables tables, String child, List<String> parents, boolean[] given, int[] rowLines,
                      int row, int line) {
        if (given[row]) {
            throw new InputException(file, line, "probability (" + child + ")",
                    parents.isEmpty() ? "table" : "row (" + String.join(", ", tables.rowStates(parents, row)) + ")",
                    "each row once; it is already given on line " + rowLines[row]);
        }
        given[row] = true;
        rowLines[row] = line;
    }

    /** k probabilities separated by commas or spaces, ending with ';'. */
    private double[] numbers(NetworkTables tables, String child, int k, int line) {
        double[] out = new double[k];
        int n = 0;
        while (!peekIs(";")) {
            Token t = peek();
            if (t == null) {
                throw syntax("';' ending the row");
            }
            if (peekIs(",")) {
                at++;
                continue;
            }
            if (!t.word()) {
                throw syntax("a probability or ';'");
            }
            at++;
            if (n == k) {
                throw new InputException(file, t.line(), "probability (" + child + ")", "more than " + k + " numbers",
                        "exactly " + k + " probabilities per row, one per state of " + child);
            }
            out[n++] = tables.probability(t.text(), t.line(), child);
        }
        if (n != k) {
            throw new InputException(file, line, "probability (" + child + ")", n + " numbers",
                    "exactly " + k + " probabilities per row, one per state of " + child);
        }
        expect(";");
        return out;
    }
}
