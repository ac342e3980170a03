package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small case written into a temporary project root for the report tests. Its labels, question
 * and sources hold markup and spreadsheet formula starts, so escaping and CSV guards are exercised.
 */
final class ReportCaseFixture {

    static final String CASE = "evil";
    static final String SCRIPT = "<script>alert('x')</script>";

    private ReportCaseFixture() {
    }

    /** Writes priors/evil.yaml and evidence/evil/items.yaml with {@code items} evidence items. */
    static void write(Path root, int items) throws IOException {
        Files.createDirectories(root.resolve("priors"));
        Files.createDirectories(root.resolve("evidence").resolve(CASE));
        Files.writeString(root.resolve("priors").resolve(CASE + ".yaml"), String.join("\n",
                "case: evil",
                "question: \"=HYPERLINK(1) Does <b>markup</b> " + SCRIPT + " leak?\"",
                "as_of: 2024-08-01",
                "hypotheses:",
                "  - id: ha",
                "    label: \"" + SCRIPT + " yes\"",
                "    outcome: \"+outcome <i>A</i>\"",
                "  - id: hb",
                "    label: \"-no & <no>\"",
                "    outcome: \"@outcome B\"",
                "  - id: neither",
                "    label: \"=neither\"",
                "prior:",
                "  probabilities: {ha: 0.4, hb: 0.4, neither: 0.2}",
                ""));
        StringBuilder ev = new StringBuilder();
        for (int i = 0; i < items; i++) {
            double a = 0.2 + 0.6 * ((i * 37) % 100) / 100.0;
            double b = 0.2 + 0.6 * ((i * 53 + 11) % 100) / 100.0;
            ev.append("- id: item-").append(i).append('\n')
                    .append("  date: 2024-07-01\n")
                    .append("  category: statement\n")
                    .append("  source: \"").append(i % 2 == 0 ? "=cmd|' /C calc'!A0 " : "-2+3 ").append(SCRIPT).append("\"\n")
                    .append("  reliability: B2\n")
                    .append(String.format(Locale.ROOT, "  likelihoods: {ha: %.2f, hb: %.2f, neither: 0.5}%n", a, b));
        }
        Files.writeString(root.resolve("evidence").resolve(CASE).resolve("items.yaml"), ev.toString());
    }

    /** Runs the command line in-process; returns exit code, stdout and stderr. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Deciban.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }
}
