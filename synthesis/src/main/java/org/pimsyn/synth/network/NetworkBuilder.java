package org.pimsyn.synth.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assembles a {@link Network} layer by layer, in topological order, inferring every output shape.
 * Each method returns the new layer's id. Shape errors throw {@link IllegalArgumentException} naming the
 * layer; importers turn them into one-line input errors.
 */
public final class NetworkBuilder {
    /**
     * Most elements one image of a layer's output may hold (C x H x W): feature counts (an FC layer's input, a
     * flatten's output) are Java ints.
     */
    public static final long MAX_ELEMENTS_PER_IMAGE = Integer.MAX_VALUE;
    /**
     * Most output positions (H x W) summed over all layers of a network. The dataflow keeps entries per output
     * position and the simulator runs IR nodes per block of positions, so memory and time grow with this sum. 2^22
     * is 12 times that of VGG16 at 224x224 (342,467); at 6.6 million (ppocr's classifier at 480x1920) a synthesis
     * held some 4 GB and had not finished in 6 minutes, and an input of 100000x100000 (10^10 positions in its
     * first layer alone) exhausts any heap.
     */
    public static final long MAX_TOTAL_POSITIONS = 1L << 22;

    private final String name;
    private long totalPositions;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();

    public NetworkBuilder(String name) {
        this.name = name;
    }

    public int size() {
        return layers.size();
    }

    public Shape shape(int id) {
        return layers.get(id).outputShape();
    }

    public Layer layer(int id) {
        return layers.get(id);
    }

    /** The id of the layer of that name, or -1. */
    public int idOf(String layerName) {
        return ids.getOrDefault(layerName, -1);
    }

    public int input(String layerName, Shape shape) {
        return add(layerName, LayerOp.INPUT, LayerFunction.NONE, List.of(), shape, shape, Window.POINTWISE, 1, false);
    }

    public int conv(String layerName, int input, int outChannels, int kernel, int stride, int pad) {
        return conv(layerName, input, outChannels, Window.square(kernel, stride, pad), 1);
    }

    public int conv(String layerName, int input, int outChannels, Window window, int groups) {
        Shape in = shapeOf(layerName, input);
        if (outChannels <= 0) {
            throw error(layerName, "output channels must be positive, got " + outChannels);
        }
        if (groups <= 0 || in.c() % groups != 0 || outChannels % groups != 0) {
            throw error(layerName, "groups " + groups + " must divide input channels " + in.c()
                    + " and output channels " + outChannels);
        }
        Shape out = new Shape(in.n(), outChannels, windowOut(layerName, window.outputH(in.h(), false)),
                windowOut(layerName, window.outputW(in.w(), false)));
        return add(layerName, LayerOp.CONV, LayerFunction.NONE, List.of(input), in, out, window, groups, false);
    }

    public int pool(String layerName, int input, LayerFunction method, Window window, boolean ceilMode) {
        requirePoolMethod(layerName, method);
        Shape in = shapeOf(layerName, input);
        Shape out = new Shape(in.n(), in.c(), windowOut(layerName, window.outputH(in.h(), ceilMode)),
                windowOut(layerName, window.outputW(in.w(), ceilMode)));
        return add(layerName, LayerOp.POOL, method, List.of(input), in, out, window, 1, ceilMode);
    }

    public int maxPool(String layerName, int input, int kernel, int stride, int pad) {
        return pool(layerName, input, LayerFunction.MAX, Window.square(kernel, stride, pad), false);
    }

    /** Pooling over the whole feature map, to 1x1 per channel. */
    public int globalPool(String layerName, int input, LayerFunction method) {
        requirePoolMethod(layerName, method);
        Shape in = shapeOf(layerName, input);
        Window window = new Window(in.h(), in.w(), in.h(), in.w(), Padding.NONE, 1, 1);
        return add(layerName, LayerOp.POOL, method, List.of(input), in, new Shape(in.n(), in.c(), 1, 1), window, 1, false);
    }

    /** A fully connected layer over all C x H x W features of its input. */
    public int fc(String layerName, int input, int outFeatures) {
        Shape in = shapeOf(layerName, input);
        if (outFeatures <= 0) {
            throw error(layerName, "output features must be positive, got " + outFeatures);
        }
        return add(layerName, LayerOp.FC, LayerFunction.NONE, List.of(input), in, Shape.vector(in.n(), outFeatures),
                Window.POINTWISE, 1, false);
    }

