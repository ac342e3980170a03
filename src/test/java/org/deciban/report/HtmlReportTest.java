package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The page builder: section order, escaping of tables, and intervals drawn as error bars. */
class HtmlReportTest {

    @Test
    void laterSectionsCanBeSlottedBeforeAnExistingOne() {
        HtmlReport page = new HtmlReport("t");
        page.section("headline", "Headline");
        page.section("history", "History");
        page.addBefore("history", new HtmlReport.Section("sensitivity", "Sensitivity"));
        assertEquals(List.of("headline", "sensitivity", "history"), page.sectionIds());
        assertThrows(IllegalArgumentException.class, () -> page.section("history", "again"));
        assertThrows(IllegalArgumentException.class, () -> new HtmlReport.Section("a\"><b", "x"));
    }

    @Test
    void tableCellsAreEscapedAndDecibansSigned() {
        Table t = Table.create("x", StringColumn.create("id", "<img src=x onerror=alert(1)>"),
                DoubleColumn.create("db_h", 1.234), DoubleColumn.create("p", 0.5));
        HtmlReport page = new HtmlReport("<title>");
        page.section("s", "S").table(t, "<cap>");
        String out = page.render();
        assertTrue(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(out.contains("<td class=\"num pos\">+1.23</td>"), out);
        assertTrue(out.contains("<td class=\"num\">0.5000</td>"));
        assertTrue(out.contains("<title>&lt;title&gt;</title>"));
        assertTrue(out.contains("<caption>&lt;cap&gt;</caption>"));
    }

    @Test
    void anIntervalAddsAnErrorBarOfThreeLines() {
        // the error bar is one line along the interval and a cap at each end: 3 <line> elements
        List<Charts.Bar> plain = List.of(new Charts.Bar("a", 0.5, 0.7, null), new Charts.Bar("b", 0.5, 0.3, null));
        List<Charts.Bar> withIv = List.of(new Charts.Bar("a", 0.5, 0.7, new Interval(0.6, 0.8)), new Charts.Bar("b", 0.5, 0.3, null));
        String a = Charts.svg(Charts.priorPosterior("t", plain, "90% interval"), 600, 300, "a");
        String b = Charts.svg(Charts.priorPosterior("t", withIv, "90% interval"), 600, 300, "b");
        assertEquals(count(a, "<line") + 3, count(b, "<line"));
        assertTrue(b.contains("error bars: 90% interval"));
        assertThrows(IllegalArgumentException.class, () -> new Interval(0.8, 0.6));
    }

    private static int count(String s, String needle) {
        return s.split(needle, -1).length - 1;
    }
}
