package org.pimsyn.synth.network.onnx;

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
            long[] pads = a.ints("pads");
            if (pads == null) {
                padding = Padding.NONE;
            } else {
                if (pads.length != 4) {
                    throw new OnnxNodeException("attribute 'pads' has " + pads.length
                            + " values; a 2-D window needs 4 (top, left, bottom, right)");
                }
                for (long p : pads) {
                    if (p < 0 || p > Integer.MAX_VALUE) {
                        throw new OnnxNodeException("attribute 'pads' has " + p + "; pads must not be negative");
                    }
                }
                padding = new Padding((int) pads[0], (int) pads[1], (int) pads[2], (int) pads[3]);
            }
        }
        return new Window(kernelH, kernelW, (int) strides[0], (int) strides[1], padding, (int) dilations[0],
                (int) dilations[1]);
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
