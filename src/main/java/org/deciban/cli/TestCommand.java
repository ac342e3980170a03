package org.deciban.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.model.Checks;
import org.deciban.proof.ProofRunner;
import org.deciban.report.TerminalTables;
import org.deciban.report.JsonReport;
import org.deciban.report.Numbers;
import org.deciban.report.ProofTables;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban test}: property checks of an analyst's own case, with jqwik. */
@Command(name = "test", header = "Property checks of a case with jqwik; exit 1 when one fails.", mixinStandardHelpOptions = true,
        description = {"Check properties of a case with jqwik: the posterior is a probability vector; the order of "
                + "evidence does not matter; no item carries more than checks.max_item_share of the conclusion; "
                + "the leading hypothesis survives perturbations of every likelihood within its 90%% range in at "
                + "least checks.survival_share of tries (its ICD 203 band too, when checks.band_must_survive is "
                + "true); the case's own checks.expect hold.",
                "Also searches for, and shrinks, the smallest change of judgments that overturns the leader (or "
                + "its band, when the band must survive).",
                "Exit code 0 when every check passes, 1 when one fails, 2 on bad input. Writes nothing."})
public final class TestCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of jqwik and of the perturbations (default: the case's settings.seed).")
    Long seed;

    @Option(names = "--tries", paramLabel = "N", description = "Tries per property (default: the case's checks.tries, else 1000).")
    Integer tries;

    @Option(names = "--json", description = "Print the verdicts and figures as one JSON document on stdout.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CaseLoader loader = new CaseLoader(common.root);
        CaseLoader.Loaded loaded = loader.loadWithChecks(caseArg.resolve(loader));
        Case c = loaded.subject();
        CaseRun.model(c);
        Checks checks = loaded.checks();
        if (tries != null) {
            if (tries < 1 || tries > org.deciban.model.Limits.MAX_TRIES) {
                throw new BadInput("--tries " + tries + ": allowed: a whole number from 1 to " + org.deciban.model.Limits.MAX_TRIES);
            }
            checks = checks.withTries(tries);
        }
        long s = seed != null ? seed : c.settings().seed();
        PrintWriter out = spec.commandLine().getOut();
        Checks used = checks;
        ProofRunner.Outcome outcome = withTemporaryDatabase(database -> ProofRunner.run(c, used, s, database));
        int code = outcome.allPassed() ? 0 : 1;
        if (json) {
            out.println(JsonReport.text(ProofTables.json(c, outcome, s, checks.tries())));
            return code;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": property checks, seed " + s + ", " + Numbers.count(checks.tries(), "try", "tries")
                + " (replay with --seed " + s + ")").blank();
        for (String line : ProofTables.verdictLines(outcome.results())) {
            screen.line(line);
        }
        if (outcome.overturn() != null) {
            screen.blank().line(ProofTables.overturnHeading(outcome.overturn()));
            screen.text(TerminalTables.counterexample(screen.layout(), outcome.overturn().changes()));
        }
        screen.blank().line(ProofTables.summary(outcome));
        return code;
    }

    /**
     * Runs with a temporary path for jqwik's failure database, removed afterwards: {@code deciban test}
     * leaves nothing behind.
     */
    private static ProofRunner.Outcome withTemporaryDatabase(java.util.function.Function<String, ProofRunner.Outcome> run) {
        java.nio.file.Path database;
        try {
            database = java.nio.file.Files.createTempFile("deciban-jqwik-", ".db");
            java.nio.file.Files.delete(database);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create jqwik's temporary database", e);
        }
        try {
            return run.apply(database.toString());
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(database);
            } catch (java.io.IOException ignored) {
                // a temporary file left behind in the system's temp folder harms nothing
            }
        }
    }
}
