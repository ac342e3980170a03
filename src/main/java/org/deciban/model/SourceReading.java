package org.deciban.model;

import java.util.List;
import java.util.Objects;

/**
 * How a case reads the source it was built from ({@code source_reading:} in the case file), for the
 * report section "Where this differs from the source": the source's own thesis beside the model's
 * result, with the analyst's account of where and why the model departs from it. The source's reading
 * in checkable form is the case's {@code checks.expect}; this record holds the words.
 *
 * @param source     the source, as a reader would cite it (title, outlet, date)
 * @param url        its address ({@code http://} or {@code https://}), or {@code null}
 * @param called     how the reports refer to it ("the article", "the report"); {@link #DEFAULT_CALLED} when not given
 * @param thesis     the source's thesis in a sentence
 * @param departures the analyst's account of the judgments where the model departs from the source, one
 *                   judgment an entry (may be empty)
 */
public record SourceReading(String source, String url, String called, String thesis, List<String> departures) {

    /** How the reports refer to a source whose case does not say. */
    public static final String DEFAULT_CALLED = "the source";

    public SourceReading {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(thesis, "thesis");
        if (source.isBlank() || thesis.isBlank()) {
            throw new IllegalArgumentException("a source reading needs its source and thesis");
        }
        if (url != null && !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("source url '" + url + "' is not an http:// or https:// address");
        }
        called = called == null || called.isBlank() ? DEFAULT_CALLED : called;
        departures = List.copyOf(departures);
    }
}
