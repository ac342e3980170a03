package org.deciban.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The folder {@code reports/<case>/} and safe writes into it.
 *
 * <p>Each file is written to a temporary file in the same folder, forced to disk and renamed over
 * the old one (atomically where the file system allows), so a reader sees either the old report or
 * the new one, never half of one. Names that would leave the folder are refused.
 */
public final class ReportFolder {

    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;

    private ReportFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * The report folder of a case under {@code reportsRoot}.
     *
     * @throws IllegalArgumentException when the case id could name a path outside it
     */
    public static ReportFolder of(Path reportsRoot, String caseId) {
        if (!SAFE_ID.matcher(caseId).matches()) {
            throw new IllegalArgumentException("case id '" + caseId + "' would make an unsafe report path; allowed: [a-z0-9-]+");
        }
        Path root = reportsRoot.toAbsolutePath().normalize();
        Path dir = root.resolve(caseId).normalize();
        if (!dir.getParent().equals(root)) {
            throw new IllegalArgumentException("report folder " + dir + " is outside " + root);
        }
        return new ReportFolder(dir);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Writes a text file atomically; returns its path. */
    public Path write(String fileName, String content) throws IOException {
        if (!SAFE_FILE.matcher(fileName).matches()) {
            throw new IllegalArgumentException("report file name '" + fileName + "' is not allowed");
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        Path tmp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        try {
            try {
                // temp files are created owner-only; a report is for every reader of the folder
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep its default permissions
            }
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** Writes lines joined by '\n' with a final newline. */
    public Path write(String fileName, List<String> lines) throws IOException {
        return write(fileName, String.join("\n", lines) + "\n");
    }
}
