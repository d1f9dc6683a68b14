package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Which of a provider's outputs a layer needs, one spatial dimension at a time. A requirement is a corner (R, C):
 * the rectangle of positions [0..R] x [0..C] (all channels). The positions 0..q of a layer in raster order are the
 * union of two such rectangles, (r - 1, W - 1) and (r, c) for q = (r, c); each maps onto one rectangle of the
 * provider, and only where a producer completes positions in raster order does a corner become the raster index
 * R x W + C. Mapping corners rather than raster prefixes keeps the need exact through chains of windows.
 *
 * <p>Windows (convolution, pooling, pad) map the last output row R to the last input row the windows of rows
 * 0..R read: that of the last window reaching the input, r x stride - pad_top + (kernel - 1) x dilation, clamped
 * to the input extent; rows whose windows lie entirely in the top padding need nothing. Columns likewise.
 * Element-wise layers, concatenations, channel slices, activations, LRN and softmax map a position onto itself (a
 * broadcast dimension of extent 1 onto 0). FC, flatten and reshape need their whole input. A transposed
 * convolution's overlap-add (COL2IM) and a resize need the input rows their output rows are computed from.
 */
final class ReceptiveField {
    /** No provider position is needed. */
    static final int NOTHING = -1;

    private ReceptiveField() {
    }

    /** Last provider row the layer's output rows 0..row read, or {@link #NOTHING}. */
    static int lastRow(Layer layer, Shape provider, int row) {
        Window w = layer.window();
        return last(layer, row, provider.h(), layer.outputShape().h(), w.strideH(), w.padding().top(),
                w.effectiveKernelH());
    }

    /** Last provider column the layer's output columns 0..col read, or {@link #NOTHING}. */
    static int lastCol(Layer layer, Shape provider, int col) {
        Window w = layer.window();
        return last(layer, col, provider.w(), layer.outputShape().w(), w.strideW(), w.padding().left(),
                w.effectiveKernelW());
    }

    private static int last(Layer layer, int index, int extent, int outExtent, int stride, int padBefore,
                            int effectiveKernel) {
        if (index < 0) {
            return NOTHING;
        }
        return switch (layer.op()) {
            case CONV, POOL, PAD -> {
                // Windows starting beyond the input (in the trailing padding) read nothing: the last one that
                // reaches it decides.
                int reaching = Math.min(index, (extent - 1 + padBefore) / stride);
                int lastTap = reaching * stride - padBefore + effectiveKernel - 1;
                yield lastTap < 0 ? NOTHING : Math.min(lastTap, extent - 1);
            }
            case FC, FLATTEN, RESHAPE -> extent - 1;
            // A transposed convolution's input row i adds onto output rows from i x stride - pad_before on, so
            // output rows 0..index need input rows up to (index + pad_before) / stride.
            case COL2IM -> Math.min((index + padBefore) / stride, extent - 1);
            // Output row r of a resize reads near r x in / out: under every coordinate rule of ONNX's Resize the
            // row nearest interpolation picks, and the later of linear interpolation's two, is no later than
            // ceil((r + 1) x in / out) (ReceptiveFieldTest checks each rule).
            case RESIZE -> (int) Math.min(extent - 1, ceilDiv((index + 1L) * extent, outExtent));
            default -> Math.min(index, extent - 1);
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
