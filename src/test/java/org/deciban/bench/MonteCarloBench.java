package org.deciban.bench;

import org.deciban.testing.Models;
import java.util.concurrent.TimeUnit;
import org.deciban.inference.montecarlo.MonteCarloEngine;
import org.deciban.inference.montecarlo.MonteCarloOptions;
import org.deciban.inference.montecarlo.MonteCarloResult;
import org.deciban.inference.montecarlo.Weighting;
import org.deciban.model.Case;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmark of the Monte Carlo kernel and its random-draw floor on the workload of
 * shared/bench/monte-carlo-workload.md. One operation is {@link #DRAWS} draws; draws/s = DRAWS / (s/op).
 * Run: {@code mvn -B -o test-compile && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.deciban.bench.MonteCarloBench} (target/cp.txt from {@code mvn dependency:build-classpath
 * -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class MonteCarloBench {

    /** Draws per benchmark operation. */
    public static final long DRAWS = 100_000;

    @Param({"small", "large"})
    public String workload;

    @Param({"1", "2"})
    public int threads;

    private MonteCarloEngine.Prepared prepared;
    private MonteCarloOptions options;

    @Setup
    public void setup() {
        Case c = "large".equals(workload) ? Workload.large() : Workload.small();
        // the interval -> Beta solves happen once here, outside the measured operation (numpy is given the shapes)
        prepared = MonteCarloEngine.prepare(Models.compile(c));
        options = new MonteCarloOptions(DRAWS, 20240801L, threads, Weighting.IMPORTANCE);
    }

    @Benchmark
    public MonteCarloResult kernel() {
        return MonteCarloEngine.run(prepared, options, d -> { });
    }

    @Benchmark
    public double floor() {
        return MonteCarloEngine.judgmentFloor(prepared, options);
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(MonteCarloBench.class.getSimpleName()).build()).run();
    }
}
