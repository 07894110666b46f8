package io.elicitor.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a live bar redrawn in place on a terminal; when stderr is a file or a pipe (CI logs,
 * {@code 2> log}), a plain ASCII line every 10 seconds instead of hundreds of carriage-return redraws.
 */
final class Progress {
    private Progress() {}

    /** A bar for {@code max} steps of {@code task}. */
    static ProgressBar bar(String task, long max) {
        ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(task).setInitialMax(max);
        if (System.console() != null) {
            return b.setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build();
        }
        return b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(10_000)
                .setConsumer(new DelegatingProgressBarConsumer(System.err::println, 100)).build();
    }
}
