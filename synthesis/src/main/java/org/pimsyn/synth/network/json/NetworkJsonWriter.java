package org.pimsyn.synth.network.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Writes a network in the PIMSYN network JSON format so that the original PIMSYN tool can take it: one node per
 * layer in network order, activations as separate nodes, vector outputs (FC, flatten and what follows them) as
 * [N, C], and every field the frontend writes: names and indices of providers and consumers, their counts, input
 * and output dimensions, and the fused-operation fields of CONV and FC nodes (set to "nothing fused"). PIMCOMP-NN's
 * backend reads another layout of the same nodes ({@link PimcompNetworkJson}).
 */
public final class NetworkJsonWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    // Laid out as Python's json.dump(indent=4) lays out the files of the original tool chain.
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("    ", "\n"))
            .withArrayIndenter(new DefaultIndenter("    ", "\n")));

    private NetworkJsonWriter() {
    }

    /** The writer of the tool chain's layout: four spaces, as Python's json.dump(indent=4). */
    static ObjectWriter pretty() {
        return PRETTY;
    }

    /** Writes {@code network} to {@code file} atomically. */
    public static void write(Network network, Path file) {
        AtomicFiles.writeString(file, toJson(network));
    }

    public static String toJson(Network network) {
        List<Layer> layers = network.layers();
        boolean[] vector = vectorOutputs(network);
        ArrayNode root = MAPPER.createArrayNode();
        for (Layer layer : layers) {
            root.add(node(network, layer, vector));
        }
        try {
            return PRETTY.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Per layer id, whether its output is written as [N, C] (see {@link #writesVector}). */
    public static boolean[] vectorOutputs(Network network) {
        boolean[] vector = new boolean[network.layers().size()];
        for (Layer layer : network.layers()) {
            vector[layer.id()] = writesVector(layer, vector);
        }
        return vector;
    }

    /**
     * Whether the output is written as [N, C]: FC and flatten outputs are, and so are reshapes to a vector and
     * the element-wise layers that only see such vectors. Convolution and pooling outputs of 1x1 stay 4-D.
     */
    private static boolean writesVector(Layer layer, boolean[] vector) {
        Shape out = layer.outputShape();
        boolean flat = out.h() == 1 && out.w() == 1;
        return switch (layer.op()) {
            case FC, FLATTEN -> true;
            case RESHAPE -> flat;
            case ACTIVATION, ELTWISE, CONCAT, SLICE, LRN, SOFTMAX ->
                    flat && layer.providers().stream().allMatch(p -> vector[p]);
            default -> false;
        };
    }

    private static ObjectNode node(Network network, Layer layer, boolean[] vector) {
        ObjectNode node = MAPPER.createObjectNode();
        boolean weights = layer.hasWeights();
        if (weights) {
            node.put("act_type", -1);
        }
        node.put("bitwidth", JsonOps.BITWIDTH);
        if (weights) {
            node.put("clip_max", JsonOps.CLIP_MAX_NONE);
            node.put("clip_min", JsonOps.CLIP_MIN_NONE);
        }
        ArrayNode consumers = node.putArray("consumer");
        layer.consumers().forEach(c -> consumers.add(network.layer(c).name()));
        node.put("consumer_num", layer.consumers().size());
        node.put("index", layer.id());
        node.put("name", layer.name());
        node.put("operation", JsonOps.operationOf(layer));
        int[] outDims = JsonOps.dims(layer.outputShape(), vector[layer.id()]);
        JsonOps.putDims(node, "output_dim", outDims);
        node.put("output_dim_num", outDims.length);
        ObjectNode param = param(layer);
        if (param != null) {
            node.set("param", param);
        }
        if (layer.op() != LayerOp.INPUT) {
            ArrayNode providers = node.putArray("provider");
            layer.providers().forEach(p -> providers.add(network.layer(p).name()));
        }
        node.put("provider_num", layer.providers().size());
        if (weights) {
            node.put("with_act", 0);
            node.put("with_bn", 0);
            node.put("with_clip", 0);
        }
        if (!layer.providers().isEmpty()) {
            int first = layer.providers().get(0);
            int[] inDims = JsonOps.dims(network.layer(first).outputShape(), vector[first]);
            node.put("input_dim_num", inDims.length);
            JsonOps.putDims(node, "input_dim", inDims);
        }
        node.put("new_node_index", layer.id());
        ArrayNode consumerIndex = node.putArray("consumer_index");
        layer.consumers().forEach(consumerIndex::add);
        ArrayNode providerIndex = node.putArray("provider_index");
        layer.providers().forEach(providerIndex::add);
        return node;
    }


    /** Parameters in the key order of the frontend (alphabetical); null for nodes without any. */
    private static ObjectNode param(Layer layer) {
        ObjectNode param = MAPPER.createObjectNode();
        Window w = layer.window();
        switch (layer.op()) {
            case CONV, COL2IM -> {
                param.put("dilation_h", w.dilationH());
                param.put("dilation_w", w.dilationW());
                if (layer.op() == LayerOp.CONV) {
                    param.put("group", layer.groups());
                }
                param.put("input_channel", layer.inChannels());
                param.put("kernel_h", w.kernelH());
                param.put("kernel_w", w.kernelW());
                param.put("output_channel", layer.outChannels());
                JsonOps.putPads(param, w.padding());
                param.put("stride_h", w.strideH());
                param.put("stride_w", w.strideW());
            }
            case POOL -> {
                if (layer.ceilMode()) {
                    param.put("ceil_mode", 1);
                }
                param.put("global", isGlobal(layer) ? 1 : 0);
                param.put("kernel_h", w.kernelH());
                param.put("kernel_w", w.kernelW());
                JsonOps.putPads(param, w.padding());
                param.put("pool_method", layer.function() == LayerFunction.MAX ? JsonOps.POOL_MAX : JsonOps.POOL_AVERAGE);
                param.put("stride_h", w.strideH());
                param.put("stride_w", w.strideW());
            }
            case FC -> {
                param.put("input_channel", layer.inChannels());
                param.put("output_channel", layer.outChannels());
            }
            case ACTIVATION -> {
                if (layer.function() == LayerFunction.RELU) {
                    param.put("negative_slope", 0.0);
                } else if (layer.function() == LayerFunction.LEAKY_RELU) {
                    param.put("negative_slope", JsonOps.LEAKY_RELU_DEFAULT_SLOPE);
                } else {
                    return null;
                }
            }
            case ELTWISE -> param.put("eletype", JsonOps.eltwiseCode(layer.function()));
            case CONCAT -> param.put("axis", 1);
            case SLICE -> {
                param.put("axis", 1);
                param.put("begin", layer.channelOffset());
                param.put("end", layer.channelOffset() + layer.outChannels());
            }
            case RESIZE -> param.put("mode", layer.function() == LayerFunction.LINEAR ? JsonOps.RESIZE_LINEAR
                    : JsonOps.RESIZE_NEAREST);
            case FLATTEN -> {
                param.put("axis", 1);
                param.put("end_axis", 3);
            }
            case PAD -> {
                param.put("pad_0_h", 0);
                param.put("pad_0_w", 0);
                param.put("pad_1_h", 0);
                param.put("pad_1_w", 0);
                param.put("pad_2_h", w.padding().top());
                param.put("pad_2_w", w.padding().bottom());
                param.put("pad_3_h", w.padding().left());
                param.put("pad_3_w", w.padding().right());
                param.put("value", 0);
            }
            default -> {
                return null;
            }
        }
        return param;
    }

    /** A pooling window over the whole unpadded input, as {@code globalPool} builds it. */
    private static boolean isGlobal(Layer layer) {
        Window w = layer.window();
        Shape in = layer.inputShape();
        return w.padding().isNone() && !layer.ceilMode() && w.dilationH() == 1 && w.dilationW() == 1
                && w.kernelH() == in.h() && w.kernelW() == in.w() && w.strideH() == in.h() && w.strideW() == in.w();
    }
}
