package org.pimsyn.synth.network.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * A network in the layout PIMCOMP-NN's backend reads ({@code models/JSON/NAME.json}; PIMCOMP-NN commit
 * 2ed10c8): an object {@code {"node_list": [...], "reshape_info": {...}}}, as its own frontend
 * ({@code frontend/frontend.py}) writes it, not the bare list of the original PIMSYN tool, which its
 * {@code GetStructNodeListFromJson} (backend/Preparation.cpp) cannot index.
 *
 * <p>What the backend reads of every node ({@code GetStructNodeListFromJson}): {@code bitwidth},
 * {@code consumer_num}, {@code new_node_index}, {@code input_dim_num}, {@code name}, {@code operation},
 * {@code output_dim_num}, {@code provider_num}, {@code provider_index}, {@code consumer_index}, {@code input_dim},
 * {@code output_dim}; of OP_FC {@code param.num_input}, {@code param.num_output}, {@code param.with_bias} and the
 * fused fields {@code with_bn}, {@code with_act}, {@code act_type}, {@code with_clip}, {@code clip_min},
 * {@code clip_max}; of OP_CONV and OP_POOL the window ({@code kernel_h/w}, {@code stride_h/w},
 * {@code pad_h0/h1/w0/w1}); of OP_CONV also {@code dilation_h/w}, {@code input_channel}, {@code output_channel},
 * {@code group}, {@code with_bias} and the fused fields; of OP_POOL {@code pool_method}; of OP_FLATTEN
 * {@code axis}, {@code end_axis}; of OP_ELTWISE {@code eletype}. Names of providers and consumers and
 * {@code index} are written too, as the frontend writes them.
 *
 * <p>The conversion does what PIMCOMP's frontend does to an ONNX graph, so that the backend sees the network its
 * own frontend would give it:
 * <ul>
 * <li>An activation (ReLU, tanh, sigmoid) whose only provider is a CONV or FC node that has no other consumer is
 * merged into that node ({@code with_act} 1, {@code act_type} 0 ReLU, 1 tanh, 2 sigmoid), as
 * {@code fuse_operators} does. The backend's {@code GetTopologyInformation} loops without end on such an
 * activation left as a node of its own (backend/Preparation.cpp line 520 increments {@code j} for {@code k}); one
 * that cannot be merged (its CONV or FC has further consumers) is written as a node and listed in
 * {@link #unmergedActivations()}: that network needs PIMCOMP with the fix.</li>
 * <li>A PAD layer whose only consumer is a CONV or POOL layer is added to that layer's padding
 * ({@code merge_padding}).</li>
 * <li>Pooling in ceil mode: PIMCOMP computes every window with floor ({@code GetConvPoolInputOutputInfo}), so the
 * bottom and right padding grow by what ceil mode adds, as PIMCOMP's own {@code alexnet.json} pads its
 * {@code pool5_1}.</li>
 * <li>FC nodes carry {@code param.num_input} (C x H x W of the input) and {@code param.num_output}.</li>
 * <li>{@code reshape_info}: the last flatten or reshape of a 4-D tensor that feeds an FC node ({@code name} of the
 * FC node, {@code input_dim}, {@code output_dim}), as {@code manual_fix} records it; {@code {}} when none does.</li>
 * </ul>
 * pimsyn's dataflow adds no biases, so {@code with_bias} is 0. What the backend cannot compile is refused with one
 * line naming the layer: dilated windows, element-wise products and quotients, element-wise operations with a
 * constant operand, channel slices, resizes and transposed convolutions' overlap-adds (PIMCOMP's frontend makes
 * no such node), activations other than ReLU, tanh, sigmoid and clip, PAD layers that do not feed exactly one
 * CONV or POOL, a first layer after the input that is no CONV, more than one input.
 */
