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
