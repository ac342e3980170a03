package org.deciban.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a candidate indicator turned out: whether it was observed, when that was established, and the
 * public source that establishes it. A resolved indicator is evidence: it enters the case as an item
 * dated at {@code date}, observed or (when {@code observed} is false: watched for and not seen)
 * absent, with the indicator's likelihoods (design.md step 3), and it leaves the watch list.
 *
 * @param observed whether the indicator was observed
 * @param date     the day the outcome was established (the end of the indicator's window when it was not seen)
 * @param source   the public source that establishes it, never blank
 * @param quote    what the source says, may be empty
 */
public record Resolution(boolean observed, LocalDate date, String source, String quote) {

    public Resolution {
        Objects.requireNonNull(date, "date");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("a resolution needs a source");
        }
        quote = quote == null ? "" : quote;
    }
}
