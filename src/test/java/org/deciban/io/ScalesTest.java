package org.deciban.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.deciban.model.Case;
import org.deciban.model.EvidenceItem;
import org.deciban.testing.Tree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Words that become numbers: Admiralty codes (design.md step 1: r = S(letter) * I(digit)), ACH ratings
 * and ICD 203 phrases as likelihoods (the tables of the Scales javadoc: ACH CC .9, C .7, N .5, I .3,
 * II .1; a phrase stands for the midpoint of its ICD 203 band), and a case overriding the tables.
 */
class ScalesTest {

    /** Products and midpoints of short decimals: a couple of ulps of rounding. */
    private static final double EXACT = 1e-12;

    /* Expected r: design.md's tables S: A .95, B .8, C .6, D .4, E .2, F .5; I: 1 1, 2 .8, 3 .6, 4 .4, 5 .2, 6 .5. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"A1, 0.95", "B2, 0.64", "C3, 0.36", "D4, 0.16", "E5, 0.04", "F6, 0.25", "A3, 0.57", "B6, 0.4"})
    void admiraltyCode(String code, double r) {
        assertEquals(r, Scales.defaults().admiralty(code), EXACT);
    }

    @ParameterizedTest
    @CsvSource({"G1", "A7", "A0", "AA", "B", "B22", "1B"})
    void unknownAdmiraltyCode(String code) {
        assertNull(Scales.defaults().admiralty(code));
    }

    /* Likelihood words: ACH ratings, then ICD 203 phrases (band midpoints: likely = (.55+.80)/2 = .675). */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"CC, 0.9", "C, 0.7", "N, 0.5", "I, 0.3", "II, 0.1",
            "almost no chance, 0.025", "very unlikely, 0.125", "unlikely, 0.325", "roughly even chance, 0.5",
            "likely, 0.675", "very likely, 0.875", "almost certain, 0.975",
            "'  Very   LIKELY ', 0.875", "probable, 0.675", "remote, 0.025"})
    void likelihoodWord(String word, double l) {
        assertEquals(l, Scales.defaults().likelihoodWord(word), EXACT);
    }

    /*
     * Through the loader: the small fixture's first item is B2 (0.8 * 0.8 = 0.64); the second has
     * likelihoods C, N, I (0.7, 0.5, 0.3) and r = 0.5; the third 'likely', 'unlikely', 'roughly even
     * chance' (0.675, 0.325, 0.5).
     */
    @Test
    void loaderTurnsWordsIntoNumbers(@TempDir Path tmp) {
        Case c = new CaseLoader(Tree.copyCase("small", tmp)).load("small");
        assertEquals(0.64, item(c, "first-report").reliability(), EXACT);
        assertEquals("B2", item(c, "first-report").reliabilityCode());
        assertLikelihoods(List.of(0.7, 0.5, 0.3), item(c, "second-report"));
        assertLikelihoods(List.of(0.675, 0.325, 0.5), item(c, "third-report"));
    }

    /*
     * A case overrides the tables: S(B) = 0.5 and I(2) = 0.9 make B2 = 0.45; C = 0.75; 'likely' = 0.6.
     * Entries not overridden keep their defaults (N = 0.5, I = 0.3, 'unlikely' = 0.325).
     */
    @Test
    void caseOverridesTheTables(@TempDir Path tmp) {
        Tree.copyCase("small", tmp);
        Path priors = tmp.resolve("priors/small.yaml");
        Tree.write(priors, Tree.read(priors) + "tables:\n"
                + "  admiralty_source: {B: 0.5}\n"
                + "  admiralty_information: {'2': 0.9}\n"
                + "  ach: {C: 0.75}\n"
                + "  phrases: {Likely: 0.6}\n");
        Case c = new CaseLoader(tmp).load("small");
        assertEquals(0.45, item(c, "first-report").reliability(), EXACT);
        assertLikelihoods(List.of(0.75, 0.5, 0.3), item(c, "second-report"));
        assertLikelihoods(List.of(0.6, 0.325, 0.5), item(c, "third-report"));
    }

    /*
     * An override of a phrase covers its ICD 203 synonym unless the synonym has its own: likely = 0.7
     * makes probable 0.7; very likely = 0.9 with highly probable = 0.85 leaves the synonym at 0.85; an
     * override of a synonym alone (remote = 0.01) leaves its phrase at the default 0.025.
     */
    @Test
    void aPhraseOverrideCoversItsSynonym() {
        Scales s = Scales.defaults().with(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(),
                java.util.Map.of("likely", 0.7, "Very likely", 0.9, "highly probable", 0.85, "remote", 0.01));
        assertEquals(0.7, s.likelihoodWord("probable"), EXACT);
        assertEquals(0.7, s.likelihoodWord("likely"), EXACT);
        assertEquals(0.9, s.likelihoodWord("very likely"), EXACT);
        assertEquals(0.85, s.likelihoodWord("highly probable"), EXACT);
        assertEquals(0.01, s.likelihoodWord("remote"), EXACT);
        assertEquals(0.025, s.likelihoodWord("almost no chance"), EXACT);
        assertEquals(0.325, s.likelihoodWord("improbable"), EXACT);
    }

    private static EvidenceItem item(Case c, String id) {
        return c.evidence().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    private static void assertLikelihoods(List<Double> expected, EvidenceItem e) {
        for (int k = 0; k < expected.size(); k++) {
            assertEquals(expected.get(k), e.likelihoods().get(k), EXACT, e.id() + " likelihood " + k);
        }
    }
}
