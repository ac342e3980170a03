package org.deciban.cli;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A progress bar on stderr for long Monte Carlo runs (the me.tongfei progressbar library). It
 * appears only once a run has taken longer than {@link #DELAY_NANOS} and only when the program has
 * a terminal ({@link System#console()} is not null); in tests and pipes it stays silent.
 */
final class Progress implements LongConsumer, AutoCloseable {

    /** A run shorter than this shows no bar. */
    static final long DELAY_NANOS = 1_000_000_000L;

    private final long total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private ProgressBar bar;

    private Progress(long total, boolean enabled) {
        this.total = total;
        this.enabled = enabled;
    }

    /** A progress reporter for {@code total} draws; silent without a terminal. */
    static Progress forDraws(long total) {
        return new Progress(total, System.console() != null);
    }

    @Override
    public void accept(long done) {
        if (!enabled) {
            return;
        }
        if (bar == null) {
            if (done >= total || System.nanoTime() - start < DELAY_NANOS) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName("Monte Carlo").setInitialMax(total).setUnit(" draws", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).showSpeed().clearDisplayOnFinish().build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
