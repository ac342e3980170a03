package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.deciban.testing.Cli;

/**
 * Report tables derive column names from a case's words (hypothesis ids, outcome names). Tablesaw
 * compares column names ignoring case, so a hypothesis "a" whose outcome is "A" once crashed
 * {@code run}. Here ids, labels and outcomes are drawn from pools that collide with each other and
 * with the tables' fixed columns by case ("time", "record", "none", "outcome_a", "(no outcome)"), and
 * every valid case must run, be replayed by {@code timeline} and listed by {@code history}: exit 0.
 */
class CollidingNamesProperties {

    private static final List<String> IDS = List.of("a", "b", "time", "record", "none", "n", "p-a", "outcome", "at",
            "leader", "version", "no-outcome", "inputs-changed");
    private static final List<String> WORDS = List.of("A", "a", "B", "Time", "TIME", "record", "None", "none", "N",
            "p_a", "P_A", "outcome_a", "Outcome_A", "no_outcome", "(no outcome)", "no outcome", "Trump wins",
            "trump WINS", "at", "Leader", "inputs changed", "x y", "é", "É");

    /** One hypothesis: id, label, outcome (null for none). */
    record H(String id, String label, String outcome) {
    }

    @Provide
    Arbitrary<List<H>> hypotheses() {
        Arbitrary<String> outcome = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.just(null));
        return Arbitraries.of(IDS).set().ofMinSize(1).ofMaxSize(4)
                .flatMap(ids -> {
                    List<Arbitrary<H>> hs = new ArrayList<>();
                    for (String id : new LinkedHashSet<>(ids)) {
                        hs.add(Combinators.combine(Arbitraries.of(WORDS), outcome).as((l, o) -> new H(id, l, o)));
                    }
                    return Combinators.combine(hs).as(list -> (List<H>) new ArrayList<>(list));
                });
    }

    @Property(tries = 25, seed = "1313")
    void everyValidCaseRuns(@ForAll("hypotheses") List<H> hs, @ForAll("likelihoods") List<Double> l)
            throws IOException {
        Path root = Files.createTempDirectory("deciban-collide");
        try {
            write(root, hs, l);
            String r = root.toString();
            for (List<String> args : List.of(List.of("run", "--root", r, "--draws", "400", "c"),
                    List.of("run", "--root", r, "--draws", "400", "c"),
                    List.of("timeline", "--root", r, "c"), List.of("history", "--root", r, "c"),
                    List.of("what-if", "--root", r, "--without", "e0", "c"))) {
                Cli.Result res = Cli.run(args.toArray(String[]::new));
                assertEquals(0, res.code(), String.join(" ", args) + " on " + hs + ":\n" + res.err());
            }
            Statistics.label("outcomes").collect(hs.stream().filter(h -> h.outcome() != null).count());
        } finally {
            org.deciban.testing.Tree.deleteTree(root);
        }
    }

    @Provide
    Arbitrary<List<Double>> likelihoods() {
        return Arbitraries.doubles().between(0.05, 0.95).ofScale(2).list().ofSize(8);
    }

    private static void write(Path root, List<H> hs, List<Double> l) throws IOException {
        StringBuilder p = new StringBuilder("case: c\nquestion: q\nas_of: 2024-08-01\nhypotheses:\n");
        StringBuilder probs = new StringBuilder();
        for (H h : hs) {
            p.append("  - id: ").append(h.id()).append('\n').append("    label: ").append(quote(h.label())).append('\n');
            if (h.outcome() != null) {
                p.append("    outcome: ").append(quote(h.outcome())).append('\n');
            }
            probs.append(probs.length() == 0 ? "" : ", ").append(h.id()).append(": ")
                    .append(String.format(Locale.ROOT, "%.17g", 1.0 / hs.size()));
        }
        p.append("prior:\n  probabilities: {").append(probs).append("}\n");
        StringBuilder ev = new StringBuilder();
        for (int e = 0; e < 2; e++) {
            ev.append("- id: e").append(e).append("\n  date: 2024-07-0").append(e + 1).append("\n  likelihoods: {");
            for (int k = 0; k < hs.size(); k++) {
                ev.append(k == 0 ? "" : ", ").append(hs.get(k).id()).append(": ").append(l.get(4 * e + k));
            }
            ev.append("}\n");
        }
        Files.createDirectories(root.resolve("priors"));
        Files.createDirectories(root.resolve("evidence/c"));
        Files.writeString(root.resolve("priors/c.yaml"), p.toString(), StandardCharsets.UTF_8);
        Files.writeString(root.resolve("evidence/c/items.yaml"), ev.toString(), StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
