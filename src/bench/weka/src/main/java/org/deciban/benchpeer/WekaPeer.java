package org.deciban.benchpeer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import weka.classifiers.bayes.net.BIFReader;
import weka.classifiers.bayes.net.MarginCalculator;

/**
 * Weka 3.8.6's junction tree on the workload of shared/bench/network-queries.md, the peer of deciban's
 * org.deciban.bench.NetworkBenchMain in src/bench/run-network-bench.sh. Weka's MarginCalculator cannot
 * retract evidence, so each query builds it anew (calcMargins: moralise, triangulate, build the tree,
 * propagate), then sets the five findings (setEvidence propagates each) and reads every marginal.
 * Prints {@code network=... queries=... per_query_us=... first=P(variable 0 = state 0 | set A)}.
 *
 * <p>Usage: {@code WekaPeer FILE.xml QUERIES NAME [seconds]}, QUERIES holding set A and set B, one a line.
 */
public final class WekaPeer {

    private WekaPeer() {
    }

    public static void main(String[] args) throws Exception {
        BIFReader bn = new BIFReader().processFile(args[0]);
        List<String> lines = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
        int[][][] sets = new int[2][][];
        for (int i = 0; i < 2; i++) {
            String[] pairs = lines.get(i).trim().split(",");
            sets[i] = new int[pairs.length][];
            for (int j = 0; j < pairs.length; j++) {
                int eq = pairs[j].indexOf('=');
                String var = pairs[j].substring(0, eq);
                String state = pairs[j].substring(eq + 1);
                int node = bn.getNode(var);
                int value = -1;
                for (int s = 0; s < bn.getCardinality(node); s++) {
                    if (bn.getNodeValue(node, s).equals(state)) {
                        value = s;
                    }
                }
                if (value < 0) {
                    throw new IllegalArgumentException("no state " + state + " of " + var);
                }
                sets[i][j] = new int[] {node, value};
            }
        }
        double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        int n = bn.getNrOfNodes();
        long[] times = new long[1 << 20];
        int q = 0;
        double first = Double.NaN;
        double sink = 0;
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long prev = start;
        while ((q < 4 || System.nanoTime() < end) && q < times.length) {
            int[][] set = sets[q & 1];
            MarginCalculator mc = new MarginCalculator();
            mc.calcMargins(bn);
            for (int[] f : set) {
                mc.setEvidence(f[0], f[1]);
            }
            for (int v = 0; v < n; v++) {
                sink += mc.getMargin(v)[0];
            }
            if (q == 0) {
                first = mc.getMargin(0)[0];
            }
            long now = System.nanoTime();
            times[q++] = now - prev;
            prev = now;
        }
        long[] second = Arrays.copyOfRange(times, q / 2, q);
        double mean = Arrays.stream(second).average().orElse(Double.NaN) / 1e3;
        System.out.printf(Locale.ROOT, "network=%s queries=%d per_query_us=%.2f first=%.12f check=%.3g%n",
                args[2], q, mean, first, sink);
    }
}
