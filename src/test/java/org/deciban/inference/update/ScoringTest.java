package org.deciban.inference.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.deciban.io.CaseLoader;
import org.deciban.model.Case;
import org.deciban.testing.WatchCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores of three resolved indicators worked out by hand on {@link WatchCase} (prior a 0.4, b 0.6; no drift;
 * every item at face value).
 *
 * <p>The forecast of each indicator is P(observed) from the case as of the day before it resolved, holding only
 * what was observed by then:
 * <ul>
 * <li>i3 (resolved 2024-01-05, observed): nothing observed by 2024-01-04, so P(a) = 0.4 and
 *     q3 = 0.4 x 0.9 + 0.6 x 0.1 = 21/50 = 0.42, the prior's own (baseline 0.42).</li>
 * <li>i1 (resolved 2024-03-01, observed): by 2024-02-29, i3 seen and e1: a 0.4 x 0.9 x 0.8 = 0.288,
 *     b 0.6 x 0.1 x 0.4 = 0.024, P(a) = 12/13; q1 = 12/13 x 0.6 + 1/13 x 0.2 = 37/65 = 0.569231.
 *     Baseline 0.4 x 0.6 + 0.6 x 0.2 = 0.36.</li>
 * <li>i2 (resolved 2024-05-01, not seen): by 2024-04-30 also i1 seen: a 0.288 x 0.6 = 0.1728,
 *     b 0.024 x 0.2 = 0.0048, P(a) = 36/37; q2 = 36/37 x 0.3 + 1/37 x 0.5 = 113/370 = 0.305405.
 *     Baseline 0.4 x 0.3 + 0.6 x 0.5 = 0.42.</li>
 * </ul>
 * Brier (q - o)^2: (29/50)^2 = 0.3364, (28/65)^2 = 0.185562, (113/370)^2 = 0.093272; mean 0.205078. Baseline:
 * 0.3364, 0.64^2 = 0.4096, 0.42^2 = 0.1764; mean 0.307467. Skill 1 - 0.205078 / 0.307467 = 0.333007.
 * Log score -log2 P(what happened): -log2(0.42) = 1.251539, log2(65/37) = 0.812914, log2(370/257) = 0.525757;
 * mean 0.863403 bits. Baseline: 1.251539, -log2(0.36) = 1.473931, -log2(0.58) = 0.785875; mean 1.170448.
 * Skill 1 - 0.863403 / 1.170448 = 0.262331. (The decimals are the fractions evaluated with Python's
 * fractions and math.log2, independently of deciban.)
 */
class ScoringTest {

    /** The same rational numbers through a few floating-point operations: exact to rounding. */
    static final double EXACT = 1e-12;
    /** Decimals written to six places above. */
    static final double SIX_PLACES = 5e-7;

    @TempDir
    Path tmp;

    private Case watch() throws IOException {
        return new CaseLoader(WatchCase.write(tmp.resolve("p"))).load("watch");
    }

    @Test
    void threeResolvedIndicatorsScoredByHand() throws IOException {
        List<Scoring.Prediction> ps = Scoring.predictions(watch());
        assertEquals(List.of("i3", "i1", "i2"), ps.stream().map(Scoring.Prediction::indicator).toList(),
                "by resolution date");
        Scoring.Prediction i3 = ps.get(0);
        Scoring.Prediction i1 = ps.get(1);
        Scoring.Prediction i2 = ps.get(2);
        assertEquals(LocalDate.of(2024, 1, 4), i3.forecastDate());
        assertEquals(0, i3.itemsKnown());
        assertEquals(2, i1.itemsKnown(), "i3 and e1");
        assertEquals(3, i2.itemsKnown(), "i3, e1 and i1");
        assertEquals(21.0 / 50, i3.forecast(), EXACT);
        assertEquals(37.0 / 65, i1.forecast(), EXACT);
        assertEquals(113.0 / 370, i2.forecast(), EXACT);
        assertEquals(0.42, i3.baseline(), EXACT);
        assertEquals(0.36, i1.baseline(), EXACT);
        assertEquals(0.42, i2.baseline(), EXACT);
        assertTrue(i3.observed() && i1.observed() && !i2.observed());

        assertEquals(0.3364, i3.brier(), EXACT);
        assertEquals(Math.pow(28.0 / 65, 2), i1.brier(), EXACT);
        assertEquals(Math.pow(113.0 / 370, 2), i2.brier(), EXACT);
        assertEquals(1.251539, i3.logScore(), SIX_PLACES);
        assertEquals(0.812914, i1.logScore(), SIX_PLACES);
        assertEquals(0.525757, i2.logScore(), SIX_PLACES);
        assertEquals(1.473931, i1.baselineLogScore(), SIX_PLACES);
        assertEquals(0.785875, i2.baselineLogScore(), SIX_PLACES);

        Scoring.Summary s = Scoring.summarise(ps);
        assertEquals(3, s.count());
        assertTrue(s.anecdotal(), "fewer than 10 predictions");
        assertEquals(0.205078, s.brier(), SIX_PLACES);
        assertEquals(0.307467, s.baselineBrier(), SIX_PLACES);
        assertEquals(0.333007, s.brierSkill(), SIX_PLACES);
        assertEquals(0.863403, s.logScore(), SIX_PLACES);
        assertEquals(1.170448, s.baselineLogScore(), SIX_PLACES);
        assertEquals(0.262331, s.logSkill(), SIX_PLACES);
    }

    @Test
    void calibrationBinsHoldCountMeanAndObservedShare() throws IOException {
        Scoring.Summary s = Scoring.summarise(Scoring.predictions(watch()));
        assertEquals(Scoring.BINS, s.calibration().size());
        Scoring.Bin b3 = s.calibration().get(3);
        Scoring.Bin b4 = s.calibration().get(4);
        Scoring.Bin b5 = s.calibration().get(5);
        assertEquals(1, b3.count());
        assertEquals(113.0 / 370, b3.meanForecast(), EXACT);
        assertEquals(0.0, b3.observedFrequency(), EXACT);
        assertEquals(1, b4.count());
        assertEquals(1.0, b4.observedFrequency(), EXACT);
        assertEquals(1, b5.count());
        assertEquals(37.0 / 65, b5.meanForecast(), EXACT);
        assertEquals(3, s.calibration().stream().mapToInt(Scoring.Bin::count).sum());
        assertTrue(Double.isNaN(s.calibration().get(0).meanForecast()), "an empty bin has no mean");
    }

    @Test
    void scoresAtTheEdges() {
        assertEquals(0.25, Scoring.brier(0.5, true), EXACT);
        assertEquals(0.25, Scoring.brier(0.5, false), EXACT);
        assertEquals(1.0, Scoring.logScore(0.5, false), EXACT);
        assertEquals(0.0, Scoring.logScore(1.0, true), EXACT);
        assertEquals(Double.POSITIVE_INFINITY, Scoring.logScore(0.0, true));
        assertEquals(Double.POSITIVE_INFINITY, Scoring.logScore(1.0, false));
        assertTrue(Double.isNaN(Scoring.skill(0.1, 0)), "nothing to improve on");
        assertFalse(Scoring.summarise(List.of()).count() > 0);
    }
}
