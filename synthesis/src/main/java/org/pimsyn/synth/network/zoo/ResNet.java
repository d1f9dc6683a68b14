package org.pimsyn.synth.network.zoo;

import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * Residual networks of He et al. as torchvision defines them: a 7x7 stride-2 stem and a 3x3 stride-2 max pool,
 * four stages of basic (two 3x3) or bottleneck (1x1, 3x3, 1x1 with 4x expansion) blocks, global average
 * pooling and one FC layer. Stages 2 to 4 halve the feature map in their first block: on the first 3x3
 * convolution (torchvision's v1.5 bottleneck) and on a 1x1 projection shortcut. Batch normalization is left
 * out: at inference it folds into the convolution weights.
 */
final class ResNet {
    static final int[] RESNET18 = {2, 2, 2, 2};
    static final int[] RESNET34 = {3, 4, 6, 3};
    static final int[] RESNET50 = {3, 4, 6, 3};
    private static final int[] PLANES = {64, 128, 256, 512};
    private static final int BOTTLENECK_EXPANSION = 4;

    private ResNet() {
    }

    static Network basic(String name, Shape input, int[] blocksPerStage) {
        return build(name, input, blocksPerStage, false);
    }

    static Network bottleneck(String name, Shape input, int[] blocksPerStage) {
        return build(name, input, blocksPerStage, true);
    }

    private static Network build(String name, Shape input, int[] blocksPerStage, boolean bottleneck) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input("input", input);
        x = b.relu("relu", b.conv("conv1", x, 64, 7, 2, 3));
        x = b.maxPool("maxpool", x, 3, 2, 1);
        for (int stage = 0; stage < blocksPerStage.length; stage++) {
            for (int block = 0; block < blocksPerStage[stage]; block++) {
                int stride = stage > 0 && block == 0 ? 2 : 1;
                String prefix = "layer" + (stage + 1) + "." + block + ".";
                x = bottleneck ? bottleneckBlock(b, prefix, x, PLANES[stage], stride)
                        : basicBlock(b, prefix, x, PLANES[stage], stride);
            }
        }
        x = b.globalPool("avgpool", x, LayerFunction.AVERAGE);
        x = b.flatten("flatten", x);
        b.fc("fc", x, 1000);
        return b.build();
    }

    private static int basicBlock(NetworkBuilder b, String prefix, int input, int planes, int stride) {
        int x = b.relu(prefix + "relu1", b.conv(prefix + "conv1", input, planes, 3, stride, 1));
        x = b.conv(prefix + "conv2", x, planes, 3, 1, 1);
        return close(b, prefix, x, input, planes, stride);
    }

    private static int bottleneckBlock(NetworkBuilder b, String prefix, int input, int planes, int stride) {
        int x = b.relu(prefix + "relu1", b.conv(prefix + "conv1", input, planes, 1, 1, 0));
        x = b.relu(prefix + "relu2", b.conv(prefix + "conv2", x, planes, 3, stride, 1));
        x = b.conv(prefix + "conv3", x, planes * BOTTLENECK_EXPANSION, 1, 1, 0);
        return close(b, prefix, x, input, planes * BOTTLENECK_EXPANSION, stride);
    }

    /** Adds the shortcut (a 1x1 projection where the shape changes) and the final ReLU. */
    private static int close(NetworkBuilder b, String prefix, int residual, int input, int outChannels, int stride) {
        int shortcut = input;
        if (stride != 1 || b.shape(input).c() != outChannels) {
            shortcut = b.conv(prefix + "downsample", input, outChannels, 1, stride, 0);
        }
        int sum = b.eltwise(prefix + "add", LayerFunction.ADD, residual, shortcut);
        return b.relu(prefix + "relu", sum);
    }
}
