package org.pimsyn.sim.engine;

/**
 * What one run of the event loop measured, apart from the counts the bound program holds: the makespan, when each
 * image ended, when each layer of each image started and ended ({@code image * layers + layer}), the waiting per
 * resource and the scratchpad high-water marks. Arrays are owned by this record once made and never written again.
 */
record LoopResults(long cycles, long[] imageEndCycles, long[] layerFirstStart, long[] layerLastEnd,
        long[] waitCycles, long[] highWaterBits) {
}
