package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

/** The one layout of terminal text: tables split into blocks that repeat their keys, prose wrapped. */
class TextLayoutTest {

    private static Table wide() {
        return Table.create("t", StringColumn.create("kind", "hypothesis", "outcome"),
                StringColumn.create("id", "a", "(no outcome)"),
                StringColumn.create("label", "A label of thirty characters..", "x"),
                DoubleColumn.create("prior", 0.5, 0.25), DoubleColumn.create("posterior", 0.75, 0.125),
                StringColumn.create("phrase", "likely", "very unlikely"), DoubleColumn.create("p05", 0.1, 0.2),
                DoubleColumn.create("p95", 0.9, 0.8));
    }

    /*
     * Widths by hand: kind 10, id 12, label 30, prior 6, posterior 9, phrase 13, p05 6, p95 6; two spaces
     * between columns; numbers right-aligned. At 60 columns the keys take 10 + 2 + 12 + 2 = 26; label fits
     * (56), prior would make 64: blocks [kind id label] [kind id prior posterior phrase]
     * (26 + 6 + 2 + 9 + 2 + 13 = 58) [kind id p05 p95].
     */
    @Test
    void aWideTableIsSplitIntoBlocksThatRepeatItsKeys() {
        String text = new TextLayout(60).table(wide());
        String[] blocks = text.split("\n\n");
        assertEquals(3, blocks.length, text);
        assertEquals("kind        id            label", blocks[0].lines().findFirst().orElseThrow());
        assertEquals("kind        id             prior  posterior  phrase", blocks[1].lines().findFirst().orElseThrow());
        assertEquals("outcome     (no outcome)  0.2500     0.1250  very unlikely", blocks[1].lines().skip(2).findFirst().orElseThrow());
        assertEquals("kind        id               p05     p95", blocks[2].lines().findFirst().orElseThrow());
        text.lines().forEach(l -> assertTrue(l.length() <= 60 && !l.endsWith(" "), "'" + l + "'"));
    }

    @Test
    void wideKeepsOneLinePerRow() {
        String text = TextLayout.WIDE.table(wide());
        assertEquals(3, text.lines().count(), text);
    }

    @Test
    void aTextTooLongForTheWidthIsShortened() {
        Table t = Table.create("t", StringColumn.create("id", "x"), StringColumn.create("quote", "word ".repeat(30).trim()));
        String text = new TextLayout(40).table(t);
        text.lines().forEach(l -> assertTrue(l.length() <= 40, "'" + l + "'"));
        assertTrue(text.contains("..."), text);
    }

    @Test
    void headersNeverHoldASpace() {
        Table t = Table.create("t", StringColumn.create("inputs changed", "x"));
        assertEquals("inputs_changed\nx\n", TextLayout.DEFAULT.table(t));
    }

    @Test
    void proseWrapsUnderItsBulletOrVerdict() {
        TextLayout l = new TextLayout(40);
        assertEquals("- one two three four five six seven\n  eight nine ten\n",
                l.prose("- one two three four five six seven eight nine ten"));
        assertEquals("PASS  a property of the case: the\n      figures behind it\n",
                l.prose("PASS  a property of the case: the figures behind it"));
        assertEquals("short\n", l.prose("short   "));
    }

    @Test
    void derivedColumnNamesNeverCollideIgnoringCase() {
        ColumnNames names = new ColumnNames("record", "time", "no_outcome");
        assertEquals("p_time", names.derive("p_", "time"));
        assertEquals("outcome_trump-wins", names.derive("outcome_", "Trump wins"));
        assertEquals("outcome_trump-wins-2", names.derive("outcome_", "trump WINS"));
        assertEquals("outcome_none", names.derive("outcome_", "None"));
        assertEquals("outcome_x", names.derive("outcome_", "(?)"));
        assertThrows(IllegalArgumentException.class, () -> names.fixed("Record"));
    }
}
