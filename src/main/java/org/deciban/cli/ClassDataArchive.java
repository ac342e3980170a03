package org.deciban.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The class-data sharing (AppCDS) archive that the package step leaves beside the jar
 * ({@code target/deciban.jsa}), with its stamp ({@code target/deciban.jsa.properties}): which jar (path, size
 * and modification time) and which JVM build ({@code java.vm.version}, {@code java.home}) made it. A JVM maps
 * such an archive only for the very jar and JVM build that dumped it; the stamp lets the launcher tell
 * before it starts a second JVM, so a rebuilt jar or another Java never pays for a useless re-launch.
 *
 * @param archive the archive file ({@code -XX:SharedArchiveFile})
 * @param stamp   the properties file describing it
 */
record ClassDataArchive(Path archive, Path stamp) {

    /** The JVM that dumps or maps an archive: its build and home. */
    record Jvm(String vmVersion, String javaHome) {

        /** The running JVM. */
        static Jvm current() {
            return new Jvm(System.getProperty("java.vm.version", ""), System.getProperty("java.home", ""));
        }
    }

    /** The archive beside {@code jar}: {@code deciban.jar} has {@code deciban.jsa} and {@code deciban.jsa.properties}. */
    static ClassDataArchive beside(Path jar) {
        String name = jar.getFileName().toString();
        String base = name.endsWith(".jar") ? name.substring(0, name.length() - ".jar".length()) : name;
        return new ClassDataArchive(jar.resolveSibling(base + ".jsa"), jar.resolveSibling(base + ".jsa.properties"));
    }

    /**
     * Whether {@code jvm} can map this archive for {@code jar}: both files exist, the archive was written
     * after its stamp (the dump at the end of the training run completed), and the stamp names this jar's
     * path, size and modification time and this JVM build.
     */
    boolean usableFor(Path jar, Jvm jvm) {
        try {
            if (!Files.isRegularFile(archive) || !Files.isRegularFile(stamp) || Files.size(archive) == 0
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(stamp)) < 0) {
                return false;
            }
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(stamp)) {
                p.load(in);
            }
            return describe(jar, jvm).equals(p);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes the stamp for {@code jar} and {@code jvm} and removes any older archive (the dump writes a new one at exit). */
    void writeStamp(Path jar, Jvm jvm) throws IOException {
        Files.deleteIfExists(archive);
        try (OutputStream out = Files.newOutputStream(stamp)) {
            describe(jar, jvm).store(out, "deciban class-data sharing archive: the jar and JVM that dumped "
                    + archive.getFileName());
        }
    }

    private static Properties describe(Path jar, Jvm jvm) throws IOException {
        Properties p = new Properties();
        // the JVM checks the class path it was dumped with; a moved jar runs without the archive
        p.setProperty("jar.path", jar.toAbsolutePath().normalize().toString());
        p.setProperty("jar.size", Long.toString(Files.size(jar)));
        p.setProperty("jar.modified", Long.toString(Files.getLastModifiedTime(jar).toMillis()));
        p.setProperty("java.vm.version", jvm.vmVersion());
        p.setProperty("java.home", jvm.javaHome());
        return p;
    }
}
