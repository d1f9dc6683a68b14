package org.pimsyn.synth.network.zoo;

import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/**
 * A small VGG-style network for 32x32 CIFAR-10 images: three stages of two 3x3 convolutions (64, 128, 256
 * channels) with 2x2 max pools, then FC 256 and FC 10. Small enough for quick synthesis and simulation runs.
 */
final class Cifar10Vgg {
    private static final int[] CONVS_PER_STAGE = {2, 2, 2};
    private static final int[] CHANNELS = {64, 128, 256};
    private static final int[] FC = {256, 10};

    private Cifar10Vgg() {
    }

    static Network build(String name, Shape input) {
        return Vgg.build(name, input, CONVS_PER_STAGE, CHANNELS, FC);
    }
}
