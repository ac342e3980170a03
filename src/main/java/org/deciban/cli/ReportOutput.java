package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deciban.io.ReportFolder;
import picocli.CommandLine.Option;

/** The options and the writing step shared by explain, sensitivity, what-if and indicators. */
final class ReportOutput {

    @Option(names = "--json", description = "Print the figures as one JSON document on stdout (reports are still written).")
    boolean json;

    @Option(names = "--no-write", description = "Print only; write no report files.")
    boolean noWrite;

    /** Writes the files unless --no-write; returns the paths written. */
    List<Path> write(Path root, String caseId, Map<String, String> files) throws IOException {
        if (noWrite) {
            return List.of();
        }
        return ReportFolder.of(root.resolve("reports"), caseId).writeAll(files);
    }

    static void listWritten(PrintWriter out, Path root, List<Path> written) {
        if (written.isEmpty()) {
            return;
        }
        out.println();
        Path base = root.toAbsolutePath().normalize();
        for (Path f : written) {
            out.println("wrote " + base.relativize(f.toAbsolutePath().normalize()));
        }
    }
}
