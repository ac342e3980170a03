package org.deciban.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.deciban.cli.Deciban;

/** Runs deciban in-process, as a user would from a shell, and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    /**
     * What one command did.
     *
     * @param code      exit code
     * @param out       stdout
     * @param err       stderr
     * @param elapsedNs wall time of the command
     */
    public record Result(int code, String out, String err, long elapsedNs) {

        /** The non-empty lines of stderr. */
        public List<String> errLines() {
            return Arrays.stream(err.split("\\R")).filter(l -> !l.isEmpty()).toList();
        }
    }

    /** Runs {@code deciban args...}. */
    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Deciban.execute(new PrintWriter(out), new PrintWriter(err), args);
        long t1 = System.nanoTime();
        return new Result(code, out.toString(), err.toString(), t1 - t0);
    }
}
