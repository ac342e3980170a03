package org.deciban.io;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deciban.model.Limits;

/**
 * Finds and reads the files of one case, and refuses any that cannot be read safely.
 *
 * <p>Every path is examined without opening it ({@link LinkOption#NOFOLLOW_LINKS} attributes), so a
 * named pipe never blocks a read. Refused, each with its path and what it is: a folder, pipe, socket
 * or device where a file is expected; a symbolic link that leads nowhere (dangling), into a loop, or
 * out of the folder it is listed in (a case's files stay inside {@code priors/} and
 * {@code evidence/<case>/}, the evidence folder inside the project); a file over
 * {@link Limits#MAX_FILE_BYTES}; and files that together exceed {@link Limits#MAX_CASE_BYTES}.
 * Files and folders whose name starts with '.' are not evidence (as the shell glob {@code *.yaml}
 * skips them; editors keep their lock and swap files there).
 */
final class CaseFiles {

    private final Path root;
    private long bytesRead;

    /** @param root the project folder; each instance counts the bytes of one load against the case limit */
    CaseFiles(Path root) {
        this.root = root;
    }

    /** Whether anything (a file, a folder, a link, even a dangling one) is at the path. */
    static boolean present(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The bytes of a file that must be a regular file (after links that stay inside {@code boundary}, when
     * given, which messages call {@code boundaryName}).
     */
    byte[] read(String name, Path path, Path boundary, String boundaryName) {
        Path real = regularFile(name, path, boundary, boundaryName);
        try {
            long size = Files.size(real);
            if (size > Limits.MAX_FILE_BYTES) {
                throw new InputException(name, 0, null, null, "file is " + size
                        + " bytes; allowed: at most " + Limits.MAX_FILE_BYTES + " bytes");
            }
            if (bytesRead + size > Limits.MAX_CASE_BYTES) {
                throw new InputException(name, 0, null, null, "the case's files come to more than "
                        + Limits.MAX_CASE_BYTES + " bytes with this one; allowed: at most " + Limits.MAX_CASE_BYTES
                        + " bytes of priors and evidence together");
            }
            byte[] bytes = Files.readAllBytes(real);
            bytesRead += bytes.length;
            return bytes;
        } catch (IOException e) {
            throw new InputException(name, 0, null, null, "cannot be read: " + IoReason.of(e));
        }
    }

    /**
     * The real path of a file that must be regular: a link is followed only when it resolves and stays
     * inside {@code boundary} (null: anywhere), which messages call {@code boundaryName}.
     */
    Path regularFile(String name, Path path, Path boundary, String boundaryName) {
        String allowed = "a " + (name.endsWith(".csv") ? "CSV" : "YAML") + " file, or a link to one that stays inside "
                + (boundaryName == null ? "the case's folder" : boundaryName);
        Path real = follow(name, path, boundary, boundaryName, allowed);
        BasicFileAttributes a = attributes(name, real);
        if (a.isRegularFile()) {
            return real;
        }
        throw new InputException(name, 0, null, null, "is " + kind(real, a) + ", not a regular file; allowed: " + allowed);
    }

    /**
     * The real path of a folder, or {@code null} when nothing is there. A folder that is a link must
     * resolve inside {@code boundary}; a file or pipe in its place is refused.
     */
    Path folder(String name, Path path, Path boundary) {
        if (!present(path)) {
            return null;
        }
        Path real = follow(name, path, boundary, "the project folder", "a folder, or a link to one inside the project folder");
        BasicFileAttributes a = attributes(name, real);
        if (!a.isDirectory()) {
            throw new InputException(name, 0, null, null, "is " + kind(real, a) + "; allowed: a folder of evidence files");
        }
        return real;
    }

    /**
     * The evidence files of a folder ({@code *.yaml}, {@code *.yml}, {@code *.csv}, not hidden), sorted by
     * name, each checked to be a regular file inside the folder. {@code folderName} names the folder in
     * messages ("evidence/kim-2024").
     */
    List<Path> evidenceIn(String folderName, Path dir, Path boundary) {
        Path real = folder(folderName, dir, boundary);
        if (real == null) {
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(p -> {
                String n = p.getFileName().toString();
                return !n.startsWith(".") && isEvidenceName(n);
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(folderName, 0, null, null, "cannot list folder: " + IoReason.of(e));
        }
        List<Path> out = new ArrayList<>();
        for (Path p : entries) {
            regularFile(folderName + "/" + p.getFileName(), p, real, folderName + "/");
            out.add(p);
        }
        return out;
    }

    /** The project root's real path (the boundary of the evidence folder). */
    Path realRoot() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new InputException(root.toString(), 0, null, null, "the project folder cannot be read: " + IoReason.of(e));
        }
    }

    /** The real path of a folder of the project ("priors"), or the path itself when it is missing. */
    Path realFolder(String name) {
        Path p = root.resolve(name);
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Evidence comes in YAML files and in CSV matrices. */
    static boolean isEvidenceName(String n) {
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".csv");
    }

    /** The real path of {@code path}; a link must resolve, and stay inside {@code boundary} when one is given. */
    private static Path follow(String name, Path path, Path boundary, String boundaryName, String allowed) {
        BasicFileAttributes own = attributes(name, path, LinkOption.NOFOLLOW_LINKS);
        if (!own.isSymbolicLink()) {
            try {
                return path.toRealPath();
            } catch (IOException e) {
                throw new InputException(name, 0, null, null, "cannot be read: " + IoReason.of(e));
            }
        }
        String target = linkTarget(path);
        Path real;
        try {
            real = path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputException(name, 0, null, null, "is a symbolic link to '" + target
                    + "', which does not exist (a dangling link); allowed: " + allowed);
        } catch (FileSystemException e) {
            String reason = IoReason.of(e);
            throw new InputException(name, 0, null, null, (reason.startsWith("too many levels of symbolic links")
                    ? "is a symbolic link loop (to '" + target + "': following it leads from link to link without end)"
                    : "is a symbolic link to '" + target + "' that cannot be followed (" + reason + ")")
                    + "; allowed: " + allowed);
        } catch (IOException e) {
            throw new InputException(name, 0, null, null, "is a symbolic link to '" + target + "' that cannot be followed ("
                    + IoReason.of(e) + "); allowed: " + allowed);
        }
        if (boundary != null && !real.startsWith(boundary)) {
            throw new InputException(name, 0, null, null, "is a symbolic link to '" + target + "', which leads out of "
                    + boundaryName + "; allowed: " + allowed);
        }
        return real;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static BasicFileAttributes attributes(String name, Path p, LinkOption... options) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, options);
        } catch (IOException e) {
            throw new InputException(name, 0, null, null, "cannot be read: " + IoReason.of(e));
        }
    }

    /** What a path that is neither a regular file nor a folder is, in words. */
    private static String kind(Path p, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return "a folder";
        }
        try {
            int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
            switch (type) {
                case 0010000: return "a named pipe (FIFO; deciban does not open it, as reading a pipe can wait forever)";
                case 0140000: return "a socket";
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0100000: return "a regular file";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix attribute view: fall back to the generic words
        }
        return a.isRegularFile() ? "a regular file" : "a special file (a pipe, socket or device)";
    }
}
