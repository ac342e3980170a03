package org.deciban.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The entry point of the packaged jar ({@code java -jar target/deciban.jar ...}).
 *
 * <p>Java 17 maps an application class-data sharing archive only when {@code -XX:SharedArchiveFile} is on
 * the command line (a jar manifest cannot carry JVM options, and {@code -XX:+AutoCreateSharedArchive} came
 * in Java 19). So when the package step left a usable archive beside the jar ({@link ClassDataArchive}),
 * the launcher runs the command in a child JVM started with it: the same {@code java}, the same JVM
 * options, the same arguments, standard streams passed through, and the child's exit code as its own.
 * Otherwise it runs the command in this JVM, as {@link Deciban#main} does. Set the environment variable
 * {@code DECIBAN_CDS=off} to always run in this JVM.
 *
 * <p>The child is not started when this JVM was given options that a second JVM must not repeat or that
 * already decide class sharing: an agent ({@code -agentlib:}, {@code -javaagent:}, e.g. a debugger that
 * listens on a port), {@code -Xshare}, {@code -XX:SharedArchiveFile} or {@code -XX:ArchiveClassesAtExit}.
 * If this JVM is stopped (SIGTERM, Ctrl-C) the child is stopped too.
 *
 * <p>The child runs the serial garbage collector ({@link #CHILD_COLLECTOR}) and the just-in-time compilers
 * that suit the size of the case, and a larger starting heap for a large one ({@link ChildTuning}).
 */
public final class Launcher {

    /** The environment variable that turns the re-launch off ({@code DECIBAN_CDS=off}). */
    static final String SWITCH = "DECIBAN_CDS";

    /**
     * The child JVM's garbage collector unless the user chose one: the serial collector. A command is a batch
     * job with one working thread (and the Monte Carlo workers, which allocate little); G1, the default, grows
     * the heap towards a quarter of the machine's memory to keep its pauses short, which a batch job does not
     * need: on a generated case of 100,000 items (src/bench/scale-bench.sh) the whole run peaked at 3.2 GB
     * resident with G1 and at 0.86 GB with the serial collector, with a fifth less CPU time (61 s and 49 s
     * user, one run each at load 6 to 10 on two cores). Class-data sharing maps the archive with either.
     */
    static final String CHILD_COLLECTOR = "-XX:+UseSerialGC";

    /** JVM option prefixes that rule out a re-launch. */
    private static final List<String> KEEP_IN_THIS_JVM = List.of("-agentlib:", "-agentpath:", "-javaagent:",
            "-Xshare", "-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
            "-Xdebug", "-Xrunjdwp");

    private Launcher() {
    }

    public static void main(String[] args) {
        Optional<List<String>> child = childCommand(args);
        if (child.isEmpty()) {
            Deciban.main(args);
            return;
        }
        Process p;
        try {
            p = new ProcessBuilder(child.get()).inheritIO().start();
        } catch (IOException e) {
            Deciban.main(args);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(p)));
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            stop(p);
            code = Deciban.INTERNAL;
        }
        System.exit(code);
    }

    private static void stop(Process p) {
        if (p.isAlive()) {
            p.destroy();
            try {
                p.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The child's command line for this JVM and {@code args}, or empty to run in this JVM. */
    private static Optional<List<String>> childCommand(String[] args) {
        if ("off".equalsIgnoreCase(System.getenv(SWITCH))) {
            return Optional.empty();
        }
        Optional<Path> jar = ownJar();
        Optional<String[]> commandLine = ProcessHandle.current().info().arguments();
        if (jar.isEmpty() || commandLine.isEmpty()) {
            return Optional.empty();
        }
        ClassDataArchive archive = ClassDataArchive.beside(jar.get());
        if (!archive.usableFor(jar.get(), ClassDataArchive.Jvm.current())) {
            return Optional.empty();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> line = List.of(commandLine.get());
        int dashJar = line.indexOf("-jar");
        List<String> tuning = ChildTuning.options(line.subList(0, Math.max(0, dashJar)), List.of(args),
                System.getenv(ChildTuning.SWITCH), Path.of("").toAbsolutePath());
        return childCommand(java, jar.get(), archive, line, List.of(args), tuning);
    }

    /**
     * The child's command line, or empty when this JVM should run the command itself.
     *
     * @param java        the {@code java} executable of this JVM
     * @param jar         the packaged jar (absolute)
     * @param archive     its usable class-data sharing archive
     * @param commandLine this JVM's arguments after the executable, as the OS recorded them
     *                    ({@code [jvm options...] -jar JAR [args...]})
     * @param args        the program arguments this JVM's main received
     * @param tuning      the options chosen by the size of the work ({@link ChildTuning})
     */
    static Optional<List<String>> childCommand(Path java, Path jar, ClassDataArchive archive, List<String> commandLine,
            List<String> args, List<String> tuning) {
        if (!worthASecondJvm(args)) {
            return Optional.empty();
        }
        int dashJar = commandLine.indexOf("-jar");
        if (dashJar < 0 || dashJar + 1 >= commandLine.size()
                || !commandLine.subList(dashJar + 2, commandLine.size()).equals(args)) {
            return Optional.empty();
        }
        List<String> jvmOptions = commandLine.subList(0, dashJar);
        for (String option : jvmOptions) {
            for (String prefix : KEEP_IN_THIS_JVM) {
                if (option.startsWith(prefix)) {
                    return Optional.empty();
                }
            }
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-XX:SharedArchiveFile=" + archive.archive());
        // JVM log warnings (a class-sharing mismatch, say) go to stderr, never into a command's stdout
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.addAll(tuning);
        if (!choosesACollector(jvmOptions)) {
            cmd.add(CHILD_COLLECTOR);
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(Arrays.asList("-cp", jar.toString(), Deciban.class.getName()));
        cmd.addAll(args);
        return Optional.of(cmd);
    }

    /**
     * Whether {@code args} run a command that loads enough classes to gain from the archive: a command is
     * named and no help or version is asked for. Help and {@code --version} print from picocli alone, which
     * the archive cannot hold (its classes are in the Java 5 class-file format), so a second JVM would only
     * cost its own start.
     */
    static boolean worthASecondJvm(List<String> args) {
        if (args.isEmpty() || args.get(0).startsWith("-") || args.get(0).equals("help")) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h") || a.equals("--version") || a.equals("-V")) {
                return false;
            }
        }
        return true;
    }

    /** The jar this class was loaded from, when it was loaded from a jar. */
    private static Optional<Path> ownJar() {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar")
                    ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the user's JVM options select a garbage collector ({@code -XX:+UseG1GC}, {@code -XX:+UseParallelGC}, ...). */
    static boolean choosesACollector(List<String> jvmOptions) {
        for (String option : jvmOptions) {
            if (option.startsWith("-XX:+Use") && option.endsWith("GC")) {
                return true;
            }
        }
        return false;
    }
}
