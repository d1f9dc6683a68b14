package org.pimsyn.bench;

import java.util.List;
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
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.stage.dataflow.CompiledDataflow;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * Dataflow compilation of AlexNet at the original tool's shipped duplications (119, 26, 6, 6, 6 for the
 * convolutions, 1 for the FC layers; 256x256 crossbars, 2-bit cells, 16-bit weights and activations, ResDAC 1):
 * the skeleton once, and the placement pass the macro-partitioning search repeats, with every layer in one macro
 * or every layer split over two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DataflowCompileBenchmark {
    private static final int[] ALEXNET_DUPLICATION = {119, 26, 6, 6, 6, 1, 1, 1};

    @Param({"1", "2"})
    public int macrosPerLayer;

    private DataflowSpec spec;
    private DataflowSkeleton skeleton;
    private Placement placement;

    @Setup
    public void setUp() {
        Network alexnet = NetworkZoo.build("alexnet");
        spec = new DataflowSpec(alexnet, ALEXNET_DUPLICATION, 1, 256, 2, 16, 16);
        skeleton = DataflowSkeleton.of(spec);
        LayerPlacement[] layers = new LayerPlacement[skeleton.weightLayerCount()];
        int next = 0;
        for (int k = 0; k < layers.length; k++) {
            int total = skeleton.crossbarsOf(k);
            if (macrosPerLayer == 1 || total < 2) {
                layers[k] = LayerPlacement.single(next++, total);
            } else {
                layers[k] = new LayerPlacement(new int[] {next, next + 1}, new int[] {total / 2, total - total / 2});
                next += 2;
            }
        }
        placement = new Placement(List.of(layers));
    }

    @Benchmark
    public DataflowSkeleton skeleton() {
        return DataflowSkeleton.of(spec);
    }

    @Benchmark
    public CompiledDataflow placementPass() {
        return skeleton.compile(placement);
    }
}
