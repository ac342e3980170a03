package org.deciban.cli;

import java.util.concurrent.Callable;
import org.deciban.inference.CasePosterior;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deciban check}: validates a case and writes nothing. */
@Command(name = "check", header = "Validate a case's files; write nothing.", mixinStandardHelpOptions = true,
        description = {"Validate a case's files (and that its evidence is possible under some hypothesis); write nothing.",
                "Exit code 0 when valid, 2 with one line naming file, line, field and value when not."})
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CaseLoader loader = new CaseLoader(common.root);
        Case c = loader.load(caseArg.resolve(loader));
        CasePosterior.of(c);
        long evidenceFiles = c.inputs().stream().filter(f -> f.path().startsWith("evidence/")).count();
        common.screen(spec.commandLine().getOut()).line(c.id() + ": valid: " + Numbers.count(c.size(), "hypothesis", "hypotheses")
                + ", " + Numbers.count(c.evidence().size(), "evidence item") + " from "
                + Numbers.count(evidenceFiles, "evidence file") + " (and priors/" + c.id() + ".yaml)");
        return 0;
    }
}
