package org.deciban.model;

/**
 * A run as stored in a case's history: the line of {@code history.jsonl} that holds it, its record and its hash.
 *
 * @param line   line number in the history file, from 1
 * @param record the run's record
 * @param hash   the record's own hash (its {@code hash} field), or null for a run not yet appended
 */
public record HistoryEntry(int line, HistoryRecord record, String hash) {

    /** A run not (yet) in the file, without a hash. */
    public HistoryEntry(int line, HistoryRecord record) {
        this(line, record, null);
    }
}
