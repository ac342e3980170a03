package org.deciban.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The order property of {@code deciban test} compiles the case anew for each permutation, so a large case tries
 * fewer: min(tries, max(10, 2,000,000 / items)). Expected values by hand from that rule.
 */
class OrderTriesTest {

    @Test
    void aSmallCaseTriesEveryOrderAskedAndALargeOneFewerButAtLeastTen() {
        assertEquals(1000, CaseProperties.orderTries(1000, 19), "the Kim case: 2,000,000 / 19 is far above 1,000");
        assertEquals(1000, CaseProperties.orderTries(1000, 2000), "2,000,000 / 2,000 = 1,000");
        assertEquals(200, CaseProperties.orderTries(1000, 10_000), "2,000,000 / 10,000 = 200");
        assertEquals(20, CaseProperties.orderTries(1000, 100_000), "2,000,000 / 100,000 = 20");
        assertEquals(10, CaseProperties.orderTries(1000, 1_000_000), "2 would be too few: at least 10");
        assertEquals(50, CaseProperties.orderTries(50, 10_000), "never more than asked");
        assertEquals(7, CaseProperties.orderTries(7, 0), "no items: the tries asked");
    }
}
