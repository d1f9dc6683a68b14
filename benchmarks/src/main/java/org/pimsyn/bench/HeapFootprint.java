package org.pimsyn.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;

/**
 * Measures retained heap per IR node: of the IR program alone, and of the simulator's reusable buffers after
 * one evaluation of one image and after one run until steady (the search's fitness run), by comparing heap usage
 * after full collections with and without the object reachable.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.pimsyn.bench.HeapFootprint}.
 */
public final class HeapFootprint {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapFootprint() {
    }

    public static void main(String[] args) {
        // Load and initialize every class involved first, so that only the data remain to be measured.
        Workload warmUp = DataflowGenerator.alexnetSized();
        new Simulator().fitness(warmUp.accelerator(), warmUp.library(), warmUp.program(), 1);
        warmUp = null;
        for (String name : new String[] {"alexnet", "vgg16"}) {
            long before = usedAfterGc();
            Workload w = DataflowGenerator.named(name);
            IrProgram program = w.program();
            int n = program.size();
            long withProgram = usedAfterGc();
            Simulator simulator = new Simulator();
            simulator.fitness(w.accelerator(), w.library(), program, 1);
            long withSimulator = usedAfterGc();
            System.out.printf(Locale.ROOT,
                    "%s: %,d IR nodes, %,d edges; program %.1f B/node measured (%.1f B/node by array sizes); "
                            + "simulator buffers %.1f B/node; together %.1f B/node%n",
                    name, n, program.edgeCount(), (withProgram - before) / (double) n,
                    program.retainedBytes() / (double) n, (withSimulator - withProgram) / (double) n,
                    (withSimulator - before) / (double) n);
            Reference.reachabilityFence(simulator);
            simulator = null;
            long without = usedAfterGc();
            Simulator steady = new Simulator();
            int images = steady.simulate(w.accelerator(), w.library(), program, RunPlan.untilSteady(),
                    SimulationObserver.NONE).images();
            long withSteady = usedAfterGc();
            System.out.printf(Locale.ROOT, "%s: after a run until steady (%d images): simulator buffers %.1f B/node; "
                    + "together %.1f B/node%n", name, images, (withSteady - without) / (double) n,
                    (withProgram - before + withSteady - without) / (double) n);
            Reference.reachabilityFence(program);
            Reference.reachabilityFence(steady);
        }
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        // Collect until usage stops falling: finalization and reference processing may free more each round.
        for (int i = 0; i < 10; i++) {
            System.gc();
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            if (now >= used) {
                break;
            }
            used = now;
        }
        return used;
    }
}
