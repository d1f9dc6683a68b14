package org.pimsyn.synth.network.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;

/**
 * The vocabulary of the PIMSYN network JSON format (the PIMCOMP frontend format): operation names and the
 * numeric codes of pooling methods, element-wise operators and fused activations. The codes follow the
 * Tengine conventions that format inherited.
 */
final class JsonOps {
    static final String INPUT = "OP_INPUT";
    static final String CONV = "OP_CONV";
    static final String POOL = "OP_POOL";
    static final String FC = "OP_FC";
    static final String RELU = "OP_RELU";
    static final String RELU6 = "OP_RELU6";
    static final String SIGMOID = "OP_SIGMOID";
    static final String TANH = "OP_TANH";
    static final String CLIP = "OP_CLIP";
    static final String HARD_SIGMOID = "OP_HARDSIGMOID";
    static final String HARD_SWISH = "OP_HARDSWISH";
    /** Not in the PIMCOMP frontend, which has no erf; pimsyn's own name for the erf of GELU. */
    static final String ERF = "OP_ERF";
    static final String ELTWISE = "OP_ELTWISE";
    static final String CONCAT = "OP_CONCAT";
    static final String FLATTEN = "OP_FLATTEN";
    static final String RESHAPE = "OP_RESHAPE";
    static final String DROPOUT = "OP_DROPOUT";
    static final String LRN = "OP_LRN";
    static final String SOFTMAX = "OP_SOFTMAX";
    static final String LOG_SOFTMAX = "OP_LOGSOFTMAX";
    static final String PAD = "OP_PAD";
    /**
     * Not in the PIMCOMP frontend: pimsyn's own names for a channel range of a layer output (a Split or Slice
     * along channels), a resize of the feature map, and the overlap-add of a transposed convolution.
     */
    static final String SLICE = "OP_SLICE";
    static final String RESIZE = "OP_RESIZE";
    static final String COL2IM = "OP_COL2IM";

    /** OP_RESIZE's {@code param.mode}. */
    static final int RESIZE_NEAREST = 0;
    static final int RESIZE_LINEAR = 1;

    /** Every operation the reader accepts, in the order error messages list them. */
    static final List<String> SUPPORTED = List.of(INPUT, CONV, POOL, FC, RELU, RELU6, SIGMOID, TANH, CLIP,
            HARD_SIGMOID, HARD_SWISH, ERF, ELTWISE, CONCAT, FLATTEN, RESHAPE, DROPOUT, LRN, SOFTMAX, LOG_SOFTMAX, PAD,
            SLICE, RESIZE, COL2IM);

    static final int POOL_MAX = 0;
    static final int POOL_AVERAGE = 1;

    // Tengine's EltType: PROD, PROD_SCALAR, SUM, SUM_SCALAR, SUB, SUB_SCALAR, ..., DIV = 10.
    static final int ELT_PROD = 0;
    static final int ELT_PROD_SCALAR = 1;
    static final int ELT_SUM = 2;
    static final int ELT_SUM_SCALAR = 3;
    static final int ELT_SUB = 4;
    static final int ELT_SUB_SCALAR = 5;
    static final int ELT_DIV = 10;

    // The frontend fuses BN, ReLU, Tanh and Sigmoid in that order and records act_type = position - 1.
    static final int ACT_RELU = 0;
    static final int ACT_TANH = 1;
    static final int ACT_SIGMOID = 2;

    /** What the frontend writes for a CONV or FC without a fused clip. */
    static final int CLIP_MIN_NONE = -10_000_000;
    static final int CLIP_MAX_NONE = 10_000_000;

    /** The frontend's fixed data width field. */
    static final int BITWIDTH = 16;

    /**
     * Slope written for a leaky ReLU: the network model keeps the kind of activation, not its coefficient,
     * so the ONNX default slope stands in; any non-zero slope reads back as a leaky ReLU.
     */
    static final double LEAKY_RELU_DEFAULT_SLOPE = 0.01;

    private JsonOps() {
    }

