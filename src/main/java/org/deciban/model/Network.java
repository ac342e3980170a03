package org.deciban.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A discrete Bayesian network: variables with conditional tables, whose joint distribution is
 * P(x) = prod_V P(x_V | x_pa(V)).
 *
 * <p>Validated when built, each defect a {@link NetworkException} naming the variable: ids unique,
 * every parent known, no variable its own parent, no directed cycle (named by its path, such as
 * {@code a -> b -> c -> a}), and every table of the right shape (one row per configuration of the
 * parents' states, one column per state; rows summing to 1 is checked by {@link ConditionalTable}).
 * The variables are kept in a topological order (parents before children), ties kept in the order
 * given, so the same input always gives the same order. Immutable.
 */
public final class Network {

    private final List<Variable> variables;
    private final Map<String, Integer> index;
    private final int[][] parents;

    /**
     * @throws NetworkException for any defect listed in the class comment
     */
    public Network(List<Variable> variables) {
        List<Variable> given = List.copyOf(variables);
        if (given.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one variable");
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Variable v = given.get(i);
            Integer before = at.putIfAbsent(v.id(), i);
            if (before != null) {
                throw new NetworkException(v.id(), "id", v.id(), "a unique id; it is already used"
                        + (given.get(before).origin().isEmpty() ? "" : " at " + given.get(before).origin()));
            }
        }
        for (Variable v : given) {
            for (String p : v.parents()) {
                if (p.equals(v.id())) {
                    throw new NetworkException(v.id(), "parents", p, "parents other than the variable itself");
                }
                if (!at.containsKey(p)) {
                    throw new NetworkException(v.id(), "parents", p, "the id of another variable of the network");
                }
            }
        }
        this.variables = Collections.unmodifiableList(topological(given, at));
        this.index = new HashMap<>();
        for (int i = 0; i < this.variables.size(); i++) {
            index.put(this.variables.get(i).id(), i);
        }
        this.parents = new int[this.variables.size()][];
        for (int i = 0; i < this.variables.size(); i++) {
            Variable v = this.variables.get(i);
            parents[i] = new int[v.parents().size()];
            long rows = 1;
            for (int j = 0; j < parents[i].length; j++) {
                parents[i][j] = index.get(v.parents().get(j));
                rows *= this.variables.get(parents[i][j]).size();
                if (rows > Integer.MAX_VALUE) {
                    break;
                }
            }
            if (rows != v.table().rows()) {
                throw new NetworkException(v.id(), "table", v.table().rows() + " rows",
                        (rows > Integer.MAX_VALUE ? "more than " + Integer.MAX_VALUE : Long.toString(rows))
                                + " rows, one per combination of the states of its parents");
            }
        }
    }

    /** The network of one variable, its only table a prior. */
    public static Network of(Variable only) {
        return new Network(List.of(only));
    }

    /** Kahn's algorithm; the lowest given index first among the ready; a cycle is reported by its path. */
    private static List<Variable> topological(List<Variable> given, Map<String, Integer> at) {
        int n = given.size();
        int[] missing = new int[n];
        List<List<Integer>> children = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            children.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String p : given.get(i).parents()) {
                children.get(at.get(p)).add(i);
                missing[i]++;
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (missing[i] == 0) {
                ready.add(i);
            }
        }
        List<Variable> out = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        while (!ready.isEmpty()) {
            int i = ready.poll();
            done[i] = true;
            out.add(given.get(i));
            for (int c : children.get(i)) {
                if (--missing[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() < n) {
            List<String> cycle = cycle(given, at, done);
            throw new NetworkException(cycle.get(0), "parents", String.join(" -> ", cycle),
                    "parents that form no cycle (a variable cannot depend on itself through others)");
        }
        return out;
    }

    /** A directed cycle among the variables not placed, as ids from a variable back to itself along parent arcs. */
    private static List<String> cycle(List<Variable> given, Map<String, Integer> at, boolean[] done) {
        int n = given.size();
        int start = 0;
        while (done[start]) {
            start++;
        }
        // every unplaced variable has an unplaced parent: walk parents until a variable repeats
        int[] seenAt = new int[n];
        java.util.Arrays.fill(seenAt, -1);
        List<Integer> walk = new ArrayList<>();
        int v = start;
        while (seenAt[v] < 0) {
            seenAt[v] = walk.size();
            walk.add(v);
            int next = -1;
            for (String p : given.get(v).parents()) {
                int q = at.get(p);
                if (!done[q]) {
                    next = q;
                    break;
                }
            }
            v = next;
        }
        // walk[seenAt[v]..] is the cycle along parent arcs (child -> parent); report it along the arcs
        // parent -> child, from v: v -> walk[last] -> ... -> walk[seenAt[v] + 1] -> v
        List<String> out = new ArrayList<>();
        out.add(given.get(v).id());
        for (int i = walk.size() - 1; i > seenAt[v]; i--) {
            out.add(given.get(walk.get(i)).id());
        }
        out.add(given.get(v).id());
        return out;
    }

    /** The variables, parents before children. */
    public List<Variable> variables() {
        return variables;
    }

    /** Number of variables. */
    public int size() {
        return variables.size();
    }

    /** The variable at an index of {@link #variables()}. */
    public Variable variable(int i) {
        return variables.get(i);
    }

    /** Index of a variable id in {@link #variables()}, or -1. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The variable of an id. */
    public Variable variable(String id) {
        int i = indexOf(id);
        if (i < 0) {
            throw new IllegalArgumentException("no variable '" + id + "' in the network");
        }
        return variables.get(i);
    }

    /** Indices of the parents of variable i, in its parent order (a copy). */
    public int[] parents(int i) {
        return parents[i].clone();
    }

    /** Number of states of variable i. */
    public int states(int i) {
        return variables.get(i).size();
    }

    /** This network with one variable's table replaced (same shape). */
    public Network withTable(String id, ConditionalTable table) {
        List<Variable> vs = new ArrayList<>(variables);
        int i = indexOf(id);
        vs.set(i, vs.get(i).withTable(table));
        return new Network(vs);
    }
}
