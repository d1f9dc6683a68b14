package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void integerValuesComeFromRawDataOrTypedFields() {
        TensorProto raw = TinyOnnx.intsTensor("s", 1, -1, 256);
        assertArrayEquals(new long[] {1, -1, 256}, TensorData.constant(raw).ints());

        TensorProto typed = TensorProto.newBuilder().setDataType(DataType.INT64_VALUE).addDims(2)
                .addAllInt64Data(List.of(4L, 5L)).build();
        assertArrayEquals(new long[] {4, 5}, TensorData.constant(typed).ints());

        TensorProto int32 = TensorProto.newBuilder().setDataType(DataType.INT32_VALUE).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[] {7, 0, 0, 0, -2, -1, -1, -1})).build();
        assertArrayEquals(new long[] {7, -2}, TensorData.constant(int32).ints());

        TensorProto uint8 = TensorProto.newBuilder().setDataType(DataType.UINT8_VALUE).addDims(1)
                .addInt32Data(200).build();
        assertArrayEquals(new long[] {200}, TensorData.constant(uint8).ints());
    }

    @Test
    void floatValuesAreKeptOnlyWhenWhole() {
        TensorProto whole = TensorProto.newBuilder().setDataType(DataType.FLOAT_VALUE).addDims(2)
                .addAllFloatData(List.of(3f, -6f)).build();
        assertArrayEquals(new long[] {3, -6}, TensorData.constant(whole).ints());

        TensorProto fraction = TensorProto.newBuilder().setDataType(DataType.FLOAT_VALUE).addDims(1)
                .addFloatData(0.5f).build();
        assertNull(TensorData.constant(fraction).ints());
    }

    @Test
    void weightsAndDamagedTensorsHaveShapeOnly() {
        TensorProto weight = TinyOnnx.weightTensor("w", DataType.FLOAT_VALUE, 64, 64, 3, 3);
        assertArrayEquals(new int[] {64, 64, 3, 3}, TensorData.constant(weight).dims());
        assertNull(TensorData.constant(weight).ints());

        TensorProto stripped = TensorProto.newBuilder().setDataType(DataType.INT64_VALUE).addDims(3).build();
        assertNull(TensorData.constant(stripped).ints());

        TensorProto shortRaw = TensorProto.newBuilder().setDataType(DataType.INT64_VALUE).addDims(2)
                .setRawData(ByteString.copyFrom(new byte[12])).build();
        assertNull(TensorData.constant(shortRaw).ints());

        TensorProto half = TinyOnnx.weightTensor("h", DataType.FLOAT16_VALUE, 2);
        assertNull(TensorData.constant(half).ints());
    }
}
