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
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.report.Performance;

/**
 * The search's fitness run: {@link RunPlan#untilSteady()} (oldest image first, the default double-buffered
 * sample-and-hold, input and output registers), a one-image run that sets the admission window, then a stream of
 * images until the interval has converged, on the generated AlexNet- and VGG16-sized workloads. The
 * {@code irExecutions} counter reports IR executions per second: the program's size times the images of the stream
 * that ended plus the one-image run (IRs of images the stream abandoned when it stopped are not counted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SteadyStateBenchmark {

    @Param({"alexnet", "vgg16"})
    public String workload;

    private AlternatingWorkloads inputs;
    private Simulator simulator;
    private final RunPlan plan = RunPlan.untilSteady();

    /** IR executions and images streamed; JMH divides by the iteration time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Executions {
        public long irExecutions;
        public long images;

        @Setup(Level.Iteration)
        public void reset() {
            irExecutions = 0;
            images = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        inputs = new AlternatingWorkloads(workload);
        simulator = new Simulator();
    }

    /** Simulate until steady and price, headline figures only. */
    @Benchmark
    public Performance untilSteady(Executions counted) {
        Workload w = inputs.next();
        Performance p = simulator.fitness(w.accelerator(), w.library(), w.program(), plan);
        counted.irExecutions += (long) w.program().size() * (p.images() + 1);
        counted.images += p.images();
        return p;
    }
}
