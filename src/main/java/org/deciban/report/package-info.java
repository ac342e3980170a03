/**
 * Stage 4 of deciban: turns posteriors into tables a person reads.
 *
 * <p>Tables are built with Tablesaw and written as Markdown (for briefings), CSV (for
 * spreadsheets, text cells guarded against formula injection) and JSON (for scripts). Every
 * file is written to a temporary file in its folder, flushed and renamed into place, so a failed
 * run leaves the previous reports intact. Charts are drawn by JFreeChart; a network case's graph is laid out by
 * ELK's layered algorithm and written as SVG here. This package knows no YAML and reads no case files.
 */
package org.deciban.report;
