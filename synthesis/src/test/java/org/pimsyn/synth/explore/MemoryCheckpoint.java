package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A checkpoint in memory: it hands out what it was built with, checked against the run's design points as a file
 * would be, and keeps what the run records.
 */
final class MemoryCheckpoint implements ExplorationCheckpoint {
    private final List<FinishedDesignPoint> earlier;
    private final ConcurrentLinkedQueue<FinishedDesignPoint> recorded = new ConcurrentLinkedQueue<>();

    MemoryCheckpoint(Collection<FinishedDesignPoint> earlier) {
        this.earlier = List.copyOf(earlier);
    }

    MemoryCheckpoint() {
        this(List.of());
    }

    /** What the run recorded, in the order it did. */
    List<FinishedDesignPoint> points() {
        return new ArrayList<>(recorded);
    }

    /** A checkpoint of what this one holds, earlier points first, with every design dropped. */
    MemoryCheckpoint withoutDesigns() {
        List<FinishedDesignPoint> stripped = new ArrayList<>();
        for (FinishedDesignPoint p : all()) {
            stripped.add(new FinishedDesignPoint(p.key(), p.found(), p.fitness(), p.bestFitnessPerGeneration(),
                    p.evaluations(), p.reason(), null, p.figures(), p.dynamics()));
        }
        return new MemoryCheckpoint(stripped);
    }

    /** A checkpoint to resume from: what this one was built with and what its run recorded. */
    MemoryCheckpoint resumed() {
        return new MemoryCheckpoint(all());
    }

    private List<FinishedDesignPoint> all() {
        List<FinishedDesignPoint> all = new ArrayList<>(earlier);
        all.addAll(recorded);
        return all;
    }

    @Override
    public Map<Integer, FinishedDesignPoint> recorded(List<DesignPointKey> designPoints, double[] scoreBounds) {
        Map<Integer, FinishedDesignPoint> byOrder = new LinkedHashMap<>();
        for (FinishedDesignPoint p : earlier) {
            if (!p.key().equals(designPoints.get(p.key().order()))) {
                throw new IllegalStateException(p.key() + " is not " + designPoints.get(p.key().order()));
            }
            // What a file's reader refuses as impossible never comes from a run (these runs maximise the value).
            if (p.fitness() > scoreBounds[p.key().order()]) {
                throw new IllegalStateException(p.key() + ": fitness " + p.fitness() + " above its bound "
                        + scoreBounds[p.key().order()]);
            }
            byOrder.put(p.key().order(), p);
        }
        return byOrder;
    }

    @Override
    public void record(FinishedDesignPoint point) {
        recorded.add(point);
    }
}
