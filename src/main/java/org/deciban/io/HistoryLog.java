package org.deciban.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deciban.model.HistoryEntry;
import org.deciban.model.HistoryRecord;

/**
 * The forecast history {@code reports/<case>/history.jsonl}: append-only, one JSON record a line,
 * each line chained to the one before it.
 *
 * <p>A line is {@code {"record":n, ...fields..., "prev":P, "prev_torn":b,"hash":H}} where n is its
 * line number (from 1), P the SHA-256 (hex) of the previous line's UTF-8 bytes without its newline
 * (64 zeros for line 1), and H the SHA-256 of the line's own text with the {@code ,"hash":H} part
 * removed. So a changed byte in a record breaks its own hash (and names that record); a record
 * rewritten with a fresh hash, removed or inserted breaks the next record's P. What an unkeyed chain
 * cannot see: anyone who can write the file can append a forged record, or rewrite the newest
 * records (or all of them) with fresh hashes, or remove the newest records. A hash noted elsewhere
 * (a briefing, a commit) anchors the chain: {@link Reading#anchorLine} says where that hash still is,
 * so everything up to it is as it was when it was noted.
 *
 * <p>Torn lines: an append is one write followed by fsync, so a crash can leave at most the last
 * line without its newline. {@link #read} reports such a tail, never drops it. The next
 * {@link #append} seals it: it ends the fragment with a newline and writes its record with
 * {@code "prev_torn":true} and P the hash of the fragment, so the fragment stays in the file, in
 * the chain, and is listed by every verification as an interrupted run. A complete line that is not
 * a valid record is never sealed: it breaks the chain.
 *
 * <p>Bounded memory: the file is read as a stream, one line at a time; a line longer than
 * {@link #MAX_LINE_BYTES} is hashed without being kept (and is no valid record); a reading keeps the
 * newest {@link #KEPT} records and counts the rest, so a history of any length is verified in the
 * same memory. The file must be a regular file: a link, folder or pipe in its place is refused
 * without being opened.
 */
public final class HistoryLog {

    /** The file name in the report folder. */
    public static final String FILE = "history.jsonl";
    /** The previous-line hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** The newest records a reading keeps (older ones are verified and counted). */
    public static final int KEPT = 1000;
    /** The longest line kept for parsing; a record is a few hundred bytes plus its input list. */
    public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** The interrupted runs a reading lists by name (the rest are counted). */
    private static final int MAX_NOTES = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HASH_TAIL = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private final Path file;
    private final String name;

