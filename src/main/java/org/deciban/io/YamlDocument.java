package org.deciban.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.deciban.model.Limits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * One YAML file read strictly into a Jackson tree, with the line of every node.
 *
 * <p>Refused, each with its line: bytes that are not UTF-8, files over {@link #MAX_BYTES}, nesting
 * deeper than {@link #MAX_DEPTH}, duplicate keys, explicit tags (such as {@code !!java.lang.Object}),
 * anchors and aliases (so an alias bomb cannot expand), more than one document, lines longer than
 * {@link #MAX_LINE_CHARS} characters (before parsing), and texts and keys longer than
 * {@link Limits#MAX_STRING_BYTES} bytes of UTF-8. Nothing in a file is ever turned into a Java object
 * other than maps, lists, strings, numbers and booleans; a number's text is bounded where it is read
 * as a number ({@link NumberText}).
 *
 * <p>Scalars follow YAML 1.2, not 1.1: {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}
 * and {@code n} are text; {@code null} written out is the text "null" (only {@code ~} and an empty
 * value are empty). A scalar that YAML reads as a boolean or a number keeps the text it was written
 * with ({@link PlainScalar}), so wherever the format expects an id, a state, a label or a key, the
 * value is exactly what the analyst wrote ({@code id: 1e3} is "1e3"), never a converted number.
 */
public final class YamlDocument {

    /** Largest input file read, in bytes (4 MiB: far above any hand-written case). */
    public static final int MAX_BYTES = Limits.MAX_FILE_BYTES;
    /** Deepest nesting of maps and lists accepted. */
    public static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = buildFactory();

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    private static YAMLFactory buildFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        YAMLFactory f = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build())
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
        f.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return f;
    }

    /**
     * Parses bytes read from {@code file} (the name used in messages).
     *
     * @throws InputException for every defect listed in the class comment
     */
    public static YamlDocument parse(String file, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InputException(file, 0, null, null, "file is " + bytes.length
                    + " bytes; allowed: at most " + MAX_BYTES + " bytes");
        }
        String text = decodeUtf8(file, bytes);
        int lineCount = checkLineLengths(file, text);
        // about one entry a line at most (see read): sized once, so a usual file is never rehashed (capped, so a file
        // of empty lines cannot make it large)
        Map<String, Integer> lines = new HashMap<>(Math.max(16, Math.min(1 << 20, lineCount + lineCount / 3 + 1)));
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return new YamlDocument(file, null, lines);
            }
            JsonNode root = read(file, p, "", lines, 0, -1);
            JsonToken next = p.nextToken();
            if (next != null) {
                throw new InputException(file, line(p), null, null,
                        "holds more than one YAML document; allowed: exactly one");
            }
            return new YamlDocument(file, root, lines);
        } catch (InputException e) {
            throw e;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                int line = m.getProblemMark().getLine() + 1;
                int column = m.getProblemMark().getColumn() + 1;
                if (String.valueOf(m.getProblem()).contains("\\t(TAB)")) {
                    throw new InputException(file, line, null, null, "column " + column + " holds a tab; allowed: "
                            + "spaces, since YAML does not allow tabs for indentation or between tokens "
                            + "(indent with spaces; a tab inside quotes is fine)");
                }
                throw new InputException(file, line, null, null, "malformed YAML at column " + column + ": "
                        + firstLine(m.getProblem()) + " (" + msg + ")");
            }
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("Duplicate field '(.*)'").matcher(msg);
            if (dup.find()) {
                throw new InputException(file, loc == null ? 0 : loc.getLineNr(), dup.group(1), dup.group(1),
                        "duplicate key; allowed: each key once in a mapping");
            }
            throw new InputException(file, loc == null ? 0 : loc.getLineNr(), null, null,
                    "malformed YAML: " + msg);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new InputException(file, 0, null, null, "malformed YAML: " + firstLine(String.valueOf(e.getMessage())));
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, 0, null, null, "malformed YAML; allowed: one YAML document of mappings, lists "
                    + "and plain values");
        }
    }

    /**
     * Longest line of a YAML file, in characters: room for the longest text ({@link Limits#MAX_STRING_BYTES}),
     * written with escapes, and its key. SnakeYAML re-copies its buffer while it scans one long token, at a
     * cost in the square of the token's length, so a line of a megabyte is refused before it is parsed.
     */
    public static final int MAX_LINE_CHARS = 4 * Limits.MAX_STRING_BYTES + 1024;

    /** Refuses a line over {@link #MAX_LINE_CHARS}; returns the number of lines. */
    private static int checkLineLengths(String file, String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new InputException(file, line, null, "(a line of " + (i - start) + " characters)",
                            "allowed: lines of at most " + MAX_LINE_CHARS + " characters, and texts of at most "
                                    + Limits.MAX_STRING_BYTES + " bytes");
                }
                line++;
                start = i + 1;
            }
        }
        return line;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    static String decodeUtf8(String file, byte[] bytes) {
        return Utf8Text.decode(file, bytes);
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    /**
     * Reads the node at the parser's current token. Its line is recorded under its path only when it differs
     * from its parent's ({@code parentLine}): {@link #lineOf} falls back to the nearest recorded ancestor, whose
     * line is then the same, so the index answers exactly as one holding every node, with one entry a line
     * rather than one a node (the values of a flow mapping such as {@code likelihoods: {a: 0.5, b: 0.3}} share
     * their key's line).
     */
    private static JsonNode read(String file, YAMLParser p, String path, Map<String, Integer> lines, int depth,
                                 int parentLine) throws IOException {
        int line = line(p);
        if (line != parentLine) {
            lines.put(path, line);
        }
        if (p.getTypeId() != null) {
            throw new InputException(file, line, fieldName(path), p.getTypeId(),
                    "YAML tags are not allowed; write plain values");
        }
        if (p.isCurrentAlias() || p.getCurrentAnchor() != null) {
            throw new InputException(file, line, fieldName(path), p.isCurrentAlias() ? "*" + p.getText() : "&" + p.getCurrentAnchor(),
                    "YAML anchors and aliases are not allowed; write each value out");
        }
        JsonNodeFactory nf = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                if (depth >= MAX_DEPTH) {
                    throw new InputException(file, line, fieldName(path), "(nested more than " + MAX_DEPTH + " levels deep)",
                            "allowed: at most " + MAX_DEPTH + " levels of nesting");
                }
                ObjectNode obj = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    checkLength(file, line(p), path, name, "key");
                    String childPath = path + "/" + name;
                    p.nextToken();
                    obj.set(name, read(file, p, childPath, lines, depth + 1, line));
                }
                return obj;
            }
            case START_ARRAY: {
                if (depth >= MAX_DEPTH) {
                    throw new InputException(file, line, fieldName(path), "(nested more than " + MAX_DEPTH + " levels deep)",
                            "allowed: at most " + MAX_DEPTH + " levels of nesting");
                }
                ArrayNode arr = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    arr.add(read(file, p, path + "/" + i, lines, depth + 1, line));
                    i++;
                }
                return arr;
            }
            case VALUE_STRING:
                return nf.textNode(checkLength(file, line, path, p.getText(), "text"));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(file, p, path, line, t == JsonToken.VALUE_NUMBER_INT);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return PlainScalar.bool(t == JsonToken.VALUE_TRUE, p.getText());
            case VALUE_NULL:
                return p.getText().isEmpty() || p.getText().equals("~") ? nf.nullNode() : nf.textNode(p.getText());
            default:
                throw new InputException(file, line, fieldName(path), t.toString(), "unexpected YAML token");
        }
    }

    /**
     * A YAML number. YAML's .nan and .inf, and forms Jackson cannot convert (such as 0x10), are
     * refused here with the field and the value as written, not as "malformed YAML".
     */
    private static JsonNode number(String file, YAMLParser p, String path, int line, boolean integral)
            throws IOException {
        try {
            if (integral) {
                return PlainScalar.integer(p.getBigIntegerValue(), p.getText());
            }
            double d = p.getDoubleValue();
            return Double.isFinite(d) ? PlainScalar.decimal(p.getDecimalValue(), p.getText())
                    : PlainScalar.nonFinite(d, p.getText());
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new InputException(file, line, fieldName(path), p.getText(),
                    "allowed: a finite decimal number (NaN and infinity are not numbers here)");
        }
    }

    /**
     * The text when its UTF-8 form is at most {@link Limits#MAX_STRING_BYTES} bytes; otherwise bad input
     * naming the field and the size (the value itself is not repeated).
     */
    static String checkLength(String file, int line, String path, String text, String what) {
        long bytes = utf8Length(text);
        if (bytes > Limits.MAX_STRING_BYTES) {
            throw new InputException(file, line, fieldName(path), "(a " + what + " of " + bytes + " bytes)",
                    "allowed: a " + what + " of at most " + Limits.MAX_STRING_BYTES + " bytes of UTF-8");
        }
        return text;
    }

    /** Bytes of the UTF-8 form of a text, without encoding it (a lone surrogate counts as the 3 bytes of '?'). */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** A JSON-pointer path as a dotted field name: "/hypotheses/0/id" gives "hypotheses[0].id". */
    static String fieldName(String path) {
        if (path.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.substring(1).split("/", -1)) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.toString();
    }

    /** A document built by another reader (an evidence matrix in CSV) with its own line index. */
    static YamlDocument of(String file, JsonNode root, Map<String, Integer> lines) {
        return new YamlDocument(file, root, new HashMap<>(lines));
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** The root node, or {@code null} for an empty file. */
    public JsonNode root() {
        return root;
    }

    /** Line of the node at a JSON-pointer path, falling back to its nearest ancestor; 0 when unknown. */
    public int lineOf(String path) {
        String p = path;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}