    public int activation(String layerName, int input, LayerFunction function) {
        if (function.op() != LayerOp.ACTIVATION) {
            throw error(layerName, "not an activation function: " + function);
        }
        Shape in = shapeOf(layerName, input);
        return add(layerName, LayerOp.ACTIVATION, function, List.of(input), in, in, Window.POINTWISE, 1, false);
    }

    public int relu(String layerName, int input) {
        return activation(layerName, input, LayerFunction.RELU);
    }

    /** Element-wise operation with NumPy-style broadcasting of the inputs' shapes. */
    public int eltwise(String layerName, LayerFunction function, int... inputs) {
        if (function.op() != LayerOp.ELTWISE) {
            throw error(layerName, "not an element-wise function: " + function);
        }
        if (inputs.length < 2) {
            throw error(layerName, "element-wise operation needs at least two inputs, got " + inputs.length);
        }
        Shape out = shapeOf(layerName, inputs[0]);
        for (int i = 1; i < inputs.length; i++) {
            out = broadcast(layerName, out, shapeOf(layerName, inputs[i]));
        }
        return add(layerName, LayerOp.ELTWISE, function, ids(inputs), shapeOf(layerName, inputs[0]), out,
                Window.POINTWISE, 1, false);
    }

    /**
     * Element-wise operation of one layer with a constant tensor (a bias, a scale, a divisor): one provider;
     * the constant's shape broadcasts against the input's as a second operand would.
     */
    public int eltwiseWithConstant(String layerName, LayerFunction function, int input, Shape constantShape) {
        if (function.op() != LayerOp.ELTWISE) {
            throw error(layerName, "not an element-wise function: " + function);
        }
        Shape in = shapeOf(layerName, input);
        return add(layerName, LayerOp.ELTWISE, function, List.of(input), in, broadcast(layerName, in, constantShape),
                Window.POINTWISE, 1, false);
    }

    /** Concatenation along channels; spatial sizes must agree. */
    public int concat(String layerName, int... inputs) {
        if (inputs.length < 1) {
            throw error(layerName, "concatenation needs at least one input");
        }
        Shape first = shapeOf(layerName, inputs[0]);
        int channels = 0;
        for (int input : inputs) {
            Shape s = shapeOf(layerName, input);
            if (s.n() != first.n() || s.h() != first.h() || s.w() != first.w()) {
                throw error(layerName, "concatenated inputs must agree in N, H and W, got " + first + " and " + s);
            }
            channels += s.c();
        }
        return add(layerName, LayerOp.CONCAT, LayerFunction.NONE, ids(inputs), first,
                new Shape(first.n(), channels, first.h(), first.w()), Window.POINTWISE, 1, false);
    }

    /** Flattens C x H x W into a vector. */
    public int flatten(String layerName, int input) {
        Shape in = shapeOf(layerName, input);
        return add(layerName, LayerOp.FLATTEN, LayerFunction.NONE, List.of(input), in,
                Shape.vector(in.n(), Math.toIntExact(in.elementsPerImage())), Window.POINTWISE, 1, false);
    }

    /** A reshape that keeps the element count. */
    public int reshape(String layerName, int input, Shape target) {
        Shape in = shapeOf(layerName, input);
        if (in.elements() != target.elements()) {
            throw error(layerName, "reshape must keep the element count: " + in + " has " + in.elements()
                    + ", target " + target + " has " + target.elements());
        }
        return add(layerName, LayerOp.RESHAPE, LayerFunction.NONE, List.of(input), in, target, Window.POINTWISE, 1, false);
    }

    public int lrn(String layerName, int input) {
        Shape in = shapeOf(layerName, input);
        return add(layerName, LayerOp.LRN, LayerFunction.NONE, List.of(input), in, in, Window.POINTWISE, 1, false);
    }

    public int softmax(String layerName, int input, LayerFunction function) {
        if (function.op() != LayerOp.SOFTMAX) {
            throw error(layerName, "not a softmax function: " + function);
        }
        Shape in = shapeOf(layerName, input);
        return add(layerName, LayerOp.SOFTMAX, function, List.of(input), in, in, Window.POINTWISE, 1, false);
    }

    /** Spatial zero padding. */
    public int pad(String layerName, int input, Padding padding) {
        Shape in = shapeOf(layerName, input);
        Shape out = new Shape(in.n(), in.c(), in.h() + padding.top() + padding.bottom(),
                in.w() + padding.left() + padding.right());
        Window window = new Window(1, 1, 1, 1, padding, 1, 1);
        return add(layerName, LayerOp.PAD, LayerFunction.NONE, List.of(input), in, out, window, 1, false);
    }

