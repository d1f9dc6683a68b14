package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataLocation;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Reads the dimensions of a TensorProto and, for small integral tensors, their values; never weight data. */
final class TensorData {
    /** Shape tensors are tiny; anything larger is a weight whose values never matter. */
    static final int MAX_KNOWN_VALUES = 4096;

    static final int FLOAT = DataType.FLOAT_VALUE;
    static final int INT64 = DataType.INT64_VALUE;

    private TensorData() {
    }

    static int[] dims(TensorProto t) {
        int[] dims = new int[t.getDimsCount()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Dims.toDim(t.getDims(i), "tensor '" + t.getName() + "'");
        }
        return dims;
    }

    static Tensor constant(TensorProto t) {
        int[] dims = dims(t);
        return Tensor.constant(dims, values(t, dims), reals(t, dims), t.getDataType());
    }

    /** The values of a small FLOAT or DOUBLE tensor stored inline, whole or not; null otherwise. */
    static double[] reals(TensorProto t, int[] dims) {
        long count = Dims.elements(dims);
        int type = t.getDataType();
        if (count > MAX_KNOWN_VALUES || t.getDataLocation() == DataLocation.EXTERNAL
                || type != DataType.FLOAT_VALUE && type != DataType.DOUBLE_VALUE) {
            return null;
        }
        int n = (int) count;
        double[] out = new double[n];
        if (!t.getRawData().isEmpty()) {
            ByteBuffer b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            if (b.remaining() != (long) n * (type == DataType.FLOAT_VALUE ? 4 : 8)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                out[i] = type == DataType.FLOAT_VALUE ? b.getFloat() : b.getDouble();
            }
            return out;
        }
        List<? extends Number> listed = type == DataType.FLOAT_VALUE ? t.getFloatDataList() : t.getDoubleDataList();
        if (listed.size() != n) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            out[i] = listed.get(i).doubleValue();
        }
        return out;
    }

    /** The values when they are few, stored inline and all whole numbers; null otherwise. */
    static long[] values(TensorProto t, int[] dims) {
        long count = Dims.elements(dims);
        if (count > MAX_KNOWN_VALUES || t.getDataLocation() == DataLocation.EXTERNAL) {
            return null;
        }
        int n = (int) count;
        int type = t.getDataType();
        if (!t.getRawData().isEmpty()) {
            return fromRaw(t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN), type, n);
        }
        return switch (type) {
            case DataType.INT64_VALUE -> listed(t.getInt64DataList(), n);
            case DataType.INT32_VALUE, DataType.INT16_VALUE, DataType.INT8_VALUE, DataType.UINT16_VALUE,
                    DataType.UINT8_VALUE, DataType.BOOL_VALUE -> listed(t.getInt32DataList(), n);
            case DataType.UINT32_VALUE, DataType.UINT64_VALUE -> listed(t.getUint64DataList(), n);
            case DataType.FLOAT_VALUE -> listed(t.getFloatDataList(), n);
            case DataType.DOUBLE_VALUE -> listed(t.getDoubleDataList(), n);
            default -> null;
        };
    }

    private static long[] fromRaw(ByteBuffer b, int type, int n) {
        int width = switch (type) {
            case DataType.INT8_VALUE, DataType.UINT8_VALUE, DataType.BOOL_VALUE -> 1;
            case DataType.INT16_VALUE, DataType.UINT16_VALUE -> 2;
            case DataType.INT32_VALUE, DataType.UINT32_VALUE, DataType.FLOAT_VALUE -> 4;
            case DataType.INT64_VALUE, DataType.UINT64_VALUE, DataType.DOUBLE_VALUE -> 8;
            default -> 0;
        };
        if (width == 0 || b.remaining() != (long) n * width) {
            return null;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            double real;
            switch (type) {
                case DataType.INT8_VALUE -> out[i] = b.get();
                case DataType.UINT8_VALUE -> out[i] = b.get() & 0xFF;
                case DataType.BOOL_VALUE -> out[i] = b.get() != 0 ? 1 : 0;
                case DataType.INT16_VALUE -> out[i] = b.getShort();
                case DataType.UINT16_VALUE -> out[i] = b.getShort() & 0xFFFF;
                case DataType.INT32_VALUE -> out[i] = b.getInt();
                case DataType.UINT32_VALUE -> out[i] = b.getInt() & 0xFFFFFFFFL;
                case DataType.INT64_VALUE, DataType.UINT64_VALUE -> out[i] = b.getLong();
                case DataType.FLOAT_VALUE -> {
                    real = b.getFloat();
                    if (!isWhole(real)) {
                        return null;
                    }
                    out[i] = (long) real;
                }
                default -> {
                    real = b.getDouble();
                    if (!isWhole(real)) {
                        return null;
                    }
                    out[i] = (long) real;
                }
            }
        }
        return out;
    }

    /** Typed-field values; floating ones only while whole. */
    private static long[] listed(List<? extends Number> values, int n) {
        if (values.size() != n) {
            return null;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            Number v = values.get(i);
            if (v instanceof Float || v instanceof Double) {
                if (!isWhole(v.doubleValue())) {
                    return null;
                }
            }
            out[i] = v.longValue();
        }
        return out;
    }

    /** Float values take part in shape arithmetic only while they are exact whole numbers. */
    static boolean isWhole(double v) {
        return v == Math.rint(v) && Math.abs(v) <= (1L << 53);
    }

    static boolean isFloatType(int type) {
        return type == DataType.FLOAT_VALUE || type == DataType.DOUBLE_VALUE || type == DataType.FLOAT16_VALUE
                || type == DataType.BFLOAT16_VALUE;
    }

    /** Keeps a value inside the range of an integer element type, as a cast to that type does. */
    static long narrow(long v, int type) {
        return switch (type) {
            case DataType.INT8_VALUE -> (byte) v;
            case DataType.UINT8_VALUE -> v & 0xFF;
            case DataType.INT16_VALUE -> (short) v;
            case DataType.UINT16_VALUE -> v & 0xFFFF;
            case DataType.INT32_VALUE -> (int) v;
            case DataType.UINT32_VALUE -> v & 0xFFFFFFFFL;
            case DataType.BOOL_VALUE -> v != 0 ? 1 : 0;
            default -> v;
        };
    }
}
