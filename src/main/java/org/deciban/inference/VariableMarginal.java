package org.deciban.inference;

import java.util.List;

/**
 * One variable's prior and posterior marginal.
 *
 * @param id        the variable's id
 * @param label     its label
 * @param states    its state ids, in order
 * @param stateLabels its states' labels
 * @param prior     P(V = v) with no findings
 * @param posterior P(V = v | every finding)
 */
public record VariableMarginal(String id, String label, List<String> states, List<String> stateLabels,
                               List<Double> prior, List<Double> posterior) {

    public VariableMarginal {
        states = List.copyOf(states);
        stateLabels = List.copyOf(stateLabels);
        prior = List.copyOf(prior);
        posterior = List.copyOf(posterior);
        if (prior.size() != states.size() || posterior.size() != states.size() || stateLabels.size() != states.size()) {
            throw new IllegalArgumentException("variable '" + id + "': " + states.size() + " states, "
                    + prior.size() + " prior and " + posterior.size() + " posterior probabilities");
        }
    }
}
