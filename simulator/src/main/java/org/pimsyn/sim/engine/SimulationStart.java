package org.pimsyn.sim.engine;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.ir.IrProgram;

/**
 * What an observer learns once, before the first IR starts: the design, the program, how many images stream
 * through it at most (a run until steady streams an admission window beyond the most it ends, and stops at its steady
 * state, abandoning the images it had started), and the resources (ids, names, capacities) that later callbacks refer
 * to by id.
 */
public record SimulationStart(Accelerator accelerator, IrProgram program, int images, ResourceTable resources) {
}
