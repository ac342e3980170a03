package org.deciban.model;

/**
 * A network that is not a valid discrete Bayesian network, naming the variable, the part of it at
 * fault, the bad value and what is allowed, so the reader that built it can point at the line.
 */
public final class NetworkException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String field;
    private final String value;
    private final String allowed;

    /**
     * @param variable the variable at fault
     * @param field    its part at fault: "id", "parents", "table", "states"
     * @param value    the bad value, as text
     * @param allowed  what is allowed instead
     */
    public NetworkException(String variable, String field, String value, String allowed) {
        super("variable '" + variable + "': " + field + " '" + value + "': " + allowed);
        this.variable = variable;
        this.field = field;
        this.value = value;
        this.allowed = allowed;
    }

    /** The variable at fault. */
    public String variable() {
        return variable;
    }

    /** Its part at fault. */
    public String field() {
        return field;
    }

    /** The bad value. */
    public String value() {
        return value;
    }

    /** What is allowed. */
    public String allowed() {
        return allowed;
    }
}
