package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/** ALU elements of one image per ALU kind, straight from the network's layers (not from any block split). */
final class AluClosedForm {
    private AluClosedForm() {
    }

    /**
     * Pooling: outputs x window taps; ReLU-like activations; sigmoid, tanh, erf and softmax on the sigmoid units;
     * element-wise: outputs x (inputs - 1, at least 1); LRN on the element-wise units; linear resize: outputs x 2
     * neighbours per resized axis, on the element-wise units; a transposed convolution's overlap-add (undilated):
     * outputs x ceil(kH / strideH) x ceil(kW / strideW), on the element-wise units. Indexed by AluKind code.
     */
    static long[] elements(Network network) {
        long[] alu = new long[AluKind.COUNT];
        for (Layer layer : network.layers()) {
            long elements = layer.outputShape().elementsPerImage();
            switch (layer.op()) {
                case POOL -> alu[AluKind.POOL.code()] += elements * layer.window().kernelH() * layer.window().kernelW();
                case ACTIVATION -> alu[(layer.function() == LayerFunction.SIGMOID
                        || layer.function() == LayerFunction.TANH || layer.function() == LayerFunction.ERF
                        ? AluKind.SIGMOID : AluKind.RELU).code()] += elements;
                case SOFTMAX -> alu[AluKind.SIGMOID.code()] += elements;
                case ELTWISE -> alu[AluKind.ELTWISE.code()] += elements * Math.max(1, layer.providers().size() - 1);
                case LRN -> alu[AluKind.ELTWISE.code()] += elements;
                case RESIZE -> {
                    if (layer.function() == LayerFunction.LINEAR) {
                        Shape in = layer.inputShape();
                        Shape out = layer.outputShape();
                        alu[AluKind.ELTWISE.code()] += elements * (in.h() == out.h() ? 1 : 2) * (in.w() == out.w() ? 1 : 2);
                    }
                }
                case COL2IM -> {
                    Window w = layer.window();
                    alu[AluKind.ELTWISE.code()] += elements * ((w.kernelH() + w.strideH() - 1) / w.strideH())
                            * ((w.kernelW() + w.strideW() - 1) / w.strideW());
                }
                default -> {
                }
            }
        }
        return alu;
    }
}
