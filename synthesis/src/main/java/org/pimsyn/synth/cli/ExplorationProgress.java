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
import org.pimsyn.synth.explore.ExplorationPhase;
import org.pimsyn.synth.objective.Objective;

/**
 * A progress bar of the exploration on the error stream: first the crossbar points of stage 1 and the fitness
 * bounds, each bar left on its own line when done, then the design points searched, pruned or taken from a
 * checkpoint out of those to go through, the objective's best value so far and the estimated time left. Redrawn in
 * place on one line. Every bar's clock counts from the start of the run. The time left is {@link
 * ExplorationTally}'s, which leaves out the points a resumed run took without searching.
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
    public synchronized void phaseStarted(ExplorationPhase phase, int steps) {
        tally.phaseStarted(phase, steps);
        bar = next(builder(ExplorationTally.phaseName(phase), steps).hideEta());
    }

    @Override
    public void phaseStep(ExplorationPhase phase) {
        tally.phaseStep(phase);
        ProgressBar now = current();
        if (now != null) {
            now.step();
        }
    }

    @Override
    public synchronized void started(int designPoints) {
        tally.started(designPoints);
        bar = next(builder("design points", designPoints).setEtaFunction(state -> timeLeft()));
    }

    /** A bar whose clock shows the time since the start of the run, whatever came before it. */
    private ProgressBarBuilder builder(String task, int max) {
        return new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setUpdateIntervalMillis(REFRESH_MS)
                .startsFrom(0, Duration.ofNanos(tally.nanosSinceRunStart(nanoTime.getAsLong())))
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, WIDTH));
    }

    /** Ends the bar shown, on its own line, and shows the next. */
    private ProgressBar next(ProgressBarBuilder builder) {
        endBar();
        return builder.build();
    }

    private synchronized ProgressBar current() {
        return bar;
    }

    private Optional<Duration> timeLeft() {
        OptionalLong nanos = tally.nanosLeft(nanoTime.getAsLong());
        return nanos.isPresent() ? Optional.of(Duration.ofNanos(nanos.getAsLong())) : Optional.empty();
    }

    @Override
    public void searched() {
        tally.searched();
        current().step();
    }

    @Override
    public void pruned(int designPoints) {
        tally.pruned(designPoints);
        current().stepBy(designPoints);
    }

    @Override
    public void fromCheckpoint(int designPoints) {
        tally.fromCheckpoint(designPoints);
        current().stepBy(designPoints);
    }

    @Override
    public void stillSearchable(int designPoints) {
        tally.stillSearchable(designPoints);
    }

    @Override
    public void bestFitness(double value) {
        tally.bestFitness(value);
        current().setExtraMessage(String.format(Locale.ROOT, "best %,.1f %s", value, unit));
    }

    @Override
    public synchronized void close() {
        endBar();
        bar = null;
    }

    private void endBar() {
        if (bar != null) {
            bar.close();
            err.println();
            err.flush();
        }
    }
}
