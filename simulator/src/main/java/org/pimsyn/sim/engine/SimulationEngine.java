package org.pimsyn.sim.engine;

import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;

/**
 * Simulates IR programs on accelerators, cycle by cycle but jumping from event to event. One engine keeps
 * its per-IR buffers between runs, so a search evaluating thousands of candidates allocates them once; it is
 * not thread-safe (use one per thread).
 *
 * <p>Timing rules and arbitration are those of {@code traces/README.md}, "Timing rules".
 */
public final class SimulationEngine {
    private final EventLoop loop = new EventLoop();
    private int[] nodes = new int[0];

    /**
     * Runs {@code images} inputs through the program on the accelerator, with latencies from the library.
     *
     * @param observer callbacks for trace writers; {@link SimulationObserver#NONE} or null for none
     * @throws InvalidSimulationInputException when an IR needs a resource the accelerator lacks, the library
     *                                         lacks an entry the design instantiates, or images is below 1
     */
    public Activity run(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images,
            SimulationObserver observer) {
        if (images < 1) {
            throw new InvalidSimulationInputException("images must be >= 1, got " + images);
        }
        CompiledProgram compiled = bind(accelerator, library, program, images);
        loop.run(compiled, observer);
        return new Activity(compiled, loop);
    }

    /**
     * Binds the program to the design and counts, without running the event loop: every action count and the
     * busy time of every resource, which do not depend on timing, and no timing at all. The interval of such an
     * activity is the bottleneck's busy time per image, the shortest any run can measure.
     *
     * @throws InvalidSimulationInputException as {@link #run} does
     */
    public Activity count(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images) {
        if (images < 1) {
            throw new InvalidSimulationInputException("images must be >= 1, got " + images);
        }
        return new Activity(bind(accelerator, library, program, images), null);
    }

    private CompiledProgram bind(Accelerator accelerator, ComponentLibrary library, IrProgram program, int images) {
        int n = program.size();
        long needed = (long) CompiledProgram.STRIDE * n;
        if (nodes.length < needed) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new InvalidSimulationInputException("a program of " + n + " IRs is beyond the simulator's limit of "
                        + ((Integer.MAX_VALUE - 8) / CompiledProgram.STRIDE - 1));
            }
            nodes = new int[(int) needed];
        }
        return new CompiledProgram(new DesignTables(accelerator, library), program, images, nodes);
    }
}
