package org.deciban.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deciban.testing.Models;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evidence written as a CSV matrix reads into the same items as YAML, with line-numbered errors. */
class MatrixReaderTest {

    /** Products of a few decimal likelihoods: rounding far below this. */
    private static final double EXACT = 1e-12;

    @TempDir
    Path root;

    private void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private void priors() throws IOException {
        write("priors/m.yaml", String.join("\n",
                "case: m",
                "question: q",
                "hypotheses:",
                "  - {id: a, label: A}",
                "  - {id: b, label: B}",
                "prior: {probabilities: {a: 0.5, b: 0.5}}",
                ""));
    }

    /**
     * Two rows: e1 with 0.8 vs 0.2 at face value; e2 rated CC (0.9) vs II (0.1) with reliability 0.5,
     * quoted text spanning two lines. By hand: e2's effective likelihoods are 0.5*0.9 + 0.5*0.5 = 0.7
     * and 0.5*0.1 + 0.5*0.5 = 0.3; odds a:b = (0.8*0.7) / (0.2*0.3) = 0.56 / 0.06 = 9.333...,
     * so p(a) = 0.56 / 0.62 = 0.903225806...
     */
    @Test
    void matrixRowsAreItems() throws IOException {
        priors();
        write("evidence/m/matrix.csv", String.join("\n",
                "id,date,source,reliability,quote,a,b",
                "e1,2024-01-02,somebody,,plain,0.8,0.2",
                "e2,,\"a source, with a comma\",0.5,\"two",
                "lines\",CC,II",
                ""));
        Case c = new CaseLoader(root).load("m");
        assertEquals(2, c.evidence().size());
        EvidenceItem e2 = c.evidence().get(1);
        assertEquals("a source, with a comma", e2.source());
        assertEquals(List.of(0.9, 0.1), e2.likelihoods());
        assertEquals(0.5, e2.reliability());
        assertTrue(e2.origin().endsWith("matrix.csv:3"), e2.origin());
        assertEquals(0.56 / 0.62, Models.exact(c).probabilities().get(0), EXACT);
    }

    @Test
    void badCellNamesItsLine() throws IOException {
        priors();
        write("evidence/m/matrix.csv", "id,a,b\ne1,0.8,0.2\n\"e2\",1.4,0.2\n");
        InputException e = assertThrows(InputException.class, () -> new CaseLoader(root).load("m"));
        assertTrue(e.getMessage().startsWith("evidence/m/matrix.csv:3: field '[1].likelihoods.a' has value '1.4'"),
                e.getMessage());
    }

    @Test
    void missingHypothesisColumnAndUnknownColumnAreRefused() throws IOException {
        priors();
        write("evidence/m/matrix.csv", "id,a\ne1,0.8\n");
        InputException missing = assertThrows(InputException.class, () -> new CaseLoader(root).load("m"));
        assertTrue(missing.getMessage().contains("leaves out hypothesis 'b'"), missing.getMessage());

        write("evidence/m/matrix.csv", "id,a,b,sorce\ne1,0.8,0.2,x\n");
        InputException unknown = assertThrows(InputException.class, () -> new CaseLoader(root).load("m"));
        assertTrue(unknown.getMessage().contains("did you mean 'source'"), unknown.getMessage());
    }

    /** A misspelt hypothesis column is named as such, with the hypotheses and a suggestion. */
    @Test
    void aMisspeltHypothesisColumnGetsADidYouMean() throws IOException {
        write("priors/m.yaml", String.join("\n",
                "case: m", "question: q", "hypotheses:", "  - {id: trump, label: A}", "  - {id: harris, label: B}",
                "prior: {probabilities: {trump: 0.5, harris: 0.5}}", ""));
        write("evidence/m/matrix.csv", "id,trupm,harris\ne1,0.8,0.2\n");
        InputException e = assertThrows(InputException.class, () -> new CaseLoader(root).load("m"));
        assertTrue(e.getMessage().startsWith("evidence/m/matrix.csv:1: field 'header' has value 'trupm'; unknown column "
                + "(did you mean 'trump'?); allowed: a hypothesis id (trump, harris) or an item field (id, "), e.getMessage());
    }
}
