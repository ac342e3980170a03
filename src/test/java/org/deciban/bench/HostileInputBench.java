package org.deciban.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deciban.io.CaseLoader;
import org.deciban.io.InputException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How long refusing a hostile file takes, beside loading the valid Kim case: the time half of what
 * HostileInputTest bounds by work (allocated bytes). One operation loads the Kim case from a copy with
 * one hostile file added to its evidence ("none": the case as shipped). Report the ratios of one run
 * (hostile / none), not the absolute times, which depend on the machine's load.
 * Run: {@code mvn -B -o test-compile package -DskipTests && java -cp
 * target/test-classes:target/deciban.jar:JMH-JARS org.deciban.bench.HostileInputBench}, JMH-JARS the
 * jmh-core and jopt-simple jars of the local Maven repository.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class HostileInputBench {

    @Param({"none", "file-10mb", "nesting-10000", "alias-bomb", "tab"})
    public String input;

    private Path root;
    private CaseLoader loader;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Files.createTempDirectory("deciban-hostile-bench");
        Path project = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        copy(project.resolve("priors"), root.resolve("priors"));
        copy(project.resolve("evidence/kim-2024"), root.resolve("evidence/kim-2024"));
        String text = switch (input) {
            case "none" -> null;
            case "file-10mb" -> "id: big\nquote: \"" + "a".repeat(10 * 1024 * 1024) + "\"\n";
            case "nesting-10000" -> "id: deep\nquote: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
            case "alias-bomb" -> "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
            case "tab" -> "- id: tabbed\n\tlikelihoods: {trump: 0.5, harris: 0.5, indifferent: 0.5}\n";
            default -> throw new IllegalArgumentException("unknown input " + input);
        };
        if (text != null) {
            Files.writeString(root.resolve("evidence/kim-2024/zz-hostile.yaml"), text, StandardCharsets.UTF_8);
        }
        loader = new CaseLoader(root);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Loads the case: the valid one completes, a hostile one is refused with one InputException. */
    @Benchmark
    public Object load() {
        try {
            return loader.load("kim-2024");
        } catch (InputException e) {
            return e.getMessage();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(HostileInputBench.class.getSimpleName()).build()).run();
    }
}