    /**
     * Channels {@code offset} to {@code offset + channels - 1} of the input, as a channel Split or Slice takes
     * them: a view of the input that moves no data, as a concatenation is.
     */
    public int slice(String layerName, int input, int offset, int channels) {
        Shape in = shapeOf(layerName, input);
        if (channels <= 0 || offset < 0 || (long) offset + channels > in.c()) {
            throw error(layerName, "channels from " + offset + ", " + channels + " of them, are not within the "
                    + in.c() + " channels of the input");
        }
        return add(layerName, LayerOp.SLICE, LayerFunction.NONE, List.of(input), in,
                new Shape(in.n(), channels, in.h(), in.w()), Window.POINTWISE, 1, false, offset);
    }

    /** Nearest or linear interpolation of the feature map to {@code outH x outW}; the channels stay. */
    public int resize(String layerName, int input, LayerFunction mode, int outH, int outW) {
        if (mode.op() != LayerOp.RESIZE) {
            throw error(layerName, "not a resize mode: " + mode);
        }
        Shape in = shapeOf(layerName, input);
        if (outH <= 0 || outW <= 0) {
            throw error(layerName, "resizing " + in + " gives an empty " + outH + "x" + outW + " map");
        }
        Shape out = new Shape(in.n(), in.c(), outH, outW);
        return add(layerName, LayerOp.RESIZE, mode, List.of(input), in, out, Window.POINTWISE, 1, false);
    }

    /**
     * The overlap-add of a transposed convolution: input channel c x kH x kW + ky x kW + kx at (y, x) adds onto
     * output channel c at (y x stride - pad_top + ky x dilation, likewise x), so the output has C / (kH x kW)
     * channels and stride (in - 1) + dilation (kernel - 1) + 1 - pads rows, and as many more at the end as
     * {@code outH} asks (ONNX's output_padding, less than the stride or the dilation); columns likewise.
     */
    public int col2im(String layerName, int input, Window window, int outH, int outW) {
        Shape in = shapeOf(layerName, input);
        int taps = window.kernelH() * window.kernelW();
        if (in.c() % taps != 0) {
            throw error(layerName, "the input's " + in.c() + " channels are not whole kernel patches of "
                    + window.kernelH() + "x" + window.kernelW());
        }
        Padding p = window.padding();
        long fullH = (long) window.strideH() * (in.h() - 1) + window.effectiveKernelH() - p.top() - p.bottom();
        long fullW = (long) window.strideW() * (in.w() - 1) + window.effectiveKernelW() - p.left() - p.right();
        long extraH = outH - fullH;
        long extraW = outW - fullW;
        if (fullH <= 0 || fullW <= 0 || extraH < 0 || extraW < 0
                || extraH >= Math.max(window.strideH(), window.dilationH())
                || extraW >= Math.max(window.strideW(), window.dilationW())) {
            throw error(layerName, "an output of " + outH + "x" + outW + " does not follow from the input's "
                    + in.h() + "x" + in.w() + " and window " + window + ": it must be " + fullH + "x" + fullW
                    + " with fewer extra rows and columns than the stride or dilation");
        }
        return add(layerName, LayerOp.COL2IM, LayerFunction.NONE, List.of(input), in,
                new Shape(in.n(), in.c() / taps, outH, outW), window, 1, false);
    }

    /**
     * Adds a layer whose output shape is given rather than inferred (file formats that record shapes);
     * the shape is still checked against the providers where the op defines it.
     */
    public int addGiven(String layerName, LayerOp op, LayerFunction function, List<Integer> providers, Shape outputShape,
                        Window window, int groups, boolean ceilMode) {
        Shape in = providers.isEmpty() ? outputShape : shapeOf(layerName, providers.get(0));
        return add(layerName, op, function, providers, in, outputShape, window, groups, ceilMode);
    }

