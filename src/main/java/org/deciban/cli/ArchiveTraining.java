package org.deciban.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.deciban.io.CaseLoader;

/**
 * The training run of the package step: runs every command once on a copy of a case, in one JVM started
 * with {@code -XX:ArchiveClassesAtExit=target/deciban.jsa}, so that at exit the JVM archives every class the
 * commands loaded, and writes the archive's stamp ({@link ClassDataArchive}). {@link Launcher} then maps the
 * archive when the jar runs.
 *
 * <p>Usage: {@code ArchiveTraining --root DIR CASE JAR}. The case's {@code priors/} and {@code evidence/}
 * are copied to a temporary folder, which the commands write their reports into and which is removed
 * afterwards; nothing under DIR is written. A command that ends with an unexpected exit code is named on
 * stderr (the archive is then made from what was loaded) and the training still exits 0, so the package
 * step never fails because of it.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    /**
     * One command of the training run and the exit codes it may end with.
     *
     * @param args    the command line
     * @param allowed its acceptable exit codes
     */
    record Step(List<String> args, Set<Integer> allowed) {
    }

    public static void main(String[] args) {
        if (args.length != 4 || !args[0].equals("--root")) {
            System.err.println("usage: ArchiveTraining --root DIR CASE JAR");
            return;
        }
        try {
            Path jar = Path.of(args[3]).toAbsolutePath();
            ClassDataArchive.beside(jar).writeStamp(jar, ClassDataArchive.Jvm.current());
            for (String problem : train(Path.of(args[1]), args[2])) {
                System.err.println("deciban: class-data training: " + problem);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("deciban: class-data training: " + e);
        }
    }

    /**
     * Runs the training steps on a temporary copy of {@code root}'s case files; returns one line per step
     * that ended with an unexpected exit code.
     */
    static List<String> train(Path root, String caseId) throws IOException {
        Path copy = Files.createTempDirectory("deciban-training");
        PrintStream stdout = System.out;
        try {
            copyTree(root.resolve("priors"), copy.resolve("priors"));
            copyTree(root.resolve("evidence"), copy.resolve("evidence"));
            System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            List<String> problems = new ArrayList<>();
            for (Step s : steps(copy, caseId)) {
                StringWriter err = new StringWriter();
                int code = Deciban.execute(new PrintWriter(Writer.nullWriter()), new PrintWriter(err),
                        s.args().toArray(String[]::new));
                if (!s.allowed().contains(code)) {
                    problems.add("'" + String.join(" ", s.args()) + "' exited " + code + ": "
                            + err.toString().lines().findFirst().orElse(""));
                }
            }
            return problems;
        } finally {
            System.setOut(stdout);
            deleteTree(copy);
        }
    }

    /** The commands of the training run on case {@code caseId} under {@code root}. */
    static List<Step> steps(Path root, String caseId) {
        String dir = root.toString();
        Set<Integer> ok = Set.of(0);
        List<Step> steps = new ArrayList<>(List.of(
                new Step(List.of("check", "--root", dir, caseId), ok),
                new Step(List.of("run", "--root", dir, caseId), ok),
                new Step(List.of("run", "--root", dir, caseId, "--json", "--no-write", "--draws", "2000"), ok),
                new Step(List.of("explain", "--root", dir, caseId), ok),
                new Step(List.of("sensitivity", "--root", dir, caseId), ok),
                new Step(List.of("indicators", "--root", dir, caseId), ok),
                new Step(List.of("timeline", "--root", dir, caseId), ok),
                new Step(List.of("history", "--root", dir, caseId), ok),
                new Step(List.of("query", "--root", dir, caseId), ok),
                new Step(List.of("score", "--root", dir, caseId), ok),
                // diff's default (the last recorded run, here the run above, against now)
                new Step(List.of("diff", "--root", dir, caseId), ok),
                // a chain broken by an earlier edit is reported with exit 1; the classes are loaded either way
                new Step(List.of("history", "--root", dir, "--verify", caseId), Set.of(0, 1)),
                // exit 1: a check of the case failed, which is the case's business, not the training's
                new Step(List.of("test", "--root", dir, caseId, "--tries", "20"), Set.of(0, 1)),
                new Step(List.of("run", "--help"), ok),
                new Step(List.of("--help"), ok),
                new Step(List.of("--version"), ok),
                new Step(List.of("check", "--root", dir, caseId + "-no-such-case"), Set.of(Deciban.BAD_INPUT))));
        new CaseLoader(root).load(caseId).evidence().stream().findFirst().ifPresent(e ->
                steps.add(4, new Step(List.of("what-if", "--root", dir, caseId, "--without", e.id()), ok)));
        return steps;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
