package org.pimsyn.synth.stage.duplication;

import java.util.SplittableRandom;
import org.pimsyn.synth.hardware.AnnealingParameters;
import org.pimsyn.synth.hardware.Provenance;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;
import org.pimsyn.synth.network.Padding;

/** Networks small enough to work duplication figures out by hand, and random chains for invariants. */
final class TinyNetworks {
    /** A short annealing schedule (21 temperatures x 20 moves) that keeps invariant tests quick. */
    static final AnnealingParameters QUICK = new AnnealingParameters(20, 100, 1, 0.8, 0.1, 8, Provenance.of("test"));

    private TinyNetworks() {
    }

    /**
     * 1x4x4 input; conv a: 2 channels, 3x3, stride 1, pad 1 (4x4 out, 16 positions, 9 rows); conv b: 4 channels,
     * 3x3, stride 2, pad 1 (2x2 out, 4 positions, 18 rows); fc: 16 features to 2.
     */
    static Network threeLayers() {
        NetworkBuilder b = new NetworkBuilder("tiny");
        int x = b.input("x", new Shape(1, 1, 4, 4));
        x = b.conv("a", x, 2, 3, 1, 1);
        x = b.conv("b", x, 4, 3, 2, 1);
        b.fc("fc", b.flatten("flat", x), 2);
        return b.build();
    }

    /** A chain of 1-5 convolutions (some depthwise), an optional pool, then 1-3 FC layers. */
    static Network randomChain(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NetworkBuilder b = new NetworkBuilder("chain" + seed);
        int x = b.input("x", new Shape(1, 1 + r.nextInt(8), 4 + r.nextInt(20), 4 + r.nextInt(20)));
        int convs = 1 + r.nextInt(5);
        for (int i = 0; i < convs; i++) {
            int kernel = 1 + r.nextInt(3);
            int stride = 1 + r.nextInt(2);
            int inChannels = b.shape(x).c();
            if (r.nextInt(4) == 0) {
                x = b.conv("dw" + i, x, inChannels, new Window(kernel, kernel, stride, stride,
                        Padding.of(kernel / 2), 1, 1), inChannels);
            } else {
                x = b.conv("conv" + i, x, 1 + r.nextInt(40), kernel, stride, kernel / 2);
            }
            if (r.nextInt(3) == 0 && b.shape(x).h() >= 2 && b.shape(x).w() >= 2) {
                x = b.maxPool("pool" + i, x, 2, 2, 0);
            }
        }
        x = b.flatten("flat", x);
        int fcs = 1 + r.nextInt(3);
        for (int i = 0; i < fcs; i++) {
            x = b.fc("fc" + i, x, 1 + r.nextInt(300));
        }
        return b.build();
    }
}
