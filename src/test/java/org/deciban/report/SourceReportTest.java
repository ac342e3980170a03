package org.deciban.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deciban.inference.Expectations;
import org.deciban.inference.sensitivity.ExpectationGap;
import org.deciban.model.Expectation;
import org.deciban.model.SourceReading;
import org.junit.jupiter.api.Test;

/**
 * The line over the analyst's departures from a source, by the verdict on the source's reading: the expected
 * texts are written out by hand from {@link SourceReport#departuresLine}'s Javadoc.
 */
class SourceReportTest {

    private static final SourceReading READING = new SourceReading("An op-ed", null, "the article", "Kim cares.",
            List.of("The stakes are symmetric."));

    private static Expectations.Verdict verdict(boolean holds) {
        Expectation e = new Expectation(Expectation.Subject.HYPOTHESIS, "trump", Expectation.Comparison.LEADS, null,
                null, "trump leads");
        return new Expectations.Verdict(e, 0.45, holds, holds ? 0 : 0.1);
    }

    @Test
    void theDeparturesExplainADifferenceOnlyWhileOneRemains() {
        assertEquals("Which judgments account for the difference, in the analyst's words:",
                SourceReport.departuresLine(READING, new ExpectationGap.Figures(List.of(verdict(true), verdict(false)),
                        0.1, List.of())));
        assertEquals("The conclusions agree, but the case argues differently; where its judgments depart from "
                        + "the article's, in the analyst's words:",
                SourceReport.departuresLine(READING, new ExpectationGap.Figures(List.of(verdict(true), verdict(true)),
                        0, List.of())));
        assertEquals("Where the case departs from the article, in the analyst's words:",
                SourceReport.departuresLine(READING, new ExpectationGap.Figures(List.of(), 0, List.of())));
    }
}
