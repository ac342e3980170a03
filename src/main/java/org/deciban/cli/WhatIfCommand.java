package org.deciban.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deciban.inference.sensitivity.WhatIf;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.InputFile;
import org.deciban.report.TerminalTables;
import org.deciban.report.JsonReport;
import org.deciban.report.Provenance;
import org.deciban.report.WhatIfReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deciban what-if}: the posterior with items removed or added, beside the case as it stands. */
@Command(name = "what-if", header = "The posterior with items removed or added, beside the case as it stands.", mixinStandardHelpOptions = true,
        description = {"The posterior with evidence items removed (--without) or extra items added from YAML files "
                + "(--with, the evidence format), side by side with the case as it stands. Nothing under evidence/ "
                + "changes.",
                "Repeat --without (or separate ids with commas) and --with for several items or files: "
                + "deciban what-if --without a --without b CASE.",
                "Writes reports/<case>/whatif.md and whatif.csv."})
public final class WhatIfCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    CaseArgument caseArg;

    @Mixin
    ReportOutput output;

    @Option(names = "--without", arity = "1", split = ",", paramLabel = "ID",
            description = "An evidence item id to leave out; repeat the option (or separate ids with commas) for several.")
    List<String> without = new ArrayList<>();

    @Option(names = "--with", arity = "1", paramLabel = "FILE",
            description = "A YAML file of extra items (one item or a list, as under evidence/<case>/); repeat the "
                    + "option for several files.")
    List<Path> with = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CaseLoader loader = new CaseLoader(common.root);
        String id = caseArg.resolve(loader);
        Case c = loader.load(id);
        List<String> unknown = WhatIf.unknownIds(c, without);
        if (!unknown.isEmpty()) {
            throw new BadInput("--without: no evidence item '" + String.join("', '", unknown) + "' in case " + c.id()
                    + "; allowed: one of " + String.join(", ", c.evidence().stream().map(EvidenceItem::id).sorted().toList()));
        }
        List<EvidenceItem> extra = new ArrayList<>();
        List<InputFile> extraInputs = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (Path f : with) {
            CaseLoader.ItemFiles read = loader.loadItems(id, f);
            extra.addAll(read.items());
            extraInputs.addAll(read.inputs());
            from.add(f.toString());
        }
        WhatIf.Comparison cmp;
        try {
            cmp = WhatIf.compare(CaseRun.model(c), without, extra);
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        Provenance prov = CaseRun.provenance(c, extraInputs, null, null);
        Map<String, String> files = WhatIfReport.render(c, cmp, from, prov);
        List<Path> written = output.write(common.root, c.id(), files);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(JsonReport.text(WhatIfReport.json(c, cmp, prov)));
            return 0;
        }
        Screen screen = common.screen(out);
        screen.line(c.id() + ": " + c.question()).blank();
        WhatIfReport.summary(c, cmp).forEach(screen::line);
        screen.blank().text(TerminalTables.whatIf(screen.layout(), c, cmp));
        ReportOutput.listWritten(out, common.root, written);
        return 0;
    }
}
