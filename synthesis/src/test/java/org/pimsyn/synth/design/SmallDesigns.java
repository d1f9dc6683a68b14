package org.pimsyn.synth.design;

import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/** A small network and design point whose designs simulate in milliseconds, for the search's tests. */
public final class SmallDesigns {
    /**
     * The built-in library without its physical limits: these tests are about the search's mechanics, at budgets
     * (2 W for 424 crossbars) where the default one ADC per 128 columns (424 10-bit ADCs, 2.9 W) would leave no
     * design. {@code PhysicalLimitsSearchTest} tests the limits.
     */
    public static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn().withLimits(PhysicalLimits.NONE);
    /** 128x128 crossbars of 2-bit cells, 2-bit DACs, hence 10-bit ADCs. */
    public static final DesignPoint POINT = new DesignPoint(0.3, 2, 128, 2, 10);

    private SmallDesigns() {
    }

    /**
     * 3x16x16 input; conv c1 16 channels 3x3 (256 positions), ReLU; conv c2 32 channels 3x3 stride 2 (64
     * positions), ReLU; conv c3 64 channels 3x3 (64 positions), 2x2 max pool; fc 1024 -> 10.
     */
    public static Network network() {
        NetworkBuilder b = new NetworkBuilder("small");
        int x = b.input("x", new Shape(1, 3, 16, 16));
        x = b.conv("c1", x, 16, 3, 1, 1);
        x = b.activation("r1", x, LayerFunction.RELU);
        x = b.conv("c2", x, 32, 3, 2, 1);
        x = b.activation("r2", x, LayerFunction.RELU);
        x = b.conv("c3", x, 64, 3, 1, 1);
        x = b.maxPool("p3", x, 2, 2, 0);
        b.fc("fc", b.flatten("f", x), 10);
        return b.build();
    }

    /** Duplications 24, 6, 3, 1 (424 crossbars at the point). */
    public static DuplicationCandidate duplication() {
        return new DuplicationCandidate(new int[] {24, 6, 3, 1}, 0, 424);
    }

    public static SynthesisRequest request(double totalPowerMw, MacroMode mode, boolean sharing) {
        return SynthesisRequest.of(network(), LIBRARY, totalPowerMw, mode, sharing);
    }

    public static DataflowSkeleton skeleton(Network network, DuplicationCandidate duplication, DesignPoint point) {
        return DataflowSkeleton.of(DataflowSpec.of(network, duplication.duplications(), point.resDacBits(),
                point.xbSizeRows(), point.resRramBits(), LIBRARY.precision()));
    }

    public static DesignEvaluator evaluator(SynthesisRequest request, DuplicationCandidate duplication,
            DesignPoint point) {
        return new DesignEvaluator(request, point, skeleton(request.network(), duplication, point),
                ComponentLibraries.from(request.library()));
    }
}
