package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.Arrays;
import java.util.List;

/**
 * Constant folding of the shape computations exporters leave in graphs (Shape, Gather, Cast, Slice, Concat,
 * arithmetic...): dimensions always, values when every input's values are known and the result is small.
 */
final class ShapeFolding {
    private ShapeFolding() {
    }

    /** Shape: the dimensions of a tensor as INT64 values, optionally sliced by start and end (opset 15). */
    static Tensor shapeOf(int[] dims, long start, long end) {
        int rank = dims.length;
        int from = (int) clamp(start < 0 ? start + rank : start, 0, rank);
        int to = (int) clamp(end < 0 ? end + rank : end, 0, rank);
        int n = Math.max(0, to - from);
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = dims[from + i];
        }
        return Tensor.constant(new int[] {n}, values, TensorData.INT64);
    }

    static Tensor gather(Tensor data, Tensor indices, long axis) {
        int rank = data.rank();
        if (rank == 0) {
            throw new OnnxNodeException("Gather needs data of rank 1 or more, got a scalar");
        }
        int a = Dims.axis(axis, rank, "axis");
        int[] d = data.dims();
        int[] idx = indices.dims();
        int[] out = new int[rank - 1 + idx.length];
        System.arraycopy(d, 0, out, 0, a);
        System.arraycopy(idx, 0, out, a, idx.length);
        System.arraycopy(d, a + 1, out, a + idx.length, rank - a - 1);
        long[] values = null;
        if (data.ints() != null && indices.ints() != null && small(out)) {
            int outer = (int) Dims.product(d, 0, a);
            int length = d[a];
            int inner = (int) Dims.product(d, a + 1, rank);
            long[] picks = indices.ints();
            values = new long[(int) Dims.elements(out)];
            int k = 0;
            for (int o = 0; o < outer; o++) {
                for (long pick : picks) {
                    long p = pick < 0 ? pick + length : pick;
                    if (p < 0 || p >= length) {
                        throw new OnnxNodeException("index " + pick + " is out of range for dimension " + length);
                    }
                    System.arraycopy(data.ints(), (int) ((o * (long) length + p) * inner), values, k, inner);
                    k += inner;
                }
            }
        }
        return Tensor.constant(out, values, data.elemType());
    }

    static Tensor cast(Tensor x, int toType) {
        long[] values = null;
        if (x.ints() != null && toType != TensorProto.DataType.STRING_VALUE) {
            values = new long[x.ints().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = TensorData.narrow(x.ints()[i], toType);
            }
        }
        return Tensor.constant(x.dims(), values, toType);
    }

    /** What a Slice takes of each axis: the output extent, the first index and the step. */
    record SliceBox(int[] out, long[] begin, long[] step) {
    }

    /** Slice with the ONNX clamping rules; axes and steps may be null (all leading axes, step 1). */
    static Tensor slice(Tensor data, long[] starts, long[] ends, long[] axes, long[] steps) {
        int rank = data.rank();
        int[] d = data.dims();
        SliceBox box = sliceBox(d, starts, ends, axes, steps);
        int[] out = box.out();
        long[] values = null;
        if (data.ints() != null && small(out)) {
            long[] stride = strides(d);
            values = new long[(int) Dims.elements(out)];
            int[] at = new int[rank];
            for (int k = 0; k < values.length; k++) {
                long src = 0;
                for (int j = 0; j < rank; j++) {
                    src += (box.begin()[j] + at[j] * box.step()[j]) * stride[j];
                }
                values[k] = data.ints()[(int) src];
                next(at, out);
            }
        }
        return Tensor.constant(out, values, data.elemType());
    }

    /** The part of a tensor of {@code d} that a Slice takes; axes and steps may be null. */
    static SliceBox sliceBox(int[] d, long[] starts, long[] ends, long[] axes, long[] steps) {
        int rank = d.length;
        int n = starts.length;
        if (ends.length != n || axes != null && axes.length != n || steps != null && steps.length != n) {
            throw new OnnxNodeException("starts, ends, axes and steps must have the same length, got "
                    + n + ", " + ends.length + ", " + (axes == null ? "-" : axes.length) + ", "
                    + (steps == null ? "-" : steps.length));
        }
        int[] out = d.clone();
        long[] begin = new long[rank];
        long[] step = new long[rank];
        Arrays.fill(step, 1);
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < n; i++) {
            int a = Dims.axis(axes == null ? i : axes[i], rank, "axis");
            if (seen[a]) {
                throw new OnnxNodeException("axis " + a + " is sliced twice");
            }
            seen[a] = true;
            long st = steps == null ? 1 : steps[i];
            if (st == 0) {
                throw new OnnxNodeException("a slice step must not be 0");
            }
            long dim = d[a];
            long s = starts[i] < 0 ? starts[i] + dim : starts[i];
            long e = ends[i] < 0 ? ends[i] + dim : ends[i];
            long length;
            if (st > 0) {
                s = clamp(s, 0, dim);
                e = clamp(e, 0, dim);
                length = e > s ? (e - s - 1) / st + 1 : 0;
            } else {
                s = clamp(s, 0, dim - 1);
                e = clamp(e, -1, dim - 1);
                long back = st == Long.MIN_VALUE ? Long.MAX_VALUE : -st;
                length = s > e ? (s - e - 1) / back + 1 : 0;
            }
            out[a] = (int) length;
            begin[a] = s;
            step[a] = st;
        }
        return new SliceBox(out, begin, step);
    }

    static Tensor concat(List<Tensor> parts, long axis) {
        Tensor first = parts.get(0);
        int rank = first.rank();
        if (rank == 0) {
            throw new OnnxNodeException("Concat needs inputs of rank 1 or more, got a scalar");
        }
        int a = Dims.axis(axis, rank, "axis");
        int[] out = first.dims().clone();
        out[a] = 0;
        boolean known = true;
        for (Tensor t : parts) {
            if (t.rank() != rank) {
                throw new OnnxNodeException("concatenated inputs differ in rank: " + Dims.text(first.dims())
                        + " and " + Dims.text(t.dims()));
            }
            for (int i = 0; i < rank; i++) {
                if (i != a && t.dims()[i] != first.dims()[i]) {
                    throw new OnnxNodeException("concatenated inputs differ off axis " + a + ": "
                            + Dims.text(first.dims()) + " and " + Dims.text(t.dims()));
                }
            }
            out[a] = Dims.toDim((long) out[a] + t.dims()[a], "the output");
            known &= t.ints() != null;
        }
        long[] values = null;
        if (known && small(out)) {
            values = new long[(int) Dims.elements(out)];
            int outer = (int) Dims.product(out, 0, a);
            int k = 0;
            for (int o = 0; o < outer; o++) {
                for (Tensor t : parts) {
                    int block = (int) Dims.product(t.dims(), a, rank);
                    System.arraycopy(t.ints(), o * block, values, k, block);
                    k += block;
                }
            }
        }
        return Tensor.constant(out, values, first.elemType());
    }

    /**
     * Add, Sub, Mul, Div or Sum of constants, with broadcasting. Division of float-typed values that does not
     * come out whole leaves the values unknown rather than rounded.
     */
    static Tensor arithmetic(String op, List<Tensor> operands) {
        int[] out = operands.get(0).dims();
        boolean known = true;
        boolean floating = false;
        for (Tensor t : operands) {
            out = Dims.broadcast(out, t.dims());
            known &= t.ints() != null;
            floating |= TensorData.isFloatType(t.elemType());
        }
        int type = operands.get(0).elemType();
        if (!known || !small(out)) {
            return Tensor.constant(out, null, type);
        }
        long[] acc = expand(operands.get(0), out);
        for (int i = 1; i < operands.size(); i++) {
            long[] b = expand(operands.get(i), out);
            for (int k = 0; k < acc.length; k++) {
                switch (op) {
                    case "Add", "Sum" -> acc[k] = Math.addExact(acc[k], b[k]);
                    case "Sub" -> acc[k] = Math.subtractExact(acc[k], b[k]);
                    case "Mul" -> acc[k] = Math.multiplyExact(acc[k], b[k]);
                    case "Div" -> {
                        if (b[k] == 0 || floating && acc[k] % b[k] != 0) {
                            if (!floating) {
                                throw new OnnxNodeException("integer division by zero in a shape computation");
                            }
                            return Tensor.constant(out, null, type);
                        }
                        acc[k] = acc[k] / b[k];
                    }
                    default -> throw new IllegalStateException("not an arithmetic op: " + op);
                }
            }
        }
        return Tensor.constant(out, acc, type);
    }

    /** ConstantOfShape: dimensions from the shape values, every element the value attribute (default 0.0). */
    static Tensor constantOfShape(long[] shape, TensorProto value) {
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Dims.toDim(shape[i], "the shape input");
        }
        int type = TensorData.FLOAT;
        long fill = 0;
        boolean known = true;
        if (value != null) {
            int[] valueDims = TensorData.dims(value);
            if (Dims.elements(valueDims) != 1) {
                throw new OnnxNodeException("attribute 'value' must hold one element, got " + Dims.text(valueDims));
            }
            type = value.getDataType();
            long[] v = TensorData.values(value, valueDims);
            known = v != null;
            fill = known ? v[0] : 0;
        }
        long[] values = null;
        if (known && small(dims)) {
            values = new long[(int) Dims.elements(dims)];
            Arrays.fill(values, fill);
        }
        return Tensor.constant(dims, values, type);
    }

    private static boolean small(int[] dims) {
        return Dims.elements(dims) <= TensorData.MAX_KNOWN_VALUES;
    }

    /** The values of {@code t} broadcast to {@code out} (which they broadcast to). */
    private static long[] expand(Tensor t, int[] out) {
        int rank = out.length;
        int[] d = Dims.rightAlign(t.dims(), rank);
        long[] stride = strides(d);
        for (int j = 0; j < rank; j++) {
            if (d[j] == 1) {
                stride[j] = 0;
            }
        }
        long[] values = new long[(int) Dims.elements(out)];
        int[] at = new int[rank];
        for (int k = 0; k < values.length; k++) {
            long src = 0;
            for (int j = 0; j < rank; j++) {
                src += at[j] * stride[j];
            }
            values[k] = t.ints()[(int) src];
            next(at, out);
        }
        return values;
    }

    private static long[] strides(int[] dims) {
        long[] stride = new long[dims.length];
        long s = 1;
        for (int j = dims.length - 1; j >= 0; j--) {
            stride[j] = s;
            s *= dims[j];
        }
        return stride;
    }

    /** Advances a row-major multi-index over {@code dims}. */
    private static void next(int[] at, int[] dims) {
        for (int j = at.length - 1; j >= 0; j--) {
            if (++at[j] < dims[j]) {
                return;
            }
            at[j] = 0;
        }
    }

    private static long clamp(long v, long lo, long hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
