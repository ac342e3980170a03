package org.deciban.bench;

import java.util.concurrent.TimeUnit;
import org.deciban.inference.network.JunctionTree;
import org.deciban.testing.NetworkQueries;
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
 * JMH benchmark of exact inference on the standard networks, the workload of
 * shared/bench/network-queries.md: one operation is one query (five hard findings, sets A and B
 * alternating, propagate, read every marginal) on a junction tree compiled once in setup.
 * Run: {@code mvn -B -q test-compile && java -cp target/test-classes:target/classes:$(cat target/cp.txt)
 * org.deciban.bench.NetworkBench} (target/cp.txt as in {@link MonteCarloBench}); add
 * {@code -p network=alarm} to run one network. munin is left out of the default parameters (a query takes
 * a third of a second; src/bench/run-network-bench.sh times it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NetworkBench {

    @Param({"alarm", "hailfinder", "hepar2", "win95pts", "pathfinder", "andes"})
    public String network;

    private NetworkQueryLoop loop;

    @Setup
    public void setup() {
        loop = new NetworkQueryLoop(JunctionTree.compile(NetworkQueries.network(network)), network);
    }

    @Benchmark
    public double query() {
        return loop.query();
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(NetworkBench.class.getSimpleName()).build()).run();
    }
}
