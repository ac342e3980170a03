package org.deciban.cli;

import java.util.List;
import org.deciban.io.CaseLoader;
import picocli.CommandLine.Parameters;

/** The optional CASE parameter: when left out, the project's only case. */
public final class CaseArgument {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CASE",
            description = "Case id, as in priors/<CASE>.yaml (default: the only case under priors/).")
    String caseId;

    /** The case to load: the one given, or the only one there is. */
    String resolve(CaseLoader loader) {
        if (caseId != null) {
            return caseId;
        }
        List<String> cases = loader.availableCases();
        if (cases.size() == 1) {
            return cases.get(0);
        }
        throw new BadInput(cases.isEmpty() ? "no case found: priors/ holds no <case>.yaml (see --root)"
                : "more than one case under priors/; name one of: " + String.join(", ", cases));
    }
}