    private HistoryLog(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /** The history of the case whose reports are in {@code folder}. */
    public static HistoryLog in(ReportFolder folder) {
        return new HistoryLog(folder.dir().resolve(FILE), folder.displayName(FILE));
    }

    /** The history file. */
    public Path path() {
        return file;
    }

    /** The history file as messages name it ("reports/kim-2024/history.jsonl"). */
    public String displayName() {
        return name;
    }

    /** Whether a history file exists (a regular file or anything else in its place). */
    public boolean exists() {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether a text is a record hash (64 lower-case hex digits), as {@code --anchor} takes it. */
    public static boolean isHash(String s) {
        return s != null && HEX64.matcher(s).matches();
    }

    /**
     * What a read of the history found.
     *
     * @param entries      the newest valid records, at most {@link #KEPT}, in order (records after a
     *                     break are included when valid)
     * @param recordCount  the number of valid records in the whole file
     * @param lines        number of lines, a torn tail included
     * @param brokenLine   line number of the first break of the chain, or 0 when intact
     * @param broken       what is wrong at {@code brokenLine}, or null
     * @param sealed       notes on torn fragments sealed by a later record (interrupted runs), at most 100
     * @param tornTail     a description of a torn last line (no newline yet), or null
     * @param lastLineHash SHA-256 of the last line (torn or not), or {@link #GENESIS} for an empty file
     * @param newestHash   the {@code hash} of the newest valid record, or null when there is none
     * @param anchorLine   the line whose record has the anchor hash asked for, or 0 (not asked, or not found)
     */
    public record Reading(List<HistoryEntry> entries, long recordCount, long lines, long brokenLine, String broken,
                          List<String> sealed, String tornTail, String lastLineHash, String newestHash, long anchorLine) {

        public Reading {
            entries = List.copyOf(entries);
            sealed = List.copyOf(sealed);
        }

        /** True when every line is a valid record chained to the one before (sealed fragments allowed) and no tail is torn. */
        public boolean intact() {
            return brokenLine == 0 && tornTail == null;
        }

        /** The kept records alone. */
        public List<HistoryRecord> records() {
            return entries.stream().map(HistoryEntry::record).toList();
        }
    }

    /**
     * Reads and verifies the history; an absent file reads as an empty, intact history. The records it keeps
     * carry no content ({@link HistoryRecord#content()} is null; {@link #full} reads one record with it), so a
     * reading holds little memory whatever the cases recorded.
     */
    public Reading read() throws IOException {
        return read((String) null);
    }

    /**
     * The valid records a test accepts (a hash prefix, a day), in order, without their content; at most
     * {@value #MAX_MATCHES} (a reference that matches more is too vague to name one).
     */
    public List<HistoryEntry> matching(java.util.function.Predicate<HistoryEntry> test) throws IOException {
        Scan scan = new Scan(true, null);
        scan.test = test;
        scanFile(scan);
        return List.copyOf(scan.matches);
    }

    /** The valid record on a line with its content, or null when that line holds none. */
    public HistoryEntry full(long line) throws IOException {
        Scan scan = new Scan(true, null);
        scan.fullLine = line;
        scanFile(scan);
        return scan.full;
    }

    /** The most records {@link #matching} returns. */
    public static final int MAX_MATCHES = 10;

    private void scanFile(Scan scan) throws IOException {
        if (!exists()) {
            return;
        }
        checkRegular();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            scan(in, scan);
        }
    }

    /**
     * Reads and verifies the history, and looks for a record whose hash is {@code anchor} (may be null).
     *
     * @throws ReportFolder.UnsafeFolderException when something other than a regular file is in its place
     */
    public Reading read(String anchor) throws IOException {
        if (!exists()) {
            return scan(new ByteArrayInputStream(new byte[0]), true, anchor);
        }
        checkRegular();
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return scan(in, true, anchor);
        }
    }

    /** Verifies history text (the bytes of a history file). */
    public static Reading read(byte[] bytes) {
        try {
            return scan(new ByteArrayInputStream(bytes), true, null);
        } catch (IOException e) {
            throw new IllegalStateException("reading bytes in memory failed", e);
        }
    }

