package org.pimsyn.bench;

import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.report.Performance;

/** Rough timing without JMH, for a first look: {@code java -cp benchmarks.jar org.pimsyn.bench.QuickTiming}. */
public final class QuickTiming {
    private QuickTiming() {
    }

    public static void main(String[] args) {
        for (Workload w : new Workload[] {DataflowGenerator.alexnetSized(), DataflowGenerator.vgg16Sized()}) {
            Simulator sim = new Simulator();
            int n = w.program().size();
            int reps = Math.max(3, 20_000_000 / n);
            Performance p = null;
            for (int warm = 0; warm < reps; warm++) {
                p = sim.fitness(w.accelerator(), w.library(), w.program(), 1);
            }
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                p = sim.fitness(w.accelerator(), w.library(), w.program(), 1);
            }
            double sec = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%s: %d nodes, %d edges, %.2f M nodes/s, cycles %d, interval %d, %.1f GOPS/W%n",
                    w.name(), n, w.program().edgeCount(), (double) n * reps / sec / 1e6, p.cycles(),
                    p.intervalCycles(), p.gopsPerWatt());
        }
    }
}
