package org.pimsyn.synth.network.onnx;

import java.util.Set;
import java.util.TreeSet;

/** The ONNX operators the importer understands (default domain only). */
final class OnnxOps {
    /** Operators that become layers or pass-throughs. */
    static final Set<String> LAYER_OPS = Set.of(
            "Conv", "MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "Gemm", "MatMul",
            "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Clip", "HardSigmoid", "HardSwish", "BatchNormalization",
            "Add", "Sum", "Mul", "Sub", "Div", "Concat", "Flatten", "Reshape", "Dropout", "Identity", "LRN",
            "Softmax", "LogSoftmax", "Pad", "ReduceMean", "ReduceSum", "ReduceMax", "ReduceMin", "Transpose", "Erf",
            "LayerNormalization", "Split", "Resize", "Upsample", "ConvTranspose");

    /** Operators of shape computations, folded to constants. */
    static final Set<String> SHAPE_OPS = Set.of(
            "Constant", "ConstantOfShape", "Shape", "Gather", "Cast", "Slice", "Unsqueeze", "Squeeze");

    private static final String LIST;

    static {
        TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        all.addAll(LAYER_OPS);
        all.addAll(SHAPE_OPS);
        LIST = String.join(", ", all);
    }

    private OnnxOps() {
    }

    static boolean isDefaultDomain(String domain) {
        return domain.isEmpty() || domain.equals("ai.onnx");
    }

    static boolean isSupported(String domain, String opType) {
        return isDefaultDomain(domain) && (LAYER_OPS.contains(opType) || SHAPE_OPS.contains(opType));
    }

    /** The sorted, comma-separated list for error messages. */
    static String supportedList() {
        return LIST;
    }
}
