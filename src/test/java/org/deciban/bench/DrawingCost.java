package org.deciban.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.VariableMarginal;
import org.deciban.inference.models.CaseModels;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.report.HtmlReport;
import org.deciban.report.NetworkDiagram;
import org.deciban.report.Provenance;
import org.deciban.report.RunPage;

/**
 * What the network drawing adds to {@code deciban run}, in one fresh JVM per case (src/bench/run-drawing-bench.sh
 * starts one per case and round): the case is read and compiled, then the page's other charts are drawn as
 * {@code run} draws them (so the fonts and JFreeChart are loaded, as they are when the drawing's turn comes),
 * then the drawing is made once cold (ELK's classes loaded, nothing compiled by the JIT) and {@code warm} more
 * times. Prints one line: {@code case=... variables=... page_ms=... drawing_cold_ms=... drawing_warm_ms=...
 * drawing_chars=... page_chars=...}, {@code page_ms} the cold time of the page without the drawing, {@code drawing_warm_ms} the
 * median of the warm repeats, {@code drawing_chars} the size of a page holding the drawing alone (with its style).
 *
 * <p>Usage: {@code DrawingCost ROOT CASE [warm]}
 */
public final class DrawingCost {

    private DrawingCost() {
    }

    public static void main(String[] args) {
        Case c = new CaseLoader(Path.of(args[0])).load(args[1]);
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        CaseModel model = CaseModels.compile(c);
        List<VariableMarginal> marginals = model.variables();
        Provenance prov = new Provenance(c.id(), "now", "bench", System.getProperty("java.version"), Map.of(), null, null);
        long t0 = System.nanoTime();
        String page = RunPage.build(c, model.posterior(), prov, List.of(), null).render();
        long t1 = System.nanoTime();
        HtmlReport.Section first = NetworkDiagram.section(c, marginals);
        long t2 = System.nanoTime();
        double[] again = new double[warm];
        for (int i = 0; i < warm; i++) {
            long a = System.nanoTime();
            NetworkDiagram.section(c, marginals);
            again[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(again);
        String drawn = new HtmlReport("x").add(first).render();
        System.out.println("case=" + c.id() + " variables=" + marginals.size() + " page_ms=" + Math.round((t1 - t0) / 1e6)
                + " drawing_cold_ms=" + Math.round((t2 - t1) / 1e6) + " drawing_warm_ms="
                + (warm == 0 ? "-" : Math.round(again[warm / 2] * 10) / 10.0) + " drawing_chars=" + drawn.length()
                + " page_chars=" + page.length());
    }
}
