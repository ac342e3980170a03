package org.deciban.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One discrete variable of a case's network, with its conditional table P(V | parents).
 *
 * <p>Ids written in a case file follow {@code [a-z0-9-]+} (checked where they are read); a variable
 * read from a BIF or XMLBIF file keeps its name as written, which must pass {@link #isName}. The table
 * has one row per configuration of {@code parents} in the order {@link ConditionalTable} documents and
 * one column per state; whether the number of rows matches the parents' states is checked by
 * {@link Network}, which knows the parents.
 *
 * @param id            the variable's id, unique in the network
 * @param label         human-readable text (the id when none is given)
 * @param states        its states, at least one, unique ids
 * @param parents       ids of its parents, no repeats, not itself
 * @param table         P(V | parents)
 * @param concentration Dirichlet strength of every row for Monte Carlo (design.md N5), or {@code null}
 * @param form          how the table was written
 * @param origin        where it was read ("priors/x.yaml:12"), for messages
 */
public record Variable(String id, String label, List<State> states, List<String> parents, ConditionalTable table,
                       Double concentration, TableForm form, String origin) {

    /** What {@link #isName} allows, in words. */
    public static final String NAME_RULE = "letters, digits, '_', '.' and '-', starting with a letter, digit or '_'";
    /** What {@link #isStateName} allows, in words. */
    public static final String STATE_NAME_RULE = "printable text without spaces, quotes or any of { } ( ) [ ] , ; |";

    /**
     * Whether a text is an allowed variable name: letters, digits, '_', '.', '-', not starting with '.' or '-'
     * (the names of BIF and XMLBIF files). Checked character by character, without regular expressions, so
     * reading a network loads no regex machinery (the cold start of a query counts).
     */
    public static boolean isName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || i > 0 && (c == '.' || c == '-');
            if (!ok) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * Whether a text is an allowed state name: any printable text without white space, control characters,
     * quotes or the delimiters { } ( ) [ ] , ; | (BIF state names such as {@code <5}, {@code >=7.5} or
     * {@code Asy/Patch} are kept).
     */
    public static boolean isStateName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c) || "{}()[],;|\"'`".indexOf(c) >= 0) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    public Variable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(form, "form");
        if (!isName(id)) {
            throw new IllegalArgumentException("variable name '" + id + "' is not allowed; allowed: " + NAME_RULE);
        }
        label = label == null || label.isBlank() ? id : label;
        states = List.copyOf(states);
        parents = List.copyOf(parents);
        origin = origin == null ? "" : origin;
        if (states.isEmpty()) {
            throw new IllegalArgumentException("variable '" + id + "' needs at least one state");
        }
        Set<String> seen = new HashSet<>();
        for (State s : states) {
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("variable '" + id + "' has state '" + s.id() + "' twice");
            }
        }
        Set<String> ps = new HashSet<>();
        for (String p : parents) {
            if (!ps.add(p)) {
                throw new IllegalArgumentException("variable '" + id + "' lists parent '" + p + "' twice");
            }
        }
        if (table.states() != states.size()) {
            throw new IllegalArgumentException("variable '" + id + "' has " + states.size() + " states but its table has "
                    + table.states() + " columns");
        }
        if (concentration != null && !(concentration > 0 && Double.isFinite(concentration))) {
            throw new IllegalArgumentException("concentration " + concentration + " of variable '" + id + "' must be positive");
        }
        if (form instanceof TableForm.Decibans d && d.base().size() != states.size()) {
            throw new IllegalArgumentException("the decibans base of variable '" + id + "' has " + d.base().size()
                    + " entries for " + states.size() + " states");
        }
    }

    /** Number of states. */
    public int size() {
        return states.size();
    }

    /** Index of a state id, or -1. */
    public int indexOf(String stateId) {
        for (int k = 0; k < states.size(); k++) {
            if (states.get(k).id().equals(stateId)) {
                return k;
            }
        }
        return -1;
    }

    /** The state ids, in order. */
    public List<String> stateIds() {
        return states.stream().map(State::id).toList();
    }

    /** This variable with another table (same shape), e.g. a drawn or replaced one. */
    public Variable withTable(ConditionalTable newTable) {
        if (newTable.rows() != table.rows()) {
            throw new IllegalArgumentException("variable '" + id + "' has " + table.rows() + " rows, not " + newTable.rows());
        }
        return new Variable(id, label, states, parents, newTable, concentration, form, origin);
    }
}
