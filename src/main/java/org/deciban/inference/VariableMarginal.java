package org.deciban.inference;

import java.util.List;

/**
 * One variable's prior and posterior marginal.
 *
 * @param id        the variable's id
 * @param label     its label
 * @param stateIds  its states' ids
 * @param stateLabels its states' labels
 * @param prior     P(V = v) with no findings
 * @param posterior P(V = v | every finding)
 */
public record VariableMarginal(String id, String label, List<String> stateIds, List<String> stateLabels,
                               List<Double> prior, List<Double> posterior) {

    public VariableMarginal {
        stateIds = List.copyOf(stateIds);
        stateLabels = List.copyOf(stateLabels);
        prior = List.copyOf(prior);
        posterior = List.copyOf(posterior);
        if (prior.size() != stateIds.size() || posterior.size() != stateIds.size() || stateLabels.size() != stateIds.size()) {
            throw new IllegalArgumentException("variable '" + id + "': " + stateIds.size() + " states, "
                    + prior.size() + " prior and " + posterior.size() + " posterior probabilities");
        }
    }
}
