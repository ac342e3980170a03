package org.deciban.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.CaseModel;
import org.deciban.inference.VariableMarginal;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.model.Variable;
import org.deciban.report.TerminalTables;
import org.deciban.report.JsonReport;
import org.deciban.report.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deciban query}: marginals of a case's variables, given its evidence and hard findings; writes nothing. */
@Command(name = "query", header = "Marginals of a case's variables given its evidence and findings; write nothing.",
        mixinStandardHelpOptions = true,
        description = {"Print the marginal of each VARIABLE (default: every variable) given the case's evidence items "
                + "and any --given hard findings, beside its prior under the network alone. Exact (junction tree); "
                + "writes nothing.",
                "With one case under priors/ the CASE may be left out: deciban query HRBP --given BP=LOW."})
public final class QueryCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "[CASE] VARIABLE",
            description = "Case id (default: the only case under priors/), then the variables to show (default: all).")
    List<String> words = new ArrayList<>();

    @Option(names = "--given", paramLabel = "VAR=STATE", description = "A hard finding: variable VAR observed in STATE (repeatable).")
    List<String> given = new ArrayList<>();

    @Option(names = "--no-evidence", description = "Leave out the case's evidence items (the --given findings only).")
    boolean noEvidence;

    @Option(names = "--json", description = "Print the marginals as one JSON document on stdout.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CaseLoader loader = new CaseLoader(common.root);
        List<String> rest = new ArrayList<>(words);
        List<String> cases = loader.availableCases();
        String caseId;
        if (!rest.isEmpty() && (cases.contains(rest.get(0)) || cases.size() != 1)) {
            caseId = rest.remove(0);
        } else if (cases.size() == 1) {
            caseId = cases.get(0);
        } else {
            throw new BadInput(cases.isEmpty() ? "no case found: priors/ holds no <case>.yaml (see --root)"
                    : "more than one case under priors/; name one of: " + String.join(", ", cases));
        }
        Case c = loader.load(caseId);
        Map<Integer, Integer> findings = findings(c);
        List<Integer> shown = shown(c, rest);
        CaseModel.Marginals q = CaseRun.model(c).query(findings, !noEvidence);
        List<VariableMarginal> picked = new ArrayList<>();
        for (int v : shown) {
            picked.add(q.variables().get(v));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonReport.query(c, noEvidence ? 0 : c.evidence().size(), findings, q.logEvidence(), picked));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question());
        List<String> what = new ArrayList<>();
        if (!noEvidence) {
            what.add(Numbers.count(c.evidence().size(), "evidence item"));
        }
        findings.forEach((v, s) -> what.add(c.network().variable(v).id() + "=" + c.network().variable(v).states().get(s).id()));
        screen.line("Given " + (what.isEmpty() ? "nothing (the network alone)" : String.join(", ", what))
                + "; log P(given) = " + Numbers.fixed(q.logEvidence(), 6) + ".").blank();
        screen.text(TerminalTables.variables(screen.layout(), picked));
        return 0;
    }

    private Map<Integer, Integer> findings(Case c) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        List<String> ids = c.network().variables().stream().map(Variable::id).toList();
        for (String g : given) {
            int eq = g.indexOf('=');
            if (eq <= 0 || eq == g.length() - 1) {
                throw new BadInput("--given " + g + ": allowed: VAR=STATE, a variable of the case and one of its states");
            }
            String var = g.substring(0, eq);
            String state = g.substring(eq + 1);
            int v = c.network().indexOf(var);
            if (v < 0) {
                throw new BadInput("--given " + g + ": '" + var + "' is not a variable of case '" + c.id() + "'"
                        + didYouMean(var, ids) + "; allowed: " + listed(ids));
            }
            Variable x = c.network().variable(v);
            int s = x.indexOf(state);
            if (s < 0) {
                throw new BadInput("--given " + g + ": '" + state + "' is not a state of " + var + didYouMean(state, x.stateIds())
                        + "; allowed: " + String.join(", ", x.stateIds()));
            }
            if (out.containsKey(v)) {
                throw new BadInput("--given " + g + ": " + var + " is given twice; allowed: one state per variable");
            }
            out.put(v, s);
        }
        return out;
    }

    private List<Integer> shown(Case c, List<String> names) {
        List<Integer> out = new ArrayList<>();
        List<String> ids = c.network().variables().stream().map(Variable::id).toList();
        if (names.isEmpty()) {
            for (int v = 0; v < c.network().size(); v++) {
                out.add(v);
            }
            return out;
        }
        for (String n : names) {
            int v = c.network().indexOf(n);
            if (v < 0) {
                throw new BadInput("query: '" + n + "' is not a variable of case '" + c.id() + "'" + didYouMean(n, ids)
                        + "; allowed: " + listed(ids));
            }
            out.add(v);
        }
        return out;
    }

    private static String listed(List<String> ids) {
        return ids.size() <= 30 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 30)) + ", ... (" + ids.size() + " variables)";
    }

    private static String didYouMean(String wrong, List<String> candidates) {
        return org.deciban.io.Suggest.didYouMean(wrong, candidates);
    }
}