    static LayerFunction eltwiseFunction(int code) {
        return switch (code) {
            case ELT_PROD, ELT_PROD_SCALAR -> LayerFunction.MUL;
            case ELT_SUM, ELT_SUM_SCALAR -> LayerFunction.ADD;
            case ELT_SUB, ELT_SUB_SCALAR -> LayerFunction.SUB;
            case ELT_DIV -> LayerFunction.DIV;
            default -> null;
        };
    }

    static int eltwiseCode(LayerFunction function) {
        return switch (function) {
            case MUL -> ELT_PROD;
            case ADD -> ELT_SUM;
            case SUB -> ELT_SUB;
            case DIV -> ELT_DIV;
            default -> throw new IllegalArgumentException("not an element-wise function: " + function);
        };
    }

    static String eltwiseCodes() {
        return ELT_PROD + " or " + ELT_PROD_SCALAR + " (product), " + ELT_SUM + " or " + ELT_SUM_SCALAR + " (sum), "
                + ELT_SUB + " or " + ELT_SUB_SCALAR + " (difference), " + ELT_DIV + " (quotient)";
    }

    /** The JSON operation name of a layer, as the original tool's network files spell it. */
    static String operationOf(Layer layer) {
        return switch (layer.op()) {
            case INPUT -> INPUT;
            case CONV -> CONV;
            case FC -> FC;
            case POOL -> POOL;
            case ELTWISE -> ELTWISE;
            case ACTIVATION -> activationOperation(layer.function());
            case CONCAT -> CONCAT;
            case FLATTEN -> FLATTEN;
            case RESHAPE -> RESHAPE;
            case LRN -> LRN;
            case SOFTMAX -> layer.function() == LayerFunction.LOG_SOFTMAX ? LOG_SOFTMAX : SOFTMAX;
            case PAD -> PAD;
            case SLICE -> SLICE;
            case RESIZE -> RESIZE;
            case COL2IM -> COL2IM;
        };
    }

    /** The operation an activation is written as; leaky ReLU is OP_RELU with a slope. */
    static String activationOperation(LayerFunction function) {
        return switch (function) {
            case RELU, LEAKY_RELU -> RELU;
            case SIGMOID -> SIGMOID;
            case TANH -> TANH;
            case CLIP -> CLIP;
            case HARD_SIGMOID -> HARD_SIGMOID;
            case HARD_SWISH -> HARD_SWISH;
            case ERF -> ERF;
            default -> throw new IllegalArgumentException("not an activation: " + function);
        };
    }

    /** The activation of a stand-alone activation operation; OP_RELU is resolved by its slope elsewhere. */
    static LayerFunction activationFunction(String operation) {
        return switch (operation) {
            case RELU -> LayerFunction.RELU;
            case RELU6, CLIP -> LayerFunction.CLIP;
            case SIGMOID -> LayerFunction.SIGMOID;
            case TANH -> LayerFunction.TANH;
            case HARD_SIGMOID -> LayerFunction.HARD_SIGMOID;
            case HARD_SWISH -> LayerFunction.HARD_SWISH;
            case ERF -> LayerFunction.ERF;
            default -> null;
        };
    }

    /** A layer's padding as the network files spell it: {@code pad_h0}, {@code pad_h1}, {@code pad_w0}, {@code pad_w1}. */
    static void putPads(ObjectNode param, Padding p) {
        param.put("pad_h0", p.top());
        param.put("pad_h1", p.bottom());
        param.put("pad_w0", p.left());
        param.put("pad_w1", p.right());
    }

    /** A shape's dimensions as written: N, C for a vector, N, C, H, W otherwise. */
    static int[] dims(Shape shape, boolean vector) {
        return vector ? new int[] {shape.n(), shape.c()} : new int[] {shape.n(), shape.c(), shape.h(), shape.w()};
    }

    static void putDims(ObjectNode node, String field, int[] dims) {
        ArrayNode array = node.putArray(field);
        for (int d : dims) {
            array.add(d);
        }
    }
}
