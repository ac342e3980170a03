package org.deciban.io;

import java.util.ArrayList;
import java.util.List;
import org.deciban.model.Assessment;
import org.deciban.model.SourceReading;

/**
 * Reads the two sections of a priors file that are for the reports only, never for inference:
 *
 * <pre>
 * source_reading:            # optional: how the case reads its source
 *   source: "Title", Outlet, July 2024
 *   url: https://example.org/article      # optional, http:// or https://
 *   called: the article                   # optional: how reports refer to it (default "the source")
 *   thesis: The source's thesis in a sentence.
 *   departures:                           # optional: where the model departs, one judgment an entry
 *     - ...
 * assessment:                # optional: ICD 203 analytic confidence, apart from the probabilities
 *   confidence: low                       # low | moderate | high
 *   reasons:                              # at least one
 *     - ...
 * </pre>
 */
final class AnalystNotesReader {

    /** The longest text one field may hold; a source's thesis or a reason is a sentence or a short paragraph. */
    static final int MAX_TEXT = 4000;
    /** The most entries a list (departures, reasons) may hold. */
    static final int MAX_ENTRIES = 100;

    private AnalystNotesReader() {
    }

    /** The source reading, or null when the file has none. */
    static SourceReading sourceReading(YamlDocument doc, Dto.SourceReadingEntry e) {
        if (e == null) {
            return null;
        }
        Fields v = new Fields(doc);
        String p = "/source_reading";
        String source = text(v, p, "source", e.source(), true, "the source as a reader would cite it (title, outlet, date)");
        String thesis = text(v, p, "thesis", e.thesis(), true, "the source's thesis in a sentence");
        String called = text(v, p, "called", e.called(), false,
                "how the reports refer to the source, such as 'the article' (default 'the source')");
        String url = e.url() == null ? null : e.url().trim();
        if (url != null && !(url.matches("https?://[^\\s<>\"]+") && url.length() <= MAX_TEXT)) {
            throw v.bad(p + "/url", e.url(), "an http:// or https:// address without spaces");
        }
        List<String> departures = list(v, p, "departures", e.departures(), false,
                "a list of texts, one judgment where the model departs from the source an entry");
        return new SourceReading(source, url, called, thesis, departures);
    }

    /** The assessment of analytic confidence, or null when the file has none. */
    static Assessment assessment(YamlDocument doc, Dto.AssessmentEntry e) {
        if (e == null) {
            return null;
        }
        Fields v = new Fields(doc);
        String p = "/assessment";
        String allowed = "the analytic confidence of ICD 203, one of low, moderate, high";
        if (e.confidence() == null || e.confidence().isBlank()) {
            throw v.missing(p, "assessment.confidence", allowed);
        }
        Assessment.Confidence level = null;
        for (Assessment.Confidence c : Assessment.Confidence.values()) {
            if (c.word().equals(e.confidence().trim())) {
                level = c;
            }
        }
        if (level == null) {
            List<String> words = List.of("low", "moderate", "high");
            throw v.bad(p + "/confidence", e.confidence(), allowed + Suggest.didYouMean(e.confidence(), words));
        }
        List<String> reasons = list(v, p, "reasons", e.reasons(), true, "a list of at least one text, the reasons for the confidence");
        return new Assessment(level, reasons);
    }

    private static String text(Fields v, String parent, String field, String value, boolean required, String allowed) {
        if (value == null) {
            if (required) {
                throw v.missing(parent, parent.substring(1) + "." + field, allowed);
            }
            return null;
        }
        return checked(v, parent + "/" + field, value, allowed);
    }

    /** A text that is neither blank nor longer than {@link #MAX_TEXT}, trimmed. */
    private static String checked(Fields v, String path, String value, String allowed) {
        if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
            throw v.bad(path, value == null || value.isBlank() ? "(blank)" : value.substring(0, 40) + "...",
                    allowed + "; each text not blank and at most " + MAX_TEXT + " characters");
        }
        return value.trim();
    }

    private static List<String> list(Fields v, String parent, String field, List<String> values, boolean required,
                                     String allowed) {
        if (values == null || values.isEmpty()) {
            if (required) {
                throw v.missing(parent, parent.substring(1) + "." + field, allowed);
            }
            return List.of();
        }
        if (values.size() > MAX_ENTRIES) {
            throw v.bad(parent + "/" + field, values.size() + " entries", allowed + ", at most " + MAX_ENTRIES + " entries");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(checked(v, parent + "/" + field + "/" + i, values.get(i), allowed));
        }
        return out;
    }
}
