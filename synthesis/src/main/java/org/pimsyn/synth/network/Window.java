package org.pimsyn.synth.network;

import java.util.Objects;

/**
 * The sliding window of a convolution or pooling layer: kernel, stride, padding and dilation.
 * Layers without a window (FC, activations, element-wise) carry {@link #POINTWISE}.
 */
public record Window(int kernelH, int kernelW, int strideH, int strideW, Padding padding, int dilationH, int dilationW) {
    public static final Window POINTWISE = new Window(1, 1, 1, 1, Padding.NONE, 1, 1);

    public Window {
        if (kernelH <= 0 || kernelW <= 0) {
            throw new IllegalArgumentException("kernel must be positive, got " + kernelH + "x" + kernelW);
        }
        if (strideH <= 0 || strideW <= 0) {
            throw new IllegalArgumentException("stride must be positive, got " + strideH + "x" + strideW);
        }
        if (dilationH <= 0 || dilationW <= 0) {
            throw new IllegalArgumentException("dilation must be positive, got " + dilationH + "x" + dilationW);
        }
        Objects.requireNonNull(padding, "padding");
    }

    public static Window square(int kernel, int stride, int pad) {
        return new Window(kernel, kernel, stride, stride, Padding.of(pad), 1, 1);
    }

    /** Kernel extent on the input once dilated: dilation x (kernel - 1) + 1. */
    public int effectiveKernelH() {
        return dilationH * (kernelH - 1) + 1;
    }

    public int effectiveKernelW() {
        return dilationW * (kernelW - 1) + 1;
    }

    /** Output rows for {@code inputH} input rows; ceil mode rounds the last partial window up (pooling). */
    public int outputH(int inputH, boolean ceilMode) {
        return outputExtent(inputH + padding.top() + padding.bottom(), effectiveKernelH(), strideH, inputH + padding.top(), ceilMode);
    }

    public int outputW(int inputW, boolean ceilMode) {
        return outputExtent(inputW + padding.left() + padding.right(), effectiveKernelW(), strideW, inputW + padding.left(), ceilMode);
    }

    private static int outputExtent(int padded, int kernel, int stride, int lastStartLimit, boolean ceilMode) {
        int span = padded - kernel;
        if (span < 0) {
            return 0;
        }
        int out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        // Ceil mode must not start a window inside the trailing padding (PyTorch and ONNX rule).
        if (ceilMode && (long) (out - 1) * stride >= lastStartLimit) {
            out--;
        }
        return out;
    }

    public boolean isPointwise() {
        return equals(POINTWISE);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(kernelH).append('x').append(kernelW).append(" s").append(strideH);
        if (strideW != strideH) {
            s.append('x').append(strideW);
        }
        if (!padding.isNone()) {
            s.append(" p").append(padding);
        }
        if (dilationH != 1 || dilationW != 1) {
            s.append(" d").append(dilationH).append('x').append(dilationW);
        }
        return s.toString();
    }
}
