/**
 * Stage 1 of deciban: reads and validates a case's files into {@link org.deciban.model.Case}.
 *
 * <p>YAML is read strictly: UTF-8 only, no duplicate keys, no tags, anchors or aliases, bounded
 * size and depth, no unknown fields. Every defect becomes an {@link org.deciban.io.InputException}
 * naming the file, the line where known, the field, the bad value and what is allowed. This is the
 * only package that knows YAML. Evidence matrices in CSV are read here too, with Tablesaw (design.md:
 * "Tablesaw (report tables, CSV in and out)").
 *
 * <p>Network cases: {@code variables:} in the case file ({@link org.deciban.io.NetworkCaseReader}) and
 * {@code network: FILE} under priors/ in BIF or XMLBIF ({@link org.deciban.io.NetworkFile}, read within
 * stated size limits, gzip included; XMLBIF through the JDK's SAX parser with DOCTYPE declarations and
 * external entities refused).
 */
package org.deciban.io;
