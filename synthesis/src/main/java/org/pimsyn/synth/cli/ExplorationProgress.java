package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.pimsyn.synth.explore.ExplorationListener;

/**
 * A progress bar of the exploration on the error stream: design points searched or pruned out of those to go
 * through, the best GOPS/W so far and the estimated time left. Redrawn in place on one line.
 */
final class ExplorationProgress implements ExplorationListener, AutoCloseable {
    private static final int WIDTH = 100;
    private static final int REFRESH_MS = 500;

    private final PrintWriter err;
    private ProgressBar bar;

    ExplorationProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void started(int designPoints) {
        bar = new ProgressBarBuilder()
                .setTaskName("design points")
                .setInitialMax(designPoints)
                .setUpdateIntervalMillis(REFRESH_MS)
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, WIDTH))
                .build();
    }

    @Override
    public void searched() {
        bar.step();
    }

    @Override
    public void pruned(int designPoints) {
        bar.stepBy(designPoints);
    }

    @Override
    public void bestFitness(double gopsPerWatt) {
        bar.setExtraMessage(String.format(Locale.ROOT, "best %,.1f GOPS/W", gopsPerWatt));
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
