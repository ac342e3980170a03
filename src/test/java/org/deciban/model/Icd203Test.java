package org.deciban.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * design.md step 7: a band holds its lower bound and not its upper one. Expected bands are read off
 * design.md's list: <5% almost no chance, 5-20 very unlikely, 20-45 unlikely, 45-55 roughly even,
 * 55-80 likely, 80-95 very likely, >=95 almost certain.
 */
class Icd203Test {

    @ParameterizedTest(name = "{0} -> {1}, just below -> {2}")
    @CsvSource({
            "0.05, very unlikely,       almost no chance",
            "0.20, unlikely,            very unlikely",
            "0.45, roughly even chance, unlikely",
            "0.55, likely,              roughly even chance",
            "0.80, very likely,         likely",
            "0.95, almost certain,      very likely"})
    void edgeBelongsToTheUpperBand(double edge, String at, String below) {
        assertEquals(at, Icd203.of(edge).phrase());
        assertEquals(below, Icd203.of(Math.nextDown(edge)).phrase());
        assertEquals(at, Icd203.of(Math.nextUp(edge)).phrase());
    }

    @ParameterizedTest
    @CsvSource({"0.0, almost no chance", "1.0, almost certain", "0.5, roughly even chance", "0.3, unlikely"})
    void endsAndMiddles(double p, String phrase) {
        assertEquals(phrase, Icd203.of(p).phrase());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, -1e-300, 1.0000000000000002, Double.POSITIVE_INFINITY})
    void outsideTheUnitIntervalIsRefused(double p) {
        assertThrows(IllegalArgumentException.class, () -> Icd203.of(p));
    }

    @ParameterizedTest
    @CsvSource({"ALMOST_NO_CHANCE, almost no chance (0-5%)", "LIKELY, likely (55-80%)"})
    void rangeText(Icd203 band, String text) {
        assertEquals(text, band.withRange());
    }
}
