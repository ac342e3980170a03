package org.deciban.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options every command takes: where the project is, and whether to show stack traces. */
public final class CommonOptions {

    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "Project folder holding priors/, evidence/ and reports/ (default: the current folder).")
    Path root = Paths.get(".");

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Option(names = "--wide", description = "Print tables and text at full width, one line per table row "
            + "(default: fit the terminal, 80 columns when output goes to a pipe or a file).")
    boolean wide;

    /** Standard output laid out for the terminal (or at full width with --wide). */
    Screen screen(java.io.PrintWriter out) {
        return new Screen(out, Screen.layout(wide));
    }

    /** Whether --debug was given to the command that ran. */
    static boolean debugRequested(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
