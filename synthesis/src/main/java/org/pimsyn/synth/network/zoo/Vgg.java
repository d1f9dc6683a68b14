package org.pimsyn.synth.network.zoo;

import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * The VGG family of Simonyan and Zisserman: stages of 3x3 convolutions (padding 1) with ReLU, each stage
 * closed by a 2x2 max pool, then FC layers. The ImageNet networks end in FC 4096, 4096, 1000; dropout is
 * left out (it does nothing at inference).
 */
final class Vgg {
    static final int[] VGG11 = {1, 1, 2, 2, 2};
    static final int[] VGG13 = {2, 2, 2, 2, 2};
    static final int[] VGG16 = {2, 2, 3, 3, 3};
    static final int[] VGG19 = {2, 2, 4, 4, 4};
    private static final int[] IMAGENET_CHANNELS = {64, 128, 256, 512, 512};
    private static final int[] IMAGENET_FC = {4096, 4096, 1000};

    private Vgg() {
    }

    /** An ImageNet VGG with {@code convsPerStage[s]} convolutions in stage s. */
    static Network imageNet(String name, Shape input, int[] convsPerStage) {
        return build(name, input, convsPerStage, IMAGENET_CHANNELS, IMAGENET_FC);
    }

    /** Stages of 3x3 convolutions and 2x2 max pools, then FC layers with ReLU between them. */
    static Network build(String name, Shape input, int[] convsPerStage, int[] channels, int[] fcFeatures) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input("input", input);
        for (int stage = 0; stage < convsPerStage.length; stage++) {
            for (int i = 1; i <= convsPerStage[stage]; i++) {
                String suffix = (stage + 1) + "_" + i;
                x = b.relu("relu" + suffix, b.conv("conv" + suffix, x, channels[stage], 3, 1, 1));
            }
            x = b.maxPool("pool" + (stage + 1), x, 2, 2, 0);
        }
        x = b.flatten("flatten", x);
        int firstFc = convsPerStage.length + 1;
        for (int i = 0; i < fcFeatures.length; i++) {
            x = b.fc("fc" + (firstFc + i), x, fcFeatures[i]);
            if (i < fcFeatures.length - 1) {
                x = b.relu("relu" + (firstFc + i), x);
            }
        }
        return b.build();
    }
}
