package org.pimsyn.synth.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

class CrossbarSetTest {
    @Test
    void convolutionSetFollowsEquationOne() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("x", new Shape(1, 64, 56, 56));
        b.conv("c", in, 128, 3, 1, 1);
        Network n = b.build();
        // rows 3*3*64 = 576 -> ceil(576/256) = 3; columns 128 -> 1; 16-bit weights in 2-bit cells -> 8 slices.
        CrossbarSet set = CrossbarSet.of(n.layer("c"), 256, 2, 16);
        assertEquals(3, set.rowTiles());
        assertEquals(1, set.colTiles());
        assertEquals(8, set.slices());
        assertEquals(24, set.size());
        assertEquals(3L * 128 * 8, set.conversionsPerCopy());
        assertEquals(5L * 3, set.maxMacros(5));
    }

    @Test
    void groupedConvolutionMapsEachGroupOnItsOwnCrossbars() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("x", new Shape(1, 96, 27, 27));
        b.conv("c", in, 256, new Window(5, 5, 1, 1, org.pimsyn.synth.network.Padding.of(2), 1, 1), 2);
        // per group: rows 5*5*48 = 1200 -> ceil(1200/128) = 10; columns 128 -> 1; 16/4 = 4 slices; 2 groups.
        CrossbarSet set = CrossbarSet.of(b.build().layer("c"), 128, 4, 16);
        assertEquals(2 * 10 * 1 * 4, set.size());
        assertEquals(2L * 10 * 128 * 4, set.conversionsPerCopy());
    }

    @Test
    void fullyConnectedRowsAreInputFeatures() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("x", new Shape(1, 256, 6, 6));
        b.fc("fc", in, 4096);
        // rows 9216 -> 36 tiles of 256; columns 4096 -> 16; 16 1-bit slices.
        CrossbarSet set = CrossbarSet.of(b.build().layer("fc"), 256, 1, 16);
        assertEquals(36 * 16 * 16, set.size());
    }

    @Test
    void layersWithoutWeightsHaveNoSet() {
        NetworkBuilder b = new NetworkBuilder("t");
        int in = b.input("x", new Shape(1, 3, 8, 8));
        b.relu("r", in);
        Network n = b.build();
        assertThrows(IllegalArgumentException.class, () -> CrossbarSet.of(n.layer("r"), 128, 1, 16));
    }
}
