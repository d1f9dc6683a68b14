package org.pimsyn.synth.cli;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.ExplorationPhase;

/**
 * The counts of an exploration under way and the time left they suggest, for the progress displays. Thread-safe:
 * searches and phase steps are counted from the worker threads. Before the design points are known it counts the
 * steps of stage 1 and of the bounds: "stage 1, crossbar points: 12 of 40 (30%), 5.0 s elapsed".
 *
 * <p>The estimate: the time per design point searched in this run, times the design points left that will be
 * searched. That is at most those whose fitness bound still reaches the top designs, as the explorer says before
 * each batch, less those searched since; until it says, the share searched so far of the points left. Points
 * taken from a checkpoint count as searched for that share but took no search time. The top designs only
 * improve, so more points get pruned as the run goes, and the estimate errs long.
 */
final class ExplorationTally implements ExplorationListener {
    private final LongSupplier nanoTime;
    private final String unit;
    /** When the tally was made, at the start of the run: the elapsed time counts stage 1 and the bounds. */
    private final long runStartNs;
    /** When the design points were known: the time per search counts from here. */
    private long startNs;
    private boolean designPointsKnown;
    private ExplorationPhase phase;
    private int phaseSteps;
    private int phaseDone;
    private int total;
    private int searchedNow;
    private int fromCheckpoint;
    private int pruned;
    private double best = Double.NaN;
    /** Points still searchable at the last batch start, and the points done then; -1 before the first. */
    private int searchable = -1;
    private int doneAtSearchable;

    /** @param unit the objective's, after its best value */
    ExplorationTally(LongSupplier nanoTime, String unit) {
        this.nanoTime = nanoTime;
        this.unit = unit;
        this.runStartNs = nanoTime.getAsLong();
        this.startNs = runStartNs;
    }

    @Override
    public synchronized void phaseStarted(ExplorationPhase phase, int steps) {
        this.phase = phase;
        phaseSteps = steps;
        phaseDone = 0;
    }

    @Override
    public synchronized void phaseStep(ExplorationPhase phase) {
        phaseDone++;
    }

    @Override
    public synchronized void started(int designPoints) {
        total = designPoints;
        startNs = nanoTime.getAsLong();
        designPointsKnown = true;
    }

    @Override
    public synchronized void searched() {
        searchedNow++;
    }

    @Override
    public synchronized void pruned(int designPoints) {
        pruned += designPoints;
    }

    @Override
    public synchronized void fromCheckpoint(int designPoints) {
        fromCheckpoint += designPoints;
    }

    @Override
    public synchronized void stillSearchable(int designPoints) {
        searchable = designPoints;
        doneAtSearchable = searchedNow + fromCheckpoint;
    }

    @Override
    public synchronized void bestFitness(double value) {
        best = value;
    }

    /** Design points searched, pruned or taken from the checkpoint. */
    synchronized int done() {
        return searchedNow + fromCheckpoint + pruned;
    }

    synchronized long startNs() {
        return startNs;
    }

    /** Time since the start of the run, stage 1 included. */
    synchronized long nanosSinceRunStart(long nowNs) {
        return nowNs - runStartNs;
    }

    /** What has been done so far, equal between two moments where nothing was: the phase, its steps, the points. */
    synchronized String progressMark() {
        return phase + " " + phaseDone + " " + designPointsKnown + " " + done();
    }

    /** What a display calls the phase: "stage 1, crossbar points" or "fitness bounds". */
    static String phaseName(ExplorationPhase phase) {
        return switch (phase) {
            case DUPLICATION -> "stage 1, crossbar points";
            case BOUNDS -> "fitness bounds";
        };
    }

    /** The estimated time left at {@code nowNs}, empty before this run has searched a design point. */
    synchronized OptionalLong nanosLeft(long nowNs) {
        int done = done();
        if (done >= total) {
            return OptionalLong.of(0);
        }
        if (searchedNow == 0) {
            return OptionalLong.empty();
        }
        double nanosPerSearch = (double) (nowNs - startNs) / searchedNow;
        double toSearch;
        if (searchable >= 0) {
            toSearch = Math.max(0, searchable - (searchedNow + fromCheckpoint - doneAtSearchable));
        } else {
            toSearch = (total - done) * (double) (searchedNow + fromCheckpoint) / done;
        }
        return OptionalLong.of(Math.round(nanosPerSearch * toSearch));
    }

    /**
     * "design points: 1,500 of 2,000 (75%), 500 pruned, 200 from the checkpoint, best 1,234.6 GOPS/W, 10.0 s
     * elapsed, about 3.3 s left": the checkpoint part only after a resume, the best once there is one (in the
     * objective's unit), the time left while some points are left and it can be estimated.
     */
    synchronized String line(long nowNs) {
        if (!designPointsKnown && phase != null) {
            return String.format(Locale.ROOT, "%s: %,d of %,d (%d%%), %s elapsed", phaseName(phase), phaseDone,
                    phaseSteps, phaseSteps == 0 ? 100 : (int) (100L * phaseDone / phaseSteps),
                    WallTime.of((nowNs - runStartNs) / 1e6));
        }
        int done = done();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "design points: %,d of %,d (%d%%), %,d pruned",
                done, total, total == 0 ? 100 : (int) (100L * done / total), pruned));
        if (fromCheckpoint > 0) {
            s.append(String.format(Locale.ROOT, ", %,d from the checkpoint", fromCheckpoint));
        }
        if (!Double.isNaN(best)) {
            s.append(", best ").append(DesignText.value(best, 1)).append(' ').append(unit);
        }
        s.append(", ").append(WallTime.of((nowNs - runStartNs) / 1e6)).append(" elapsed");
        OptionalLong left = nanosLeft(nowNs);
        if (done < total && left.isPresent()) {
            s.append(", about ").append(WallTime.of(left.getAsLong() / 1e6)).append(" left");
        }
        return s.toString();
    }
}
