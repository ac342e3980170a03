package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deciban.testing.Cli;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the command line treats a new user: options that take values never swallow the case, help
 * prints cleanly within 80 columns, a missing command or folder is a usage error (exit 2), and a
 * case may be named by the path of its priors file.
 */
class UsageTest {

    @TempDir
    Path tmp;

    private static List<CommandLine> commands() {
        CommandLine top = Deciban.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()));
        List<CommandLine> all = new ArrayList<>(List.of(top));
        all.addAll(top.getSubcommands().values());
        return all;
    }

    @Test
    void noOptionTakesMoreThanOneValueAtATime() {
        for (CommandLine cl : commands()) {
            for (OptionSpec o : cl.getCommandSpec().options()) {
                assertTrue(o.arity().max() <= 1, cl.getCommandName() + " " + o.longestName() + " takes "
                        + o.arity() + " values: it would swallow the CASE argument; repeat the option instead");
            }
        }
    }

    @Test
    void whatIfTakesTheCaseAfterItsOptions() {
        Path root = Tree.copyKim(tmp.resolve("p"));
        String r = root.toString();
        for (List<String> args : List.of(
                List.of("what-if", "--root", r, "--no-write", "--without", "kcna-do-not-care", "kim-2024"),
                List.of("what-if", "--root", r, "--no-write", "--without=kcna-do-not-care", "--without=russia-pact",
                        "kim-2024"),
                List.of("what-if", "--root", r, "--no-write", "--without", "kcna-do-not-care,russia-pact", "kim-2024"))) {
            Cli.Result res = Cli.run(args.toArray(String[]::new));
            assertEquals(0, res.code(), args + ": " + res.err());
            assertTrue(res.out().contains("Removed: kcna-do-not-care"), res.out());
        }
        Cli.Result two = Cli.run("what-if", "--root", r, "--no-write", "--without", "kcna-do-not-care",
                "--without", "russia-pact", "kim-2024");
        assertTrue(two.out().contains("Removed: kcna-do-not-care, russia-pact."), two.out());
    }

    @Test
    void everyHelpPrintsCleanlyWithin80Columns() {
        for (CommandLine cl : commands()) {
            String name = cl.getCommandName();
            List<String> args = name.equals("deciban") ? List.of("--help") : List.of(name, "--help");
            Cli.Result res = Cli.run(args.toArray(String[]::new));
            assertEquals(0, res.code(), name);
            assertEquals("", res.err(), name + " --help wrote to stderr");
            for (String line : res.out().split("\n")) {
                assertTrue(line.length() <= 80, name + " --help line of " + line.length() + " columns: " + line);
                assertFalse(line.endsWith(" "), name + " --help line ends in a space: '" + line + "'");
            }
            CommandSpec spec = cl.getCommandSpec();
            for (String element : spec.usageMessage().description()) {
                String paragraph = element.replace("%n", "").strip();
                assertTrue(paragraph.isEmpty() || paragraph.endsWith(".") || paragraph.endsWith(":"),
                        name + ": a description element is a whole paragraph, not a line broken by hand: " + paragraph);
            }
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result res = Cli.run();
        assertEquals(2, res.code());
        assertEquals("", res.out(), "the help goes to stderr");
        assertTrue(res.err().startsWith("deciban: error: no command given"), res.err());
        assertTrue(res.err().contains("Commands:"), res.err());
    }

    @Test
    void aMissingRootFolderIsNamedAsSuch() {
        Cli.Result res = Cli.run("check", "--root", tmp.resolve("nonexistent").toString(), "kim-2024");
        assertEquals(2, res.code());
        assertEquals(List.of("deciban: error: --root " + tmp.resolve("nonexistent") + ": no such folder; allowed: a "
                + "project folder holding priors/, evidence/ and reports/ (default: the current folder)"), res.errLines());
    }

    @Test
    void aCaseMayBeNamedByThePathOfItsPriorsFile() {
        Path root = Tree.copyKim(tmp.resolve("p"));
        String r = root.toString();
        for (String given : List.of(root.resolve("priors/kim-2024.yaml").toString(), "priors/kim-2024.yaml",
                "kim-2024.yaml")) {
            Cli.Result res = Cli.run("check", "--root", r, given);
            assertEquals(0, res.code(), given + ": " + res.err());
            assertTrue(res.out().startsWith("kim-2024: valid"), res.out());
        }
        Path other = Tree.copyKim(tmp.resolve("other"));
        Cli.Result res = Cli.run("check", "--root", r, other.resolve("priors/kim-2024.yaml").toString());
        assertEquals(2, res.code());
        assertTrue(res.err().contains("is not under the project folder") && res.err().contains("--root " + other.resolve("priors").getParent()),
                res.err());
        Cli.Result notCase = Cli.run("check", "--root", r, root.resolve("evidence/kim-2024/trump.yaml").toString());
        assertEquals(2, notCase.code());
        assertTrue(notCase.err().contains("not a case file (priors/<case>.yaml)"), notCase.err());
    }
}
