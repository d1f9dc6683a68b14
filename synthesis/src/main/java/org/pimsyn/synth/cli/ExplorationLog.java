package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.ExplorationPhase;
import org.pimsyn.synth.objective.Objective;

/**
 * Progress of the exploration as plain lines, for an error stream that goes to a file or a pipe: a carriage-return
 * bar redrawn twice a second would fill a log with thousands of updates. One line when stage 1 and the bounds
 * start, at most one per interval while they go on ({@link ExplorationTally#line}), one when the design points
 * start, then
 * at most one per interval while design points are done, and a last one at the end; each gives the design points
 * done of the total, those pruned (and taken from a checkpoint), the best fitness, the time elapsed and the time
 * left ({@link ExplorationTally#line}).
 */
final class ExplorationLog implements ExplorationListener, AutoCloseable {
    /** Between two lines of a long run. */
    static final long INTERVAL_NS = 10_000_000_000L;

    private final PrintWriter err;
    private final long intervalNs;
    private final LongSupplier nanoTime;
    private final ExplorationTally tally;
    private long lastLineNs;
    private String printedProgress = "";
    private boolean started;

    ExplorationLog(PrintWriter err, long intervalNs, LongSupplier nanoTime, Objective objective) {
        this.err = err;
        this.intervalNs = intervalNs;
        this.nanoTime = nanoTime;
        this.tally = new ExplorationTally(nanoTime, objective.unit());
    }

    @Override
    public synchronized void phaseStarted(ExplorationPhase phase, int steps) {
        started = true;
        tally.phaseStarted(phase, steps);
        line(nanoTime.getAsLong());
    }

    @Override
    public synchronized void phaseStep(ExplorationPhase phase) {
        tally.phaseStep(phase);
        maybeLine();
    }

    @Override
    public synchronized void started(int designPoints) {
        started = true;
        tally.started(designPoints);
        line(tally.startNs());
    }

    @Override
    public synchronized void searched() {
        tally.searched();
        maybeLine();
    }

    @Override
    public synchronized void pruned(int designPoints) {
        tally.pruned(designPoints);
        maybeLine();
    }

    @Override
    public synchronized void fromCheckpoint(int designPoints) {
        tally.fromCheckpoint(designPoints);
        maybeLine();
    }

    @Override
    public synchronized void bestFitness(double value) {
        tally.bestFitness(value);
    }

    @Override
    public synchronized void stillSearchable(int designPoints) {
        tally.stillSearchable(designPoints);
    }

    @Override
    public synchronized void close() {
        if (started && !printedProgress.equals(tally.progressMark())) {
            line(nanoTime.getAsLong());
        }
    }

    private void maybeLine() {
        long now = nanoTime.getAsLong();
        if (now - lastLineNs >= intervalNs) {
            line(now);
        }
    }

    private void line(long nowNs) {
        err.println(tally.line(nowNs));
        err.flush();
        lastLineNs = nowNs;
        printedProgress = tally.progressMark();
    }
}
