package org.deciban.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.deciban.inference.network.JunctionTree;
import org.deciban.io.NetworkFile;
import org.deciban.model.Network;

/**
 * deciban's side of src/bench/run-network-bench.sh: reads a network file, compiles it, runs the queries
 * of shared/bench/network-queries.md (sets A and B alternating) for at least {@code seconds} and
 * {@code minQueries}, and prints one line: {@code network=... read_ms=... compile_ms=... queries=...
 * per_query_us=... first=...} ({@code first}: P(variable 0 = its state 0 | set A), to compare with the peer; per-query time: the mean over the second half of the queries, once the JIT is warm,
 * as the workload asks). With {@code cold}, it instead times one whole process on its own: read, compile,
 * one query, and exits (the script measures the process's wall time).
 *
 * <p>Usage: {@code NetworkBenchMain FILE NETWORK [seconds] [minQueries] | NetworkBenchMain FILE NETWORK cold}
 */
public final class NetworkBenchMain {

    private NetworkBenchMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String name = args[1];
        long t0 = System.nanoTime();
        Network net = NetworkFile.readNetwork(file);
        long t1 = System.nanoTime();
        JunctionTree tree = JunctionTree.compile(net);
        long t2 = System.nanoTime();
        NetworkQueryLoop loop = new NetworkQueryLoop(tree, name);
        if (args.length > 2 && args[2].equals("cold")) {
            double check = loop.query();
            long t3 = System.nanoTime();
            // no String.format here: its first use loads regex and lambda machinery the cold process need not pay
            System.out.println("network=" + name + " cold read_us=" + (t1 - t0) / 1000 + " compile_us=" + (t2 - t1) / 1000
                    + " query_us=" + (t3 - t2) / 1000 + " check=" + check);
            return;
        }
        double first = loop.firstMarginal();
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        int minQueries = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        long[] times = new long[1 << 22];
        int q = 0;
        double sink = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long prev = start;
        while ((q < minQueries || System.nanoTime() < end) && q < times.length) {
            sink += loop.query();
            long now = System.nanoTime();
            times[q++] = now - prev;
            prev = now;
        }
        long[] second = Arrays.copyOfRange(times, q / 2, q);
        double mean = Arrays.stream(second).average().orElse(Double.NaN) / 1e3;
        System.out.printf(Locale.ROOT, "network=%s read_ms=%.1f compile_ms=%.1f queries=%d per_query_us=%.2f first=%.12f check=%.3g%n",
                name, (t1 - t0) / 1e6, (t2 - t1) / 1e6, q, mean, first, sink);
    }
}
