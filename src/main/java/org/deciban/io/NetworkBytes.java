package org.deciban.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a network file, read with stated limits: at most {@link #MAX_FILE_BYTES} on disk and,
 * for a gzipped file (name ending in {@code .gz}), at most {@link #MAX_TEXT_BYTES} once decompressed.
 * Decompression stops as soon as the limit is passed, so a gzip bomb is refused after reading at most
 * the limit, never expanded whole. The largest standard network, munin (1,041 variables), is 1.2 MB of
 * text, 139 KB gzipped.
 */
final class NetworkBytes {

    /** Largest network file read from disk: 16 MiB. */
    static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
    /** Largest network text, after decompression: 32 MiB. */
    static final int MAX_TEXT_BYTES = 32 * 1024 * 1024;

    /**
     * The file's bytes as stored (for its SHA-256) and its text bytes (decompressed when gzipped).
     *
     * @param stored the bytes on disk
     * @param text   the network text, UTF-8
     */
    record Read(byte[] stored, byte[] text) {
    }

    private NetworkBytes() {
    }

    static Read read(String name, Path path) {
        byte[] stored;
        try {
            long size = Files.size(path);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(name, 0, null, null, "network file is " + size + " bytes; allowed: at most "
                        + MAX_FILE_BYTES + " bytes (16 MiB) on disk and " + MAX_TEXT_BYTES + " bytes (32 MiB) of text");
            }
            stored = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(name, 0, null, null, "cannot read network file: " + IoReason.of(e));
        }
        if (stored.length == 0) {
            throw new InputException(name, 0, null, "(empty file)", "allowed: a BIF or XMLBIF network with at least one variable");
        }
        if (!name.endsWith(".gz")) {
            if (stored.length > MAX_TEXT_BYTES) {
                throw new InputException(name, 0, null, null, "network file is " + stored.length
                        + " bytes; allowed: at most " + MAX_TEXT_BYTES + " bytes (32 MiB) of text");
            }
            return new Read(stored, stored);
        }
        return new Read(stored, gunzip(name, stored));
    }

    private static byte[] gunzip(String name, byte[] stored) {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(stored), 64 * 1024)) {
            byte[] buf = new byte[Math.min(MAX_TEXT_BYTES + 1, Math.max(64 * 1024, stored.length * 8))];
            int n = 0;
            while (true) {
                if (n == buf.length) {
                    if (buf.length > MAX_TEXT_BYTES) {
                        throw new InputException(name, 0, null, null, "network file decompresses to more than "
                                + MAX_TEXT_BYTES + " bytes (stopped reading there); allowed: at most "
                                + MAX_TEXT_BYTES + " bytes (32 MiB) of text");
                    }
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min((long) MAX_TEXT_BYTES + 1, 2L * buf.length));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            if (n == 0) {
                throw new InputException(name, 0, null, "(empty file)", "allowed: a BIF or XMLBIF network with at least one variable");
            }
            return java.util.Arrays.copyOf(buf, n);
        } catch (ZipException e) {
            throw new InputException(name, 0, null, null, "is not a valid gzip file (" + e.getMessage()
                    + "); allowed: a BIF or XMLBIF file, gzipped when its name ends in .gz");
        } catch (java.io.EOFException e) {
            throw new InputException(name, 0, null, null, "gzip data ends early (truncated file); allowed: a whole gzip file");
        } catch (IOException e) {
            throw new InputException(name, 0, null, null, "cannot read network file: " + IoReason.of(e));
        }
    }
}
