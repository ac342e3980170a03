package org.deciban.cli;

import java.util.concurrent.Callable;
import org.deciban.inference.CasePosterior;
import org.deciban.inference.network.CaseNetwork;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deciban check}: validates a case and writes nothing. */
@Command(name = "check", header = "Validate a case's files; write nothing.", mixinStandardHelpOptions = true,
        description = {"Validate a case's files (and that its evidence is possible under some hypothesis); write nothing.",
                "For a network case: also that the network compiles (no cycle, tables of the right shape, cliques within settings.max_clique).",
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
        if (c.structured()) {
            CaseRun.requireNoNetworkDrift(c);
            CaseNetwork net = CaseRun.network(c);
            net.posterior();
            spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                    "%s: valid: a network of %d variables (junction tree of %d clique(s), %,d table entries), "
                            + "question variable '%s' with %d states, %d evidence items from %d files%n",
                    c.id(), c.network().size(), net.tree().cliques(), net.tree().tableEntries(), c.questionVariable(),
                    c.size(), c.evidence().size(), c.inputs().size());
            return 0;
        }
        CasePosterior.of(c);
        long evidenceFiles = c.inputs().stream().filter(f -> f.path().startsWith("evidence/")).count();
        common.screen(spec.commandLine().getOut()).line(c.id() + ": valid: " + Numbers.count(c.size(), "hypothesis", "hypotheses")
                + ", " + Numbers.count(c.evidence().size(), "evidence item") + " from "
                + Numbers.count(evidenceFiles, "evidence file") + " (and priors/" + c.id() + ".yaml)");
        return 0;
    }
}
