package org.deciban.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The line of every node of a YAML document, as {@link YamlDocument#lineOf} gives it for error messages: block
 * mappings and lists, a flow mapping on one line and one spread over lines. The expected lines are counted by
 * hand in the text below (line 1 is "# a case").
 */
class YamlLinesTest {

    private static final String TEXT = String.join("\n",
            "# a case",                                     // 1
            "- id: a",                                      // 2
            "  likelihoods: {x: 0.5, y: 0.25}",             // 3
            "  reliability: B2",                            // 4
            "- id: b",                                      // 5
            "  likelihoods: {x: 0.1,",                      // 6
            "                y: 0.9}",                      // 7
            "  tags:",                                      // 8
            "    - one",                                    // 9
            "    - two",                                    // 10
            "");

    @Test
    void everyNodeHasTheLineItIsWrittenOn() {
        YamlDocument d = YamlDocument.parse("t.yaml", TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, d.lineOf("/0"));
        assertEquals(2, d.lineOf("/0/id"));
        assertEquals(3, d.lineOf("/0/likelihoods"));
        assertEquals(3, d.lineOf("/0/likelihoods/x"));
        assertEquals(3, d.lineOf("/0/likelihoods/y"));
        assertEquals(4, d.lineOf("/0/reliability"));
        assertEquals(5, d.lineOf("/1"));
        assertEquals(6, d.lineOf("/1/likelihoods/x"));
        assertEquals(7, d.lineOf("/1/likelihoods/y"), "a flow mapping's value on its own line keeps that line");
        assertEquals(9, d.lineOf("/1/tags/0"));
        assertEquals(10, d.lineOf("/1/tags/1"));
        assertEquals(3, d.lineOf("/0/likelihoods/z"), "a path the document lacks: its nearest ancestor's line");
    }
}
