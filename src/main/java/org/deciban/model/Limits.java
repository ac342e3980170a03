package org.deciban.model;

/**
 * The largest inputs deciban accepts, and the valid range of every setting. Loading refuses anything
 * beyond them with one line naming the limit, so every command either finishes in time and memory
 * proportional to its work or never starts. The README's "What deciban promises" states the same
 * figures; {@code src/bench/size-bench.sh} measures the commands at and beyond them.
 */
public final class Limits {

    private Limits() {
    }

    /** Most hypotheses of a case (the states of its question variable). */
    public static final int MAX_HYPOTHESES = 100;
    /** Most states of any other variable of a network case (its tables are bounded by settings.max_clique). */
    public static final int MAX_STATES = 1024;
    /** Most evidence items of a case (its indicators and what-if additions count apart). */
    public static final int MAX_ITEMS = 100_000;
    /** Longest text value or key of an input file, in bytes of UTF-8 (64 KiB). */
    public static final int MAX_STRING_BYTES = 64 * 1024;
    /** Longest id (case, hypothesis, evidence item), in characters. */
    public static final int MAX_ID_CHARS = 64;
    /** Largest input file, in bytes (4 MiB). */
    public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** Largest total size of a case's files (priors file and evidence), in bytes (64 MiB). */
    public static final long MAX_CASE_BYTES = 64L * 1024 * 1024;
    /** Longest number as written, in characters (digits, sign, point and exponent). */
    public static final int MAX_NUMBER_CHARS = 40;
    /** Largest decimal exponent of a number as written ({@code 1e-400} is refused, not rounded to 0). */
    public static final int MAX_EXPONENT = 400;

    /** Earliest year of a date. */
    public static final int MIN_YEAR = 1000;
    /** Latest year of a date. */
    public static final int MAX_YEAR = 9999;

    /** Range of {@code prior.concentration}, of an item's {@code confidence} and of {@code checks.default_confidence}. */
    public static final double MIN_PSEUDO_COUNT = 0.1;
    public static final double MAX_PSEUDO_COUNT = 1e6;
    /** Largest {@code settings.drift}, per year (a preference re-drawn about three times a day). */
    public static final double MAX_DRIFT = 1000;
    /** Largest {@code settings.drift_spread}, the log-scale standard deviation of the drift rate. */
    public static final double MAX_DRIFT_SPREAD = 5;
    /** Most Monte Carlo draws. */
    public static final long MAX_DRAWS = 1_000_000_000_000L;
    /** Most worker threads. */
    public static final int MAX_THREADS = 1024;
    /** Most tries of {@code deciban test}. */
    public static final int MAX_TRIES = 1_000_000;
}
