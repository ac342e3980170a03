/**
 * Stage 5 of deciban: the picocli commands that wire the stages together.
 *
 * <p>Each command reads a case with {@code io}, computes with {@code inference}, renders with
 * {@code report} and writes to its own picocli writers. Bad input ends with one line on stderr and
 * exit code 2; an internal failure with exit code 1; a stack trace only with {@code --debug}. This is
 * the only package that knows picocli.
 */
package org.deciban.cli;
