package org.pimsyn.sim.engine;

import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.timing.TimingRules;

/**
 * Simulates IR programs on accelerators, cycle by cycle but jumping from event to event. One engine keeps
 * its per-IR buffers between runs, so a search evaluating thousands of candidates allocates them once; it is
 * not thread-safe (use one per thread).
 *
 * <p>Timing rules and arbitration are those of {@code traces/README.md}, "Timing rules".
 *
 * <p>Replay: the event loop reads nothing of a design but what binding the program leaves, every IR's duration
 * and resource set, the resources' unit counts and the data width. A run of the same program and image count whose
 * binding equals the last timed run's in all of these (a design that differs only in what no duration depends on,
 * such as a scratchpad's capacity, leakage or access energy, or a latency that rounds to the same cycles) would
 * repeat that run event for event, so it takes that run's timing instead of running the loop again, and only its
 * counts and pricing are its own. Runs with an observer always run the loop, since the observer wants the events.
 */
public final class SimulationEngine {
    private final EventLoop loop = new EventLoop();
    /** The buffer the next binding writes; the last timed run's binding stays in {@link #lastNodes}. */
    private int[] nodes = new int[0];
    private int[] lastNodes = new int[0];
    /** The last timed run, or null; it keeps its program alive until the next timed run. */
    private TimedRun last;
    private long loopRuns;

    /** What the last timed run's event loop read, and what it measured. */
    private record TimedRun(IrProgram program, RunPlan plan, int dataBits, int macros, int layers,
            int fixedResources, int[] capacities, int[] setStart, int[] setMembers, LoopResults results) {

        static TimedRun of(CompiledProgram c, RunPlan plan, LoopResults results) {
            return new TimedRun(c.program, plan, c.design.dataBits, c.design.macros, c.design.layers,
                    c.fixedResources, capacities(c.resources), c.setStart, c.setMembers, results);
        }

        /** Whether the event loop would repeat this run for {@code c}, whose nodes are bound in {@code bound}. */
        boolean repeatedBy(CompiledProgram c, RunPlan asked, int[] bound, int[] lastBound) {
            int words = CompiledProgram.STRIDE * c.program.size();
            return c.program == program && asked.equals(plan) && c.design.dataBits == dataBits
                    && c.design.macros == macros && c.design.layers == layers
                    && c.fixedResources == fixedResources && Arrays.equals(capacities(c.resources), capacities)
                    && Arrays.equals(c.setStart, setStart) && Arrays.equals(c.setMembers, setMembers)
                    && Arrays.equals(bound, 0, words, lastBound, 0, words);
        }

        private static int[] capacities(ResourceTable resources) {
            int[] units = new int[resources.size()];
            for (int r = 0; r < units.length; r++) {
                units[r] = resources.capacity(r);
            }
            return units;
        }
    }

    /**
     * Runs {@code images} inputs through the program on the accelerator, oldest image first, with latencies from
     * the library.
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
        return run(accelerator, library, program, RunPlan.images(images), observer);
    }

    /**
     * Streams images through the program on the accelerator as the plan says: a fixed number, or until the interval
     * has converged, in the plan's arbitration order.
     *
     * @throws InvalidSimulationInputException as {@link #run(Accelerator, ComponentLibrary, IrProgram, int,
     *                                         SimulationObserver)} does
     */
    public Activity run(Accelerator accelerator, ComponentLibrary library, IrProgram program, RunPlan plan,
            SimulationObserver observer) {
        CompiledProgram compiled = bind(accelerator, library, program, plan.images());
        boolean observed = observer != null && observer != SimulationObserver.NONE;
        if (!observed && last != null && last.repeatedBy(compiled, plan, nodes, lastNodes)) {
            return new Activity(compiled, plan, last.results());
        }
        LoopResults results = stream(compiled, plan, observer);
        loopRuns++;
        last = TimedRun.of(compiled, plan, results);
        int[] bound = nodes;
        nodes = lastNodes;
        lastNodes = bound;
        return new Activity(compiled, plan, results);
    }

    /**
     * One image alone first, where the plan streams more: its latency L sets the admission window, ceil(L / B) + 1
     * images for the bound B (at most the plan's images), as many as the pipeline holds at the bound's pace plus one
     * (see {@link EventLoop}). A run until steady streams a window of images beyond its most, so that each image it
     * may end runs as in the endless stream; it stops at its most, abandoning those.
     */
    private LoopResults stream(CompiledProgram compiled, RunPlan plan, SimulationObserver observer) {
        boolean oneImage = plan.images() == 1;
        LoopResults one = loop.run(compiled, oneImage ? observer : null, plan, null, 1, 0, false);
        long alone = one.imageEndCycles()[0];
        if (oneImage) {
            return one.withLatencyAlone(alone);
        }
        int window = (int) Math.min(TimingRules.ceilDiv(alone, compiled.boundCycles()) + 1, plan.images());
        // At most the int range: the event loop refuses runs beyond its limit with a message.
        int streamed = plan.streamsToSteadyState() ? (int) Math.min(Integer.MAX_VALUE, (long) plan.images() + window)
                : plan.images();
        return loop.run(compiled, observer, plan, plan.steadyState(), streamed, window, true).withLatencyAlone(alone);
    }

    /** How many runs ran the event loop rather than repeating the last one's timing. */
    long loopRuns() {
        return loopRuns;
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
        return new Activity(bind(accelerator, library, program, images), RunPlan.images(images), null);
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
