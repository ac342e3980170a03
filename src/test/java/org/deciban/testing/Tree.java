package org.deciban.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deciban.io.CaseLoader;

/** Folder helpers: copy a fixture case, take a snapshot of every file's SHA-256. */
public final class Tree {

    private Tree() {
    }

    /** The project folder (Maven's basedir), where priors/ and evidence/ of the shipped case live. */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    /** A folder under src/test/resources, on the test class path. */
    public static Path resource(String name) {
        URL url = Tree.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the fixture case src/test/resources/cases/NAME into {@code target}; returns target. */
    public static Path copyCase(String name, Path target) {
        return copy(resource("cases/" + name), target);
    }

    /** Copies the shipped Kim case (priors/kim-2024.yaml, evidence/kim-2024/) into {@code target}. */
    public static Path copyKim(Path target) {
        Path p = projectDir();
        try {
            Files.createDirectories(target.resolve("priors"));
            Files.copy(p.resolve("priors/kim-2024.yaml"), target.resolve("priors/kim-2024.yaml"));
            copy(p.resolve("evidence/kim-2024"), target.resolve("evidence/kim-2024"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.collect(Collectors.toList())) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Relative path ('/'-separated) to SHA-256, for every regular file under root; folders too, as "dir/";
     * a symbolic link as "link to TARGET" (never followed) and a pipe, socket or device as "special"
     * (never opened).
     */
    public static Map<String, String> snapshot(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.collect(Collectors.toList())) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.isEmpty()) {
                    continue;
                }
                java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(p,
                        java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    out.put(rel + "/", "dir");
                } else if (a.isSymbolicLink()) {
                    out.put(rel, "link to " + Files.readSymbolicLink(p));
                } else if (a.isRegularFile()) {
                    out.put(rel, CaseLoader.sha256(Files.readAllBytes(p)));
                } else {
                    out.put(rel, "special");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The entries of a snapshot outside reports/. */
    public static Map<String, String> outsideReports(Map<String, String> snapshot) {
        Map<String, String> out = new TreeMap<>(snapshot);
        out.keySet().removeIf(k -> k.equals("reports/") || k.startsWith("reports/"));
        return out;
    }

    /** Reads a text file as UTF-8. */
    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file as UTF-8. */
    public static void write(Path p, String text) {
        write(p, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Writes bytes, creating folders. */
    public static void write(Path p, byte[] bytes) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one occurrence of {@code from} in a file; fails when it is not there exactly once. */
    public static void replaceOnce(Path p, String from, String to) {
        String text = read(p);
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + from + "' is not in " + p + " exactly once");
        }
        write(p, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** Deletes a file. */
    public static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under a folder, sorted, relative. */
    public static List<String> list(Path root) {
        return List.copyOf(snapshot(root).keySet());
    }

    /** Deletes a folder and everything under it (for temporary folders a property makes per try). */
    public static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
