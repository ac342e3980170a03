package org.deciban.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The forecast history {@code reports/<case>/history.jsonl}: append-only, one JSON record a line,
 * each line chained to the one before it.
 *
 * <p>A line is {@code {"record":n, ...fields..., "prev":P, "prev_torn":b,"hash":H}} where n is its
 * line number (from 1), P the SHA-256 (hex) of the previous line's UTF-8 bytes without its newline
 * (64 zeros for line 1), and H the SHA-256 of the line's own text with the {@code ,"hash":H} part
 * removed. So a changed byte in a record breaks its own hash (and names that record); a record
 * rewritten with a fresh hash, removed or inserted breaks the next record's P.
 *
 * <p>Torn lines: an append is one write followed by fsync, so a crash can leave at most the last
 * line without its newline. {@link #read} reports such a tail, never drops it. The next
 * {@link #append} seals it: it ends the fragment with a newline and writes its record with
 * {@code "prev_torn":true} and P the hash of the fragment, so the fragment stays in the file, in
 * the chain, and is listed by every verification as an interrupted run. A complete line that is not
 * a valid record is never sealed: it breaks the chain.
 */
public final class HistoryLog {

    /** The file name in the report folder. */
    public static final String FILE = "history.jsonl";
    /** The previous-line hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern HASH_TAIL = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"}$");

    private final Path file;

    private HistoryLog(Path file) {
        this.file = file;
    }

    /** The history of the case whose reports are in {@code folder}. */
    public static HistoryLog in(ReportFolder folder) {
        return new HistoryLog(folder.dir().resolve(FILE));
    }

    /** The history file. */
    public Path path() {
        return file;
    }

    /** A record as stored: its line number and the record. */
    public record Entry(int line, HistoryRecord record) {
    }

    /**
     * What a read of the history found.
     *
     * @param entries     the valid records, in order (records after a break are included when valid)
     * @param lines       number of lines, a torn tail included
     * @param brokenLine  line number of the first break of the chain, or 0 when intact
     * @param broken      what is wrong at {@code brokenLine}, or null
     * @param sealed      notes on torn fragments sealed by a later record (interrupted runs)
     * @param tornTail    a description of a torn last line (no newline yet), or null
     * @param lastLineHash SHA-256 of the last line (torn or not), or {@link #GENESIS} for an empty file
     */
    public record Reading(List<Entry> entries, int lines, int brokenLine, String broken, List<String> sealed,
                          String tornTail, String lastLineHash) {

        public Reading {
            entries = List.copyOf(entries);
            sealed = List.copyOf(sealed);
        }

        /** True when every line is a valid record chained to the one before (sealed fragments allowed) and no tail is torn. */
        public boolean intact() {
            return brokenLine == 0 && tornTail == null;
        }

        /** The records alone. */
        public List<HistoryRecord> records() {
            return entries.stream().map(Entry::record).toList();
        }
    }

    /** Reads and verifies the history; an absent file reads as an empty, intact history. */
    public Reading read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            bytes = new byte[0];
        }
        return read(bytes);
    }

    /** Verifies history text (the bytes of a history file). */
    public static Reading read(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        byte[] tail = start < bytes.length ? java.util.Arrays.copyOfRange(bytes, start, bytes.length) : null;
        List<Entry> entries = new ArrayList<>();
        List<String> sealed = new ArrayList<>();
        int brokenLine = 0;
        String broken = null;
        String prevHash = GENESIS;
        String pendingFragment = null;
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            byte[] raw = lines.get(i);
            String text = new String(raw, StandardCharsets.UTF_8);
            Parsed parsed = parse(text, n);
            if (parsed.error != null) {
                if (brokenLine == 0) {
                    boolean sealedByNext = false;
                    if (i + 1 < lines.size()) {
                        Parsed next = parse(new String(lines.get(i + 1), StandardCharsets.UTF_8), n + 1);
                        sealedByNext = next.error == null && next.prevTorn && next.prev.equals(sha256(raw));
                    }
                    if (sealedByNext) {
                        pendingFragment = "line " + n + ": torn fragment of an interrupted run (" + raw.length
                                + " bytes), sealed by record " + (n + 1);
                    } else {
                        brokenLine = n;
                        broken = "record " + n + " is not a valid record (" + parsed.error + ")";
                    }
                }
            } else if (brokenLine == 0) {
                entries.add(new Entry(n, parsed.record));
                if (!parsed.prev.equals(prevHash)) {
                    brokenLine = n;
                    broken = "record " + n + " does not follow line " + (n - 1) + ": the previous-line hash it holds"
                            + " does not match (line " + (n - 1) + " was rewritten, or a record was removed or inserted)";
                } else if (parsed.prevTorn && pendingFragment == null) {
                    brokenLine = n;
                    broken = "record " + n + " says the line before it is torn, but line " + (n - 1) + " is a valid record";
                } else if (!parsed.prevTorn && pendingFragment != null) {
                    brokenLine = n - 1;
                    broken = "record " + (n - 1) + " is not a valid record";
                }
                if (pendingFragment != null && brokenLine == 0) {
                    sealed.add(pendingFragment);
                }
                pendingFragment = null;
            } else {
                entries.add(new Entry(n, parsed.record));
            }
            prevHash = sha256(raw);
        }
        String torn = null;
        if (tail != null) {
            int n = lines.size() + 1;
            torn = "line " + n + " is torn: " + tail.length + " bytes with no newline (a run was interrupted while"
                    + " appending; the next run seals it and keeps it in the chain)";
            prevHash = sha256(tail);
        }
        return new Reading(entries, lines.size() + (tail == null ? 0 : 1), brokenLine, broken, sealed, torn, prevHash);
    }

    /**
     * Appends a record under an exclusive file lock, with one write and fsync. A torn last line
     * is sealed (see the class comment). Returns what was read before the append, and the new line's number.
     */
    public Appended append(HistoryRecord r) throws IOException {
        Files.createDirectories(file.getParent());
        boolean created = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = ch.lock()) {
            long size = ch.size();
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size));
            while (all.hasRemaining() && ch.read(all, all.position()) >= 0) {
                // reads until full
            }
            Reading before = read(all.array());
            boolean torn = before.tornTail() != null;
            int line = before.lines() + 1;
            String text = line(line, r, before.lastLineHash(), torn);
            byte[] out = ((torn ? "\n" : "") + text + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(out);
            long pos = size;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            ch.force(true);
        }
        if (created) {
            syncDirectory(file.getParent());
        }
        return new Appended(read());
    }

    /** The history as it reads after an append. */
    public record Appended(Reading after) {
    }

    /** The text of a record as line {@code n} of the file (without the newline). */
    static String line(int n, HistoryRecord r, String prev, boolean prevTorn) {
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

    private record Parsed(HistoryRecord record, String prev, boolean prevTorn, String error) {
        static Parsed error(String why) {
            return new Parsed(null, null, false, why);
        }
    }

    private static Parsed parse(String text, int n) {
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
            if (o.path("record").asInt(-1) != n) {
                return Parsed.error("it says it is record " + o.path("record") + " but it is line " + n);
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            o.path("inputs").fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
            HistoryRecord r = new HistoryRecord(text(o, "time"), text(o, "version"), text(o, "java"), inputs,
                    o.path("seed").isNumber() ? o.path("seed").asLong() : null,
                    o.path("draws").isNumber() ? o.path("draws").asLong() : null,
                    numbers(o.path("hypotheses")), numbers(o.path("outcomes")));
            return new Parsed(r, text(o, "prev"), o.path("prev_torn").asBoolean(false), null);
        } catch (IOException | IllegalArgumentException e) {
            return Parsed.error("not a history record: " + e.getMessage());
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
