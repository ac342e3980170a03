/**
 * Stage 4 of deciban: turns posteriors into tables a person reads.
 *
 * <p>Tables are built with Tablesaw and written as Markdown (for briefings), CSV (for
 * spreadsheets, text cells guarded against formula injection) and JSON (for scripts). Every
 * file is written to a temporary file in its folder, flushed and renamed into place, so a failed
 * run leaves the previous reports intact. This package knows no YAML and reads no case files.
 */
package org.deciban.report;
