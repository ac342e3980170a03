package org.deciban.inference.network;

import java.util.List;

/**
 * A network whose junction tree needs a clique table larger than allowed ({@code settings.max_clique},
 * design.md N6). This is bad input (exit code 2), not an internal failure: the message names the clique's
 * variables, its size in doubles and the limit.
 */
public final class CliqueTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> variables;
    private final double size;

    CliqueTooLargeException(List<String> variables, double size, long limit) {
        super(message(variables, size, limit));
        this.variables = List.copyOf(variables);
        this.size = size;
    }

    private static String message(List<String> variables, double size, long limit) {
        String names = variables.size() <= 24 ? String.join(", ", variables)
                : String.join(", ", variables.subList(0, 24)) + ", ... (" + variables.size() + " variables)";
        String count = size < 1e15 ? String.format(java.util.Locale.ROOT, "%,.0f", size)
                : String.format(java.util.Locale.ROOT, "%.3g", size);
        return "the network's junction tree needs a clique table of " + count + " doubles over " + names
                + "; allowed: at most settings.max_clique = " + String.format(java.util.Locale.ROOT, "%,d", limit)
                + " doubles (default 2^27); fewer parents or states, or a larger settings.max_clique";
    }

    /** The clique's variables. */
    public List<String> variables() {
        return variables;
    }

    /** The clique's table size, in doubles. */
    public double size() {
        return size;
    }
}
