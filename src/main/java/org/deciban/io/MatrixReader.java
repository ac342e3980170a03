package org.deciban.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deciban.model.Limits;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Evidence items written as an ACH-style matrix in CSV ({@code evidence/<case>/*.csv}): one row an
 * item, one column per hypothesis holding its likelihood, and the item's other fields as further
 * columns.
 *
 * <pre>
 * id,date,category,source,reliability,confidence,group,observed,quote,rationale,trump,harris,indifferent
 * kcna,2024-07-27,statement,KCNA,A3,15,,,"we do not care",...,0.5,0.55,0.7
 * </pre>
 *
 * A hypothesis column holds a number in [0, 1], an ACH rating (CC, C, N, I, II) or an ICD 203
 * phrase, as in YAML. An empty cell leaves an optional field out. Rows become the same items the
 * YAML reader builds, with the same checks; errors name the row's line. CSV is read with Tablesaw,
 * every column as text.
 */
final class MatrixReader {

    /** Columns whose cells are numbers when they look like one. */
    private static final Set<String> NUMERIC = Set.of("reliability", "confidence");

    private MatrixReader() {
    }

    /** Reads a CSV evidence matrix into the shape of a YAML list of items. */
    static YamlDocument parse(String file, byte[] bytes, List<String> hypotheses) {
        if (bytes.length > YamlDocument.MAX_BYTES) {
            throw new InputException(file, 0, null, null, "file is " + bytes.length
                    + " bytes; allowed: at most " + YamlDocument.MAX_BYTES + " bytes");
        }
        String text = YamlDocument.decodeUtf8(file, bytes);
        List<Integer> recordLines = recordLines(file, text);
        int columns = headerColumns(text);
        int maxColumns = hypotheses.size() + ITEM_FIELDS;
        if (columns > maxColumns) {
            throw new InputException(file, 1, "header", "(" + columns + " columns)", "allowed: at most " + maxColumns
                    + " columns, one per hypothesis and per item field");
        }
        Table t;
        try {
            t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(text))
                    .tableName(file)
                    .header(true)
                    .columnTypes(name -> ColumnType.STRING)
                    .missingValueIndicator("")
                    .maxNumberOfColumns(maxColumns + 1)
                    .maxCharsPerColumn(YamlDocument.MAX_BYTES));
        } catch (RuntimeException e) {
            throw new InputException(file, 0, null, null, "malformed CSV; allowed: comma-separated cells with a header "
                    + "row, a cell holding commas, quotes or line breaks written in double quotes (a quote doubled)");
        }
        if (t.rowCount() > Limits.MAX_ITEMS) {
            throw new InputException(file, 0, null, "(" + t.rowCount() + " rows)", "allowed: at most " + Limits.MAX_ITEMS
                    + " items in a case");
        }
        if (t.columnCount() == 0) {
            throw new InputException(file, 1, null, "(empty file)", "allowed: a header row naming id and every hypothesis");
        }
        checkColumns(file, t.columnNames(), hypotheses);
        JsonNodeFactory nf = JsonNodeFactory.instance;
        ArrayNode root = nf.arrayNode();
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", 1);
        for (int r = 0; r < t.rowCount(); r++) {
            int line = r + 1 < recordLines.size() ? recordLines.get(r + 1) : 0;
            String row = "/" + r;
            lines.put(row, line);
            ObjectNode item = nf.objectNode();
            ObjectNode likelihoods = nf.objectNode();
            for (String column : t.columnNames()) {
                String cell = t.stringColumn(column).get(r);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                YamlDocument.checkLength(file, line, "/" + column, cell, "cell");
                if (hypotheses.contains(column)) {
                    likelihoods.set(column, numberOrText(cell));
                    lines.put(row + "/likelihoods/" + column, line);
                } else {
                    item.set(column, value(column, cell));
                    lines.put(row + "/" + column, line);
                }
            }
            if (!likelihoods.isEmpty()) {
                item.set("likelihoods", likelihoods);
                lines.put(row + "/likelihoods", line);
            }
            root.add(item);
        }
        return YamlDocument.of(file, root, lines);
    }

    /** The item fields a matrix column may hold: every field of an item but the nested ones (likelihoods, intervals, resolution). */
    static List<String> itemColumns() {
        List<String> out = new ArrayList<>();
        for (java.lang.reflect.RecordComponent rc : Dto.ItemEntry.class.getRecordComponents()) {
            String name = rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class).value();
            if (!name.equals("likelihoods") && !name.equals("intervals") && !name.equals("resolution")) {
                out.add(name);
            }
        }
        return out;
    }

    /** Every header is a hypothesis id or an item field; a misspelt one is named with a suggestion. */
    private static void checkColumns(String file, List<String> columns, List<String> hypotheses) {
        List<String> fields = itemColumns();
        for (String column : columns) {
            if (!hypotheses.contains(column) && !fields.contains(column)) {
                List<String> all = new ArrayList<>(hypotheses);
                all.addAll(fields);
                throw new InputException(file, 1, "header", column, "unknown column" + Suggest.didYouMean(column, all)
                        + "; allowed: a hypothesis id (" + String.join(", ", hypotheses) + ") or an item field ("
                        + String.join(", ", fields) + ")");
            }
        }
    }

    private static JsonNode value(String column, String cell) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        if (column.equals("observed")) {
            String b = cell.trim().toLowerCase(Locale.ROOT);
            return b.equals("true") ? nf.booleanNode(true) : b.equals("false") ? nf.booleanNode(false) : nf.textNode(cell);
        }
        return NUMERIC.contains(column) ? numberOrText(cell) : nf.textNode(cell);
    }

    private static JsonNode numberOrText(String cell) {
        if (NumberText.looksDecimal(cell) && !NumberText.bounded(cell)) {
            return JsonNodeFactory.instance.textNode(cell);
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(cell.trim()));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(cell);
        }
    }

    /** The cells of a CSV row an item may have besides its hypotheses (id, date, ..., and a few to spare). */
    private static final int ITEM_FIELDS = 32;

    /** Cells in the first record (the header), counting quoted cells as one. */
    private static int headerColumns(String text) {
        int cells = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted && ch == ',') {
                cells++;
            } else if (!quoted && (ch == '\n' || ch == '\r')) {
                break;
            }
        }
        return cells;
    }

    /**
     * The 1-based line on which each CSV record starts (quoted cells may span lines).
     *
     * @throws InputException naming the line where a quoted cell opens and never closes
     */
    static List<Integer> recordLines(String file, String text) {
        Records r = scan(text);
        if (r.unclosedAt() > 0) {
            throw new InputException(file, r.unclosedAt(), null, null, "a quoted cell opens on this line and never closes; "
                    + "allowed: every '\"' that opens a cell closed by another, and a quote inside a cell written twice");
        }
        return r.starts();
    }

    /** The 1-based line on which each CSV record starts (quoted cells may span lines). */
    static List<Integer> recordLines(String text) {
        return scan(text).starts();
    }

    /** Where records start, and the line where a quoted cell opened that never closes (0 when none). */
    private record Records(List<Integer> starts, int unclosedAt) {
    }

    private static Records scan(String text) {
        List<Integer> starts = new ArrayList<>();
        int line = 1;
        int opened = 0;
        boolean quoted = false;
        boolean atStart = true;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (atStart && ch != '\n' && ch != '\r') {
                starts.add(line);
                atStart = false;
            }
            if (ch == '"') {
                quoted = !quoted;
                if (quoted) {
                    opened = line;
                }
            } else if (ch == '\n') {
                line++;
                if (!quoted) {
                    atStart = true;
                }
            }
        }
        return new Records(starts, quoted ? opened : 0);
    }
}
