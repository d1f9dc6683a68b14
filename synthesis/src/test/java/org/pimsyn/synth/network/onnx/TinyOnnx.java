package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/** Builds small ONNX models in tests with the OnnxMl builders and writes them to files. */
final class TinyOnnx {
    static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;
    static final int FLOAT16 = TensorProto.DataType.FLOAT16_VALUE;
    static final int INT64 = TensorProto.DataType.INT64_VALUE;

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("tiny");
    private long irVersion = 8;
    private long opset = 13;
    private int floatType = FLOAT;

    /** Element type of the data input and of weights added afterwards (FLOAT or FLOAT16). */
    TinyOnnx floatType(int type) {
        this.floatType = type;
        return this;
    }

    TinyOnnx irVersion(long version) {
        this.irVersion = version;
        return this;
    }

    TinyOnnx opset(long version) {
        this.opset = version;
        return this;
    }

    /** A graph input; each dimension is a Long/Integer (fixed), a String (symbolic) or null (unknown). */
    TinyOnnx input(String name, Object... dims) {
        graph.addInput(valueInfo(name, floatType, dims));
        return this;
    }

    TinyOnnx output(String name) {
        graph.addOutput(ValueInfoProto.newBuilder().setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(floatType))));
        return this;
    }

    /** A weight initializer with zero values in raw_data. */
    TinyOnnx weight(String name, long... dims) {
        graph.addInitializer(weightTensor(name, floatType, dims));
        return this;
    }

    /** A weight listed in graph.input too, as IR 3 requires. */
    TinyOnnx ir3Weight(String name, long... dims) {
        weight(name, dims);
        Object[] boxed = Arrays.stream(dims).boxed().toArray();
        graph.addInput(valueInfo(name, floatType, boxed));
        return this;
    }

    /** An INT64 initializer holding {@code values}, in raw_data (little endian). */
    TinyOnnx int64(String name, long... values) {
        graph.addInitializer(intsTensor(name, values));
        return this;
    }

    /** A FLOAT initializer holding {@code values}, in raw_data (little endian), such as a Resize's scales. */
    TinyOnnx floats(String name, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        graph.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT).addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array())));
        return this;
    }

    TinyOnnx node(NodeProto.Builder node) {
        graph.addNode(node);
        return this;
    }

    ModelProto model() {
        return ModelProto.newBuilder().setIrVersion(irVersion).setProducerName("pimsyn-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setGraph(graph).build();
    }

    Path write(Path dir, String fileName) {
        return writeBytes(dir, fileName, model().toByteArray());
    }

    Network read(Path dir) {
        return OnnxImporter.read(write(dir, "tiny.onnx"), null);
    }

    Network read(Path dir, Shape inputShape) {
        return OnnxImporter.read(write(dir, "tiny.onnx"), inputShape);
    }

    static Path writeBytes(Path dir, String fileName, byte[] bytes) {
        try {
            return Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- nodes and attributes ----

    static NodeProto.Builder op(String opType, String output, String... inputs) {
        return NodeProto.newBuilder().setOpType(opType).setName(output + "_node").addOutput(output)
                .addAllInput(Arrays.asList(inputs));
    }

    static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }

    static AttributeProto floatList(String name, float... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOATS);
        for (float v : values) {
            a.addFloats(v);
        }
        return a.build();
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    static AttributeProto string(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    static AttributeProto tensor(String name, TensorProto value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.TENSOR).setT(value).build();
    }

    static TensorProto intsTensor(String name, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return TensorProto.newBuilder().setName(name).setDataType(INT64).addDims(values.length)
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    static TensorProto weightTensor(String name, int type, long... dims) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        int width = type == FLOAT16 ? 2 : 4;
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type)
                .setRawData(ByteString.copyFrom(new byte[Math.toIntExact(count * width)]));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static ValueInfoProto valueInfo(String name, int elemType, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d instanceof Number n) {
                dim.setDimValue(n.longValue());
            } else if (d instanceof String s) {
                dim.setDimParam(s);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(elemType).setShape(shape))).build();
    }
}