    private void checkRegular() throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()) {
            throw new ReportFolder.UnsafeFolderException(name + " is " + (a.isSymbolicLink() ? "a symbolic link"
                    : a.isDirectory() ? "a folder" : "not a regular file (a pipe, socket or device)")
                    + "; allowed: the history as a regular file in its report folder (deciban neither follows "
                    + "links out of the folder nor opens pipes); move it away and run again");
        }
    }

    /** One complete line as read: its number, its SHA-256, its length and its text (null when too long to keep). */
    private record Line(long n, String hash, long length, String text) {
    }

    /** The verification state of one pass over the lines. */
    private static final class Scan {
        final boolean verify;
        final String anchor;
        java.util.function.Predicate<HistoryEntry> test;
        final List<HistoryEntry> matches = new ArrayList<>();
        long fullLine;
        HistoryEntry full;
        final ArrayDeque<HistoryEntry> entries = new ArrayDeque<>();
        final List<String> sealed = new ArrayList<>();
        long sealedCount;
        long records;
        long brokenLine;
        String broken;
        String prevHash = GENESIS;
        String pendingFragment;
        Line deferred;
        String newest;
        long anchorLine;

        Scan(boolean verify, String anchor) {
            this.verify = verify;
            this.anchor = anchor;
        }

        void line(Line l) {
            if (verify) {
                check(l);
            }
            prevHash = l.hash;
        }

        private void check(Line l) {
            long n = l.n;
            Parsed parsed = l.text == null ? Parsed.error("it is longer than " + MAX_LINE_BYTES + " bytes")
                    : parse(l.text, n, n == fullLine);
            if (parsed.error != null) {
                if (deferred != null) {
                    breakAt(deferred.n, "record " + deferred.n + " is not a valid record (" + deferredError + ")");
                    deferred = null;
                }
                if (brokenLine == 0) {
                    deferred = l;
                    deferredError = parsed.error;
                }
                return;
            }
            if (deferred != null) {
                if (parsed.prevTorn && parsed.prev.equals(deferred.hash)) {
                    pendingFragment = "line " + deferred.n + ": torn fragment of an interrupted run (" + deferred.length
                            + " bytes), sealed by record " + n;
                } else {
                    breakAt(deferred.n, "record " + deferred.n + " is not a valid record (" + deferredError + ")");
                }
                deferred = null;
            }
            HistoryEntry entry = new HistoryEntry(Math.toIntExact(Math.min(n, Integer.MAX_VALUE)), parsed.record,
                    parsed.hash);
            if (n == fullLine) {
                full = entry;
                entry = new HistoryEntry(entry.line(), parsed.record.withoutContent(), parsed.hash);
            }
            if (test != null && matches.size() < MAX_MATCHES && test.test(entry)) {
                matches.add(entry);
            }
            keep(entry);
            records++;
            newest = parsed.hash;
            if (anchor != null && anchor.equals(parsed.hash)) {
                anchorLine = n;
            }
            if (brokenLine == 0) {
                if (!parsed.prev.equals(prevHash)) {
                    breakAt(n, "record " + n + " does not follow line " + (n - 1) + ": the previous-line hash it holds"
                            + " does not match (line " + (n - 1) + " was rewritten, or a record was removed or inserted)");
                } else if (parsed.prevTorn && pendingFragment == null) {
                    breakAt(n, "record " + n + " says the line before it is torn, but line " + (n - 1) + " is a valid record");
                }
                if (pendingFragment != null && brokenLine == 0) {
                    sealedCount++;
                    if (sealed.size() < MAX_NOTES) {
                        sealed.add(pendingFragment);
                    }
                }
            }
            pendingFragment = null;
        }

        String deferredError;

        private void breakAt(long n, String why) {
            if (brokenLine == 0) {
                brokenLine = n;
                broken = why;
            }
        }

        private void keep(HistoryEntry e) {
            if (entries.size() == KEPT) {
                entries.removeFirst();
            }
            entries.addLast(e);
        }

        void end() {
            if (verify && deferred != null) {
                breakAt(deferred.n, "record " + deferred.n + " is not a valid record (" + deferredError + ")");
                deferred = null;
            }
            if (sealedCount > sealed.size()) {
                sealed.add("... and " + (sealedCount - sealed.size()) + " more interrupted runs");
            }
        }
    }

    /**
     * Reads lines from a stream in bounded memory: each complete line is hashed (and, when {@code verify},
     * parsed and checked); bytes after the last newline are the torn tail.
     */
    private static Reading scan(InputStream raw, boolean verify, String anchor) throws IOException {
        return scan(raw, new Scan(verify, anchor));
    }

    private static Reading scan(InputStream raw, Scan scan) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buf = new byte[64 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        long length = 0;
        boolean kept = true;
        long n = 0;
        int got;
        while ((got = raw.read(buf)) > 0) {
            int start = 0;
            for (int i = 0; i < got; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                digest.update(buf, start, i - start);
                if (kept && length + (i - start) <= MAX_LINE_BYTES) {
                    line.write(buf, start, i - start);
                } else {
                    kept = false;
                }
                length += i - start;
                n++;
                scan.line(new Line(n, HexFormat.of().formatHex(digest.digest()), length,
                        kept ? line.toString(StandardCharsets.UTF_8) : null));
                line.reset();
                length = 0;
                kept = true;
                start = i + 1;
            }
            digest.update(buf, start, got - start);
            if (kept && length + (got - start) <= MAX_LINE_BYTES) {
                line.write(buf, start, got - start);
            } else {
                kept = false;
                line.reset();
            }
            length += got - start;
        }
        scan.end();
        String torn = null;
        String lastLineHash = scan.prevHash;
        if (length > 0) {
            torn = "line " + (n + 1) + " is torn: " + length + " bytes with no newline (a run was interrupted while"
                    + " appending; the next run seals it and keeps it in the chain)";
            lastLineHash = HexFormat.of().formatHex(digest.digest());
        }
        return new Reading(new ArrayList<>(scan.entries), scan.records, n + (length > 0 ? 1 : 0), scan.brokenLine,
                scan.broken, scan.sealed, torn, lastLineHash, scan.newest, scan.anchorLine);
    }

    /**
     * Appends a record under an exclusive file lock, with one write and fsync. A torn last line
     * is sealed (see the class comment). Returns the new record's line number.
     *
     * @throws ReportFolder.UnsafeFolderException when something other than a regular file is in its place
     */
    public long append(HistoryRecord r) throws IOException {
        Files.createDirectories(file.getParent());
        boolean created = !exists();
        if (!created) {
            checkRegular();
        }
        long line;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS); FileLock lock = ch.lock()) {
            long size = ch.size();
            Reading before = scan(Channels.newInputStream(ch.position(0)), false, null);
            boolean torn = before.tornTail() != null;
            line = before.lines() + 1;
            String text = line(line, r, before.lastLineHash(), torn);
            byte[] out = ((torn ? "\n" : "") + text + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(out);
            long pos = size;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(true);
        } catch (ReportFolder.UnsafeFolderException e) {
            throw e;
        } catch (IOException e) {
            if (Files.isSymbolicLink(file)) {
                checkRegular();
            }
            throw new ReportFolder.WriteFailedException(name, e, "the run's record was not appended");
        }
        if (created) {
            syncDirectory(file.getParent());
        }
        return line;
    }

    /** The text of a record as line {@code n} of the file (without the newline). */
    static String line(long n, HistoryRecord r, String prev, boolean prevTorn) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("record", n);
        o.put("time", r.time());
        o.put("version", r.version());
        o.put("java", r.java());
        ObjectNode in = o.putObject("inputs");
        r.inputs().forEach(in::put);
        if (r.seed() == null) {
            o.putNull("seed");
        } else {
            o.put("seed", r.seed());
        }
        if (r.draws() == null) {
            o.putNull("draws");
        } else {
            o.put("draws", r.draws());
        }
        ObjectNode hs = o.putObject("hypotheses");
        r.hypotheses().forEach(hs::put);
        ObjectNode os = o.putObject("outcomes");
        r.outcomes().forEach(os::put);
        ObjectNode content = r.content() == null ? null : HistoryContent.json(r.content());
        if (content != null) {
            o.set("content", content);
        }
        o.put("prev", prev);
        o.put("prev_torn", prevTorn);
        String body;
        try {
            body = MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history record could not be written as JSON", e);
        }
        String hash = sha256(body.getBytes(StandardCharsets.UTF_8));
        return body.substring(0, body.length() - 1) + ",\"hash\":\"" + hash + "\"}";
    }

    private record Parsed(HistoryRecord record, String prev, boolean prevTorn, String hash, String error) {
        static Parsed error(String why) {
            return new Parsed(null, null, false, null, why);
        }
    }

    /** A line parsed as a record; its content is read only when asked for ({@code withContent}). */
    private static Parsed parse(String text, long n, boolean withContent) {
        Matcher m = HASH_TAIL.matcher(text);
        if (!m.find()) {
            return Parsed.error("it does not end with its hash");
        }
        String body = text.substring(0, m.start()) + "}";
        if (!sha256(body.getBytes(StandardCharsets.UTF_8)).equals(m.group(1))) {
            return Parsed.error("its content does not match its hash: it was changed after it was written");
        }
        try {
            JsonNode o = MAPPER.readTree(body);
            if (!o.path("record").canConvertToLong() || o.path("record").asLong(-1) != n) {
                return Parsed.error("it says it is record " + o.path("record") + " but it is line " + n);
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            o.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
            HistoryRecord r = new HistoryRecord(text(o, "time"), text(o, "version"), text(o, "java"), inputs,
                    o.path("seed").isNumber() ? o.path("seed").asLong() : null,
                    o.path("draws").isNumber() ? o.path("draws").asLong() : null,
                    numbers(o.path("hypotheses")), numbers(o.path("outcomes")),
                    withContent ? content(o) : null);
            return new Parsed(r, text(o, "prev"), o.path("prev_torn").asBoolean(false), m.group(1), null);
        } catch (IOException e) {
            return Parsed.error("not a history record: its text is not valid JSON");
        } catch (IllegalArgumentException e) {
            return Parsed.error("not a history record: " + e.getMessage());
        }
    }

    /** A record's content, or null when it has none or it cannot be read (the record itself stays valid). */
    private static org.deciban.model.CaseContent content(JsonNode o) {
        if (!o.has("content")) {
            return null;
        }
        try {
            return HistoryContent.read(o.get("content"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing");
        }
        return v.asText();
    }

    private static Map<String, Double> numbers(JsonNode o) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    /** SHA-256 of bytes, as lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every file system lets a directory be opened and forced; the file itself is synced
        }
    }
}
