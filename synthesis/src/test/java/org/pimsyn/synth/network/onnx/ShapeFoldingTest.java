package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeFoldingTest {
    private static Tensor ints(int[] dims, long... values) {
        return Tensor.constant(dims, values, TensorData.INT64);
    }

    private static Tensor vector(long... values) {
        return ints(new int[] {values.length}, values);
    }

    @Test
    void shapeGivesTheDimensionsAndSlicesThemFromOpsetFifteen() {
        int[] dims = {1, 3, 48, 192};
        assertArrayEquals(new long[] {1, 3, 48, 192}, ShapeFolding.shapeOf(dims, 0, Long.MAX_VALUE).ints());
        assertArrayEquals(new long[] {48, 192}, ShapeFolding.shapeOf(dims, -2, Long.MAX_VALUE).ints());
        assertArrayEquals(new long[] {3}, ShapeFolding.shapeOf(dims, 1, 2).ints());
    }

    @Test
    void gatherPicksAlongTheAxisWithNegativeIndices() {
        Tensor shape = vector(1, 3, 48, 192);
        Tensor scalar = ShapeFolding.gather(shape, ints(Dims.SCALAR, -1), 0);
        assertArrayEquals(Dims.SCALAR, scalar.dims());
        assertArrayEquals(new long[] {192}, scalar.ints());

        // 2x3 matrix [[1,2,3],[4,5,6]], columns 2 and 0 along axis 1: [[3,1],[6,4]].
        Tensor matrix = ints(new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        Tensor picked = ShapeFolding.gather(matrix, vector(2, 0), 1);
        assertArrayEquals(new int[] {2, 2}, picked.dims());
        assertArrayEquals(new long[] {3, 1, 6, 4}, picked.ints());

        assertThrows(OnnxNodeException.class, () -> ShapeFolding.gather(shape, vector(4), 0));
    }

    @Test
    void gatherOfAWeightKnowsOnlyTheShape() {
        Tensor weights = Tensor.constant(new int[] {1000, 64}, null, TensorData.FLOAT);
        Tensor rows = ShapeFolding.gather(weights, ints(new int[] {2, 5}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0);
        assertArrayEquals(new int[] {2, 5, 64}, rows.dims());
        assertNull(rows.ints());
    }

    @Test
    void sliceFollowsTheOnnxClampingRules() {
        Tensor v = vector(10, 11, 12, 13, 14);
        assertArrayEquals(new long[] {11, 12}, ShapeFolding.slice(v, new long[] {1}, new long[] {3}, null, null).ints());
        assertArrayEquals(new long[] {13, 14},
                ShapeFolding.slice(v, new long[] {-2}, new long[] {Long.MAX_VALUE}, null, null).ints());
        assertArrayEquals(new long[] {14, 12, 10},
                ShapeFolding.slice(v, new long[] {-1}, new long[] {Long.MIN_VALUE}, new long[] {0}, new long[] {-2}).ints());
        assertArrayEquals(new int[] {0}, ShapeFolding.slice(v, new long[] {4}, new long[] {1}, null, null).dims());

        // Rows 0..1 and every other column of [[1,2,3,4],[5,6,7,8],[9,10,11,12]].
        Tensor m = ints(new int[] {3, 4}, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        Tensor cut = ShapeFolding.slice(m, new long[] {0, 0}, new long[] {2, 4}, new long[] {0, 1}, new long[] {1, 2});
        assertArrayEquals(new int[] {2, 2}, cut.dims());
        assertArrayEquals(new long[] {1, 3, 5, 7}, cut.ints());
        assertThrows(OnnxNodeException.class, () -> ShapeFolding.slice(v, new long[] {0}, new long[] {1}, null,
                new long[] {0}));
    }

    @Test
    void concatJoinsValuesAlongTheAxis() {
        Tensor joined = ShapeFolding.concat(List.of(vector(1), vector(-1, 7)), 0);
        assertArrayEquals(new long[] {1, -1, 7}, joined.ints());

        Tensor a = ints(new int[] {2, 1}, 1, 2);
        Tensor b = ints(new int[] {2, 2}, 3, 4, 5, 6);
        Tensor side = ShapeFolding.concat(List.of(a, b), 1);
        assertArrayEquals(new int[] {2, 3}, side.dims());
        assertArrayEquals(new long[] {1, 3, 4, 2, 5, 6}, side.ints());
    }

    @Test
    void arithmeticBroadcastsAndKeepsFloatDivisionExact() {
        assertArrayEquals(new long[] {2, 6, 96, 384},
                ShapeFolding.arithmetic("Mul", List.of(vector(1, 3, 48, 192), ints(Dims.SCALAR, 2))).ints());
        assertArrayEquals(new long[] {11, 22, 13, 24},
                ShapeFolding.arithmetic("Add", List.of(ints(new int[] {2, 2}, 1, 2, 3, 4), vector(10, 20))).ints());
        assertArrayEquals(new long[] {3},
                ShapeFolding.arithmetic("Div", List.of(vector(7), vector(2))).ints());

        Tensor sevenF = Tensor.constant(new int[] {1}, new long[] {7}, TensorData.FLOAT);
        Tensor twoF = Tensor.constant(new int[] {1}, new long[] {2}, TensorData.FLOAT);
        assertNull(ShapeFolding.arithmetic("Div", List.of(sevenF, twoF)).ints());
        assertThrows(OnnxNodeException.class, () -> ShapeFolding.arithmetic("Div", List.of(vector(7), vector(0))));
    }

    @Test
    void castNarrowsIntegersAndKeepsWholeFloats() {
        assertArrayEquals(new long[] {-1, 255}, ShapeFolding.cast(vector(-1, 255), TensorProto.DataType.INT32_VALUE).ints());
        assertArrayEquals(new long[] {255, 255}, ShapeFolding.cast(vector(-1, 255), TensorProto.DataType.UINT8_VALUE).ints());
        assertArrayEquals(new long[] {1, 0}, ShapeFolding.cast(vector(5, 0), TensorProto.DataType.BOOL_VALUE).ints());
        assertArrayEquals(new long[] {4}, ShapeFolding.cast(vector(4), TensorData.FLOAT).ints());
    }

    @Test
    void constantOfShapeFillsWithItsValue() {
        Tensor zeros = ShapeFolding.constantOfShape(new long[] {2, 3}, null);
        assertArrayEquals(new int[] {2, 3}, zeros.dims());
        assertArrayEquals(new long[6], zeros.ints());

        Tensor sevens = ShapeFolding.constantOfShape(new long[] {2}, TinyOnnx.intsTensor("", 7));
        assertArrayEquals(new long[] {7, 7}, sevens.ints());

        Tensor weight = ShapeFolding.constantOfShape(new long[] {512, 512, 3, 3}, null);
        assertArrayEquals(new int[] {512, 512, 3, 3}, weight.dims());
        assertNull(weight.ints());
        assertEquals(TensorData.FLOAT, weight.elemType());
    }
}
