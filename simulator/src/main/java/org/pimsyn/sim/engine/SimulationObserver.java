package org.pimsyn.sim.engine;

/**
 * Watches one simulation, for trace writers and checks. Every method has an empty default, and the engine
 * skips all callbacks when handed {@link #NONE} (or null), so an unobserved run pays nothing.
 *
 * <p>Call order: {@link #started} once; then, cycle by cycle in increasing order: for each IR ending at that
 * cycle (in the order they started), {@link #irFinished}, followed by {@link #queueDepthChanged} for each
 * successor it makes ready (a ready IR that needs no resource, a TRANSFER within one macro, gets
 * {@link #irStarted} right away instead); then the dispatch of the cycle: {@link #queueDepthChanged} and
 * {@link #irStarted} as waiting IRs take their resources, in arbitration order (see {@code traces/README.md},
 * "Timing rules"). {@link #finished} comes once at the end. At cycle 0 there is no IR to finish: the IRs without
 * predecessors are queued, then dispatched.
 *
 * <p>An IR execution is identified by (image, ir): {@code ir} is the id in the {@link
 * org.pimsyn.sim.ir.IrProgram}, {@code image} 0..images-1. Resources are identified by their id in
 * {@link SimulationStart#resources()}; a pool resource (capacity above 1) may be held by several IRs at once.
 *
 * <p>Callbacks run on the simulating thread inside the event loop: keep them cheap, do not call back into the
 * engine, and copy the {@code resources} array slice if it must outlive the call (the engine reuses it).
 */
public interface SimulationObserver {
    /** Observes nothing; the engine recognises it and makes no calls. */
    SimulationObserver NONE = new SimulationObserver() {
    };

    /** Once, before anything runs. */
    default void started(SimulationStart start) {
    }

    /**
     * An IR execution acquired its resources and runs from {@code cycle} to {@code endCycle}.
     *
     * @param resources ids of every resource it holds, in {@code resources[offset .. offset + count - 1]}
     *                  (empty for a TRANSFER within one macro); read-only
     */
    default void irStarted(long cycle, long endCycle, int image, int ir, int[] resources, int offset, int count) {
    }

    /** An IR execution ended and released its resources. */
    default void irFinished(long cycle, int image, int ir) {
    }

    /** The number of IRs waiting for a resource changed to {@code depth}. */
    default void queueDepthChanged(long cycle, int resource, int depth) {
    }

    /** Once, after the last IR ended; {@code cycles} is the makespan. */
    default void finished(long cycles) {
    }
}
