package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deciban.inference.CaseModel;
import org.deciban.inference.sensitivity.Sensitivity;
import org.deciban.model.Case;
import org.deciban.testing.CaseBuilder;
import org.deciban.testing.Models;
import org.junit.jupiter.api.Test;

/**
 * report.html shows at most {@link RunPage#PAGE_ROWS} rows of a per-item table, the first of the table's order,
 * and says so in the caption; a case within the bound shows every row (HtmlReportCommandTest).
 */
class PageRowsTest {

    @Test
    void aCaseOf600ItemsShowsTheFirst500RowsOfItsEvidenceAndLeaveOneOutTables() {
        CaseBuilder b = CaseBuilder.prior(0.5, 0.3, 0.2);
        for (int i = 0; i < 600; i++) {
            b.item(0.3 + 0.4 * (i % 7) / 6.0, 0.5, 0.6 - 0.3 * (i % 5) / 4.0);
        }
        Case c = b.build();
        CaseModel m = Models.compile(c);
        Provenance prov = new Provenance(c.id(), "2024-08-01T00:00:00Z", "test", "17", Map.of(), null, null);
        HtmlReport page = RunPage.build(c, m.posterior(), prov, List.of(), null);
        RunPageSections.addTo(page, c, Sensitivity.figures(m), m.timeline());
        String html = page.render();
        String evidence = "<caption>Evidence ledger (the 500 items of 600 with the largest weight)</caption>";
        String loo = "<caption>Leave-one-out (the 500 items of 600 whose removal moves the leader most)</caption>";
        assertTrue(html.contains(evidence), "evidence caption");
        assertTrue(html.contains(loo), "leave-one-out caption");
        assertEquals(500, bodyRows(html, evidence));
        assertEquals(500, bodyRows(html, loo));
    }

    /** Rows of the table body after a caption: the {@code <tr>} up to its {@code </table>}, less the header row. */
    private static int bodyRows(String html, String caption) {
        int from = html.indexOf(caption);
        String table = html.substring(from, html.indexOf("</table>", from));
        return table.split("<tr", -1).length - 1 - 1;
    }
}
