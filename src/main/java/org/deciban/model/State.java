package org.deciban.model;

import java.util.Objects;

/**
 * One state of a network variable.
 *
 * @param id    the state's name, unique within its variable: {@code [a-z0-9-]+} when written in a case
 *              file, the name as written when read from a network file (see {@link Variable#isStateName})
 * @param label human-readable text (the id when none is given)
 */
public record State(String id, String label) {

    public State {
        Objects.requireNonNull(id, "id");
        if (!Variable.isStateName(id)) {
            throw new IllegalArgumentException("state name '" + id + "' is not allowed; allowed: "
                    + Variable.STATE_NAME_RULE);
        }
        label = label == null || label.isBlank() ? id : label;
    }
}
