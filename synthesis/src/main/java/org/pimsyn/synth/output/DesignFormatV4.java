package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pimsyn.sim.engine.RunPlan;

/**
 * Reads design files of format version 4. Their fitness run knew no input or output registers: it ran as if a
 * crossbar set's registers held any number of blocks. The run is read as it is, with today's default registers
 * ({@link RunPlan#DEFAULT_INPUT_REGISTER_SLOTS}, {@link RunPlan#DEFAULT_OUTPUT_REGISTER_SLOTS}), as a later file
 * without them would mean; the performance is that run's, simulated anew ({@link DesignFormatV3#simulated}): the
 * recorded figures, and the summary that copies one of them, are dropped, not compared.
 */
final class DesignFormatV4 {
    private DesignFormatV4() {
    }

    /** Gives the fitness run today's default registers and drops the performance, in place. */
    static void upgrade(ObjectNode root) {
        if (root.get("fitnessRun") instanceof ObjectNode run) {
            if (!run.has("inputRegisterSlots")) {
                run.put("inputRegisterSlots", RunPlan.DEFAULT_INPUT_REGISTER_SLOTS);
            }
            if (!run.has("outputRegisterSlots")) {
                run.put("outputRegisterSlots", RunPlan.DEFAULT_OUTPUT_REGISTER_SLOTS);
            }
        }
        root.remove("performance");
    }
}
