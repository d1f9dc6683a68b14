package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Turns one ONNX graph into a {@link Network}: nodes in topological order, each becoming a layer, a
 * pass-through (BatchNormalization, Dropout, Identity, Cast, a bias folded into its CONV/FC) or a folded
 * constant (weights and shape computations). Shapes are inferred here, never read from value_info.
 */
final class GraphTranslator {
    private final String file;
    private final GraphProto graph;
    private final Shape inputShape;
    private final NetworkBuilder builder;
    private final Map<String, Tensor> tensors = new HashMap<>();
    /** Graph inputs that are not layer inputs and whose declared shape is not fixed: why they cannot be used. */
    private final Map<String, String> unusable = new HashMap<>();
    /** Layers of a MatMul over rows (see matMul), whose features lie along the last axis, not axis 1. */
    private final Set<Integer> rowLayers = new HashSet<>();
    /** How many node inputs and graph outputs read each tensor. */
    private final Map<String, Integer> uses = new HashMap<>();

    GraphTranslator(String file, String networkName, GraphProto graph, Shape inputShape) {
        this.file = file;
        this.graph = graph;
        this.inputShape = inputShape;
        this.builder = new NetworkBuilder(networkName);
    }

    Network translate() {
        for (TensorProto t : graph.getInitializerList()) {
            try {
                tensors.put(t.getName(), TensorData.constant(t));
            } catch (OnnxNodeException | ArithmeticException e) {
                throw new InputException(file + ": initializer '" + t.getName() + "': " + e.getMessage(), e);
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            if (!OnnxOps.isSupported(node.getDomain(), node.getOpType())) {
                throw nodeError(node, " is not supported; supported ops: " + OnnxOps.supportedList(), null);
            }
            for (String input : node.getInputList()) {
                if (!input.isEmpty()) {
                    uses.merge(input, 1, Integer::sum);
                }
            }
        }
        for (ValueInfoProto output : graph.getOutputList()) {
            uses.merge(output.getName(), 1, Integer::sum);
        }
        List<NodeProto> order = topologicalOrder();
        declareInputs();
        for (NodeProto node : order) {
            try {
                translate(node);
            } catch (OnnxNodeException | IllegalArgumentException | ArithmeticException e) {
                throw nodeError(node, ": " + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /** "file: node 'n' (op T)" followed by {@code rest}. */
    private InputException nodeError(NodeProto node, String rest, Exception cause) {
        return new InputException(file + ": node '" + label(node) + "' (op " + opLabel(node) + ")" + rest, cause);
    }

    /** An unnamed node (common in exports) is called by its first output. */
    private static String label(NodeProto node) {
        if (!node.getName().isEmpty() || node.getOutputCount() == 0) {
            return node.getName();
        }
        return node.getOutput(0);
    }

    private static String opLabel(NodeProto node) {
        return OnnxOps.isDefaultDomain(node.getDomain()) ? node.getOpType() : node.getDomain() + "." + node.getOpType();
    }

    // ---- graph structure -------------------------------------------------------------------------------

    /** Nodes ordered so that every input is computed first; ties keep file order. */
    private List<NodeProto> topologicalOrder() {
        List<NodeProto> nodes = graph.getNodeList();
        Set<String> graphInputs = new HashSet<>();
        for (ValueInfoProto v : graph.getInputList()) {
            graphInputs.add(v.getName());
        }
        Map<String, Integer> producer = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (String output : nodes.get(i).getOutputList()) {
                if (!output.isEmpty() && producer.put(output, i) != null) {
                    throw nodeError(nodes.get(i), ": tensor '" + output + "' is produced by two nodes", null);
                }
            }
        }
        int[] pending = new int[nodes.size()];
        List<List<Integer>> dependents = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < nodes.size(); i++) {
            NodeProto node = nodes.get(i);
            for (String input : node.getInputList()) {
                if (input.isEmpty()) {
                    continue;
                }
                Integer p = producer.get(input);
                if (p != null) {
                    pending[i]++;
                    dependents.get(p).add(i);
                } else if (!tensors.containsKey(input) && !graphInputs.contains(input)) {
                    throw nodeError(node, ": input tensor '" + input
                            + "' is not produced by any node, initializer or graph input", null);
                }
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<NodeProto> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int d : dependents.get(i)) {
                if (--pending[d] == 0) {
                    ready.add(d);
                }
            }
        }
        if (order.size() < nodes.size()) {
            for (int i = 0; i < nodes.size(); i++) {
                if (pending[i] > 0) {
                    throw nodeError(nodes.get(i), " is part of a cycle; an ONNX graph must be acyclic", null);
                }
            }
        }
        return order;
    }

    /**
     * Graph inputs that are not initializers become INPUT layers when a node reads them as data (first operand,
     * or any operand of Sum and Concat); others (IR 3 weights given as inputs) are constants of their declared
     * shape. The input shape override applies to the first INPUT layer.
     */
    private void declareInputs() {
        Set<String> dataUses = new HashSet<>();
        for (NodeProto node : graph.getNodeList()) {
            boolean nary = node.getOpType().equals("Sum") || node.getOpType().equals("Concat");
            for (int i = 0; i < node.getInputCount(); i++) {
                if (i == 0 || nary) {
                    dataUses.add(node.getInput(i));
                }
            }
        }
        boolean first = true;
        for (ValueInfoProto v : graph.getInputList()) {
            String name = v.getName();
            if (tensors.containsKey(name)) {
                continue;
            }
            if (dataUses.contains(name)) {
                int[] dims = inputDims(v, first ? inputShape : null);
                first = false;
                int id;
                try {
                    id = builder.input(name, Dims.toShape(dims));
                } catch (OnnxNodeException | IllegalArgumentException e) {
                    throw new InputException(file + ": input '" + name + "': " + e.getMessage(), e);
                }
                tensors.put(name, Tensor.output(dims, id, false));
            } else {
                int[] dims = fixedDims(v);
                if (dims == null) {
                    unusable.put(name, "graph input '" + name + "' is used as a weight but has no fixed shape");
                } else {
                    tensors.put(name, Tensor.constant(dims, null, v.getType().getTensorType().getElemType()));
                }
            }
        }
        if (first) {
            throw new InputException(file + ": the graph has no input: every graph input is an initializer or a weight"
                    + " (graph inputs: " + graph.getInputCount() + ")");
        }
    }

    /** The declared shape of a data input: a dynamic batch becomes 1, {@code override} fills the rest. */
    private int[] inputDims(ValueInfoProto v, Shape override) {
        String name = v.getName();
        TypeProto type = v.getType();
        if (!type.hasTensorType()) {
            throw new InputException(file + ": input '" + name + "' is not a tensor");
        }
        int[] given = override == null ? null : new int[] {override.n(), override.c(), override.h(), override.w()};
        if (!type.getTensorType().hasShape()) {
            if (given == null) {
                throw new InputException(file + ": input '" + name + "' has no declared shape; give the input shape"
                        + " (--input-shape NxCxHxW)");
            }
            return given;
        }
        List<TensorShapeProto.Dimension> declared = type.getTensorType().getShape().getDimList();
        if (given != null && declared.size() != 4) {
            throw new InputException(file + ": input '" + name + "' has " + declared.size()
                    + " dimensions but the input shape " + override + " gives 4");
        }
        int[] dims = new int[declared.size()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = declared.get(i);
            boolean fixed = d.hasDimValue() && d.getDimValue() > 0;
            if (fixed && d.getDimValue() > Integer.MAX_VALUE) {
                throw new InputException(file + ": input '" + name + "' dimension " + i + " is " + d.getDimValue()
                        + ", too large");
            }
            if (given != null) {
                if (fixed && d.getDimValue() != given[i]) {
                    throw new InputException(file + ": input '" + name + "' dimension " + i + " is fixed at "
                            + d.getDimValue() + " but the input shape " + override + " gives " + given[i]);
                }
                dims[i] = given[i];
            } else if (fixed) {
                dims[i] = (int) d.getDimValue();
            } else if (i == 0) {
                dims[i] = 1;
            } else {
                String symbol = d.hasDimParam() && !d.getDimParam().isEmpty() ? " ('" + d.getDimParam() + "')" : "";
                throw new InputException(file + ": input '" + name + "' dimension " + i + " is dynamic" + symbol
                        + "; give the input shape (--input-shape NxCxHxW)");
            }
        }
        return dims;
    }

    /** A graph input's declared dimensions when all are fixed; null otherwise. */
    private static int[] fixedDims(ValueInfoProto v) {
        if (!v.getType().hasTensorType() || !v.getType().getTensorType().hasShape()) {
            return null;
        }
        List<TensorShapeProto.Dimension> declared = v.getType().getTensorType().getShape().getDimList();
        int[] dims = new int[declared.size()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = declared.get(i);
            if (!d.hasDimValue() || d.getDimValue() < 0 || d.getDimValue() > Integer.MAX_VALUE) {
                return null;
            }
            dims[i] = (int) d.getDimValue();
        }
        return dims;
    }

    // ---- nodes -----------------------------------------------------------------------------------------

    private void translate(NodeProto node) {
        if (node.getOutputCount() == 0 || node.getOutput(0).isEmpty()) {
            throw new OnnxNodeException("the node has no output");
        }
        NodeAttributes a = new NodeAttributes(node);
        requireConstantParameters(node);
        switch (node.getOpType()) {
            case "Conv" -> conv(node, a);
            case "MaxPool" -> pool(node, a, LayerFunction.MAX);
            case "AveragePool" -> pool(node, a, LayerFunction.AVERAGE);
            case "GlobalAveragePool" -> globalPool(node, LayerFunction.AVERAGE);
            case "GlobalMaxPool" -> globalPool(node, LayerFunction.MAX);
            case "Gemm" -> gemm(node, a);
            case "MatMul" -> matMul(node);
            case "Relu" -> activation(node, LayerFunction.RELU);
            case "LeakyRelu" -> activation(node, LayerFunction.LEAKY_RELU);
            case "Sigmoid" -> activation(node, LayerFunction.SIGMOID);
            case "Tanh" -> activation(node, LayerFunction.TANH);
            case "Clip" -> activation(node, LayerFunction.CLIP);
            case "HardSigmoid" -> activation(node, LayerFunction.HARD_SIGMOID);
            case "HardSwish" -> activation(node, LayerFunction.HARD_SWISH);
            case "Erf" -> activation(node, LayerFunction.ERF);
            case "LayerNormalization" -> layerNormalization(node);
            case "LRN" -> sameShapeLayer(node, x -> builder.lrn(node.getOutput(0), x));
            case "Softmax" -> sameShapeLayer(node, x -> builder.softmax(node.getOutput(0), x, LayerFunction.SOFTMAX));
            case "LogSoftmax" ->
                    sameShapeLayer(node, x -> builder.softmax(node.getOutput(0), x, LayerFunction.LOG_SOFTMAX));
            case "BatchNormalization" -> {
                Tensor x = input(node, 0);
                define(node, x.isConstant() ? Tensor.constant(x.dims(), null, x.elemType()) : passThrough(node, x));
            }
            case "Dropout", "Identity" -> define(node, passThrough(node, input(node, 0)));
            case "Cast" -> cast(node, a);
            case "Add" -> eltwise(node, "Add", LayerFunction.ADD);
            case "Sum" -> eltwise(node, "Sum", LayerFunction.ADD);
            case "Sub" -> eltwise(node, "Sub", LayerFunction.SUB);
            case "Mul" -> eltwise(node, "Mul", LayerFunction.MUL);
            case "Div" -> eltwise(node, "Div", LayerFunction.DIV);
            case "Concat" -> concat(node, a);
            case "Flatten" -> flatten(node, a);
            case "Reshape" -> reshape(node, a);
            case "Squeeze" -> reshapeLike(node, Dims.squeeze(input(node, 0).dims(), axes(node, a)));
            case "Unsqueeze" -> {
                long[] axes = axes(node, a);
                if (axes == null) {
                    throw new OnnxNodeException("the axes (attribute or second input) are required");
                }
                reshapeLike(node, Dims.unsqueeze(input(node, 0).dims(), axes));
            }
            case "Pad" -> pad(node, a);
            case "Constant" -> define(node, constant(a));
            case "ConstantOfShape" ->
                    define(node, ShapeFolding.constantOfShape(knownInts(node, 0, "shape"), a.tensor("value")));
            case "Shape" -> define(node, ShapeFolding.shapeOf(input(node, 0).dims(), a.integer("start", 0),
                    a.integer("end", Long.MAX_VALUE)));
            case "Gather" -> define(node, ShapeFolding.gather(constantInput(node, 0, "Gather"),
                    constantInput(node, 1, "Gather"), a.integer("axis", 0)));
            case "Slice" -> slice(node, a);
            case "Split" -> split(node, a);
            case "ReduceMean", "ReduceSum" -> reduce(node, a, LayerFunction.AVERAGE);
            case "ReduceMax", "ReduceMin" -> reduce(node, a, LayerFunction.MAX);
            case "Resize" -> resize(node, a);
            case "Upsample" -> upsample(node, a);
            case "ConvTranspose" -> convTranspose(node, a);
            case "Transpose" -> transpose(node, a);
            default -> throw new IllegalStateException("supported but not translated: " + node.getOpType());
        }
    }

    /**
     * The weight of a 2-D Conv or ConvTranspose over an image: a 4-D constant ({@code layout} says which) whose
     * kernel kernel_shape, where given, must be.
     */
    private Tensor windowWeight(NodeProto node, NodeAttributes a, Tensor x, String what, String layout) {
        Tensor w = weight(node, 1);
        requireImage(x, node.getOpType());
        if (w.rank() != 4) {
            throw new OnnxNodeException("weight '" + node.getInput(1) + "' is " + Dims.text(w.dims()) + "; a 2-D "
                    + what + " needs " + layout);
        }
        long[] k = WindowRules.kernelShape(a);
        if (k != null && (k[0] != w.dims()[2] || k[1] != w.dims()[3])) {
            throw new OnnxNodeException("kernel_shape " + Arrays.toString(k) + " does not match weight '"
                    + node.getInput(1) + "' of " + Dims.text(w.dims()));
        }
        return w;
    }

    private void conv(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        Tensor w = windowWeight(node, a, x, "convolution", "M x C/group x kH x kW");
        int group = a.smallInt("group", 1);
        if (group == 0) {
            throw new OnnxNodeException("attribute 'group' must be positive, got 0");
        }
        int kernelH = w.dims()[2];
        int kernelW = w.dims()[3];
        int channels = x.dims()[1];
        if ((long) w.dims()[1] * group != channels) {
            throw new OnnxNodeException("weight '" + node.getInput(1) + "' (" + Dims.text(w.dims()) + ") takes "
                    + w.dims()[1] + " channels per group; the input has " + channels + " channels in " + group
                    + " group(s)");
        }
        int id = builder.conv(node.getOutput(0), x.layer(), w.dims()[0],
                WindowRules.window(a, x.dims()[2], x.dims()[3], kernelH, kernelW), group);
        define(node, Tensor.output(Dims.of(builder.shape(id)), id, true));
    }

    private void pool(NodeProto node, NodeAttributes a, LayerFunction method) {
        Tensor x = layerInput(node, 0);
        requireImage(x, node.getOpType());
        long[] k = WindowRules.kernelShape(a);
        if (k == null) {
            throw new OnnxNodeException("attribute 'kernel_shape' is required");
        }
        int ceilMode = a.smallInt("ceil_mode", 0);
        boolean same = WindowRules.isSame(WindowRules.autoPad(a));
        int id = builder.pool(node.getOutput(0), x.layer(), method,
                WindowRules.window(a, x.dims()[2], x.dims()[3], (int) k[0], (int) k[1]), ceilMode != 0 && !same);
        define(node, Tensor.output(Dims.of(builder.shape(id)), id, false));
    }

    private void globalPool(NodeProto node, LayerFunction method) {
        Tensor x = layerInput(node, 0);
        requireImage(x, node.getOpType());
        int id = builder.globalPool(node.getOutput(0), x.layer(), method);
        define(node, Tensor.output(Dims.of(builder.shape(id)), id, false));
    }

    /**
     * ReduceMean, ReduceSum, ReduceMax or ReduceMin over every axis after the channel axis (H and W of an image, L
     * of an N x C x L tensor) is a global pooling, as exports of {@code x.mean((2, 3))} and {@code x.amax((2, 3))}
     * give: average for ReduceMean, and for ReduceSum too (the same H x W additions; the sum is the average
     * times H x W, a constant scale as a Mul by a constant is), max for ReduceMax, and for ReduceMin too (the same
     * comparisons: min(x) = -max(-x), the negations constant scales). Reducing the batch or channel axis would be
     * a layer the network model has no operation for.
     */
    private void reduce(NodeProto node, NodeAttributes a, LayerFunction method) {
        Tensor x = input(node, 0);
        long[] axes = hasInput(node, 1) ? knownInts(node, 1, "axes") : a.ints("axes");
        boolean keep = a.smallInt("keepdims", 1) != 0;
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        if (axes == null || axes.length == 0) {
            if (a.smallInt("noop_with_empty_axes", 0) != 0) {
                define(node, passThrough(node, x));
                return;
            }
            Arrays.fill(reduced, true);
        } else {
            for (long axis : axes) {
                reduced[Dims.axis(axis, rank, "axis")] = true;
            }
        }
        List<Integer> outDims = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            if (!reduced[i]) {
                outDims.add(x.dims()[i]);
            } else if (keep) {
                outDims.add(1);
            }
        }
        int[] out = outDims.stream().mapToInt(Integer::intValue).toArray();
        if (x.isConstant()) {
            define(node, Tensor.constant(out, null, x.elemType()));
            return;
        }
        boolean spatial = rank >= 3 && rank <= 4 && !reduced[0] && !reduced[1];
        for (int i = 2; i < rank; i++) {
            spatial &= reduced[i];
        }
        if (!spatial) {
            throw new OnnxNodeException(node.getOpType() + " over axes " + (axes == null ? "(all)" : Arrays.toString(axes))
                    + " of " + Dims.text(x.dims()) + " is not supported; only over all axes after the channel axis"
                    + " (global " + (method == LayerFunction.MAX ? "max" : "average") + " pooling)");
        }
        int id = builder.globalPool(node.getOutput(0), x.layer(), method);
        define(node, Tensor.output(out, id, false));
    }

    /**
     * Split (ShuffleNetV2's {@code x.chunk(2, dim=1)}): the sizes come from the split input (opset 13 on), the
     * split attribute (before), num_outputs (opset 18: ceil(extent / n) each, the last what is left) or equal
     * parts. A layer output splits along channels only, each used output a SLICE layer (a view, as a Concat is);
     * a constant splits into constants.
     */
    private void split(NodeProto node, NodeAttributes a) {
        Tensor x = input(node, 0);
        if (x.rank() == 0) {
            throw new OnnxNodeException("Split needs a tensor of rank 1 or more, got a scalar");
        }
        int axis = Dims.axis(a.integer("axis", 0), x.rank(), "axis");
        int extent = x.dims()[axis];
        int outputs = node.getOutputCount();
        long[] sizes = hasInput(node, 1) ? knownInts(node, 1, "split") : a.ints("split");
        if (sizes == null) {
            long parts = a.integer("num_outputs", outputs);
            if (parts != outputs) {
                throw new OnnxNodeException("num_outputs is " + parts + " but the node has " + outputs + " outputs");
            }
            boolean even = extent % outputs == 0;
            if (!even && !a.has("num_outputs")) {
                throw new OnnxNodeException("axis " + axis + " of " + Dims.text(x.dims()) + " does not split into "
                        + outputs + " equal parts; give the sizes (split)");
            }
            long chunk = (extent + outputs - 1) / outputs;
            sizes = new long[outputs];
            Arrays.fill(sizes, chunk);
            sizes[outputs - 1] = extent - chunk * (outputs - 1);
        }
        long total = 0;
        boolean negative = false;
        for (long size : sizes) {
            negative |= size < 0;
            total += size;
        }
        if (sizes.length != outputs || negative || total != extent) {
            throw new OnnxNodeException("split " + Arrays.toString(sizes) + " does not divide the " + extent
                    + " of axis " + axis + " of " + Dims.text(x.dims()) + " among " + outputs + " outputs");
        }
        long start = 0;
        for (int i = 0; i < outputs; i++) {
            String name = node.getOutput(i);
            long end = start + sizes[i];
            if (!name.isEmpty() && uses.getOrDefault(name, 0) > 0) {
                tensors.put(name, x.isConstant()
                        ? ShapeFolding.slice(x, new long[] {start}, new long[] {end}, new long[] {axis}, null)
                        : channels(node, name, x, axis, start, sizes[i]));
            }
            start = end;
        }
    }

    /**
     * Channels start to start + count - 1 of a layer output: the output itself when they are all of them,
     * otherwise a SLICE layer. The channel order a channel shuffle changed is not kept (the shuffle is a
     * pass-through), so after one the slice names channels of the unshuffled layer: the same shapes.
     */
    private Tensor channels(NodeProto node, String name, Tensor x, int axis, long start, long count) {
        if (axis != 1 || x.rank() < 2 || x.rank() > 4) {
            throw new OnnxNodeException(node.getOpType() + " of a layer output along axis " + axis + " of "
                    + Dims.text(x.dims()) + " is not supported; only along channels (axis 1)");
        }
        if (start == 0 && count == x.dims()[1]) {
            return passThrough(node, x);
        }
        int[] out = x.dims().clone();
        out[1] = (int) count;
        return Tensor.output(out, builder.slice(name, x.layer(), (int) start, (int) count), false);
    }

    /**
     * Resize (opset 10 on) of the spatial axes, nearest or linear: a RESIZE layer without MACs. Opset 10 has the
     * inputs X and scales; later ones X, roi, scales and sizes, of which scales or sizes is given (an empty scales
     * tensor stands for none).
     */
    private void resize(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        requireImage(x, "Resize");
        int scalesInput = node.getInputCount() == 2 ? 1 : 2;
        String transform = a.string("coordinate_transformation_mode", "half_pixel");
        if (transform.equals("tf_crop_and_resize")) {
            throw new OnnxNodeException("coordinate_transformation_mode 'tf_crop_and_resize' crops a region of"
                    + " interest; only resizes of the whole map are supported");
        }
        double[] scales = null;
        if (hasInput(node, scalesInput) && Dims.elements(input(node, scalesInput).dims()) > 0) {
            scales = input(node, scalesInput).values();
            if (scales == null) {
                throw new OnnxNodeException("scales '" + node.getInput(scalesInput) + "' is not a constant of known"
                        + " values");
            }
        }
        long[] sizes = scales == null && hasInput(node, 3) ? knownInts(node, 3, "sizes") : null;
        if (scales == null && sizes == null) {
            throw new OnnxNodeException("neither scales nor sizes is given");
        }
        long[] axes = a.ints("axes");
        int[] full = {0, 1, 2, 3};
        int[] resized = axes == null ? full : new int[axes.length];
        for (int i = 0; axes != null && i < axes.length; i++) {
            resized[i] = Dims.axis(axes[i], 4, "axis");
        }
        int[] out = x.dims().clone();
        int given = scales != null ? scales.length : sizes.length;
        if (given != resized.length) {
            throw new OnnxNodeException((scales != null ? "scales" : "sizes") + " has " + given + " values for "
                    + resized.length + " axes");
        }
        if (scales != null) {
            for (int i = 0; i < resized.length; i++) {
                out[resized[i]] = scaled(x.dims()[resized[i]], scales[i]);
            }
        } else {
            String policy = a.string("keep_aspect_ratio_policy", "stretch");
            if (!policy.equals("stretch") && !policy.equals("not_larger") && !policy.equals("not_smaller")) {
                throw new OnnxNodeException("keep_aspect_ratio_policy is '" + policy + "'; allowed: stretch,"
                        + " not_larger, not_smaller");
            }
            // Keeping the aspect ratio takes the smallest (not_larger) or largest scale of the sizes for every
            // axis and rounds each product half up (ONNX's Resize spec).
            float scale = policy.equals("not_larger") ? Float.MAX_VALUE : 0;
            for (int i = 0; i < resized.length; i++) {
                float ratio = (float) sizes[i] / x.dims()[resized[i]];
                scale = policy.equals("not_larger") ? Math.min(scale, ratio) : Math.max(scale, ratio);
            }
            for (int i = 0; i < resized.length; i++) {
                long extent = policy.equals("stretch") ? sizes[i]
                        : (long) Math.floor(scale * x.dims()[resized[i]] + 0.5f);
                out[resized[i]] = Dims.toDim(extent, "sizes");
            }
        }
        if (a.smallInt("antialias", 0) != 0 && (out[2] < x.dims()[2] || out[3] < x.dims()[3])) {
            throw new OnnxNodeException("antialias widens the filter of a downscale to more than two neighbours;"
                    + " not supported");
        }
        resizeLayer(node, x, a.string("mode", "nearest"), out);
    }

    /**
     * Upsample (opsets 7 to 9, before Resize took its place): scales as an attribute (opset 7) or the second
     * input (opset 9), each output extent floor(in x scale).
     */
    private void upsample(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        requireImage(x, "Upsample");
        double[] scales = hasInput(node, 1) ? input(node, 1).values() : a.floats("scales");
        if (scales == null) {
            throw new OnnxNodeException("the scales (second input or attribute 'scales') are missing or not known");
        }
        if (scales.length != 4) {
            throw new OnnxNodeException("scales has " + scales.length + " values; a 4-D input needs 4");
        }
        int[] out = new int[4];
        for (int i = 0; i < 4; i++) {
            out[i] = scaled(x.dims()[i], scales[i]);
        }
        resizeLayer(node, x, a.string("mode", "nearest"), out);
    }

    /** floor(extent x scale), in single precision as ONNX's shape inference computes it. */
    private static int scaled(int extent, double scale) {
        if (!(scale > 0)) {
            throw new OnnxNodeException("scale " + scale + " is not positive");
        }
        return Dims.toDim((long) Math.floor((float) extent * (float) scale), "the scaled output");
    }

    /** A RESIZE layer from x to the output dimensions; a resize that changes nothing is no layer. */
    private void resizeLayer(NodeProto node, Tensor x, String mode, int[] out) {
        LayerFunction function = switch (mode) {
            case "nearest" -> LayerFunction.NEAREST;
            case "linear", "bilinear" -> LayerFunction.LINEAR;
            default -> throw new OnnxNodeException("mode '" + mode + "' is not supported; nearest and linear are");
        };
        if (out[0] != x.dims()[0] || out[1] != x.dims()[1]) {
            throw new OnnxNodeException("resizing " + Dims.text(x.dims()) + " to " + Dims.text(out) + " changes the"
                    + " batch or channel axis; only the spatial axes (H, W) may be resized");
        }
        if (Arrays.equals(out, x.dims())) {
            define(node, passThrough(node, x));
            return;
        }
        int id = builder.resize(node.getOutput(0), x.layer(), function, out[2], out[3]);
        define(node, Tensor.output(out, id, false));
    }

    /**
     * ConvTranspose (2-D), computed as crossbars do it without multiplying inserted zeros: each input pixel's
     * C_in/group values times a C_in/group x (C_out/group x kH x kW) matrix per group, a 1x1 CONV to C_out x kH x
     * kW channels named {@code <output>:patches}, whose patches a COL2IM layer adds onto the output map (on the
     * eltwise ALU kind). MACs: C_in x H_in x W_in x C_out/group x kH x kW, every input pixel times every weight
     * once. The bias is part of the layer, and a per-channel bias or scale after it folds into it as into a CONV.
     */
    private void convTranspose(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        Tensor w = windowWeight(node, a, x, "transposed convolution", "C x M/group x kH x kW");
        int group = a.smallInt("group", 1);
        int channels = x.dims()[1];
        if (group == 0 || w.dims()[0] != channels || channels % group != 0) {
            throw new OnnxNodeException("weight '" + node.getInput(1) + "' (" + Dims.text(w.dims()) + ") takes "
                    + w.dims()[0] + " input channels in " + group + " group(s); the input has " + channels);
        }
        int kernelH = w.dims()[2];
        int kernelW = w.dims()[3];
        WindowRules.Transposed t = WindowRules.transposed(a, x.dims()[2], x.dims()[3], kernelH, kernelW);
        String name = node.getOutput(0);
        int patches = builder.conv(name + ":patches", x.layer(),
                Math.multiplyExact(Math.multiplyExact(w.dims()[1] * group, kernelH), kernelW), Window.POINTWISE, group);
        int id = builder.col2im(name, patches, t.window(), t.outH(), t.outW());
        define(node, Tensor.output(Dims.of(builder.shape(id)), id, true));
    }

    /**
     * A permutation that keeps the NCHW shape of a layer output, or one of a tensor of more than 4 dimensions
     * (the channel shuffle of ShuffleNet: Reshape to N x g x C/g x H x W, Transpose, Reshape back), moves data
     * but computes nothing: it passes through. One that changes the NCHW shape (such as NCHW to NHWC) is a RESHAPE
     * layer, the same data movement without MACs.
     */
    private void transpose(NodeProto node, NodeAttributes a) {
        Tensor x = input(node, 0);
        int rank = x.rank();
        long[] perm = a.ints("perm");
        int[] out = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int from = perm == null ? rank - 1 - i : perm.length == rank ? Dims.axis(perm[i], rank, "perm") : -1;
            if (from < 0 || seen[from]) {
                throw new OnnxNodeException("perm " + Arrays.toString(perm) + " is not a permutation of the "
                        + rank + " axes of " + Dims.text(x.dims()));
            }
            seen[from] = true;
            out[i] = x.dims()[from];
        }
        if (x.isConstant()) {
            define(node, rank <= 1 ? x : Tensor.constant(out, null, x.elemType()));
        } else if (rank > 4 || Dims.toShape(out).equals(builder.shape(x.layer()))) {
            define(node, x.withDims(out, false));
        } else {
            define(node, Tensor.output(out, builder.reshape(node.getOutput(0), x.layer(), Dims.toShape(out)), false));
        }
    }

    /** Y = A x B (+ C) with a constant B: an FC layer; C is a bias of the layer. */
    private void gemm(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        Tensor b = weight(node, 1);
        boolean transA = a.smallInt("transA", 0) != 0;
        boolean transB = a.smallInt("transB", 0) != 0;
        if (x.rank() != 2 || b.rank() != 2) {
            throw new OnnxNodeException("A and B must be 2-D, got A " + Dims.text(x.dims()) + " and B "
                    + Dims.text(b.dims()));
        }
        int rows = x.dims()[transA ? 1 : 0];
        int depth = x.dims()[transA ? 0 : 1];
        int bDepth = b.dims()[transB ? 1 : 0];
        int features = b.dims()[transB ? 0 : 1];
        if (depth != bDepth) {
            throw new OnnxNodeException("A " + Dims.text(x.dims()) + (transA ? " (transposed)" : "") + " has K = "
                    + depth + " but B " + Dims.text(b.dims()) + (transB ? " (transposed)" : "") + " has K = " + bDepth);
        }
        int input = x.layer();
        if (transA) {
            // A (K x 1) transposed is the same K values as one row; any other transposition moves data.
            if (rows != 1) {
                throw new OnnxNodeException("transA=1 is supported only for a single column A (K x 1), got "
                        + Dims.text(x.dims()));
            }
            input = builder.reshape(node.getOutput(0) + ":transA", input, Shape.vector(1, depth));
        }
        int id = builder.fc(node.getOutput(0), input, features);
        define(node, Tensor.output(new int[] {rows, features}, id, true));
    }

    /**
     * A x B with a constant 2-D B: an FC layer for a 1-D or 2-D A. A of 3 or 4 dimensions (N x L x K, or the
     * channels-last N x H x W x K of ConvNeXt's Linear layers) is a batch of rows, each row times B one crossbar
     * MVM: a 1x1 CONV over the rows as output positions, named {@code <output>:pointwise}, between a RESHAPE
     * ({@code <output>:channels_first}) that moves K to the channel axis and one back to A's layout, which has the
     * output's name; the reshapes move data and have no MACs. A bias or scale along the last axis folds into it.
     */
    private void matMul(NodeProto node) {
        Tensor x = layerInput(node, 0);
        Tensor b = weight(node, 1);
        if (b.rank() != 2) {
            throw new OnnxNodeException("B '" + node.getInput(1) + "' is " + Dims.text(b.dims())
                    + "; only a 2-D constant B (K x N) is supported");
        }
        if (x.rank() < 1 || x.rank() > 4) {
            throw new OnnxNodeException("A is " + Dims.text(x.dims()) + "; only an A of 1 to 4 dimensions (... x K) is"
                    + " supported");
        }
        int depth = x.dims()[x.rank() - 1];
        if (depth != b.dims()[0]) {
            throw new OnnxNodeException("A " + Dims.text(x.dims()) + " has K = " + depth + " but B "
                    + Dims.text(b.dims()) + " has K = " + b.dims()[0]);
        }
        int features = b.dims()[1];
        String name = node.getOutput(0);
        if (x.rank() <= 2) {
            int id = builder.fc(name, x.layer(), features);
            int[] dims = x.rank() == 1 ? new int[] {features} : new int[] {x.dims()[0], features};
            define(node, Tensor.output(dims, id, true));
            return;
        }
        int[] out = x.dims().clone();
        out[out.length - 1] = features;
        int[] d = x.dims();
        Shape channelsFirst = d.length == 4 ? new Shape(d[0], depth, d[1], d[2]) : new Shape(d[0], depth, 1, d[1]);
        int first = builder.reshape(name + ":channels_first", x.layer(), channelsFirst);
        int conv = builder.conv(name + ":pointwise", first, features, Window.POINTWISE, 1);
        int id = builder.reshape(name, conv, Dims.toShape(out));
        rowLayers.add(id);
        define(node, Tensor.output(out, id, true));
    }

    /**
     * Normalizing each element by the mean and variance of its neighbours along some axes, then scaling and
     * shifting it, is the element-wise ALU work of an LRN layer (which normalizes across a window of channels);
     * scale and bias are part of it. The training outputs Mean and InvStdDev have no layer.
     */
    private void layerNormalization(NodeProto node) {
        for (int i = 1; i < node.getOutputCount(); i++) {
            if (!node.getOutput(i).isEmpty() && uses.getOrDefault(node.getOutput(i), 0) > 0) {
                throw new OnnxNodeException("output " + i + " ('" + node.getOutput(i) + "', a training statistic) is"
                        + " read; only the normalized output Y is supported");
            }
        }
        sameShapeLayer(node, x -> builder.lrn(node.getOutput(0), x));
    }

    private void activation(NodeProto node, LayerFunction function) {
        sameShapeLayer(node, x -> builder.activation(node.getOutput(0), x, function));
    }

    /** A layer whose output has its input's shape; applied to a constant it is a constant of unknown values. */
    private void sameShapeLayer(NodeProto node, IntUnaryOperator addLayer) {
        Tensor x = input(node, 0);
        if (x.isConstant()) {
            define(node, Tensor.constant(x.dims(), null, x.elemType()));
            return;
        }
        define(node, Tensor.output(x.dims(), addLayer.applyAsInt(x.layer()), false));
    }

    private void cast(NodeProto node, NodeAttributes a) {
        Tensor x = input(node, 0);
        if (!a.has("to")) {
            throw new OnnxNodeException("attribute 'to' is required");
        }
        int to = (int) a.integer("to", 0);
        // A change of precision moves no data between layers.
        define(node, x.isConstant() ? ShapeFolding.cast(x, to) : passThrough(node, x));
    }

    /**
     * Add, Sum, Sub, Mul, Div. Constants alone fold; layer outputs with each other make an ELTWISE layer; one
     * layer output with constants is folded into its CONV/FC when it is a per-channel bias or scale of that
     * layer's sole consumer, and is a one-input ELTWISE layer otherwise.
     */
    private void eltwise(NodeProto node, String op, LayerFunction function) {
        if (node.getInputCount() == 0) {
            throw new OnnxNodeException("the node has no input");
        }
        List<Tensor> operands = new ArrayList<>();
        List<Tensor> layers = new ArrayList<>();
        List<Tensor> constants = new ArrayList<>();
        int position = -1;
        for (int i = 0; i < node.getInputCount(); i++) {
            Tensor t = input(node, i);
            operands.add(t);
            if (t.isConstant()) {
                constants.add(t);
            } else {
                layers.add(t);
                position = i;
            }
        }
        if (layers.isEmpty()) {
            define(node, ShapeFolding.arithmetic(op, operands));
            return;
        }
        int[] out = operands.get(0).dims();
        for (Tensor t : operands) {
            out = Dims.broadcast(out, t.dims());
        }
        String name = node.getOutput(0);
        if (layers.size() == 1) {
            Tensor x = layers.get(0);
            if (constants.isEmpty()) {
                define(node, passThrough(node, x));
                return;
            }
            if (foldsIntoLayer(node, op, position, x, constants, out)) {
                define(node, x.withDims(x.dims(), true));
                return;
            }
            int[] constantDims = constants.get(0).dims();
            for (Tensor c : constants) {
                constantDims = Dims.broadcast(constantDims, c.dims());
            }
            requireLayout(x, out.length);
            int id = builder.eltwiseWithConstant(name, function, x.layer(),
                    Dims.toShape(Dims.rightAlign(constantDims, out.length)));
            define(node, Tensor.output(out, id, false));
            return;
        }
        int[] ids = new int[layers.size()];
        for (int i = 0; i < ids.length; i++) {
            requireLayout(layers.get(i), out.length);
            ids[i] = layers.get(i).layer();
        }
        define(node, Tensor.output(out, builder.eltwise(name, function, ids), false));
    }

    /**
     * A bias (Add, Sum, Sub) or scale (Mul, Div by the constant) on the sole consumer of a CONV/FC output, constant
     * along everything but the channel axis, is part of that layer's computation.
     */
    private boolean foldsIntoLayer(NodeProto node, String op, int position, Tensor x, List<Tensor> constants,
                                   int[] out) {
        if (!x.foldable() || uses.getOrDefault(node.getInput(position), 0) != 1 || !Arrays.equals(out, x.dims())) {
            return false;
        }
        if (op.equals("Div") && position != 0) {
            return false;
        }
        int channelAxis = rowLayers.contains(x.layer()) ? x.rank() - 1 : x.rank() >= 2 ? 1 : 0;
        for (Tensor c : constants) {
            if (c.rank() > x.rank()) {
                return false;
            }
            int[] aligned = Dims.rightAlign(c.dims(), x.rank());
            for (int i = 0; i < aligned.length; i++) {
                if (i != channelAxis && aligned[i] != 1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Broadcasting may align a layer output to a higher rank only where that keeps its NCHW shape. */
    private void requireLayout(Tensor x, int rank) {
        if (!Dims.toShape(Dims.rightAlign(x.dims(), rank)).equals(builder.shape(x.layer()))) {
            throw new OnnxNodeException("broadcasting " + Dims.text(x.dims()) + " to rank " + rank
                    + " changes its NCHW layout; not supported");
        }
    }

    private void concat(NodeProto node, NodeAttributes a) {
        List<Tensor> parts = new ArrayList<>();
        int constants = 0;
        for (int i = 0; i < node.getInputCount(); i++) {
            Tensor t = input(node, i);
            parts.add(t);
            constants += t.isConstant() ? 1 : 0;
        }
        if (parts.isEmpty()) {
            throw new OnnxNodeException("the node has no input");
        }
        long axis = a.integer("axis", 1);
        Tensor joined = ShapeFolding.concat(parts, axis);
        if (constants == parts.size()) {
            define(node, joined);
            return;
        }
        if (constants > 0) {
            throw new OnnxNodeException("concatenating layer outputs with constants is not supported");
        }
        if (parts.size() == 1) {
            define(node, passThrough(node, parts.get(0)));
            return;
        }
        if (Dims.axis(axis, parts.get(0).rank(), "axis") != 1) {
            throw new OnnxNodeException("concatenation along axis " + axis + " of " + Dims.text(parts.get(0).dims())
                    + " is not supported; only along channels (axis 1)");
        }
        int[] ids = new int[parts.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = parts.get(i).layer();
        }
        define(node, Tensor.output(joined.dims(), builder.concat(node.getOutput(0), ids), false));
    }

    private void flatten(NodeProto node, NodeAttributes a) {
        Tensor x = input(node, 0);
        int[] out = Dims.flatten(x.dims(), a.integer("axis", 1));
        if (x.isConstant()) {
            define(node, Tensor.constant(out, x.ints(), x.elemType()));
            return;
        }
        Shape target = Dims.toShape(out);
        Shape in = builder.shape(x.layer());
        if (target.equals(in)) {
            define(node, x.withDims(out, false));
        } else if (target.equals(Shape.vector(in.n(), Math.toIntExact(in.elementsPerImage())))) {
            define(node, Tensor.output(out, builder.flatten(node.getOutput(0), x.layer()), false));
        } else {
            define(node, Tensor.output(out, builder.reshape(node.getOutput(0), x.layer(), target), false));
        }
    }

    private void reshape(NodeProto node, NodeAttributes a) {
        Tensor x = input(node, 0);
        long[] shape;
        if (hasInput(node, 1)) {
            shape = knownInts(node, 1, "shape");
        } else {
            shape = a.ints("shape");
            if (shape == null) {
                throw new OnnxNodeException("the target shape (second input or attribute 'shape') is missing");
            }
        }
        reshapeLike(node, Dims.reshapeTarget(x.dims(), shape, a.smallInt("allowzero", 0) != 0));
    }

    /**
     * Reshape, Squeeze, Unsqueeze: a constant keeps its values; a layer output whose NCHW shape does not change
     * (such as 1xCx1x1 to 1xC) passes through; otherwise a RESHAPE layer.
     */
    private void reshapeLike(NodeProto node, int[] out) {
        Tensor x = input(node, 0);
        if (x.isConstant()) {
            define(node, Tensor.constant(out, x.ints(), x.elemType()));
            return;
        }
        if (out.length > 4) {
            // Only a view on the way to a Transpose and back to at most 4 dimensions (a channel shuffle).
            define(node, x.withDims(out, false));
            return;
        }
        Shape target = Dims.toShape(out);
        if (target.equals(builder.shape(x.layer()))) {
            define(node, x.withDims(out, x.foldable() && uses.getOrDefault(node.getInput(0), 0) == 1));
        } else {
            define(node, Tensor.output(out, builder.reshape(node.getOutput(0), x.layer(), target), false));
        }
    }

    /** Squeeze and Unsqueeze axes: the second input (opset 13) or the attribute; null when neither. */
    private long[] axes(NodeProto node, NodeAttributes a) {
        return hasInput(node, 1) ? knownInts(node, 1, "axes") : a.ints("axes");
    }

    private void pad(NodeProto node, NodeAttributes a) {
        Tensor x = layerInput(node, 0);
        requireImage(x, "Pad");
        long[] pads;
        if (hasInput(node, 1)) {
            pads = knownInts(node, 1, "pads");
        } else {
            pads = a.has("pads") ? a.ints("pads") : a.ints("paddings");
            if (pads == null) {
                throw new OnnxNodeException("the pads (second input or attribute 'pads') are missing");
            }
        }
        int rank = x.rank();
        long[] full = new long[2 * rank];
        if (hasInput(node, 3)) {
            long[] axes = knownInts(node, 3, "axes");
            if (pads.length != 2 * axes.length) {
                throw new OnnxNodeException("pads has " + pads.length + " values for " + axes.length + " axes");
            }
            for (int i = 0; i < axes.length; i++) {
                int axis = Dims.axis(axes[i], rank, "axis");
                full[axis] = pads[i];
                full[axis + rank] = pads[i + axes.length];
            }
        } else {
            if (pads.length != 2 * rank) {
                throw new OnnxNodeException("pads has " + pads.length + " values; a rank-" + rank + " input needs "
                        + 2 * rank);
            }
            full = pads;
        }
        for (long p : full) {
            if (p < 0 || p > Integer.MAX_VALUE) {
                throw new OnnxNodeException("pads " + Arrays.toString(full) + " has " + p
                        + "; negative padding (cropping) is not supported");
            }
        }
        if (full[0] != 0 || full[1] != 0 || full[4] != 0 || full[5] != 0) {
            throw new OnnxNodeException("pads " + Arrays.toString(full)
                    + " pads the batch or channel axis; only spatial (H, W) padding is supported");
        }
        Padding padding = new Padding((int) full[2], (int) full[3], (int) full[6], (int) full[7]);
        if (padding.isNone()) {
            define(node, passThrough(node, x));
            return;
        }
        int id = builder.pad(node.getOutput(0), x.layer(), padding);
        define(node, Tensor.output(Dims.of(builder.shape(id)), id, false));
    }

    /**
     * Slice of a constant folds; of a layer output it may take a range of channels (step 1), a SLICE layer as a
     * Split's outputs are, and keep every other axis whole.
     */
    private void slice(NodeProto node, NodeAttributes a) {
        Tensor data = input(node, 0);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = null;
        if (hasInput(node, 1)) {
            starts = knownInts(node, 1, "starts");
            ends = knownInts(node, 2, "ends");
            axes = hasInput(node, 3) ? knownInts(node, 3, "axes") : null;
            steps = hasInput(node, 4) ? knownInts(node, 4, "steps") : null;
        } else {
            starts = a.ints("starts");
            ends = a.ints("ends");
            axes = a.ints("axes");
            if (starts == null || ends == null) {
                throw new OnnxNodeException("the starts and ends (inputs or attributes) are required");
            }
        }
        if (data.isConstant()) {
            define(node, ShapeFolding.slice(data, starts, ends, axes, steps));
            return;
        }
        ShapeFolding.SliceBox box = ShapeFolding.sliceBox(data.dims(), starts, ends, axes, steps);
        int cut = -1;
        for (int i = 0; i < data.rank(); i++) {
            if (box.out()[i] != data.dims()[i] || box.step()[i] != 1) {
                if (cut >= 0 || box.step()[i] != 1) {
                    throw new OnnxNodeException("slicing " + Dims.text(data.dims()) + " to " + Dims.text(box.out())
                            + (box.step()[i] != 1 ? " in steps of " + box.step()[i] : "") + " is not supported; a"
                            + " layer output may only be sliced along one axis, the channels, in steps of 1");
                }
                cut = i;
            }
        }
        define(node, cut < 0 ? passThrough(node, data)
                : channels(node, node.getOutput(0), data, cut, box.begin()[cut], box.out()[cut]));
    }

    /** A Constant node: value (a tensor), value_int(s), value_float(s), or a sparse or string value. */
    private static Tensor constant(NodeAttributes a) {
        TensorProto t = a.tensor("value");
        if (t != null) {
            return TensorData.constant(t);
        }
        AttributeProto attr;
        if ((attr = a.raw("value_int")) != null) {
            return Tensor.constant(Dims.SCALAR, new long[] {attr.getI()}, TensorData.INT64);
        }
        if ((attr = a.raw("value_ints")) != null) {
            long[] v = a.ints("value_ints");
            return Tensor.constant(new int[] {v.length}, v, TensorData.INT64);
        }
        if ((attr = a.raw("value_float")) != null) {
            float f = attr.getF();
            return Tensor.constant(Dims.SCALAR, TensorData.isWhole(f) ? new long[] {(long) f} : null,
                    new double[] {f}, TensorData.FLOAT);
        }
        if (a.raw("value_floats") != null) {
            double[] reals = a.floats("value_floats");
            long[] v = new long[reals.length];
            boolean whole = true;
            for (int i = 0; i < v.length; i++) {
                whole &= TensorData.isWhole(reals[i]);
                v[i] = (long) reals[i];
            }
            return Tensor.constant(new int[] {v.length}, whole ? v : null, reals, TensorData.FLOAT);
        }
        if ((attr = a.raw("sparse_value")) != null) {
            int[] dims = new int[attr.getSparseTensor().getDimsCount()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = Dims.toDim(attr.getSparseTensor().getDims(i), "attribute 'sparse_value'");
            }
            return Tensor.constant(dims, null, attr.getSparseTensor().getValues().getDataType());
        }
        if (a.raw("value_string") != null) {
            return Tensor.constant(Dims.SCALAR, null, TensorProto.DataType.STRING_VALUE);
        }
        if ((attr = a.raw("value_strings")) != null) {
            return Tensor.constant(new int[] {attr.getStringsCount()}, null, TensorProto.DataType.STRING_VALUE);
        }
        throw new OnnxNodeException("no value attribute (value, value_int(s), value_float(s), sparse_value)");
    }

    // ---- inputs and outputs ----------------------------------------------------------------------------

    /**
     * Biases, normalization statistics, clip bounds and the like take no part in the layer graph; one computed
     * by layers would be a data edge the network cannot show.
     */
    private void requireConstantParameters(NodeProto node) {
        int first = switch (node.getOpType()) {
            case "Conv", "Gemm", "ConvTranspose" -> 2;
            case "BatchNormalization", "Clip", "Dropout", "Pad", "Reshape", "Squeeze", "Unsqueeze", "ReduceMean",
                    "ReduceSum", "ReduceMax", "ReduceMin", "LayerNormalization", "Slice", "Split", "Resize",
                    "Upsample" -> 1;
            default -> node.getInputCount();
        };
        for (int i = first; i < node.getInputCount(); i++) {
            if (hasInput(node, i) && !input(node, i).isConstant()) {
                throw new OnnxNodeException("input '" + node.getInput(i) + "' is computed by the graph; only constants"
                        + " are supported as " + node.getOpType() + " input " + i);
            }
        }
    }

    private static boolean hasInput(NodeProto node, int i) {
        return i < node.getInputCount() && !node.getInput(i).isEmpty();
    }

    private Tensor input(NodeProto node, int i) {
        if (!hasInput(node, i)) {
            throw new OnnxNodeException("input " + i + " is missing");
        }
        String name = node.getInput(i);
        Tensor t = tensors.get(name);
        if (t == null) {
            String why = unusable.get(name);
            throw new OnnxNodeException(why != null ? why : "input tensor '" + name + "' is not known");
        }
        return t;
    }

    private Tensor layerInput(NodeProto node, int i) {
        Tensor t = input(node, i);
        if (t.isConstant()) {
            throw new OnnxNodeException("input '" + node.getInput(i) + "' is a constant (" + Dims.text(t.dims())
                    + "); " + node.getOpType() + " needs a layer output there");
        }
        return t;
    }

    private Tensor weight(NodeProto node, int i) {
        Tensor t = input(node, i);
        if (!t.isConstant()) {
            throw new OnnxNodeException("weight '" + node.getInput(i) + "' is computed by the graph; only constant"
                    + " weights (initializers, Constant nodes) are supported");
        }
        return t;
    }

    private Tensor constantInput(NodeProto node, int i, String op) {
        Tensor t = input(node, i);
        if (!t.isConstant()) {
            throw new OnnxNodeException(op + " of a layer output ('" + node.getInput(i) + "') is not supported; "
                    + op + " may only work on shapes and constants");
        }
        return t;
    }

    private long[] knownInts(NodeProto node, int i, String what) {
        Tensor t = input(node, i);
        if (!t.isConstant() || t.ints() == null || TensorData.isFloatType(t.elemType())) {
            throw new OnnxNodeException(what + " '" + node.getInput(i) + "' is not a constant of known integer values");
        }
        return t.ints();
    }

    private static void requireImage(Tensor x, String op) {
        if (x.rank() != 4) {
            throw new OnnxNodeException(op + " needs a 4-D input (N x C x H x W), got " + Dims.text(x.dims()));
        }
    }

    /** The input's producer under the output's name; foldability survives only a sole consumer. */
    private Tensor passThrough(NodeProto node, Tensor x) {
        if (x.isConstant()) {
            return x;
        }
        return x.withDims(x.dims(), x.foldable() && uses.getOrDefault(node.getInput(0), 0) == 1);
    }

    private void define(NodeProto node, Tensor t) {
        if (!t.isConstant() && t.rank() > 4) {
            if (Dims.elements(t.dims()) != builder.shape(t.layer()).elements()) {
                throw new IllegalStateException("tensor '" + node.getOutput(0) + "' of " + Dims.text(t.dims())
                        + " disagrees with layer shape " + builder.shape(t.layer()));
            }
        } else if (!t.isConstant() && !Dims.toShape(t.dims()).equals(builder.shape(t.layer()))) {
            throw new IllegalStateException("tensor '" + node.getOutput(0) + "' of " + Dims.text(t.dims())
                    + " disagrees with layer shape " + builder.shape(t.layer()));
        }
        tensors.put(node.getOutput(0), t);
    }
}
