package org.deciban.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's launcher: when it starts a child JVM with the class-data sharing archive, with which
 * command line, and when the archive's stamp lets it. The expected command lines are written out by hand
 * from the rules in {@link Launcher}'s Javadoc.
 */
class LauncherTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/p/target/deciban.jar");
    private static final ClassDataArchive ARCHIVE = ClassDataArchive.beside(JAR);

    private static Optional<List<String>> child(List<String> commandLine, List<String> args) {
        return Launcher.childCommand(JAVA, JAR, ARCHIVE, commandLine, args, ChildTuning.FULL);
    }

    @Test
    void childRepeatsJvmOptionsAndArgumentsBehindTheArchive() {
        Optional<List<String>> cmd = child(List.of("-Xmx2g", "-Dx=a b", "-jar", "target/deciban.jar", "run", "kim-2024"),
                List.of("run", "kim-2024"));
        assertEquals(Optional.of(List.of("/jdk/bin/java", "-XX:SharedArchiveFile=/p/target/deciban.jsa",
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:Tier4InvocationThreshold=50000",
                "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=150000",
                "-XX:Tier4BackEdgeThreshold=400000", "-XX:+UseSerialGC", "-Xmx2g", "-Dx=a b",
                "-cp", "/p/target/deciban.jar", "org.deciban.cli.Deciban", "run", "kim-2024")), cmd);
    }

    @Test
    void aCollectorTheUserChoseReplacesTheSerialOne() {
        // two collectors on one command line stop the JVM ("multiple garbage collectors selected")
        List<String> cmd = child(List.of("-XX:+UseG1GC", "-jar", "target/deciban.jar", "run"), List.of("run")).orElseThrow();
        assertFalse(cmd.contains("-XX:+UseSerialGC"), cmd.toString());
        assertTrue(cmd.contains("-XX:+UseG1GC"), cmd.toString());
        assertTrue(child(List.of("-XX:+UseParallelGC", "-jar", "target/deciban.jar", "check"), List.of("check"))
                .orElseThrow().stream().noneMatch("-XX:+UseSerialGC"::equals));
    }

    @Test
    void helpVersionAndUsageStayInThisJvm() {
        for (List<String> args : List.of(List.<String>of(), List.of("--version"), List.of("-V"), List.of("--help"),
                List.of("help", "run"), List.of("run", "--help"), List.of("check", "-h"))) {
            List<String> line = new ArrayList<>(List.of("-jar", "deciban.jar"));
            line.addAll(args);
            assertTrue(child(line, args).isEmpty(), args.toString());
        }
        assertTrue(child(List.of("-jar", "deciban.jar", "history", "kim-2024"), List.of("history", "kim-2024")).isPresent());
    }

    @Test
    void optionsThatMustNotRunTwiceOrThatDecideSharingKeepTheCommandInThisJvm() {
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:x.jar",
                "-agentpath:/lib/p.so", "-Xshare:off", "-XX:SharedArchiveFile=/other.jsa",
                "-XX:ArchiveClassesAtExit=/x.jsa", "-Xdebug")) {
            assertTrue(child(List.of(option, "-jar", "deciban.jar", "check"), List.of("check")).isEmpty(), option);
        }
    }

    @Test
    void aCommandLineThatIsNotJavaDashJarWithTheseArgumentsKeepsTheCommandInThisJvm() {
        // started as java -cp ... org.deciban.cli.Launcher: no -jar to replace
        assertTrue(child(List.of("-cp", "deciban.jar", "org.deciban.cli.Launcher", "check"), List.of("check")).isEmpty());
        // the recorded command line does not end with the arguments main received
        assertTrue(child(List.of("-jar", "deciban.jar", "check"), List.of("run")).isEmpty());
        assertTrue(child(List.of("-jar"), List.of()).isEmpty());
    }

    @Test
    void anArchiveIsUsableOnlyForTheJarAndJvmItsStampNames(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("deciban.jar"), "jar bytes");
        ClassDataArchive a = ClassDataArchive.beside(jar);
        assertEquals(dir.resolve("deciban.jsa"), a.archive());
        assertEquals(dir.resolve("deciban.jsa.properties"), a.stamp());
        ClassDataArchive.Jvm jvm = new ClassDataArchive.Jvm("17.0.15+6", "/jdk");

        assertFalse(a.usableFor(jar, jvm), "no stamp, no archive");
        a.writeStamp(jar, jvm);
        assertFalse(a.usableFor(jar, jvm), "stamp without archive: the dump did not happen");
        Files.writeString(a.archive(), "archive bytes");
        Files.setLastModifiedTime(a.archive(), FileTime.fromMillis(Files.getLastModifiedTime(a.stamp()).toMillis() + 1000));
        assertTrue(a.usableFor(jar, jvm));

        assertFalse(a.usableFor(jar, new ClassDataArchive.Jvm("21.0.2+13", "/jdk")), "another JVM build");
        assertFalse(a.usableFor(jar, new ClassDataArchive.Jvm("17.0.15+6", "/other-jdk")), "another Java home");

        Files.setLastModifiedTime(a.archive(), FileTime.fromMillis(Files.getLastModifiedTime(a.stamp()).toMillis() - 1000));
        assertFalse(a.usableFor(jar, jvm), "archive older than its stamp: left from an earlier package");
        Files.setLastModifiedTime(a.archive(), FileTime.fromMillis(Files.getLastModifiedTime(a.stamp()).toMillis() + 1000));

        Path moved = Files.copy(jar, Files.createDirectory(dir.resolve("moved")).resolve("deciban.jar"));
        Files.setLastModifiedTime(moved, Files.getLastModifiedTime(jar));
        assertFalse(a.usableFor(moved, jvm), "the same jar in another folder: the JVM would refuse the archive");

        Files.writeString(jar, "rebuilt jar bytes");
        assertFalse(a.usableFor(jar, jvm), "the jar was rebuilt after the archive");
    }

    @Test
    void writingAStampRemovesTheArchiveOfTheLastPackage(@TempDir Path dir) throws IOException {
        Path jar = Files.writeString(dir.resolve("deciban.jar"), "jar bytes");
        ClassDataArchive a = ClassDataArchive.beside(jar);
        Files.writeString(a.archive(), "old archive");
        a.writeStamp(jar, ClassDataArchive.Jvm.current());
        assertFalse(Files.exists(a.archive()));
    }
}
