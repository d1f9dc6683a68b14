package org.pimsyn.synth.network.zoo;

import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * AlexNet as torchvision defines it (the single-tower 64-192-384-256-256 variant): five convolutions with
 * ReLU, three max pools, three FC layers. torchvision's 6x6 adaptive average pool is left out: it is the
 * identity on 224x224 images.
 */
final class AlexNet {
    private AlexNet() {
    }

    static Network build(String name, Shape input) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input("input", input);
        x = b.relu("relu1", b.conv("conv1", x, 64, 11, 4, 2));
        x = b.maxPool("pool1", x, 3, 2, 0);
        x = b.relu("relu2", b.conv("conv2", x, 192, 5, 1, 2));
        x = b.maxPool("pool2", x, 3, 2, 0);
        x = b.relu("relu3", b.conv("conv3", x, 384, 3, 1, 1));
        x = b.relu("relu4", b.conv("conv4", x, 256, 3, 1, 1));
        x = b.relu("relu5", b.conv("conv5", x, 256, 3, 1, 1));
        x = b.maxPool("pool5", x, 3, 2, 0);
        x = b.flatten("flatten", x);
        x = b.relu("relu6", b.fc("fc6", x, 4096));
        x = b.relu("relu7", b.fc("fc7", x, 4096));
        b.fc("fc8", x, 1000);
        return b.build();
    }
}
