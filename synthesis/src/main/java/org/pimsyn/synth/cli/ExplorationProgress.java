package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.objective.Objective;

/**
 * A progress bar of the exploration on the error stream: design points searched, pruned or taken from a checkpoint
 * out of those to go through, the objective's best value so far and the estimated time left. Redrawn in place on
 * one line. The time left is {@link ExplorationTally}'s, which leaves out the points a resumed run took without
 * searching.
 */
final class ExplorationProgress implements ExplorationListener, AutoCloseable {
    private static final int WIDTH = 100;
    private static final int REFRESH_MS = 500;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final String unit;
    private final ExplorationTally tally;
    private ProgressBar bar;

    ExplorationProgress(PrintWriter err, LongSupplier nanoTime, Objective objective) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.unit = objective.unit();
        this.tally = new ExplorationTally(nanoTime, unit);
    }

    @Override
    public void started(int designPoints) {
        tally.started(designPoints);
        bar = new ProgressBarBuilder()
                .setTaskName("design points")
                .setInitialMax(designPoints)
                .setUpdateIntervalMillis(REFRESH_MS)
                .setEtaFunction(state -> timeLeft())
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, WIDTH))
                .build();
    }

    private Optional<Duration> timeLeft() {
        OptionalLong nanos = tally.nanosLeft(nanoTime.getAsLong());
        return nanos.isPresent() ? Optional.of(Duration.ofNanos(nanos.getAsLong())) : Optional.empty();
    }

    @Override
    public void searched() {
        tally.searched();
        bar.step();
    }

    @Override
    public void pruned(int designPoints) {
        tally.pruned(designPoints);
        bar.stepBy(designPoints);
    }

    @Override
    public void fromCheckpoint(int designPoints) {
        tally.fromCheckpoint(designPoints);
        bar.stepBy(designPoints);
    }

    @Override
    public void stillSearchable(int designPoints) {
        tally.stillSearchable(designPoints);
    }

    @Override
    public void bestFitness(double value) {
        tally.bestFitness(value);
        bar.setExtraMessage(String.format(Locale.ROOT, "best %,.1f %s", value, unit));
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
