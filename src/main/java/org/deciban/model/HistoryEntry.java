package org.deciban.model;

/**
 * A run as stored in a case's history: the line of {@code history.jsonl} that holds it and its record.
 *
 * @param line   line number in the history file, from 1
 * @param record the run's record
 */
public record HistoryEntry(int line, HistoryRecord record) {
}
