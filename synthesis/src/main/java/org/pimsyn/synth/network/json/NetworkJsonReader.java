package org.pimsyn.synth.network.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonProblems;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/**
 * Reads a network in the PIMSYN network JSON format (the PIMCOMP frontend format the original PIMSYN tool
 * takes): a list of nodes, or an object whose {@code node_list} is that list. Every node is rebuilt with
 * {@link NetworkBuilder} and its recorded {@code output_dim}, {@code input_dim} and channel counts are checked
 * against the inferred shapes. A fused activation ({@code with_act}) becomes a separate activation layer named
 * {@code <node>/relu} ({@code /tanh}, {@code /sigmoid}); dropout is passed through. Any problem is an
 * {@link InputException} naming the file and the node.
 */
public final class NetworkJsonReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byName = new HashMap<>();

    private NetworkJsonReader(String source) {
        this.source = source;
    }

    /** Reads {@code file}; the network is named after the file without its extension. */
    public static Network read(Path file) {
        String text = InputFiles.readJson(file, "network JSON");
        return parse(text, file.toString(), stem(file));
    }

    /**
     * Parses JSON text.
     *
     * @param source      what error messages call the text, usually its file name
     * @param networkName the name of the network built
     */
    public static Network parse(String json, String source, String networkName) {
        NetworkJsonReader reader = new NetworkJsonReader(source);
        reader.collect(reader.tree(json));
        reader.checkLinks();
        return reader.build(networkName);
    }

    private static String stem(Path file) {
        String name = file.getFileName() == null ? "network" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private JsonNode tree(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(source + ": malformed JSON" + where + ": " + JsonProblems.plain(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InputException(source + ": the file is empty; expected a JSON list of network nodes");
        }
        return root;
    }

    private void collect(JsonNode root) {
        JsonNode list = root.isObject() && root.has("node_list") ? root.get("node_list") : root;
        if (!list.isArray()) {
            throw new InputException(source + ": expected a JSON list of network nodes (or an object whose \"node_list\""
                    + " is that list), got " + kind(list));
        }
        if (list.isEmpty()) {
            throw new InputException(source + ": the list of network nodes is empty");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode json = list.get(i);
            if (!json.isObject()) {
                throw new InputException(source + ": node #" + i + ": expected a JSON object, got " + kind(json));
            }
            JsonNode name = json.get("name");
            if (name == null || name.isNull()) {
                throw new InputException(source + ": node #" + i + ": missing field 'name'");
            }
            if (!name.isTextual() || name.asText().isBlank()) {
                throw new InputException(source + ": node #" + i + ": field 'name' must be a non-empty string, got " + name);
            }
            JsonNode operation = json.get("operation");
            if (operation == null || operation.isNull()) {
                throw new InputException(source + ": node '" + name.asText() + "': missing field 'operation'");
            }
            if (!operation.isTextual()) {
                throw new InputException(source + ": node '" + name.asText() + "': field 'operation' must be a string, got "
                        + operation);
            }
            Entry entry = new Entry(i, json, name.asText(), operation.asText());
            if (byName.putIfAbsent(entry.name, entry) != null) {
                throw entry.error("another node has the same name");
            }
            entries.add(entry);
        }
    }

    private static String kind(JsonNode node) {
        return node.isContainerNode() ? (node.isArray() ? "a list" : "an object") : node.getNodeType().name().toLowerCase(
                Locale.ROOT) + " " + node;
    }

    /** The provider and consumer lists, their counts and indices must all describe the same graph. */
    private void checkLinks() {
        for (Entry e : entries) {
            for (String p : e.providers) {
                if (!byName.containsKey(p)) {
                    throw e.error("provider '" + p + "' is not a node of the file");
                }
                Entry provider = byName.get(p);
                if (provider.consumers != null && !provider.consumers.contains(e.name)) {
                    throw e.error("takes input from '" + p + "', but '" + p + "' does not list it among its consumers");
                }
            }
            if (e.consumers != null) {
                for (String c : e.consumers) {
                    Entry consumer = byName.get(c);
                    if (consumer == null) {
                        throw e.error("consumer '" + c + "' is not a node of the file");
                    }
                    if (!consumer.providers.contains(e.name)) {
                        throw e.error("lists consumer '" + c + "', but '" + c + "' does not list it among its providers");
                    }
                }
            }
            e.checkCount("provider_num", e.providers.size());
            e.checkCount("consumer_num", e.consumers == null ? 0 : e.consumers.size());
            e.checkIndices("provider_index", e.providers);
            e.checkIndices("consumer_index", e.consumers == null ? List.of() : e.consumers);
        }
    }

    private Network build(String networkName) {
        NetworkBuilder builder = new NetworkBuilder(networkName);
        Map<String, Integer> outputs = new HashMap<>();
        for (Entry e : topologicalOrder()) {
            try {
                outputs.put(e.name, e.addTo(builder, outputs));
            } catch (IllegalArgumentException ex) {
                // The builder's messages already name the layer.
                throw new InputException(source + ": " + ex.getMessage(), ex);
            }
        }
        return builder.build();
    }

    /** Kahn's algorithm, taking the earliest ready node of the file first so ordered files keep their order. */
    private List<Entry> topologicalOrder() {
        int n = entries.size();
        int[] pending = new int[n];
        List<List<Integer>> consumersOf = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            consumersOf.add(new ArrayList<>());
        }
        for (Entry e : entries) {
            Set<String> distinct = new LinkedHashSet<>(e.providers);
            pending[e.position] = distinct.size();
            for (String p : distinct) {
                consumersOf.get(byName.get(p).position).add(e.position);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        List<Entry> order = new ArrayList<>(n);
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(entries.get(i));
            for (int c : consumersOf.get(i)) {
                if (--pending[c] == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < n) {
            throw cycle(pending);
        }
        return order;
    }

    /** Every node left unordered waits on another unordered provider, so walking providers must loop. */
    private InputException cycle(int[] pending) {
        int start = 0;
        while (pending[start] == 0) {
            start++;
        }
        List<Integer> path = new ArrayList<>();
        int current = start;
        while (!path.contains(current)) {
            path.add(current);
            for (String p : entries.get(current).providers) {
                int position = byName.get(p).position;
                if (pending[position] > 0) {
                    current = position;
                    break;
                }
            }
        }
        List<String> loop = new ArrayList<>();
        for (int i = path.indexOf(current); i < path.size(); i++) {
            loop.add("'" + entries.get(path.get(i)).name + "'");
        }
        Collections.reverse(loop);
        loop.add(loop.get(0));
        return new InputException(source + ": node " + loop.get(0) + " depends on itself through its providers: "
                + String.join(" -> ", loop));
    }

    /** One node of the file. */
    private final class Entry {
        final int position;
        final JsonNode json;
        final String name;
        final String operation;
        final List<String> providers;
        /** Null where the node has no "consumer" field. */
        final List<String> consumers;

        Entry(int position, JsonNode json, String name, String operation) {
            this.position = position;
            this.json = json;
            this.name = name;
            this.operation = operation;
            List<String> p = names("provider");
            this.providers = p == null ? List.of() : p;
            this.consumers = names("consumer");
        }

        InputException error(String message) {
            return new InputException(source + ": node '" + name + "' (" + operation + "): " + message);
        }

        private List<String> names(String field) {
            JsonNode list = json.get(field);
            if (list == null || list.isNull()) {
                return null;
            }
            if (!list.isArray()) {
                throw error("field '" + field + "' must be a list of node names, got " + list);
            }
            List<String> result = new ArrayList<>(list.size());
            for (JsonNode item : list) {
                if (!item.isTextual()) {
                    throw error("field '" + field + "' must be a list of node names, got " + list);
                }
                result.add(item.asText());
            }
            return result;
        }

        void checkCount(String field, int expected) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull() && integer(value, field) != expected) {
                throw error("field '" + field + "' is " + value + " but the node lists " + expected);
            }
        }

        void checkIndices(String field, List<String> linked) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                return;
            }
            List<Integer> expected = new ArrayList<>(linked.size());
            for (String l : linked) {
                expected.add(byName.get(l).position);
            }
            List<Integer> actual = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    actual.add(integer(item, field));
                }
            }
            if (!value.isArray() || !actual.equals(expected)) {
                throw error("field '" + field + "' is " + value + " but the positions of the nodes it names are " + expected);
            }
        }

        int addTo(NetworkBuilder builder, Map<String, Integer> outputs) {
            if (!JsonOps.SUPPORTED.contains(operation)) {
                throw error("operation '" + operation + "' is not supported; supported: " + String.join(", ", JsonOps.SUPPORTED));
            }
            int[] outDims = dims("output_dim");
            checkCount("output_dim_num", outDims.length);
            List<Integer> inputs = new ArrayList<>(providers.size());
            for (String p : providers) {
                inputs.add(outputs.get(p));
            }
            if (inputs.isEmpty() && !operation.equals(JsonOps.INPUT)) {
                throw error("missing field 'provider': the node needs its input");
            }
            if (!inputs.isEmpty()) {
                checkInputDim(builder.shape(inputs.get(0)));
            }
            if (operation.equals(JsonOps.DROPOUT)) {
                int input = single(inputs);
                checkOutput(builder.shape(input), outDims);
                return input;
            }
            int id = addLayer(builder, inputs, outDims);
            checkOutput(builder.shape(id), outDims);
            return addFusedActivations(builder, id);
        }

        private int addLayer(NetworkBuilder builder, List<Integer> inputs, int[] outDims) {
            if (operation.equals(JsonOps.INPUT)) {
                if (!inputs.isEmpty()) {
                    throw error("an input node takes no providers, got " + providers);
                }
                return builder.input(name, shape(outDims, "output_dim"));
            }
            return switch (operation) {
                case JsonOps.CONV -> conv(builder, single(inputs), outDims);
                case JsonOps.POOL -> pool(builder, single(inputs), outDims);
                case JsonOps.FC -> fc(builder, single(inputs), outDims);
                case JsonOps.RELU -> builder.activation(name, single(inputs),
                        paramNumber("negative_slope", 0.0) == 0.0 ? LayerFunction.RELU : LayerFunction.LEAKY_RELU);
                case JsonOps.ELTWISE -> eltwise(builder, inputs);
                case JsonOps.CONCAT -> {
                    requireAxis("axis");
                    yield builder.concat(name, inputs.stream().mapToInt(Integer::intValue).toArray());
                }
                case JsonOps.FLATTEN -> {
                    requireAxis("axis");
                    yield builder.flatten(name, single(inputs));
                }
                case JsonOps.RESHAPE -> builder.reshape(name, single(inputs), shape(outDims, "output_dim"));
                case JsonOps.LRN -> builder.lrn(name, single(inputs));
                case JsonOps.SOFTMAX -> builder.softmax(name, single(inputs), LayerFunction.SOFTMAX);
                case JsonOps.LOG_SOFTMAX -> builder.softmax(name, single(inputs), LayerFunction.LOG_SOFTMAX);
                case JsonOps.PAD -> builder.pad(name, single(inputs), padding());
                case JsonOps.SLICE -> {
                    requireAxis("axis");
                    int begin = paramInt("begin");
                    yield builder.slice(name, single(inputs), begin, paramInt("end") - begin);
                }
                case JsonOps.RESIZE -> builder.resize(name, single(inputs), resizeMode(),
                        shape(outDims, "output_dim").h(), shape(outDims, "output_dim").w());
                case JsonOps.COL2IM -> col2im(builder, single(inputs), outDims);
                default -> builder.activation(name, single(inputs), JsonOps.activationFunction(operation));
            };
        }

        private int conv(NetworkBuilder builder, int input, int[] outDims) {
            Window window = window();
            int groups = paramInt("group", 1);
            int inChannels = paramInt("input_channel");
            int outChannels = paramInt("output_channel");
            Shape in = builder.shape(input);
            checkInputChannels(inChannels, in, in.c(), "channels");
            checkOutChannels(outChannels, outDims);
            return builder.conv(name, input, outChannels, window, groups);
        }

        /** Checked as a CONV's channels are: the patches it reads and the channels it writes. */
        private int col2im(NetworkBuilder builder, int input, int[] outDims) {
            Window window = window();
            Shape in = builder.shape(input);
            checkInputChannels(paramInt("input_channel"), in, in.c(), "channels");
            checkOutChannels(paramInt("output_channel"), outDims);
            Shape out = shape(outDims, "output_dim");
            return builder.col2im(name, input, window, out.h(), out.w());
        }

        private LayerFunction resizeMode() {
            int mode = paramInt("mode");
            return switch (mode) {
                case JsonOps.RESIZE_NEAREST -> LayerFunction.NEAREST;
                case JsonOps.RESIZE_LINEAR -> LayerFunction.LINEAR;
                default -> throw error("param.mode must be " + JsonOps.RESIZE_NEAREST + " (nearest) or "
                        + JsonOps.RESIZE_LINEAR + " (linear), got " + mode);
            };
        }

        private int fc(NetworkBuilder builder, int input, int[] outDims) {
            int inFeatures = paramInt("input_channel");
            int outFeatures = paramInt("output_channel");
            Shape in = builder.shape(input);
            checkInputChannels(inFeatures, in, in.elementsPerImage(), "features");
            checkOutChannels(outFeatures, outDims);
            return builder.fc(name, input, outFeatures);
        }

        /** A CONV reads the provider's channels, an FC all of its C x H x W features. */
        private void checkInputChannels(int declared, Shape in, long provided, String unit) {
            if (declared != provided) {
                throw error("param.input_channel " + declared + " does not match provider '" + providers.get(0)
                        + "' of shape " + in + " (" + provided + " " + unit + ")");
            }
        }

        private void checkOutChannels(int outChannels, int[] outDims) {
            if (outChannels != outDims[1]) {
                throw error("param.output_channel " + outChannels + " does not match output_dim " + Arrays.toString(outDims));
            }
        }

        private int pool(NetworkBuilder builder, int input, int[] outDims) {
            int method = paramInt("pool_method");
            LayerFunction function = switch (method) {
                case JsonOps.POOL_MAX -> LayerFunction.MAX;
                case JsonOps.POOL_AVERAGE -> LayerFunction.AVERAGE;
                default -> throw error("param.pool_method must be " + JsonOps.POOL_MAX + " (max) or " + JsonOps.POOL_AVERAGE
                        + " (average), got " + method);
            };
            if (paramFlag("global", 0) == 1) {
                return builder.globalPool(name, input, function);
            }
            Window window = window();
            Shape in = builder.shape(input);
            boolean ceilMode;
            if (param("ceil_mode") != null) {
                ceilMode = paramFlag("ceil_mode", 0) == 1;
            } else {
                // The format has no rounding flag; a recorded size that only ceil mode gives means ceil mode.
                Shape declared = shape(outDims, "output_dim");
                boolean floorFits = window.outputH(in.h(), false) == declared.h() && window.outputW(in.w(), false) == declared.w();
                boolean ceilFits = window.outputH(in.h(), true) == declared.h() && window.outputW(in.w(), true) == declared.w();
                ceilMode = !floorFits && ceilFits;
            }
            return builder.pool(name, input, function, window, ceilMode);
        }

        private int eltwise(NetworkBuilder builder, List<Integer> inputs) {
            int code = paramInt("eletype");
            LayerFunction function = JsonOps.eltwiseFunction(code);
            if (function == null) {
                throw error("param.eletype " + code + " is not supported; supported: " + JsonOps.eltwiseCodes());
            }
            if (inputs.size() == 1) {
                // The other operand is a constant (a weight of the model), which broadcasts onto the input.
                int input = inputs.get(0);
                return builder.addGiven(name, LayerOp.ELTWISE, function, List.of(input), builder.shape(input),
                        Window.POINTWISE, 1, false);
            }
            return builder.eltwise(name, function, inputs.stream().mapToInt(Integer::intValue).toArray());
        }

        private Padding padding() {
            for (String leading : List.of("pad_0_h", "pad_0_w", "pad_1_h", "pad_1_w")) {
                int value = paramInt(leading, 0);
                if (value != 0) {
                    throw error("param." + leading + " is " + value + ": only spatial padding (dimensions 2 and 3) is supported");
                }
            }
            // pad_<d>_h and pad_<d>_w are the padding before and after dimension d.
            int top = paramInt("pad_2_h");
            int bottom = paramInt("pad_2_w");
            int left = paramInt("pad_3_h");
            int right = paramInt("pad_3_w");
            try {
                return new Padding(top, left, bottom, right);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private Window window() {
            int kernelH = paramInt("kernel_h");
            int kernelW = paramInt("kernel_w");
            int strideH = paramInt("stride_h");
            int strideW = paramInt("stride_w");
            int top = paramInt("pad_h0", 0);
            int bottom = paramInt("pad_h1", 0);
            int left = paramInt("pad_w0", 0);
            int right = paramInt("pad_w1", 0);
            int dilationH = paramInt("dilation_h", 1);
            int dilationW = paramInt("dilation_w", 1);
            try {
                return new Window(kernelH, kernelW, strideH, strideW, new Padding(top, left, bottom, right), dilationH, dilationW);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private void requireAxis(String field) {
            int axis = paramInt(field, 1);
            if (axis != 1) {
                throw error("param." + field + " is " + axis + "; only axis 1 (channels) is supported");
            }
        }

        private int addFusedActivations(NetworkBuilder builder, int id) {
            // with_bn needs nothing: a fused batch normalization is folded into the weights.
            int result = id;
            if (flag("with_act", 0) == 1) {
                int type = integer("act_type", JsonOps.ACT_RELU);
                result = switch (type) {
                    case JsonOps.ACT_RELU -> builder.activation(name + "/relu", result, LayerFunction.RELU);
                    case JsonOps.ACT_TANH -> builder.activation(name + "/tanh", result, LayerFunction.TANH);
                    case JsonOps.ACT_SIGMOID -> builder.activation(name + "/sigmoid", result, LayerFunction.SIGMOID);
                    default -> throw error("act_type " + type + " is not supported; supported: " + JsonOps.ACT_RELU
                            + " (ReLU), " + JsonOps.ACT_TANH + " (tanh), " + JsonOps.ACT_SIGMOID + " (sigmoid)");
                };
            }
            if (flag("with_clip", 0) == 1) {
                result = builder.activation(name + "/clip", result, LayerFunction.CLIP);
            }
            return result;
        }

        private void checkInputDim(Shape providerShape) {
            if (json.get("input_dim") == null || json.get("input_dim").isNull()) {
                return;
            }
            int[] dims = dims("input_dim");
            checkCount("input_dim_num", dims.length);
            if (!shape(dims, "input_dim").equals(providerShape)) {
                throw error("input_dim " + Arrays.toString(dims) + " does not match provider '" + providers.get(0)
                        + "' of shape " + providerShape);
            }
        }

        private void checkOutput(Shape inferred, int[] outDims) {
            if (!shape(outDims, "output_dim").equals(inferred)) {
                throw error("output_dim " + Arrays.toString(outDims) + " does not match the shape inferred from its providers, "
                        + inferred);
            }
        }

        private int single(List<Integer> inputs) {
            if (inputs.size() != 1) {
                throw error("needs exactly one provider, got " + inputs.size() + " " + providers);
            }
            return inputs.get(0);
        }

        /** [N, C, H, W]; shorter lists leave the trailing dimensions at 1, as FC outputs [N, C] do. */
        private Shape shape(int[] dims, String field) {
            int[] d = {1, 1, 1, 1};
            System.arraycopy(dims, 0, d, 0, dims.length);
            try {
                return new Shape(d[0], d[1], d[2], d[3]);
            } catch (IllegalArgumentException e) {
                throw error("field '" + field + "' " + Arrays.toString(dims) + ": dimensions must be positive");
            }
        }

        private int[] dims(String field) {
            JsonNode value = json.get(field);
            if (value == null || value.isNull()) {
                throw error("missing field '" + field + "'");
            }
            if (!value.isArray() || value.size() < 2 || value.size() > 4) {
                throw error("field '" + field + "' must be a list of 2 to 4 integers [N, C, H, W], got " + value);
            }
            int[] dims = new int[value.size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = integer(value.get(i), field);
            }
            return dims;
        }

        private JsonNode param(String field) {
            JsonNode param = json.get("param");
            if (param == null || param.isNull()) {
                return null;
            }
            if (!param.isObject()) {
                throw error("field 'param' must be an object, got " + param);
            }
            JsonNode value = param.get(field);
            return value == null || value.isNull() ? null : value;
        }

        private int paramInt(String field) {
            JsonNode value = param(field);
            if (value == null) {
                throw error("missing field 'param." + field + "'");
            }
            return integer(value, "param." + field);
        }

        private int paramInt(String field, int fallback) {
            JsonNode value = param(field);
            return value == null ? fallback : integer(value, "param." + field);
        }

        private int paramFlag(String field, int fallback) {
            return flagValue(paramInt(field, fallback), "param." + field);
        }

        private double paramNumber(String field, double fallback) {
            JsonNode value = param(field);
            if (value == null) {
                return fallback;
            }
            if (!value.isNumber()) {
                throw error("field 'param." + field + "' must be a number, got " + value);
            }
            return value.doubleValue();
        }

        private int integer(String field, int fallback) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? fallback : integer(value, field);
        }

        private int flag(String field, int fallback) {
            return flagValue(integer(field, fallback), field);
        }

        private int flagValue(int value, String field) {
            if (value != 0 && value != 1) {
                throw error("field '" + field + "' must be 0 or 1, got " + value);
            }
            return value;
        }

        private int integer(JsonNode value, String field) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw error("field '" + field + "' must be an integer, got " + value);
            }
            return value.intValue();
        }
    }
}
