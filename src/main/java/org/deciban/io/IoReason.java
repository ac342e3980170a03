package org.deciban.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in a user's words ("no space left on device", "permission denied"),
 * without the Java exception's class name or the path (the caller names the file in its own terms).
 */
public final class IoReason {

    private IoReason() {
    }

    /** The reason of a failed file operation, lower case, never empty. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a folder is in the way";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "something else is already at that path";
        }
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        if (reason == null || reason.isBlank()) {
            return "an input/output error";
        }
        String r = reason.strip();
        return r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
}
