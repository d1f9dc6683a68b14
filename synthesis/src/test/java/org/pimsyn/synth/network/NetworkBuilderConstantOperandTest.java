package org.pimsyn.synth.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkBuilderConstantOperandTest {

    @Test
    void constantOperandBroadcastsLikeASecondInputButIsNoProvider() {
        NetworkBuilder b = new NetworkBuilder("n");
        int in = b.input("x", new Shape(1, 8, 4, 4));
        int biased = b.eltwiseWithConstant("bias", LayerFunction.ADD, in, new Shape(1, 8, 1, 1));
        int pooled = b.globalPool("g", biased, LayerFunction.AVERAGE);
        int expanded = b.eltwiseWithConstant("map", LayerFunction.MUL, pooled, new Shape(1, 1, 4, 4));
        Network n = b.build();

        assertEquals(new Shape(1, 8, 4, 4), n.layer(biased).outputShape());
        assertEquals(List.of(in), n.layer(biased).providers());
        assertEquals(LayerOp.ELTWISE, n.layer(biased).op());
        assertEquals(new Shape(1, 8, 4, 4), n.layer(expanded).outputShape());
        assertEquals(new Shape(1, 8, 1, 1), n.layer(expanded).inputShape());
    }

    @Test
    void constantThatDoesNotBroadcastOrAFunctionOfAnotherOpIsRejected() {
        NetworkBuilder b = new NetworkBuilder("n");
        int in = b.input("x", new Shape(1, 8, 4, 4));

        assertEquals("layer 'y': shapes 1x8x4x4 and 1x3x1x1 do not broadcast", assertThrows(IllegalArgumentException.class,
                () -> b.eltwiseWithConstant("y", LayerFunction.ADD, in, new Shape(1, 3, 1, 1))).getMessage());
        assertEquals("layer 'z': not an element-wise function: RELU", assertThrows(IllegalArgumentException.class,
                () -> b.eltwiseWithConstant("z", LayerFunction.RELU, in, new Shape(1, 8, 1, 1))).getMessage());
    }
}
