package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;

/** ALU elements of one image per ALU kind, straight from the network's layers (not from any block split). */
final class AluClosedForm {
    private AluClosedForm() {
    }

    /**
     * Pooling: outputs x window taps; ReLU-like activations; sigmoid, tanh and softmax on the sigmoid units;
     * element-wise: outputs x (inputs - 1, at least 1); LRN on the element-wise units. Indexed by AluKind code.
     */
    static long[] elements(Network network) {
        long[] alu = new long[AluKind.COUNT];
        for (Layer layer : network.layers()) {
            long elements = layer.outputShape().elementsPerImage();
            switch (layer.op()) {
                case POOL -> alu[AluKind.POOL.code()] += elements * layer.window().kernelH() * layer.window().kernelW();
                case ACTIVATION -> alu[(layer.function() == LayerFunction.SIGMOID
                        || layer.function() == LayerFunction.TANH ? AluKind.SIGMOID : AluKind.RELU).code()] += elements;
                case SOFTMAX -> alu[AluKind.SIGMOID.code()] += elements;
                case ELTWISE -> alu[AluKind.ELTWISE.code()] += elements * Math.max(1, layer.providers().size() - 1);
                case LRN -> alu[AluKind.ELTWISE.code()] += elements;
                default -> {
                }
            }
        }
        return alu;
    }
}
