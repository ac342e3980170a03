package org.deciban.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.ConditionalTable;
import org.deciban.model.State;
import org.deciban.model.TableForm;
import org.deciban.model.Variable;

/**
 * What BIF and XMLBIF readers share: variables as declared and their tables, checked and assembled
 * into model {@link Variable}s with messages naming the file and line.
 *
 * <p>Numbers in network files are rounded by their writers (the standard networks to 4-7 decimals; a
 * row of ALARM sums to 1 - 1e-7), so a row summing to 1 within {@link #FILE_ROW_TOLERANCE} is divided by
 * its sum; a row further from 1 is refused. Tables written in a case file get no such allowance.
 */
final class NetworkTables {

    /** How far a row of a network file may sum from 1 before it is refused (it is then renormalised). */
    static final double FILE_ROW_TOLERANCE = 1e-6;
    /** Most states one variable may have. */
    static final int MAX_STATES = org.deciban.model.Limits.MAX_STATES;
    /** Most parents one variable may have. */
    static final int MAX_PARENTS = 64;

    private final String file;
    private final String format;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();

    /** A variable as declared: name, states, line. */
    record Declared(String name, List<String> states, int line) {
    }

    /** A table as written: child, parents and the flat entries in {@link ConditionalTable}'s order. */
    record Table(String child, List<String> parents, double[] values, int line) {
    }

    NetworkTables(String file, String format) {
        this.file = file;
        this.format = format;
    }

    InputException error(int line, String field, String value, String allowed) {
        return new InputException(file, line, field, value, "allowed: " + allowed);
    }

    void declare(String name, List<String> states, int line) {
        if (!Variable.isName(name)) {
            throw error(line, "variable", name, "a variable name of " + Variable.NAME_RULE);
        }
        if (declared.containsKey(name)) {
            throw error(line, "variable", name, "each variable declared once; it is already declared on line "
                    + declared.get(name).line());
        }
        if (states.isEmpty()) {
            throw error(line, "variable " + name, "(no states)", "at least one state");
        }
        if (states.size() > MAX_STATES) {
            throw error(line, "variable " + name, states.size() + " states", "at most " + MAX_STATES + " states per variable");
        }
        List<String> seen = new ArrayList<>();
        for (String s : states) {
            if (!Variable.isStateName(s)) {
                throw error(line, "variable " + name, s, "state names of " + Variable.STATE_NAME_RULE);
            }
            if (seen.contains(s)) {
                throw error(line, "variable " + name, s, "each state once; it is listed twice");
            }
            seen.add(s);
        }
        declared.put(name, new Declared(name, List.copyOf(states), line));
    }

    Declared variable(String name, int line, String field) {
        Declared d = declared.get(name);
        if (d == null) {
            throw error(line, field, name, "a declared variable" + Suggest.didYouMean(name, declared.keySet()));
        }
        return d;
    }

    /** Checks a table's child and parents and returns the number of rows it must have. */
    int rowsOf(String child, List<String> parents, int line) {
        String field = "probability (" + child + ")";
        variable(child, line, field);
        if (tables.containsKey(child)) {
            throw error(line, field, child, "one table per variable; it already has one on line " + tables.get(child).line());
        }
        if (parents.size() > MAX_PARENTS) {
            throw error(line, field, parents.size() + " parents", "at most " + MAX_PARENTS + " parents per variable");
        }
        long rows = 1;
        List<String> seen = new ArrayList<>();
        for (String p : parents) {
            if (p.equals(child)) {
                throw error(line, field, p, "parents other than the variable itself");
            }
            if (seen.contains(p)) {
                throw error(line, field, p, "each parent once");
            }
            seen.add(p);
            rows *= variable(p, line, field).states().size();
            if (rows * declared.get(child).states().size() > NetworkBytes.MAX_TEXT_BYTES) {
                throw error(line, field, "a table of more than " + NetworkBytes.MAX_TEXT_BYTES + " entries",
                        "a table that could be written in a network file within its size limit");
            }
        }
        return (int) rows;
    }

