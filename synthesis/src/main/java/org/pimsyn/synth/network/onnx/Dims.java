package org.pimsyn.synth.network.onnx;

import java.util.Arrays;
import org.pimsyn.synth.network.Shape;

/** Rules on ONNX dimension lists: element counts, NumPy broadcasting, Reshape targets, the NCHW mapping. */
final class Dims {
    static final int[] SCALAR = new int[0];

    private Dims() {
    }

    static long elements(int[] dims) {
        long n = 1;
        for (int d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Product of dims[from, to). */
    static long product(int[] dims, int from, int to) {
        long n = 1;
        for (int i = from; i < to; i++) {
            n = Math.multiplyExact(n, dims[i]);
        }
        return n;
    }

    static int toDim(long value, String what) {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new OnnxNodeException(what + " has dimension " + value + "; dimensions must be 0 to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** NumPy broadcasting: dimensions are aligned on the right; each pair must be equal or contain a 1. */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int x = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int y = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (x != y && x != 1 && y != 1) {
                throw new OnnxNodeException("shapes " + text(a) + " and " + text(b) + " do not broadcast");
            }
            out[i] = x == 1 ? y : x;
        }
        return out;
    }

    /** The dimensions with leading 1s added up to {@code rank}. */
    static int[] rightAlign(int[] dims, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(dims, 0, out, rank - dims.length, dims.length);
        return out;
    }

    /** An axis attribute in [-rank, rank) made non-negative. */
    static int axis(long axis, int rank, String what) {
        if (axis < -rank || axis >= rank) {
            throw new OnnxNodeException(what + " " + axis + " is out of range for rank " + rank);
        }
        return (int) (axis < 0 ? axis + rank : axis);
    }

    /**
     * The output dimensions of a Reshape: a 0 copies the input dimension at the same index (unless
     * {@code allowZero}), one -1 takes whatever keeps the element count.
     */
    static int[] reshapeTarget(int[] in, long[] shape, boolean allowZero) {
        int[] out = new int[shape.length];
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            long s = shape[i];
            if (s == -1) {
                if (inferred >= 0) {
                    throw new OnnxNodeException("target shape " + Arrays.toString(shape) + " has more than one -1");
                }
                inferred = i;
                continue;
            }
            if (s == 0 && !allowZero) {
                if (i >= in.length) {
                    throw new OnnxNodeException("target shape " + Arrays.toString(shape) + " copies dimension " + i
                            + " (a 0) but the input " + text(in) + " has rank " + in.length);
                }
                s = in[i];
            }
            if (s < 0) {
                throw new OnnxNodeException("target shape " + Arrays.toString(shape) + " has " + s
                        + "; only -1 (inferred) and 0 (copied) may be negative or zero");
            }
            out[i] = toDim(s, "target shape");
            known = Math.multiplyExact(known, out[i]);
        }
        long total = elements(in);
        if (inferred >= 0) {
            if (known == 0 || total % known != 0) {
                throw new OnnxNodeException("target shape " + Arrays.toString(shape) + " cannot hold the "
                        + total + " elements of " + text(in));
            }
            out[inferred] = toDim(total / known, "target shape");
        } else if (known != total) {
            throw new OnnxNodeException("target shape " + Arrays.toString(shape) + " holds " + known
                    + " elements but the input " + text(in) + " has " + total);
        }
        return out;
    }

    /** Flatten: [product of dims before axis, product of the rest]. */
    static int[] flatten(int[] dims, long axis) {
        if (axis < -dims.length || axis > dims.length) {
            throw new OnnxNodeException("axis " + axis + " is out of range for rank " + dims.length);
        }
        int a = (int) (axis < 0 ? axis + dims.length : axis);
        return new int[] {toDim(product(dims, 0, a), "the output"), toDim(product(dims, a, dims.length), "the output")};
    }

    /** Unsqueeze: a 1 inserted at each axis, axes counted in the output. */
    static int[] unsqueeze(int[] dims, long[] axes) {
        int rank = dims.length + axes.length;
        boolean[] inserted = new boolean[rank];
        for (long axis : axes) {
            int a = axis(axis, rank, "axis");
            if (inserted[a]) {
                throw new OnnxNodeException("axis " + axis + " is given twice");
            }
            inserted[a] = true;
        }
        int[] out = new int[rank];
        for (int i = 0, j = 0; i < rank; i++) {
            out[i] = inserted[i] ? 1 : dims[j++];
        }
        return out;
    }

    /** Squeeze: the given axes (all of size 1) removed; without axes every dimension of size 1. */
    static int[] squeeze(int[] dims, long[] axes) {
        boolean[] removed = new boolean[dims.length];
        if (axes == null) {
            for (int i = 0; i < dims.length; i++) {
                removed[i] = dims[i] == 1;
            }
        } else {
            for (long axis : axes) {
                int a = axis(axis, dims.length, "axis");
                if (dims[a] != 1) {
                    throw new OnnxNodeException("cannot squeeze axis " + axis + " of " + text(dims)
                            + ": its size is " + dims[a] + ", not 1");
                }
                removed[a] = true;
            }
        }
        int kept = 0;
        for (boolean r : removed) {
            kept += r ? 0 : 1;
        }
        int[] out = new int[kept];
        for (int i = 0, j = 0; i < dims.length; i++) {
            if (!removed[i]) {
                out[j++] = dims[i];
            }
        }
        return out;
    }

    /**
     * The NCHW shape of a layer output: rank 4 as it is, rank 2 (N, features) as a vector, rank 3 (N, C, L) as
     * a one-row image, rank 1 and 0 as a vector of one image.
     */
    static Shape toShape(int[] dims) {
        return switch (dims.length) {
            case 0 -> new Shape(1, 1, 1, 1);
            case 1 -> new Shape(1, dims[0], 1, 1);
            case 2 -> new Shape(dims[0], dims[1], 1, 1);
            case 3 -> new Shape(dims[0], dims[1], 1, dims[2]);
            case 4 -> new Shape(dims[0], dims[1], dims[2], dims[3]);
            default -> throw new OnnxNodeException("tensors of rank " + dims.length + " (" + text(dims)
                    + ") are not supported; layer outputs have at most 4 dimensions (NCHW)");
        };
    }

    static int[] of(Shape s) {
        return new int[] {s.n(), s.c(), s.h(), s.w()};
    }

    /** "1x3x224x224"; "scalar" for rank 0. */
    static String text(int[] dims) {
        if (dims.length == 0) {
            return "scalar";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            if (i > 0) {
                s.append('x');
            }
            s.append(dims[i]);
        }
        return s.toString();
    }
}
