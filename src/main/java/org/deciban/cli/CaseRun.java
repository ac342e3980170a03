package org.deciban.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.models.CaseModels;
import org.deciban.model.Case;
import org.deciban.model.InputFile;
import org.deciban.report.Provenance;
import org.deciban.io.ReportFolder;

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

    /** The case's compiled model ({@link CaseModels#compile(Case)}); a junction tree over settings.max_clique is bad input. */
    static CaseModel model(Case c) {
        return model(() -> CaseModels.compile(c), c);
    }

    /** The case's model at another drift rate and evaluation date (null: the case's own). */
    static CaseModel model(Case c, double drift, java.time.LocalDate at) {
        return model(() -> CaseModels.compile(c, drift, at), c);
    }

    /** The forecast as it stood on a date ({@link CaseModels#asOf}). */
    static CaseModel asOf(Case c, java.time.LocalDate date, double drift) {
        return model(() -> CaseModels.asOf(c, date, drift), c);
    }

    private static <T> T model(java.util.function.Supplier<T> compile, Case c) {
        try {
            return compile.get();
        } catch (org.deciban.inference.network.CliqueTooLargeException e) {
            throw new BadInput("priors/" + c.id() + ".yaml: field 'settings.max_clique' has value '"
                    + c.settings().maxClique() + "': " + e.getMessage());
        }
    }

    static Provenance provenance(Case c, Long seed, Long draws) {
        return provenance(c, List.of(), seed, draws);
    }

    /** The case's input files by path, with their SHA-256, in the case's order. */
    static Map<String, String> inputs(Case c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (InputFile f : c.inputs()) {
            out.put(f.path(), f.sha256());
        }
        return out;
    }

    /** Provenance of a case run that also read files outside the case (indicators, what-if additions). */
    static Provenance provenance(Case c, List<InputFile> extra, Long seed, Long draws) {
        Map<String, String> inputs = inputs(c);
        for (InputFile f : extra) {
            inputs.put(f.path(), f.sha256());
        }
        return new Provenance(c.id(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Version.get(),
                System.getProperty("java.version"), inputs, seed, draws);
    }
}