    /** The row index of one combination of parent states, in {@link ConditionalTable}'s order. */
    int rowIndex(String child, List<String> parents, List<String> parentStates, int line) {
        String field = "probability (" + child + ")";
        if (parentStates.size() != parents.size()) {
            throw error(line, field, "(" + String.join(", ", parentStates) + ")",
                    "one state for each of the " + parents.size() + " parents (" + String.join(", ", parents) + ")");
        }
        int row = 0;
        for (int i = 0; i < parents.size(); i++) {
            List<String> states = declared.get(parents.get(i)).states();
            int s = states.indexOf(parentStates.get(i));
            if (s < 0) {
                throw error(line, field, parentStates.get(i), "a state of " + parents.get(i) + ", one of "
                        + String.join(", ", states) + Suggest.didYouMean(parentStates.get(i), states));
            }
            row = row * states.size() + s;
        }
        return row;
    }

    /** A probability as written: a finite number in [0, 1]. */
    double probability(String text, int line, String child) {
        double x;
        try {
            x = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error(line, "probability (" + child + ")", text, "a number in [0, 1]");
        }
        if (!(x >= 0 && x <= 1) || text.length() > 64) {
            throw error(line, "probability (" + child + ")", text, "a number in [0, 1]");
        }
        return x;
    }

    /**
     * Records a complete table; rows must all be present ({@code given[r]}) and sum to 1 within
     * {@link #FILE_ROW_TOLERANCE}.
     */
    void table(String child, List<String> parents, double[] values, boolean[] given, int[] rowLines, int line) {
        int k = declared.get(child).states().size();
        String field = "probability (" + child + ")";
        for (int r = 0; r < given.length; r++) {
            if (!given[r]) {
                throw error(line, field, "row (" + String.join(", ", rowStates(parents, r)) + ") missing",
                        "one row for every combination of the states of " + String.join(", ", parents));
            }
            double sum = 0;
            for (int s = 0; s < k; s++) {
                sum += values[r * k + s];
            }
            if (!(Math.abs(sum - 1) <= FILE_ROW_TOLERANCE)) {
                throw error(rowLines[r], field, (parents.isEmpty() ? "table" : "row (" + String.join(", ", rowStates(parents, r)) + ")")
                        + " sums to " + sum, "probabilities that sum to 1 (within " + FILE_ROW_TOLERANCE + ")");
            }
            for (int s = 0; s < k; s++) {
                values[r * k + s] /= sum;
            }
        }
        tables.put(child, new Table(child, List.copyOf(parents), values, line));
    }

    /** The parent states of a row, by name. */
    List<String> rowStates(List<String> parents, int row) {
        String[] out = new String[parents.size()];
        for (int i = parents.size() - 1; i >= 0; i--) {
            List<String> states = declared.get(parents.get(i)).states();
            out[i] = states.get(row % states.size());
            row /= states.size();
        }
        return List.of(out);
    }

    /** Number of states of a declared variable. */
    int states(String name) {
        return declared.get(name).states().size();
    }

    /** The variables in declaration order, each with its table. */
    List<Variable> variables() {
        if (declared.isEmpty()) {
            throw new InputException(file, 0, null, "(no variable)", "allowed: a " + format + " network with at least one variable");
        }
        List<Variable> out = new ArrayList<>();
        for (Declared d : declared.values()) {
            Table t = tables.get(d.name());
            if (t == null) {
                throw error(d.line(), "variable " + d.name(), d.name(), "a variable with a probability table; none is given");
            }
            List<State> states = new ArrayList<>();
            for (String s : d.states()) {
                states.add(new State(s, s));
            }
            int rows = t.values().length / d.states().size();
            out.add(new Variable(d.name(), d.name(), states, t.parents(),
                    ConditionalTable.of(rows, d.states().size(), t.values()), null,
                    new TableForm.Rows(format), file + ":" + d.line()));
        }
        return out;
    }
}
