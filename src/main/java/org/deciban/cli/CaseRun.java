package org.deciban.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.model.Case;
import org.deciban.model.InputFile;
import org.deciban.report.Provenance;
import org.deciban.report.ReportFolder;

/** Shared steps of the commands: provenance of a loaded case. */
final class CaseRun {

    private CaseRun() {
    }

    /** The report folder of a case; an id that would leave reports/ is bad input. */
    static ReportFolder reportFolder(Path root, String caseId) {
        try {
            return ReportFolder.of(root.resolve("reports"), caseId);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
    }

    /**
     * Refuses a network case (more than one variable) for an analysis that does not cover networks yet:
     * one line, exit code 2.
     */
    static void requireOneVariable(Case c, String analysis) {
        if (c.structured()) {
            throw new BadInput("case '" + c.id() + "' is a network case (" + c.network().size() + " variables); "
                    + analysis + " does not yet cover network cases; allowed on it: deciban run (exact posterior, "
                    + "no Monte Carlo), check and query");
        }
    }

    /** Refuses drift (settings.drift &gt; 0) on a network case: DESIGN N4 is not computed on networks yet. */
    static void requireNoNetworkDrift(Case c) {
        if (c.structured() && c.settings().drift() > 0) {
            throw new BadInput("priors/" + c.id() + ".yaml: field 'settings.drift' has value '" + c.settings().drift()
                    + "'; allowed: 0 (or leave it out) on a network case: drift does not yet cover network cases");
        }
    }

    /**
     * The case compiled for exact inference on its network; a junction tree over settings.max_clique is bad
     * input, reported against the case file.
     */
    static org.deciban.inference.network.CaseNetwork network(Case c) {
        try {
            return org.deciban.inference.network.CaseNetwork.compile(c);
        } catch (org.deciban.inference.network.CliqueTooLargeException e) {
            throw new BadInput("priors/" + c.id() + ".yaml: field 'settings.max_clique' has value '"
                    + c.settings().maxClique() + "': " + e.getMessage());
        }
    }

    static Provenance provenance(Case c, Long seed, Long draws) {
        return provenance(c, List.of(), seed, draws);
    }

    /** Provenance of a case run that also read files outside the case (indicators, what-if additions). */
    static Provenance provenance(Case c, List<InputFile> extra, Long seed, Long draws) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (InputFile f : c.inputs()) {
            inputs.put(f.path(), f.sha256());
        }
        for (InputFile f : extra) {
            inputs.put(f.path(), f.sha256());
        }
        return new Provenance(c.id(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Version.get(),
                System.getProperty("java.version"), inputs, seed, draws);
    }
}
