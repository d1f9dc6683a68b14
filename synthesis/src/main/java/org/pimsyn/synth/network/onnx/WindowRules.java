package org.pimsyn.synth.network.onnx;

import java.util.Arrays;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Window;

/** The sliding window of a Conv or pooling node: strides, dilations, and pads explicit or from auto_pad. */
final class WindowRules {
    static final String NOTSET = "NOTSET";
    static final String SAME_UPPER = "SAME_UPPER";
    static final String SAME_LOWER = "SAME_LOWER";
    static final String VALID = "VALID";

    private WindowRules() {
    }

    /** The auto_pad attribute; an empty string means NOTSET. */
    static String autoPad(NodeAttributes a) {
        String mode = a.string("auto_pad", NOTSET);
        if (mode.isEmpty()) {
            return NOTSET;
        }
        return switch (mode) {
            case NOTSET, SAME_UPPER, SAME_LOWER, VALID -> mode;
            default -> throw new OnnxNodeException("attribute 'auto_pad' is '" + mode
                    + "'; allowed: NOTSET, SAME_UPPER, SAME_LOWER, VALID");
        };
    }

    static boolean isSame(String autoPad) {
        return autoPad.equals(SAME_UPPER) || autoPad.equals(SAME_LOWER);
    }

    /**
     * The window over an input of {@code inH x inW}. SAME_* pads so that the output is ceil(in / stride), the
     * odd pixel at the end (UPPER) or at the start (LOWER); VALID does not pad.
     */
    static Window window(NodeAttributes a, int inH, int inW, int kernelH, int kernelW) {
        long[] strides = pair(a, "strides");
        long[] dilations = pair(a, "dilations");
        String autoPad = autoPad(a);
        Padding padding;
        if (isSame(autoPad)) {
            int[] h = samePads(inH, kernelH, strides[0], dilations[0], autoPad.equals(SAME_UPPER));
            int[] w = samePads(inW, kernelW, strides[1], dilations[1], autoPad.equals(SAME_UPPER));
            padding = new Padding(h[0], w[0], h[1], w[1]);
        } else if (autoPad.equals(VALID)) {
            padding = Padding.NONE;
        } else {
            padding = explicitPads(a);
        }
        return new Window(kernelH, kernelW, (int) strides[0], (int) strides[1], padding, (int) dilations[0],
                (int) dilations[1]);
    }

    /** The pads attribute (top, left, bottom, right); none when absent. */
    private static Padding explicitPads(NodeAttributes a) {
        long[] pads = a.ints("pads");
        if (pads == null) {
            return Padding.NONE;
        }
        if (pads.length != 4) {
            throw new OnnxNodeException("attribute 'pads' has " + pads.length
                    + " values; a 2-D window needs 4 (top, left, bottom, right)");
        }
        for (long p : pads) {
            if (p < 0 || p > Integer.MAX_VALUE) {
                throw new OnnxNodeException("attribute 'pads' has " + p + "; pads must not be negative");
            }
        }
        return new Padding((int) pads[0], (int) pads[1], (int) pads[2], (int) pads[3]);
    }

    /** A transposed convolution's window (kernel, stride, dilation, the pads cut off its full output) and output. */
    record Transposed(Window window, int outH, int outW) {
    }

    /**
     * ConvTranspose's output, as the ONNX operator spec gives it: each axis is stride x (in - 1) + output_padding
     * + (kernel - 1) x dilation + 1 - pad_begin - pad_end. With output_shape, or auto_pad SAME_UPPER / SAME_LOWER
     * (an output of in x stride), the output is given and the total padding is what the formula leaves over,
     * split in two with the odd one at the end (SAME_UPPER) or at the start (otherwise); VALID pads nothing. The
     * overlap-add takes fewer extra rows at the end than the stride or dilation (output_padding), no more.
     */
    static Transposed transposed(NodeAttributes a, int inH, int inW, int kernelH, int kernelW) {
        long[] strides = pair(a, "strides");
        long[] dilations = pair(a, "dilations");
        long[] outputPadding = a.ints("output_padding");
        if (outputPadding == null) {
            outputPadding = new long[] {0, 0};
        } else if (outputPadding.length != 2 || outputPadding[0] < 0 || outputPadding[1] < 0) {
            throw new OnnxNodeException("attribute 'output_padding' is " + Arrays.toString(outputPadding)
                    + "; a 2-D transposed convolution needs 2 values, none negative");
        }
        long[] outputShape = a.ints("output_shape");
        if (outputShape != null && outputShape.length != 2 && outputShape.length != 4) {
            throw new OnnxNodeException("attribute 'output_shape' is " + Arrays.toString(outputShape)
                    + "; it needs the 2 spatial extents (or all 4 dimensions)");
        }
        String autoPad = autoPad(a);
        int[] in = {inH, inW};
        int[] kernel = {kernelH, kernelW};
        Padding explicit = outputShape != null || !autoPad.equals(NOTSET) ? Padding.NONE : explicitPads(a);
        long[] before = {explicit.top(), explicit.left()};
        long[] after = {explicit.bottom(), explicit.right()};
        long[] out = new long[2];
        for (int i = 0; i < 2; i++) {
            long full = strides[i] * (in[i] - 1) + outputPadding[i] + dilations[i] * (kernel[i] - 1) + 1;
            if (outputShape != null || isSame(autoPad)) {
                long target = outputShape != null ? outputShape[outputShape.length - 2 + i] : in[i] * strides[i];
                if (target <= 0) {
                    throw new OnnxNodeException("attribute 'output_shape' is " + Arrays.toString(outputShape)
                            + "; extents must be positive");
                }
                // A target beyond the kernel's reach (negative padding) has extra rows at the end, as
                // output_padding adds them.
                long total = Math.max(0, full - target);
                before[i] = autoPad.equals(SAME_UPPER) ? total / 2 : total - total / 2;
                after[i] = total - before[i];
                out[i] = target;
            } else {
                out[i] = full - before[i] - after[i];
            }
        }
        Window window = new Window(kernelH, kernelW, (int) strides[0], (int) strides[1],
                new Padding((int) before[0], (int) before[1], (int) after[0], (int) after[1]), (int) dilations[0],
                (int) dilations[1]);
        return new Transposed(window, Dims.toDim(out[0], "the output"), Dims.toDim(out[1], "the output"));
    }

    /** Begin and end padding of one axis under SAME_UPPER or SAME_LOWER. */
    static int[] samePads(int in, int kernel, long stride, long dilation, boolean upper) {
        long effectiveKernel = dilation * (kernel - 1) + 1;
        long out = (in + stride - 1) / stride;
        long total = Math.max(0, (out - 1) * stride + effectiveKernel - in);
        int small = Math.toIntExact(total / 2);
        int large = Math.toIntExact(total - total / 2);
        return upper ? new int[] {small, large} : new int[] {large, small};
    }

    /** kernel_shape, or null when absent; two positive values otherwise. */
    static long[] kernelShape(NodeAttributes a) {
        return a.has("kernel_shape") ? pair(a, "kernel_shape") : null;
    }

    private static long[] pair(NodeAttributes a, String name) {
        long[] v = a.ints(name);
        if (v == null) {
            return new long[] {1, 1};
        }
        if (v.length != 2) {
            throw new OnnxNodeException("attribute '" + name + "' has " + v.length
                    + " values; only 2-D windows (2 values) are supported");
        }
        for (long x : v) {
            if (x <= 0 || x > Integer.MAX_VALUE) {
                throw new OnnxNodeException("attribute '" + name + "' has " + x + "; it must be positive");
            }
        }
        return v;
    }
}