    public Network build() {
        List<List<Integer>> consumers = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            consumers.add(new ArrayList<>());
        }
        for (Layer layer : layers) {
            for (int p : layer.providers()) {
                consumers.get(p).add(layer.id());
            }
        }
        List<Layer> done = new ArrayList<>(layers.size());
        for (Layer layer : layers) {
            done.add(layer.withConsumers(consumers.get(layer.id())));
        }
        return new Network(name, done);
    }

    private int add(String layerName, LayerOp op, LayerFunction function, List<Integer> providers, Shape in, Shape out,
                    Window window, int groups, boolean ceilMode) {
        return add(layerName, op, function, providers, in, out, window, groups, ceilMode, 0);
    }

    private int add(String layerName, LayerOp op, LayerFunction function, List<Integer> providers, Shape in, Shape out,
                    Window window, int groups, boolean ceilMode, int channelOffset) {
        if (layerName == null || layerName.isBlank()) {
            throw new IllegalArgumentException("layer " + layers.size() + ": a layer needs a name");
        }
        if (ids.containsKey(layerName)) {
            throw error(layerName, "a layer of that name already exists");
        }
        for (int p : providers) {
            if (p < 0 || p >= layers.size()) {
                throw error(layerName, "provider id " + p + " is not an earlier layer");
            }
        }
        int id = layers.size();
        Layer layer;
        try {
            layer = new Layer(id, layerName, op, function, in, out, window, groups, ceilMode, channelOffset, providers,
                    List.of());
        } catch (IllegalArgumentException e) {
            throw error(layerName, e.getMessage());
        }
        long positions = checkSize(layer);
        layers.add(layer);
        totalPositions += positions;
        ids.put(layerName, id);
        return id;
    }

    /** Checks the limits of {@link #MAX_ELEMENTS_PER_IMAGE} and {@link #MAX_TOTAL_POSITIONS}; returns H x W. */
    private long checkSize(Layer layer) {
        Shape out = layer.outputShape();
        long positions = (long) out.h() * out.w();
        if (positions > MAX_TOTAL_POSITIONS || positions * out.c() > MAX_ELEMENTS_PER_IMAGE) {
            throw error(layer.name(), "output " + out + " is too large: at most "
                    + String.format(Locale.ROOT, "%,d", MAX_ELEMENTS_PER_IMAGE) + " elements (C x H x W)"
                    + " and " + String.format(Locale.ROOT, "%,d", MAX_TOTAL_POSITIONS)
                    + " positions (H x W) per layer are allowed; give a smaller input shape");
        }
        if (totalPositions + positions > MAX_TOTAL_POSITIONS) {
            throw error(layer.name(), "the network is too large: its layers' output positions (H x W) add up to "
                    + "more than " + String.format(Locale.ROOT, "%,d", MAX_TOTAL_POSITIONS)
                    + " by this layer (output " + out + "); give a smaller input shape");
        }
        if (layer.hasWeights()) {
            // Rows of the weight matrix are ints; weights and MACs are longs.
            long rows = layer.op() == LayerOp.FC ? layer.inputShape().elementsPerImage()
                    : (long) layer.window().kernelH() * layer.window().kernelW()
                            * (layer.inputShape().c() / layer.groups());
            boolean fits = rows <= Integer.MAX_VALUE;
            try {
                Math.multiplyExact(Math.multiplyExact(rows, (long) out.c()), positions);
            } catch (ArithmeticException e) {
                fits = false;
            }
            if (!fits) {
                throw error(layer.name(), "the layer is too large: " + rows + " weight rows (at most "
                        + Integer.MAX_VALUE + ") or more than 2^63 MACs; give a smaller input shape or kernel");
            }
        }
        return positions;
    }

    private Shape shapeOf(String layerName, int id) {
        if (id < 0 || id >= layers.size()) {
            throw error(layerName, "provider id " + id + " is not an earlier layer");
        }
        return layers.get(id).outputShape();
    }

    private static int windowOut(String layerName, int extent) {
        if (extent <= 0) {
            throw error(layerName, "the window does not fit the input (output extent " + extent + ")");
        }
        return extent;
    }

    private static void requirePoolMethod(String layerName, LayerFunction method) {
        if (method != LayerFunction.MAX && method != LayerFunction.AVERAGE) {
            throw error(layerName, "pooling method must be MAX or AVERAGE, got " + method);
        }
    }

    private static Shape broadcast(String layerName, Shape a, Shape b) {
        return new Shape(bdim(layerName, a.n(), b.n(), a, b), bdim(layerName, a.c(), b.c(), a, b),
                bdim(layerName, a.h(), b.h(), a, b), bdim(layerName, a.w(), b.w(), a, b));
    }

    private static int bdim(String layerName, int x, int y, Shape a, Shape b) {
        if (x == y || y == 1) {
            return x;
        }
        if (x == 1) {
            return y;
        }
        throw error(layerName, "shapes " + a + " and " + b + " do not broadcast");
    }

    private static List<Integer> ids(int[] inputs) {
        List<Integer> list = new ArrayList<>(inputs.length);
        for (int i : inputs) {
            list.add(i);
        }
        return list;
    }

    private static IllegalArgumentException error(String layerName, String message) {
        return new IllegalArgumentException("layer '" + layerName + "': " + message);
    }
}