public final class PimcompNetworkJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** One weight layer as PIMCOMP sees it. */
    public record WeightNode(int layerId, String name, int nodeIndex, String operation, int height, int width,
            int groups) {
    }

    private final ObjectNode root;
    private final List<WeightNode> weightNodes;
    private final List<String> mergedActivations;
    private final List<String> unmergedActivations;
    private final List<String> notes;

    private PimcompNetworkJson(ObjectNode root, List<WeightNode> weightNodes, List<String> mergedActivations,
            List<String> unmergedActivations, List<String> notes) {
        this.root = root;
        this.weightNodes = List.copyOf(weightNodes);
        this.mergedActivations = List.copyOf(mergedActivations);
        this.unmergedActivations = List.copyOf(unmergedActivations);
        this.notes = List.copyOf(notes);
    }

    /**
     * Converts {@code network}; {@code weightBits} is the {@code bitwidth} of CONV and FC nodes,
     * {@code activationBits} that of the others.
     *
     * @throws InputException naming the layer, where the backend cannot compile the network
     */
    public static PimcompNetworkJson of(Network network, int weightBits, int activationBits) {
        List<Layer> layers = network.layers();
        int n = layers.size();
        if (network.inputs().size() != 1) {
            throw new InputException("network '" + network.name() + "' has " + network.inputs().size()
                    + " inputs; PIMCOMP-NN's backend starts its schedule at node 0, the one input");
        }
        Layer input = network.inputs().get(0);
        if (input.id() != 0) {
            throw new InputException("network '" + network.name() + "': the input '" + input.name()
                    + "' is not its first layer; PIMCOMP-NN's backend starts its schedule at node 0");
        }
        // owner[id]: the CONV or FC an activation merges into, or the CONV or POOL a PAD merges into; -1 otherwise.
        int[] owner = new int[n];
        Arrays.fill(owner, -1);
        List<String> merged = new ArrayList<>();
        List<String> unmerged = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Layer layer : layers) {
            check(layer, layers);
            if (layer.op() == LayerOp.ACTIVATION && actType(layer.function()) >= 0) {
                Layer provider = layers.get(layer.providers().get(0));
                if (provider.hasWeights() && provider.consumers().size() == 1) {
                    owner[layer.id()] = provider.id();
                    merged.add(layer.name());
                } else if (provider.hasWeights()) {
                    unmerged.add(layer.name());
                }
            } else if (layer.op() == LayerOp.PAD) {
                owner[layer.id()] = layer.consumers().get(0);
                notes.add("PAD layer '" + layer.name() + "' is added to the padding of '"
                        + layers.get(layer.consumers().get(0)).name() + "'");
            }
        }
        // The nodes kept, in network order.
        int[] index = new int[n];
        Arrays.fill(index, -1);
        List<Layer> kept = new ArrayList<>();
        for (Layer layer : layers) {
            if (owner[layer.id()] < 0) {
                index[layer.id()] = kept.size();
                kept.add(layer);
            }
        }
        // Providers through merged layers: an activation stands for its CONV or FC, a PAD for its own provider.
        List<List<Integer>> providers = new ArrayList<>();
        for (Layer layer : kept) {
            List<Integer> p = new ArrayList<>();
            for (int id : layer.providers()) {
                p.add(resolveProvider(id, layers, owner));
            }
            providers.add(p);
        }
        for (int k = 0; k < kept.size(); k++) {
            if (providers.get(k).contains(input.id()) && kept.get(k).op() != LayerOp.CONV) {
                throw new InputException(where(kept.get(k)) + ": reads the network's input; PIMCOMP-NN needs a "
                        + "CONV node next to the input (its README, \"To compile new model\")");
            }
        }
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            consumers.add(new ArrayList<>());
        }
        for (int k = 0; k < kept.size(); k++) {
            for (int p : providers.get(k)) {
                consumers.get(index[p]).add(kept.get(k).id());
            }
        }
        boolean[] vector = NetworkJsonWriter.vectorOutputs(network);
        ArrayNode list = MAPPER.createArrayNode();
        List<WeightNode> weightNodes = new ArrayList<>();
        ObjectNode reshapeInfo = MAPPER.createObjectNode();
        for (int k = 0; k < kept.size(); k++) {
            Layer layer = kept.get(k);
            Layer act = mergedActivation(layer, layers, owner);
            Layer pad = layer.providers().size() == 1 && layers.get(layer.providers().get(0)).op() == LayerOp.PAD
                    ? layers.get(layer.providers().get(0)) : null;
            List<Integer> prov = providers.get(k);
            List<Integer> cons = consumers.get(k);
            // A merged activation's output is the node's output: the same shape, the same vector form.
            int outId = act != null ? act.id() : layer.id();
            int[] outDims = JsonOps.dims(layers.get(outId).outputShape(), vector[outId]);
            ObjectNode node = MAPPER.createObjectNode();
            boolean weights = layer.hasWeights();
            if (weights) {
                node.put("act_type", act == null ? -1 : actType(act.function()));
            }
            node.put("bitwidth", weights ? weightBits : activationBits);
            if (weights) {
                node.put("clip_max", JsonOps.CLIP_MAX_NONE);
                node.put("clip_min", JsonOps.CLIP_MIN_NONE);
            }
            if (!cons.isEmpty()) {
                ArrayNode c = node.putArray("consumer");
                cons.forEach(id -> c.add(layers.get(id).name()));
            }
            node.put("consumer_num", cons.size());
            node.put("index", k);
            node.put("name", layer.name());
            node.put("operation", JsonOps.operationOf(layer));
            JsonOps.putDims(node, "output_dim", outDims);
            node.put("output_dim_num", outDims.length);
            ObjectNode param = param(layer, pad, notes);
            if (param != null) {
                node.set("param", param);
            }
            if (!prov.isEmpty()) {
                ArrayNode p = node.putArray("provider");
                prov.forEach(id -> p.add(layers.get(id).name()));
            }
            node.put("provider_num", prov.size());
            if (weights) {
                node.put("with_act", act == null ? 0 : 1);
                node.put("with_bn", 0);
                node.put("with_clip", 0);
            }
            if (!prov.isEmpty()) {
                int first = prov.get(0);
                Layer firstLayer = layers.get(first);
                Layer firstAct = mergedActivation(firstLayer, layers, owner);
                int firstOut = firstAct != null ? firstAct.id() : first;
                int[] inDims = JsonOps.dims(layers.get(firstOut).outputShape(), vector[firstOut]);
                node.put("input_dim_num", inDims.length);
                JsonOps.putDims(node, "input_dim", inDims);
                if ((layer.op() == LayerOp.FLATTEN || layer.op() == LayerOp.RESHAPE) && cons.size() == 1
                        && layers.get(cons.get(0)).op() == LayerOp.FC && inDims.length != 2) {
                    reshapeInfo.removeAll();
                    reshapeInfo.put("name", layers.get(cons.get(0)).name());
                    JsonOps.putDims(reshapeInfo, "input_dim", inDims);
                    JsonOps.putDims(reshapeInfo, "output_dim", outDims);
                }
            }
            node.put("new_node_index", k);
            ArrayNode ci = node.putArray("consumer_index");
            cons.forEach(id -> ci.add(index[id]));
            ArrayNode pi = node.putArray("provider_index");
            prov.forEach(id -> pi.add(index[id]));
            list.add(node);
            if (weights) {
                int height = layer.op() == LayerOp.CONV
                        ? layer.window().kernelH() * layer.window().kernelW() * layer.inputShape().c()
                        : layer.inChannels();
                weightNodes.add(new WeightNode(layer.id(), layer.name(), k, JsonOps.operationOf(layer), height,
                        layer.outChannels(), layer.groups()));
                if (layer.groups() > 1) {
                    notes.add("'" + layer.name() + "' has " + layer.groups() + " groups: PIMCOMP maps it as one "
                            + height + " x " + layer.outChannels() + " matrix (it reads group but sizes the "
                            + "matrix with every input channel)");
                }
            }
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.set("node_list", list);
        root.set("reshape_info", reshapeInfo);
        return new PimcompNetworkJson(root, weightNodes, merged, unmerged, notes);
    }

    /** The file's text: the object, indented as Python's json.dump(indent=4) writes PIMCOMP's own models. */
    public String toJson() {
        try {
            return NetworkJsonWriter.pretty().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode json() {
        return root.deepCopy();
    }

    /** The CONV and FC nodes in network order, with PIMCOMP's node index and weight matrix. */
    public List<WeightNode> weightNodes() {
        return weightNodes;
    }

    /** Activation layers merged into their CONV or FC node. */
    public List<String> mergedActivations() {
        return mergedActivations;
    }

    /**
     * ReLU, tanh or sigmoid layers after a CONV or FC node that could not be merged (the node has other
     * consumers): PIMCOMP-NN at commit 2ed10c8 loops on them without the fix of backend/Preparation.cpp line 520.
     */
    public List<String> unmergedActivations() {
        return unmergedActivations;
    }

    /** What the conversion changed besides merging activations, in words. */
    public List<String> notes() {
        return notes;
    }

    private static void check(Layer layer, List<Layer> layers) {
        Window w = layer.window();
        switch (layer.op()) {
            case CONV, POOL -> {
                if (w.dilationH() != 1 || w.dilationW() != 1) {
                    throw new InputException(where(layer) + ": dilation " + w.dilationH() + "x" + w.dilationW()
                            + "; PIMCOMP-NN's windows have none (GetConvPoolInputOutputInfo, "
                            + "backend/Preparation.cpp)");
                }
            }
            case ELTWISE -> {
                if (layer.function() != LayerFunction.ADD && layer.function() != LayerFunction.SUB) {
                    throw new InputException(where(layer) + ": PIMCOMP-NN's backend only adds or subtracts "
                            + "tensors (eletype 2 and 4, BatchPipelineSchedule.cpp)");
                }
                if (layer.providers().size() < 2) {
                    throw new InputException(where(layer) + ": one operand is a constant; PIMCOMP-NN's backend "
                            + "only combines two or more layer outputs");
                }
            }
            case ACTIVATION -> {
                if (actType(layer.function()) < 0 && layer.function() != LayerFunction.CLIP) {
                    throw new InputException(where(layer) + ": PIMCOMP-NN's backend has no instruction for it; it "
                            + "runs ReLU, tanh and sigmoid (VRELU, VTANH, VSIGM) and passes clip through");
                }
            }
            case SLICE, RESIZE, COL2IM -> throw new InputException(where(layer) + ": PIMCOMP-NN has no node for"
                    + " it: its frontend (frontend/frontend.py) translates no ONNX Split, Slice, Resize, Upsample or"
                    + " ConvTranspose");
            case PAD -> {
                if (layer.consumers().size() != 1
                        || !(layers.get(layer.consumers().get(0)).op() == LayerOp.CONV
                        || layers.get(layer.consumers().get(0)).op() == LayerOp.POOL)
                        || layers.get(layer.consumers().get(0)).providers().size() != 1) {
                    throw new InputException(where(layer) + ": PIMCOMP-NN's backend has no padding operator, and "
                            + "a PAD layer can only be merged into the padding of the one CONV or POOL layer it "
                            + "feeds");
                }
                if (layers.get(layer.providers().get(0)).op() == LayerOp.PAD) {
                    throw new InputException(where(layer) + ": reads another PAD layer; merge them into one");
                }
            }
            default -> {
            }
        }
    }

    private static String where(Layer layer) {
        return "layer '" + layer.name() + "' (" + layer.opLabel() + ")";
    }

    /** PIMCOMP's act_type of an activation it merges: 0 ReLU, 1 tanh, 2 sigmoid; -1 for the others. */
    static int actType(LayerFunction function) {
        return switch (function) {
            case RELU -> JsonOps.ACT_RELU;
            case TANH -> JsonOps.ACT_TANH;
            case SIGMOID -> JsonOps.ACT_SIGMOID;
            default -> -1;
        };
    }

    private static int resolveProvider(int id, List<Layer> layers, int[] owner) {
        Layer layer = layers.get(id);
        if (owner[id] >= 0 && layer.op() == LayerOp.ACTIVATION) {
            return owner[id];
        }
        if (owner[id] >= 0 && layer.op() == LayerOp.PAD) {
            return resolveProvider(layer.providers().get(0), layers, owner);
        }
        return id;
    }

    /** The activation merged into a CONV or FC layer, or null. */
    private static Layer mergedActivation(Layer layer, List<Layer> layers, int[] owner) {
        if (!layer.hasWeights() || layer.consumers().size() != 1) {
            return null;
        }
        int c = layer.consumers().get(0);
        return owner[c] == layer.id() && layers.get(c).op() == LayerOp.ACTIVATION ? layers.get(c) : null;
    }


    private static ObjectNode param(Layer layer, Layer pad, List<String> notes) {
        ObjectNode param = MAPPER.createObjectNode();
        Window w = layer.window();
        Padding padding = w.padding();
        if (pad != null) {
            Padding p = pad.window().padding();
            padding = new Padding(padding.top() + p.top(), padding.left() + p.left(), padding.bottom() + p.bottom(),
                    padding.right() + p.right());
        }
        // The input the window slides over: a merged PAD's input.
        Shape in = pad != null ? pad.inputShape() : layer.inputShape();
        switch (layer.op()) {
            case CONV -> {
                param.put("dilation_h", 1);
                param.put("dilation_w", 1);
                param.put("group", layer.groups());
                param.put("input_channel", in.c());
                param.put("kernel_h", w.kernelH());
                param.put("kernel_w", w.kernelW());
                param.put("output_channel", layer.outChannels());
                JsonOps.putPads(param, floorPadding(layer, in, padding, notes));
                param.put("stride_h", w.strideH());
                param.put("stride_w", w.strideW());
                param.put("with_bias", 0);
            }
            case POOL -> {
                param.put("global", isGlobal(layer) ? 1 : 0);
                param.put("kernel_h", w.kernelH());
                param.put("kernel_w", w.kernelW());
                JsonOps.putPads(param, floorPadding(layer, in, padding, notes));
                param.put("pool_method", layer.function() == LayerFunction.MAX ? JsonOps.POOL_MAX
                        : JsonOps.POOL_AVERAGE);
                param.put("stride_h", w.strideH());
                param.put("stride_w", w.strideW());
            }
            case FC -> {
                param.put("num_input", layer.inChannels());
                param.put("num_output", layer.outChannels());
                param.put("with_bias", 0);
            }
            case ELTWISE -> param.put("eletype", JsonOps.eltwiseCode(layer.function()));
            case CONCAT -> param.put("axis", 1);
            case FLATTEN -> {
                param.put("axis", 1);
                param.put("end_axis", 3);
            }
            default -> {
                return null;
            }
        }
        return param;
    }

    /**
     * The padding under which PIMCOMP's floor rule, floor((in + pad - kernel) / stride) + 1, gives the layer's
     * output: the layer's own, with the bottom and right grown by what ceil mode adds.
     */
    private static Padding floorPadding(Layer layer, Shape in, Padding padding, List<String> notes) {
        Window w = layer.window();
        int extraH = extra(in.h(), padding.top() + padding.bottom(), w.kernelH(), w.strideH(), layer.outputShape().h());
        int extraW = extra(in.w(), padding.left() + padding.right(), w.kernelW(), w.strideW(), layer.outputShape().w());
        Padding result = new Padding(padding.top(), padding.left(), padding.bottom() + extraH, padding.right() + extraW);
        if (extraH > 0 || extraW > 0) {
            notes.add("'" + layer.name() + "' pools in ceil mode: its bottom and right padding grow by " + extraH
                    + " and " + extraW + " for PIMCOMP's floor rule");
        }
        if (floorOut(in.h(), result.top() + result.bottom(), w.kernelH(), w.strideH()) != layer.outputShape().h()
                || floorOut(in.w(), result.left() + result.right(), w.kernelW(), w.strideW())
                != layer.outputShape().w()) {
            throw new InputException(where(layer) + ": its output " + layer.outputShape().h() + "x"
                    + layer.outputShape().w() + " is not what PIMCOMP-NN's floor rule gives for its window "
                    + "(GetConvPoolInputOutputInfo, backend/Preparation.cpp)");
        }
        return result;
    }

    private static int extra(int in, int pads, int kernel, int stride, int out) {
        return Math.max(0, (out - 1) * stride + kernel - (in + pads));
    }

    private static int floorOut(int in, int pads, int kernel, int stride) {
        return Math.floorDiv(in + pads - kernel, stride) + 1;
    }

    private static boolean isGlobal(Layer layer) {
        Window w = layer.window();
        Shape in = layer.inputShape();
        return w.padding().isNone() && !layer.ceilMode() && w.kernelH() == in.h() && w.kernelW() == in.w();
    }
}
