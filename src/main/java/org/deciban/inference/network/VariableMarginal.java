package org.deciban.inference.network;

import java.util.List;

/**
 * One variable's marginal before and after the findings.
 *
 * @param id          the variable's id
 * @param label       its label
 * @param states      its state ids, in order
 * @param stateLabels its state labels, in the same order
 * @param prior       P(V = s) under the network alone (no findings)
 * @param posterior   P(V = s | findings)
 */
public record VariableMarginal(String id, String label, List<String> states, List<String> stateLabels,
                               List<Double> prior, List<Double> posterior) {

    public VariableMarginal {
        states = List.copyOf(states);
        stateLabels = List.copyOf(stateLabels);
        prior = List.copyOf(prior);
        posterior = List.copyOf(posterior);
        if (prior.size() != states.size() || posterior.size() != states.size() || stateLabels.size() != states.size()) {
            throw new IllegalArgumentException("variable '" + id + "': one prior, posterior and label per state");
        }
    }
}
