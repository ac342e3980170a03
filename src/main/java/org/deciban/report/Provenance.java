package org.deciban.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a report came from: enough to rerun it and to prove which inputs it read.
 *
 * @param caseId   the case
 * @param time     time of the run, ISO-8601 UTC
 * @param version  deciban's version
 * @param java     the Java runtime's version
 * @param inputs   SHA-256 of each input file, by path relative to the project root
 * @param seed     the seed of the run's generators, or {@code null} when nothing was random
 * @param draws    Monte Carlo draws, or {@code null}
 */
public record Provenance(String caseId, String time, String version, String java,
                         Map<String, String> inputs, Long seed, Long draws) {

    public Provenance {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The provenance as Markdown lines; paths {@link Markdown#escape escaped}, so any file name is text. */
    public List<String> markdown() {
        List<String> out = new ArrayList<>();
        out.add("## Provenance");
        out.add("");
        out.add("- case: `" + caseId + "`");
        out.add("- run at: " + time);
        out.add("- deciban " + version + ", Java " + java);
        if (seed != null) {
            out.add("- seed: " + seed + (draws == null ? "" : ", draws: " + draws));
        }
        out.add("- inputs (SHA-256):");
        inputs.forEach((path, hash) -> out.add("  - " + Markdown.escape(path) + " " + Markdown.escape(hash)));
        return out;
    }
}
