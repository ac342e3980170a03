package org.deciban.inference.network;

import org.deciban.inference.VariableMarginal;
import java.util.List;
import org.deciban.inference.Posterior;

/**
 * The exact result of a network case (design.md N1, N3, N6).
 *
 * @param posterior the question variable's posterior with its prior marginal, log P(e), each item's
 *                  weight of evidence by N3 and the per-outcome sums (design.md step 6)
 * @param variables every variable's marginal, prior and posterior, in the network's order
 * @param engine    one sentence naming the engine and the size of its junction tree
 */
public record NetworkPosterior(Posterior posterior, List<VariableMarginal> variables, String engine) {

    public NetworkPosterior {
        variables = List.copyOf(variables);
    }
}
