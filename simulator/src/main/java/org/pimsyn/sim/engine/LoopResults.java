package org.pimsyn.sim.engine;

/**
 * What one run of the event loop measured, apart from the counts the bound program holds: the makespan; how many
 * images ran to their end (fewer than asked where a steady-state run stopped); the shift by which the schedule
 * repeated itself every {@code repeatedPeriodImages} images where the run saw it repeat (which stops a run until
 * steady; else a shift of 0 and a period of 1); one image's latency
 * alone (-1 until the engine sets it); when each image arrived and ended; when each layer of each image started
 * and ended ({@code image * layers + layer}); the waiting per resource (and, beyond the resources, for
 * sample-and-hold slots), for input and for output registers, and the scratchpad high-water marks. Arrays
 * are owned by this record once made and never written again.
 */
record LoopResults(long cycles, int images, long repeatedShiftCycles, int repeatedPeriodImages,
        long latencyAloneCycles, long[] arrivalCycles, long[] imageEndCycles, long[] layerFirstStart,
        long[] layerLastEnd, long[] waitCycles, long inputRegisterWaitCycles, long outputRegisterWaitCycles,
        long[] highWaterBits) {

    LoopResults withLatencyAlone(long latency) {
        return new LoopResults(cycles, images, repeatedShiftCycles, repeatedPeriodImages, latency, arrivalCycles,
                imageEndCycles, layerFirstStart, layerLastEnd, waitCycles, inputRegisterWaitCycles,
                outputRegisterWaitCycles, highWaterBits);
    }
}
