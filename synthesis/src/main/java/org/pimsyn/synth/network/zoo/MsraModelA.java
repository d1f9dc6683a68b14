package org.pimsyn.synth.network.zoo;

import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Model A of He et al., "Delving Deep into Rectifiers" (ICCV 2015, table 3): a 7x7 stride-2 convolution with
 * 96 channels, three stages of five 3x3 convolutions (256, 512, 512 channels) separated by 2x2 max pools,
 * spatial pyramid pooling, and FC 4096, 4096, 1000. ReLU follows every convolution and the first two FC layers.
 *
 * <p>The pyramid follows the model file the original PIMSYN tool ships rather than the paper's {7x7, 3x3, 2x2,
 * 1x1} bins: its middle level pools 5x5 windows with stride 5 and one column of left padding, which gives 2x3
 * bins on the 14x14 map, so the first FC layer sees 30,720 features.
 */
final class MsraModelA {
    private static final int STAGE_CONVS = 5;
    private static final int[] STAGE_CHANNELS = {256, 512, 512};

    private MsraModelA() {
    }

    static Network build(String name, Shape input) {
        NetworkBuilder b = new NetworkBuilder(name);
        int x = b.input("input", input);
        x = b.relu("relu1", b.conv("conv1", x, 96, 7, 2, 3));
        x = b.maxPool("pool1", x, 2, 2, 0);
        int conv = 2;
        for (int stage = 0; stage < STAGE_CHANNELS.length; stage++) {
            if (stage > 0) {
                x = b.maxPool("pool" + (stage + 1), x, 2, 2, 0);
            }
            for (int i = 0; i < STAGE_CONVS; i++, conv++) {
                x = b.relu("relu" + conv, b.conv("conv" + conv, x, STAGE_CHANNELS[stage], 3, 1, 1));
            }
        }
        int[] levels = {
            b.flatten("spp1/flatten", b.maxPool("spp1", x, 2, 2, 0)),
            b.flatten("spp2/flatten", b.pool("spp2", x, LayerFunction.MAX,
                    new Window(5, 5, 5, 5, new Padding(0, 1, 0, 0), 1, 1), false)),
            b.flatten("spp3/flatten", b.maxPool("spp3", x, 7, 7, 0)),
            b.flatten("spp4/flatten", b.maxPool("spp4", x, 14, 1, 0)),
        };
        x = b.concat("spp", levels);
        x = b.relu("relu_fc1", b.fc("fc1", x, 4096));
        x = b.relu("relu_fc2", b.fc("fc2", x, 4096));
        b.fc("fc3", x, 1000);
        return b.build();
    }
}
