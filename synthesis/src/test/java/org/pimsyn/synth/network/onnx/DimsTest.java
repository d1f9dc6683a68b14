package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.network.Shape;

class DimsTest {

    @Test
    void broadcastAlignsOnTheRight() {
        assertArrayEquals(new int[] {1, 8, 4, 4}, Dims.broadcast(new int[] {1, 8, 4, 4}, new int[] {8, 1, 1}));
        assertArrayEquals(new int[] {2, 3}, Dims.broadcast(new int[] {2, 1}, new int[] {3}));
        assertArrayEquals(new int[] {5}, Dims.broadcast(Dims.SCALAR, new int[] {5}));
        assertEquals("shapes 2x3 and 4 do not broadcast",
                assertThrows(OnnxNodeException.class, () -> Dims.broadcast(new int[] {2, 3}, new int[] {4})).getMessage());
    }

    @Test
    void reshapeTargetCopiesZerosAndInfersOneMinusOne() {
        int[] in = {2, 3, 4, 5};
        assertArrayEquals(new int[] {2, 60}, Dims.reshapeTarget(in, new long[] {0, -1}, false));
        assertArrayEquals(new int[] {2, 3, 20}, Dims.reshapeTarget(in, new long[] {0, 0, -1}, false));
        assertArrayEquals(new int[] {6, 20}, Dims.reshapeTarget(in, new long[] {-1, 20}, false));
        assertArrayEquals(new int[] {120}, Dims.reshapeTarget(in, new long[] {-1}, false));
    }

    @Test
    void reshapeTargetRejectsImpossibleShapes() {
        int[] in = {2, 3, 4, 5};
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(in, new long[] {-1, -1}, false));
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(in, new long[] {7, -1}, false));
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(in, new long[] {2, 3}, false));
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(in, new long[] {-2, 60}, false));
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(new int[] {6}, new long[] {0, 0}, false));
        // allowzero makes 0 a real (empty) dimension.
        assertThrows(OnnxNodeException.class, () -> Dims.reshapeTarget(in, new long[] {0, -1}, true));
    }

    @Test
    void reshapeTargetKeepsTheElementCountOnRandomShapes() {
        Random random = new Random(7);
        for (int trial = 0; trial < 500; trial++) {
            int[] in = new int[1 + random.nextInt(4)];
            for (int i = 0; i < in.length; i++) {
                in[i] = 1 + random.nextInt(6);
            }
            long[] target = new long[1 + random.nextInt(4)];
            int minus = random.nextInt(target.length);
            long known = 1;
            for (int i = 0; i < target.length; i++) {
                if (i == minus) {
                    target[i] = -1;
                } else if (i < in.length && random.nextBoolean()) {
                    target[i] = 0;
                    known *= in[i];
                } else {
                    target[i] = 1;
                }
            }
            if (Dims.elements(in) % known != 0) {
                continue;
            }
            assertEquals(Dims.elements(in), Dims.elements(Dims.reshapeTarget(in, target, false)));
        }
    }

    @Test
    void flattenSqueezeAndUnsqueeze() {
        assertArrayEquals(new int[] {6, 20}, Dims.flatten(new int[] {2, 3, 4, 5}, 2));
        assertArrayEquals(new int[] {1, 120}, Dims.flatten(new int[] {2, 3, 4, 5}, 0));
        assertArrayEquals(new int[] {24, 5}, Dims.flatten(new int[] {2, 3, 4, 5}, -1));
        assertArrayEquals(new int[] {1, 8}, Dims.squeeze(new int[] {1, 8, 1, 1}, new long[] {2, -1}));
        assertArrayEquals(new int[] {8}, Dims.squeeze(new int[] {1, 8, 1, 1}, null));
        assertArrayEquals(new int[] {1, 8, 1, 1}, Dims.unsqueeze(new int[] {1, 8}, new long[] {2, 3}));
        assertArrayEquals(new int[] {1, 3}, Dims.unsqueeze(new int[] {3}, new long[] {0}));
        assertThrows(OnnxNodeException.class, () -> Dims.squeeze(new int[] {1, 8}, new long[] {1}));
        assertThrows(OnnxNodeException.class, () -> Dims.unsqueeze(new int[] {3}, new long[] {0, 0}));
    }

    @Test
    void layerOutputsMapToNchw() {
        assertEquals(new Shape(1, 3, 4, 5), Dims.toShape(new int[] {1, 3, 4, 5}));
        assertEquals(Shape.vector(2, 10), Dims.toShape(new int[] {2, 10}));
        assertEquals(new Shape(1, 6, 1, 9), Dims.toShape(new int[] {1, 6, 9}));
        assertEquals(Shape.vector(1, 7), Dims.toShape(new int[] {7}));
        assertEquals(Shape.vector(1, 1), Dims.toShape(Dims.SCALAR));
        assertThrows(OnnxNodeException.class, () -> Dims.toShape(new int[] {1, 2, 3, 4, 5}));
    }
}
