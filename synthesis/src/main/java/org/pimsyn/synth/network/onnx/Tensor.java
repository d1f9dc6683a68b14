package org.pimsyn.synth.network.onnx;

/**
 * What the importer knows of one ONNX tensor: its dimensions, and either the layer that computes it or, for a
 * constant, its element type and (for small integral tensors only) its values. Weight values are never kept.
 *
 * @param dims     ONNX dimensions, batch resolved; never changed after construction
 * @param layer    id of the producing layer, or -1 for a constant
 * @param ints     the values of a constant when they are known and integral (shape tensors), else null
 * @param elemType ONNX element type of a constant (TensorProto.DataType number); 0 for layer outputs
 * @param foldable the output of a CONV or FC layer reached only through single-consumer pass-throughs, so a
 *                 per-channel bias or scale applied to it can be folded into that layer
 * @param reals    the values of a small floating-point constant read from the file (a Resize's scales, which
 *                 need not be whole), else null; {@link #values()} falls back to {@code ints}
 */
record Tensor(int[] dims, int layer, long[] ints, int elemType, boolean foldable, double[] reals) {

    static Tensor constant(int[] dims, long[] ints, int elemType) {
        return new Tensor(dims, -1, ints, elemType, false, null);
    }

    static Tensor constant(int[] dims, long[] ints, double[] reals, int elemType) {
        return new Tensor(dims, -1, ints, elemType, false, reals);
    }

    static Tensor output(int[] dims, int layer, boolean foldable) {
        return new Tensor(dims, layer, null, 0, foldable, null);
    }

    /** The known values as numbers, whole or not; null when unknown. */
    double[] values() {
        if (reals != null || ints == null) {
            return reals;
        }
        double[] v = new double[ints.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = ints[i];
        }
        return v;
    }

    boolean isConstant() {
        return layer < 0;
    }

    int rank() {
        return dims.length;
    }

    /** The same producer (layer or constant) seen under other dimensions, as a reshape that moves no data. */
    Tensor withDims(int[] newDims, boolean stillFoldable) {
        return new Tensor(newDims, layer, ints, elemType, stillFoldable, reals);
    }
}
