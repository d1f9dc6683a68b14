package org.pimsyn.bench;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;

/** A design, its component library and the IR program it runs: one simulator input. */
public record Workload(String name, Accelerator accelerator, ComponentLibrary library, IrProgram program) {
}
