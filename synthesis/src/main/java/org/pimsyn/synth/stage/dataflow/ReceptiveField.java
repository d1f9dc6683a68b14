package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Which of a provider's outputs a layer needs. Producers complete their output positions (H x W, all channels
 * at once) in raster order, so a requirement is one raster index: "positions 0..q of the provider". The mapping
 * answers it for a prefix: the outputs 0..q of the layer need the provider's positions 0..need(q).
 *
 * <p>Windows (convolution, pooling, pad) map an output row r to its last input row r x stride - pad_top +
 * (kernel - 1) x dilation, clamped to the input extent (and likewise for columns); an output whose window lies
 * entirely in the top or left padding needs nothing. Element-wise layers, concatenations, activations, LRN and
 * softmax map a position onto itself (broadcast dimensions of extent 1 onto 0). FC, flatten and reshape need
 * their whole input.
 */
final class ReceptiveField {
    /** No provider position is needed. */
    static final int NOTHING = -1;

    private ReceptiveField() {
    }

    /**
     * The last raster position of {@code provider}'s output that {@code layer}'s outputs 0..q need, or
     * {@link #NOTHING}.
     */
    static int need(Layer layer, Shape provider, int q) {
        if (q < 0) {
            return NOTHING;
        }
        int inH = provider.h();
        int inW = provider.w();
        Shape out = layer.outputShape();
        int outW = out.w();
        int r = q / outW;
        int c = q % outW;
        return switch (layer.op()) {
            case CONV, POOL, PAD -> {
                Window w = layer.window();
                int last = windowCorner(w, r, c, inH, inW);
                yield r > 0 ? Math.max(last, windowCorner(w, r - 1, outW - 1, inH, inW)) : last;
            }
            case FC, FLATTEN, RESHAPE -> inH * inW - 1;
            default -> {
                int last = Math.min(r, inH - 1) * inW + Math.min(c, inW - 1);
                yield r > 0 ? Math.max(last, Math.min(r - 1, inH - 1) * inW + Math.min(outW - 1, inW - 1)) : last;
            }
        };
    }

    /** Raster index of the bottom-right input element of output (r, c)'s window, or NOTHING. */
    private static int windowCorner(Window w, int r, int c, int inH, int inW) {
        int row = lastTap(r * w.strideH() - w.padding().top(), w.effectiveKernelH(), inH);
        int col = lastTap(c * w.strideW() - w.padding().left(), w.effectiveKernelW(), inW);
        return row < 0 || col < 0 ? NOTHING : row * inW + col;
    }

    private static int lastTap(int start, int effectiveKernel, int extent) {
        int last = start + effectiveKernel - 1;
        return last < 0 ? NOTHING : Math.min(last, extent - 1);
    }
}
