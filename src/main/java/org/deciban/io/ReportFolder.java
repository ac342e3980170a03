package org.deciban.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The folder {@code reports/<case>/} and safe writes into it.
 *
 * <p>Where: before anything is written the folder's real path is checked. {@code reports/<case>}
 * itself may not be a symbolic link, and whatever links lie above it, its real path may not lie
 * under the project's {@code priors/} or {@code evidence/}: deciban never writes there. A refusal is
 * an {@link UnsafeFolderException} naming the path and where it leads.
 *
 * <p>How: writes happen in a {@link Writing} session that holds an exclusive lock on the folder's
 * {@code .deciban.lock}, so concurrent commands write one after the other. Each file is written to
 * a temporary file {@code .<name>.<digits>.tmp} in the folder, forced to disk and renamed over the
 * old one (atomically where the file system allows; a link in the file's place is replaced, never
 * followed), so a reader sees either the old report or the new one, never half of one. Temporary
 * files left by a killed run are removed when the next session opens (under the lock no other
 * writer has one open). A failed write (a full disk, a read-only folder) is a
 * {@link WriteFailedException} naming the file, and leaves the old report in place.
 */
public final class ReportFolder {

    private static final Pattern SAFE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** The temporary files of {@link Writing#write}: "." + file name + "." + digits + ".tmp". */
    private static final Pattern TEMP = Pattern.compile("\\.[A-Za-z0-9][A-Za-z0-9._-]*\\.[0-9]+\\.tmp");
    /** The lock file every writing session holds. */
    public static final String LOCK = ".deciban.lock";

    private final Path dir;
    private final String caseId;
    private final List<Path> protectedDirs;

    private ReportFolder(Path dir, String caseId, List<Path> protectedDirs) {
        this.dir = dir;
        this.caseId = caseId;
        this.protectedDirs = protectedDirs;
    }

    /**
     * The report folder of a case under {@code reportsRoot}; the folders {@code priors} and
     * {@code evidence} beside {@code reportsRoot} are never written.
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
        Path project = root.getParent();
        List<Path> guarded = project == null ? List.of() : List.of(project.resolve("priors"), project.resolve("evidence"));
        return new ReportFolder(dir, caseId, guarded);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** A file of the folder as messages name it: "reports/kim-2024/posterior.md". */
    public String displayName(String fileName) {
        return "reports/" + caseId + "/" + fileName;
    }

    /** Writes one text file in its own session; returns its path. */
    public Path write(String fileName, String content) throws IOException {
        try (Writing w = open()) {
            return w.write(fileName, content);
        }
    }

    /** Writes lines joined by '\n' with a final newline. */
    public Path write(String fileName, List<String> lines) throws IOException {
        return write(fileName, String.join("\n", lines) + "\n");
    }

    /** Writes several files in one session, in map order; returns their paths. */
    public List<Path> writeAll(Map<String, String> files) throws IOException {
        try (Writing w = open()) {
            return w.writeAll(files);
        }
    }

    /**
     * Checks, without writing anything, that a session could write here: the folder is no link and would
     * not lie under priors/ or evidence/. For commands that compute for a while before they write.
     *
     * @throws UnsafeFolderException when the folder is a link, or leads under priors/ or evidence/
     */
    public void check() throws IOException {
        String shown = "reports/" + caseId;
        checkNotLink(shown);
        checkOutsideProtected(shown, prospectiveReal(dir));
    }

    private void checkNotLink(String shown) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                throw new UnsafeFolderException(shown + " is a symbolic link (to '" + linkTarget(dir) + "'); allowed: a "
                        + "real folder, so that reports cannot be written elsewhere through it; remove the link and run again");
            }
            if (!a.isDirectory()) {
                throw new UnsafeFolderException(shown + " is not a folder; allowed: a folder for the case's reports; "
                        + "move it away and run again");
            }
        }
    }

    /**
     * Opens a writing session: checks where the folder really is, creates it, takes its lock and
     * removes temporary files left by killed runs.
     *
     * @throws UnsafeFolderException when the folder is a link, or leads under priors/ or evidence/
     * @throws WriteFailedException  when the folder cannot be created or locked
     */
    public Writing open() throws IOException {
        String shown = "reports/" + caseId;
        checkNotLink(shown);
        // where the folder would be, checked before it is created, and where it is, checked after
        checkOutsideProtected(shown, prospectiveReal(dir));
        Path real = realPath(shown);
        checkOutsideProtected(shown, real);
        Path lockFile = real.resolve(LOCK);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            if (Files.isSymbolicLink(lockFile)) {
                throw new UnsafeFolderException(displayName(LOCK) + " is a symbolic link; allowed: deciban's own lock "
                        + "file; remove the link and run again");
            }
            throw new WriteFailedException(displayName(LOCK), e, "nothing was written");
        }
        FileLock lock;
        try {
            lock = channel.lock();
        } catch (IOException e) {
            channel.close();
            throw new WriteFailedException(displayName(LOCK), e, "nothing was written");
        }
        Writing w = new Writing(real, channel, lock);
        w.removeStaleTemporaries();
        return w;
    }

    private Path realPath(String shown) throws IOException {
        try {
            Files.createDirectories(dir);
            return dir.toRealPath();
        } catch (FileSystemException e) {
            throw new WriteFailedException(shown + "/", e, "nothing was written");
        }
    }

    private void checkOutsideProtected(String shown, Path real) throws UnsafeFolderException {
        for (Path p : protectedDirs) {
            Path guard = realOrSelf(p);
            if (real.startsWith(guard)) {
                throw new UnsafeFolderException(shown + " leads to " + real + ", inside " + p.getFileName()
                        + "/; deciban never writes under priors/ or evidence/; point reports/ at another folder");
            }
        }
    }

    /** The real path a path has, or would have once created: its nearest existing ancestor's real path, plus the rest. */
    private static Path prospectiveReal(Path p) {
        Path existing = p;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        Path real = realOrSelf(existing);
        return rest == null ? real : real.resolve(rest);
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    /** A session of writes into the folder, holding its lock until closed. */
    public final class Writing implements AutoCloseable {

        private final Path real;
        private final FileChannel channel;
        private final FileLock lock;

        private Writing(Path real, FileChannel channel, FileLock lock) {
            this.real = real;
            this.channel = channel;
            this.lock = lock;
        }

        private void removeStaleTemporaries() throws IOException {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(real)) {
                for (Path p : s) {
                    String n = p.getFileName().toString();
                    if (TEMP.matcher(n).matches()) {
                        Files.deleteIfExists(p);
                    }
                }
            } catch (IOException e) {
                throw new WriteFailedException(displayName(""), e, "nothing was written");
            }
        }

        /** Writes a text file atomically; returns its path. */
        public Path write(String fileName, String content) throws IOException {
            if (!SAFE_FILE.matcher(fileName).matches() || fileName.equals(LOCK)) {
                throw new IllegalArgumentException("report file name '" + fileName + "' is not allowed");
            }
            Path target = real.resolve(fileName);
            Path tmp = null;
            try {
                tmp = Files.createTempFile(real, "." + fileName + ".", ".tmp");
                try {
                    // temp files are created owner-only; a report is for every reader of the folder
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: keep its default permissions
                }
                try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC, LinkOption.NOFOLLOW_LINKS)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new WriteFailedException(displayName(fileName), e, fileName + " is left as it was");
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException e) {
                        // the next session removes it
                    }
                }
            }
            return dir.resolve(fileName);
        }

        /** Writes several files, in map order; returns their paths. */
        public List<Path> writeAll(Map<String, String> files) throws IOException {
            List<Path> out = new ArrayList<>();
            for (Map.Entry<String, String> f : files.entrySet()) {
                out.add(write(f.getKey(), f.getValue()));
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** A report folder or file that deciban refuses to write through (bad input: exit code 2). */
    public static final class UnsafeFolderException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnsafeFolderException(String message) {
            super(message);
        }
    }

    /** A write that failed (a full disk, a read-only folder), naming the file and what happened to it. */
    public static final class WriteFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String file;
        private final String note;

        /**
         * @param file  the file as messages name it ("reports/kim-2024/posterior.md")
         * @param cause the failure
         * @param note  what the failure left as it was, or null
         */
        public WriteFailedException(String file, IOException cause, String note) {
            super(file + ": " + cause.getMessage(), cause);
            this.file = file;
            this.note = note;
        }

        /** The file that could not be written. */
        public String file() {
            return file;
        }

        /** What the failure left as it was, or null. */
        public String note() {
            return note;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
