package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.pimsyn.synth.explore.ExplorationListener;

/**
 * Progress of the exploration as plain lines, for an error stream that goes to a file or a pipe: a carriage-return
 * bar redrawn twice a second would fill a log with thousands of updates. One line when the exploration starts, then
 * at most one per interval while design points are done, and a last one at the end.
 */
final class ExplorationLog implements ExplorationListener, AutoCloseable {
    /** Between two lines of a long run. */
    static final long INTERVAL_NS = 10_000_000_000L;

    private final PrintWriter err;
    private final long intervalNs;
    private final LongSupplier nanoTime;
    private long startNs;
    private long lastLineNs;
    private int total;
    private int done;
    private int printedDone = -1;
    private double bestGopsPerWatt = Double.NaN;
    private boolean started;

    ExplorationLog(PrintWriter err) {
        this(err, INTERVAL_NS, System::nanoTime);
    }

    ExplorationLog(PrintWriter err, long intervalNs, LongSupplier nanoTime) {
        this.err = err;
        this.intervalNs = intervalNs;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void started(int designPoints) {
        started = true;
        total = designPoints;
        startNs = nanoTime.getAsLong();
        line(startNs);
    }

    @Override
    public synchronized void searched() {
        done++;
        maybeLine();
    }

    @Override
    public synchronized void pruned(int designPoints) {
        done += designPoints;
        maybeLine();
    }

    @Override
    public synchronized void bestFitness(double gopsPerWatt) {
        bestGopsPerWatt = gopsPerWatt;
    }

    @Override
    public synchronized void close() {
        if (started && printedDone != done) {
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
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "design points: %,d of %,d (%d%%)", done, total,
                total == 0 ? 100 : (int) (100L * done / total)));
        if (!Double.isNaN(bestGopsPerWatt)) {
            s.append(String.format(Locale.ROOT, ", best %,.1f GOPS/W", bestGopsPerWatt));
        }
        s.append(", ").append(WallTime.of((nowNs - startNs) / 1e6)).append(" elapsed");
        err.println(s);
        err.flush();
        lastLineNs = nowNs;
        printedDone = done;
    }
}
