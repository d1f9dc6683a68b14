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
 */
record Tensor(int[] dims, int layer, long[] ints, int elemType, boolean foldable) {

    static Tensor constant(int[] dims, long[] ints, int elemType) {
        return new Tensor(dims, -1, ints, elemType, false);
    }

    static Tensor output(int[] dims, int layer, boolean foldable) {
        return new Tensor(dims, layer, null, 0, foldable);
    }

    boolean isConstant() {
        return layer < 0;
    }

    int rank() {
        return dims.length;
    }

    /** The same producer (layer or constant) seen under other dimensions, as a reshape that moves no data. */
    Tensor withDims(int[] newDims, boolean stillFoldable) {
        return new Tensor(newDims, layer, ints, elemType, stillFoldable);
    }
}
