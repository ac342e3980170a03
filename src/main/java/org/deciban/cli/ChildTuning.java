package org.deciban.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JVM options of the {@link Launcher}'s child chosen by the size of the work, judged before any of it is read
 * properly: which just-in-time compilers it runs, and for a large case a larger starting heap.
 *
 * <p>HotSpot's optimising compiler (C2) makes long loops two to three times faster than the quick one (C1),
 * but compiling costs CPU time on the two cores the command itself needs, and in a command of a few seconds
 * that time is not repaid. Measured whole runs (one JVM with the archive, the variants interleaved; the
 * README's "Start-up time"): the Kim case 3.4 s with both compilers and 2.4 s with C1 alone, the generated case of
 * 1,000 items 3.0 s and 2.5 s, 10,000 items about equal, while 100,000 items took 29 s with both and 36 s
 * with C1 alone, a case on the munin network 124 s and 227 s, and the Kim case at a million draws 7.9 s and
 * 9.2 s. So the child runs C1 alone ({@link #QUICK}) for a small case at a moderate number of draws and both
 * compilers otherwise ({@link #FULL}, C2 at ten times its usual thresholds so that only truly hot loops
 * reach it).
 *
 * <p>A case over {@link #LARGE_HEAP_BYTES} (about 65,000 items) also starts with a heap of
 * 1 GiB ({@link #LARGE_HEAP}): the serial collector's young generation is a third of the heap,
 * and with the default start (a 64th of the machine's memory) loading 100,000 items spent 2.7 s of its 6.2 s in
 * 21 collections, each copying the tables read so far; with 1 GiB, 1.4 s in 7 (the whole run 31 s before, 27 s
 * after, median of 3 interleaved runs; peak resident memory 0.76 GB before and 1.3 GB after, within the 2 GiB
 * the scale target allows). At 10,000 items the two collections of the default heap cost 0.3-0.4 s and the
 * larger heap saved nothing (touching its fresh memory costs as much), so smaller cases keep the default. A heap
 * option of the user's ({@code -Xms}, {@code -Xmx}, {@code -Xmn}, {@code -XX:...HeapSize}, {@code -XX:...RAM...})
 * leaves the heap to them.
 *
 * <p>The case is found among the arguments: every argument that is not an option and names a file
 * {@code priors/ARG.yaml} under the root ({@code --root DIR}, else the working directory). Its size counts the
 * priors file, the network file it names ({@code network: FILE} under {@code priors/}, a {@code .gz} file at
 * {@value #GZ_FACTOR} times its size) and the regular files under {@code evidence/ARG/} (links are not
 * followed). The draws are {@code --draws N}, else the priors file's {@code draws:}, else 100,000. Nothing
 * here can change a figure: only how fast the same code runs. {@code DECIBAN_JIT=quick} or {@code full}
 * chooses by hand; a JVM option of the user's about the compilers ({@code -XX:TieredStopAtLevel},
 * {@code -XX:-TieredCompilation}, {@code -XX:Tier...}) leaves the choice to the user.
 */
final class ChildTuning {

    /** The environment variable that chooses by hand: {@code quick} or {@code full}. */
    static final String SWITCH = "DECIBAN_JIT";

    /** C1 alone. */
    static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Both compilers, C2 at ten times its default thresholds (5,000 calls, 600 calls with loops, 15,000 calls
     * and loop turns, 40,000 loop turns): lukewarm methods (YAML binding, tables, charts) stay with C1, and a
     * truly hot loop (the Monte Carlo kernel, a large network's propagation) crosses ten times the threshold
     * within milliseconds.
     */
    static final List<String> FULL = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");

    /** Largest size of a case's files (bytes) that runs with C1 alone: 1 MiB, about 8,000 evidence items. */
    static final long QUICK_BYTES = 1L << 20;
    /** Most Monte Carlo draws that run with C1 alone. */
    static final long QUICK_DRAWS = 250_000;
    /** What a compressed network file counts for, times its size (BIF text compresses about tenfold). */
    static final int GZ_FACTOR = 10;
    /** The draws a case has when neither the command line nor its file says. */
    private static final long DEFAULT_DRAWS = 100_000;
    /** Most files looked at under a case's evidence folder before it counts as large. */
    private static final int MAX_FILES = 10_000;

    private static final Pattern NETWORK = Pattern.compile("^network:\\s*['\"]?([^'\"#\\s]+)", Pattern.MULTILINE);
    private static final Pattern DRAWS = Pattern.compile("^\\s+draws:\\s*([0-9_]{1,12})\\s*(#.*)?$", Pattern.MULTILINE);

    /** Size of a case's files (bytes) above which it starts with {@link #LARGE_HEAP}: 8 MiB. */
    static final long LARGE_HEAP_BYTES = 8L << 20;
    /** The starting heap of a large case: 1 GiB. */
    static final String LARGE_HEAP = "-Xms1g";

    private ChildTuning() {
    }

    /**
     * The options for the child JVM: compilers, then the heap.
     *
     * @param jvmOptions  the user's JVM options (these win: an option about the compilers or the heap leaves
     *                    that choice to the user)
     * @param args        the program's arguments
     * @param switchValue the value of {@link #SWITCH}, or null
     * @param workingDir  where a relative {@code --root} starts
     */
    static List<String> options(List<String> jvmOptions, List<String> args, String switchValue, Path workingDir) {
        Work work = measure(args, workingDir);
        List<String> out = new java.util.ArrayList<>(compilers(jvmOptions, work, switchValue));
        if (work.bytes() > LARGE_HEAP_BYTES && !sizesTheHeap(jvmOptions)) {
            out.add(LARGE_HEAP);
        }
        return List.copyOf(out);
    }

    /** The compiler options alone. */
    static List<String> compilers(List<String> jvmOptions, Work work, String switchValue) {
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:TieredStopAtLevel") || o.endsWith("TieredCompilation") || o.startsWith("-XX:Tier")
                    || o.startsWith("-XX:CompilationMode")) {
                return List.of();
            }
        }
        if (switchValue != null) {
            String s = switchValue.trim().toLowerCase(Locale.ROOT);
            if (s.equals("quick")) {
                return QUICK;
            }
            if (s.equals("full")) {
                return FULL;
            }
        }
        return work.small() ? QUICK : FULL;
    }

    private static boolean sizesTheHeap(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-Xms") || o.startsWith("-Xmx") || o.startsWith("-Xmn") || o.startsWith("-XX:MaxHeapSize")
                    || o.startsWith("-XX:InitialHeapSize") || o.startsWith("-XX:MinHeapSize") || o.startsWith("-XX:NewSize")
                    || o.startsWith("-XX:MaxNewSize") || o.contains("RAM")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The size of the work: the bytes of the case's files (more than {@link #LARGE_HEAP_BYTES} once that is
     * passed) and the Monte Carlo draws.
     */
    record Work(long bytes, long draws) {
        /** Small enough for C1 alone. */
        boolean small() {
            return bytes <= QUICK_BYTES && draws <= QUICK_DRAWS;
        }
    }

    /** The work the arguments name (no case found: no bytes, the draws of the command line or the default). */
    static Work measure(List<String> args, Path workingDir) {
        Path root = workingDir;
        Optional<Long> draws = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            if (a.equals("--root") || a.equals("--draws")) {
                value = i + 1 < args.size() ? args.get(i + 1) : null;
            } else if (a.startsWith("--root=") || a.startsWith("--draws=")) {
                value = a.substring(a.indexOf('=') + 1);
            }
            if (value != null && a.startsWith("--root")) {
                root = workingDir.resolve(value);
            } else if (value != null) {
                draws = parseCount(value);
            }
        }
        long bytes = 0;
        long caseDraws = DEFAULT_DRAWS;
        for (String a : args) {
            if (a.startsWith("-") || a.isEmpty() || a.contains("/") || a.contains("\\") || a.startsWith(".")) {
                continue;
            }
            Path priors = root.resolve("priors").resolve(a + ".yaml");
            if (!Files.isRegularFile(priors, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                long size = Files.size(priors);
                if (size > LARGE_HEAP_BYTES) {
                    return new Work(LARGE_HEAP_BYTES + 1, draws.orElse(caseDraws));
                }
                String text = new String(Files.readAllBytes(priors), StandardCharsets.UTF_8);
                bytes += size + networkBytes(root.resolve("priors"), text) + folderBytes(root.resolve("evidence").resolve(a));
                Matcher m = DRAWS.matcher(text);
                if (m.find()) {
                    caseDraws = Math.max(caseDraws, parseCount(m.group(1)).orElse(DEFAULT_DRAWS));
                }
            } catch (IOException | RuntimeException e) {
                // unreadable now: the command will say why; meanwhile both compilers and the default heap
                return new Work(QUICK_BYTES + 1, draws.orElse(caseDraws));
            }
        }
        return new Work(bytes, draws.orElse(caseDraws));
    }

    private static Optional<Long> parseCount(String text) {
        try {
            return Optional.of(Long.parseLong(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The network file a priors text names, at {@link #GZ_FACTOR} times its size when compressed; 0 without one. */
    private static long networkBytes(Path priorsDir, String priorsText) throws IOException {
        Matcher m = NETWORK.matcher(priorsText);
        if (!m.find()) {
            return 0;
        }
        Path file = priorsDir.resolve(m.group(1)).normalize();
        if (!file.startsWith(priorsDir.normalize()) || !Files.isRegularFile(file)) {
            return 0;
        }
        long size = Files.size(file);
        return file.getFileName().toString().endsWith(".gz") ? size * GZ_FACTOR : size;
    }

    /**
     * The bytes of the regular files under a folder, links not followed; more than {@link #LARGE_HEAP_BYTES} once
     * that is passed (or once {@link #MAX_FILES} files were looked at).
     */
    private static long folderBytes(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        long total = 0;
        int files = 0;
        Deque<Path> todo = new ArrayDeque<>();
        todo.push(folder);
        while (!todo.isEmpty()) {
            // a directory stream, not Files.list: no lambda to bootstrap in the launcher's JVM, which has no archive
            try (DirectoryStream<Path> s = Files.newDirectoryStream(todo.pop())) {
                for (Path p : s) {
                    BasicFileAttributes at = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (at.isDirectory()) {
                        todo.push(p);
                    } else if (at.isRegularFile()) {
                        total += at.size();
                    }
                    if (++files > MAX_FILES || total > LARGE_HEAP_BYTES) {
                        return LARGE_HEAP_BYTES + 1;
                    }
                }
            }
        }
        return total;
    }
}
