package org.deciban.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small one-variable case whose indicators resolve, for the tests of issue 15 (resolutions, scores, diffs):
 * hypotheses a and b with prior 0.4 / 0.6, no drift, as_of 2024-06-30; one evidence item e1 (2024-01-10,
 * likelihoods 0.8 / 0.4); indicators i3 (0.9 / 0.1, observed on 2024-01-05), i1 (0.6 / 0.2, observed on
 * 2024-03-01), i2 (0.3 / 0.5, not seen, 2024-05-01) and the open i4 (0.5 / 0.2). Every item is taken at face
 * value (reliability 1), so each posterior is Bayes' rule on these numbers and can be worked out by hand.
 */
public final class WatchCase {

    public static final String PRIORS = String.join("\n",
            "case: watch",
            "question: Which is it?",
            "as_of: 2024-06-30",
            "hypotheses:",
            "  - {id: a, label: It is A, outcome: A}",
            "  - {id: b, label: It is B, outcome: B}",
            "prior:",
            "  probabilities: {a: 0.4, b: 0.6}",
            "");

    public static final String ITEMS = "- {id: e1, date: 2024-01-10, source: a report, likelihoods: {a: 0.8, b: 0.4}}\n";

    public static final String INDICATORS = String.join("\n",
            "- id: i3",
            "  source: watch",
            "  likelihoods: {a: 0.9, b: 0.1}",
            "  resolution: {observed: true, date: 2024-01-05, source: \"Gazette, 5 January 2024\"}",
            "- id: i1",
            "  source: watch",
            "  likelihoods: {a: 0.6, b: 0.2}",
            "  resolution: {observed: true, date: 2024-03-01, source: \"Gazette, 1 March 2024\", quote: it happened}",
            "- id: i2",
            "  source: watch",
            "  likelihoods: {a: 0.3, b: 0.5}",
            "  resolution: {observed: false, date: 2024-05-01, source: \"Gazette, 1 May 2024\"}",
            "- id: i4",
            "  source: watch",
            "  likelihoods: {a: 0.5, b: 0.2}",
            "");

    private WatchCase() {
    }

    /** Writes the case into a new project folder {@code dir} and returns it. */
    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("priors"));
        Files.createDirectories(dir.resolve("evidence/watch/indicators"));
        Files.writeString(dir.resolve("priors/watch.yaml"), PRIORS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("evidence/watch/items.yaml"), ITEMS, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("evidence/watch/indicators/ind.yaml"), INDICATORS, StandardCharsets.UTF_8);
        return dir;
    }
}
