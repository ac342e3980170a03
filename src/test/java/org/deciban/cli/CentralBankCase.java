package org.deciban.cli;

import java.nio.file.Path;
import org.deciban.testing.Tree;

/**
 * A small case that is not Kim's, for the tests of what a new user reads: "Will the central bank cut
 * its rate in March?", hypotheses cut and hold naming outcomes of the same names and one naming
 * none, and the evidence items given. Hand-made; tests derive their expected figures themselves.
 */
final class CentralBankCase {

    private CentralBankCase() {
    }

    /**
     * Writes priors/cb.yaml and evidence/cb/items.yaml under {@code root}.
     *
     * @param concentration the prior's Dirichlet strength, or null for none
     * @param items         the evidence items, YAML lines of a list
     */
    static Path write(Path root, Integer concentration, String... items) {
        Tree.write(root.resolve("priors/cb.yaml"), String.join("\n",
                "case: cb",
                "question: Will the central bank cut its rate in March?",
                "as_of: 2025-03-01",
                "hypotheses:",
                "  - {id: cut, label: The bank cuts, outcome: cut}",
                "  - {id: hold, label: The bank holds, outcome: hold}",
                "  - {id: unclear, label: The bank has not decided}",
                "prior:",
                "  probabilities: {cut: 0.4, hold: 0.4, unclear: 0.2}",
                concentration == null ? "" : "  concentration: " + concentration,
                ""));
        Tree.write(root.resolve("evidence/cb/items.yaml"), String.join("\n", items) + "\n");
        return root;
    }
}
