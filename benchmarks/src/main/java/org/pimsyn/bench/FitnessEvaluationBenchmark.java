package org.pimsyn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.DesignEvaluator;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.partition.GeneScore;
import org.pimsyn.synth.stage.partition.MacroGene;

/**
 * One fitness evaluation of the macro-partitioning search (placement pass, allocation, simulation of two images,
 * scratchpad sizing rounds): AlexNet at 49 W with the original tool's shipped duplications (119, 26, 6, 6, 6, 1,
 * 1, 1), RatioRram 0.3, 256x256 crossbars of 2-bit cells, 1-bit DACs, 9-bit ADCs, specified macros; either every
 * layer on one macro, the original's shipped macro counts (11, 10, 5, 5, 3, 18, 8, 4), or the same with conv1
 * spread over 29 macros (82 macros, about 72,000 IRs). {@code bound} is what a child the search proves too weak
 * costs instead: the same evaluation asked with a floor no design reaches, answered by counting without timing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class FitnessEvaluationBenchmark {
    private static final int[] ALEXNET_DUPLICATION = {119, 26, 6, 6, 6, 1, 1, 1};
    private static final int[] SHIPPED_MACROS = {11, 10, 5, 5, 3, 18, 8, 4};
    private static final int[] SPREAD_MACROS = {29, 10, 5, 5, 3, 18, 8, 4};

    @Param({"one-per-layer", "shipped", "spread"})
    public String partition;

    private DesignEvaluator evaluator;
    private MacroGene gene;

    @Setup
    public void setUp() {
        HardwareLibrary library = HardwareLibrary.builtIn();
        Network alexnet = NetworkZoo.build("alexnet");
        DesignPoint point = new DesignPoint(0.3, 2, 256, 1, HardwareLibrary.requiredAdcBits(256, 2, 1));
        SynthesisRequest request = SynthesisRequest.of(alexnet, library, 49_000, MacroMode.SPECIFIED, true);
        DataflowSkeleton skeleton = DataflowSkeleton.of(DataflowSpec.of(alexnet, ALEXNET_DUPLICATION, 1, 256, 2,
                library.precision()));
        evaluator = new DesignEvaluator(request, point, skeleton, ComponentLibraries.from(library));
        gene = switch (partition) {
            case "shipped" -> MacroGene.unshared(SHIPPED_MACROS, 0);
            case "spread" -> MacroGene.unshared(SPREAD_MACROS, 0);
            default -> evaluator.rules().trivial();
        };
    }

    @Benchmark
    public GeneScore evaluate() {
        return evaluator.score(gene);
    }

    @Benchmark
    public GeneScore bound() {
        GeneScore score = evaluator.score(gene, Double.MAX_VALUE);
        if (!score.bounded()) {
            throw new IllegalStateException("a floor no design reaches must be answered with a bound");
        }
        return score;
    }
}
