package org.pimsyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.sim.report.SimulationReport;

/**
 * Simulator throughput on generated dataflows of AlexNet and VGG16 size. The {@code irNodes} counter reports
 * IR nodes simulated per second (one image per evaluation, as the search's fitness evaluation does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulatorBenchmark {

    @Param({"alexnet", "vgg16"})
    public String workload;

    private AlternatingWorkloads inputs;
    private Simulator simulator;

    /** IR nodes handled; JMH divides by the iteration time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Nodes {
        public long irNodes;

        @Setup(Level.Iteration)
        public void reset() {
            irNodes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        inputs = new AlternatingWorkloads(workload);
        simulator = new Simulator();
    }

    /** The search's fitness evaluation: simulate and price, headline figures only. */
    @Benchmark
    public Performance fitness(Nodes nodes) {
        Workload w = inputs.next();
        nodes.irNodes += w.program().size();
        return simulator.fitness(w.accelerator(), w.library(), w.program(), 1);
    }

    /** Simulate, price and build the full report tree. */
    @Benchmark
    public SimulationReport report(Nodes nodes) {
        Workload w = inputs.next();
        nodes.irNodes += w.program().size();
        return simulator.report(w.accelerator(), w.library(), w.program(), 1, null);
    }

    /** A fitness evaluation the engine answers from its last run: the same program on the same binding. */
    @Benchmark
    public Performance repeatedRun(Nodes nodes) {
        Workload w = inputs.first();
        nodes.irNodes += w.program().size();
        return simulator.fitness(w.accelerator(), w.library(), w.program(), 1);
    }

    /** Build the IR program (as a compiler does before each evaluation). */
    @Benchmark
    public IrProgram build(Nodes nodes) {
        Workload w = DataflowGenerator.named(workload);
        nodes.irNodes += w.program().size();
        return w.program();
    }
}
