package org.deciban.cli;

import java.util.concurrent.Callable;
import org.deciban.inference.CaseModel;
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
        CaseModel model = CaseRun.model(c);
        Screen screen = common.screen(spec.commandLine().getOut());
        long evidenceFiles = c.inputs().stream().filter(f -> f.path().startsWith("evidence/")).count();
        String items = Numbers.count(c.evidence().size(), "evidence item") + " from "
                + Numbers.count(evidenceFiles, "evidence file") + " (and priors/" + c.id() + ".yaml)";
        if (c.structured()) {
            CaseModel.TreeSize tree = model.treeSize();
            screen.line(String.format(java.util.Locale.ROOT, "%s: valid: a network of %d variables (junction tree "
                            + "of %d cliques, %,d table entries), question variable '%s' with %d states, %s",
                    c.id(), c.network().size(), tree.cliques(), tree.tableEntries(), c.questionVariable(),
                    c.size(), items));
        } else {
            screen.line(c.id() + ": valid: " + Numbers.count(c.size(), "hypothesis", "hypotheses") + ", " + items);
        }
        return 0;
    }
}
