package org.deciban.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.model.Hypothesis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Words YAML 1.1 would turn into booleans, nulls or numbers are, wherever the format expects an id,
 * a label or a key, the text the analyst wrote: the README's own template ({@code id: yes},
 * {@code id: no}) loads with hypotheses "yes" and "no", never "true" and "false".
 */
class YamlScalarsTest {

    @TempDir
    Path root;

    private void write(String rel, String text) {
        org.deciban.testing.Tree.write(root.resolve(rel), text);
    }

    /** A two-hypothesis case whose ids, label, outcome and keys are all the bare word {@code a} and {@code b}. */
    private Case load(String a, String b) throws IOException {
        write("priors/w.yaml", String.join("\n",
                "case: w",
                "question: Will X happen?",
                "hypotheses:",
                "  - id: " + a,
                "    label: " + a,
                "    outcome: " + a,
                "  - id: " + b,
                "    label: " + b,
                "prior:",
                "  probabilities: {" + a + ": 0.3, " + b + ": 0.7}",
                ""));
        write("evidence/w/items.yaml", String.join("\n",
                "- id: " + a,
                "  group: " + b,
                "  likelihoods: {" + a + ": 0.6, " + b + ": 0.4}",
                "- id: " + b,
                "  group: " + b,
                "  observed: no",
                "  likelihoods:",
                "    " + a + ": 0.6",
                "    " + b + ": 0.4",
                ""));
        return new CaseLoader(root).load("w");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"yes no", "on off", "y n", "true false", "null 1", "1e3 010", "0 1"})
    void bareWordsAreTheTextWritten(String pair) throws IOException {
        String a = pair.split(" ")[0];
        String b = pair.split(" ")[1];
        Case c = load(a, b);
        assertEquals(List.of(a, b), c.hypotheses().stream().map(Hypothesis::id).toList());
        assertEquals(a, c.hypotheses().get(0).label());
        assertEquals(a, c.hypotheses().get(0).outcome());
        assertEquals(0.3, c.prior().probabilities().get(0), 0.0);
        EvidenceItem first = c.evidence().get(0);
        assertEquals(a, first.id());
        assertEquals(b, first.group());
        assertEquals(List.of(0.6, 0.4), first.likelihoods());
        assertTrue(first.observed());
        assertFalse(c.evidence().get(1).observed(), "'observed: no' is still false where a boolean is expected");
    }

    @Test
    void theReadmeTemplateLoads() throws IOException {
        Case c = load("yes", "no");
        assertEquals("yes", c.hypotheses().get(0).id());
        assertEquals("no", c.hypotheses().get(1).id());
    }

    @Test
    void aWordThatIsNoIdIsRefusedAsWritten() throws IOException {
        InputException e = assertThrows(InputException.class, () -> load("True", "no"));
        assertTrue(e.getMessage().contains("has value 'True'"), e.getMessage());
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
        InputException f = assertThrows(InputException.class, () -> load("1.5", "no"));
        assertTrue(f.getMessage().contains("has value '1.5'"), f.getMessage());
    }

    @Test
    void aBooleanFieldTakesOnlyBooleanWords() throws IOException {
        load("a", "b");
        write("evidence/w/items.yaml", "- id: x\n  observed: maybe\n  likelihoods: {a: 0.5, b: 0.4}\n");
        InputException e = assertThrows(InputException.class, () -> new CaseLoader(root).load("w"));
        assertTrue(e.getMessage().contains("observed") && e.getMessage().contains("'maybe'")
                && e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void aTildeOrNothingIsEmpty() throws IOException {
        load("a", "b");
        write("evidence/w/items.yaml", "- id: x\n  group: ~\n  source:\n  likelihoods: {a: 0.5, b: 0.4}\n");
        EvidenceItem x = new CaseLoader(root).load("w").evidence().get(0);
        assertEquals(null, x.group());
    }

    @Test
    void aTabSaysSoWithItsLineAndColumn() throws IOException {
        load("a", "b");
        write("evidence/w/items.yaml", "- id: x\n\tlikelihoods: {a: 0.5, b: 0.4}\n");
        InputException e = assertThrows(InputException.class, () -> new CaseLoader(root).load("w"));
        assertEquals("evidence/w/items.yaml:2: column 1 holds a tab; allowed: spaces, since YAML does not allow tabs "
                + "for indentation or between tokens (indent with spaces; a tab inside quotes is fine)", e.getMessage());
    }
}
