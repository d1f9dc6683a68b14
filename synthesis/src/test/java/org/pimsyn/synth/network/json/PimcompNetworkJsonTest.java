package org.pimsyn.synth.network.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;
import org.pimsyn.synth.network.zoo.NetworkZoo;

/**
 * The network file against what PIMCOMP-NN's backend (commit 2ed10c8) reads of it: the fields of
 * {@code GetStructNodeListFromJson}, the topology of {@code GetTopologyInformation} (backend/Preparation.cpp) and
 * the window rule of {@code GetConvPoolInputOutputInfo}.
 */
class PimcompNetworkJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What GetStructNodeListFromJson reads of every node (and input_dim_num and input_dim of all but OP_INPUT). */
    static final List<String> EVERY_NODE = List.of("bitwidth", "consumer_num", "new_node_index", "name",
            "operation", "output_dim_num", "provider_num", "provider_index", "consumer_index", "output_dim");
    /** Of OP_FC and OP_CONV nodes besides their param. */
    static final List<String> FUSED = List.of("with_bn", "with_act", "act_type", "with_clip", "clip_min", "clip_max");
    /** Of OP_FC's param. */
    static final List<String> FC_PARAM = List.of("num_input", "num_output", "with_bias");
    /** Of OP_CONV's and OP_POOL's param. */
    static final List<String> WINDOW_PARAM = List.of("kernel_h", "kernel_w", "stride_h", "stride_w", "pad_h0",
            "pad_h1", "pad_w0", "pad_w1");
    /** Of OP_CONV's param besides the window. */
    static final List<String> CONV_PARAM = List.of("dilation_h", "dilation_w", "input_channel", "output_channel",
            "group", "with_bias");

    private static JsonNode parse(PimcompNetworkJson export) throws Exception {
        return MAPPER.readTree(export.toJson());
    }

    @Test
    void alexNetHasEveryFieldTheBackendReadsAndItsActivationsMerged() throws Exception {
        PimcompNetworkJson export = PimcompNetworkJson.of(NetworkZoo.build("alexnet"), 16, 16);
        JsonNode root = parse(export);
        assertTrue(root.isObject(), "GetStructNodeListFromJson indexes DNNInfo[\"node_list\"]");
        JsonNode list = root.get("node_list");
        checkBackendFields(list);
        checkTopology(list);
        checkWindows(list);
        // The 7 ReLUs after conv1-5, fc6 and fc7 are merged; no OP_RELU node is left for the loop at line 520.
        assertEquals(List.of("relu1", "relu2", "relu3", "relu4", "relu5", "relu6", "relu7"),
                export.mergedActivations());
        assertEquals(List.of(), export.unmergedActivations());
        assertEquals(13, list.size(), "20 layers less 7 merged ReLUs");
        Map<String, JsonNode> byName = byName(list);
        for (String name : List.of("conv1", "conv2", "conv3", "conv4", "conv5", "fc6", "fc7")) {
            assertEquals(1, byName.get(name).get("with_act").asInt(), name);
            assertEquals(0, byName.get(name).get("act_type").asInt(), name + ": ReLU");
        }
        assertEquals(0, byName.get("fc8").get("with_act").asInt());
        assertEquals(-1, byName.get("fc8").get("act_type").asInt());
        // FC: PIMCOMP sizes the matrix from param.num_input x param.num_output.
        assertEquals(9216, byName.get("fc6").get("param").get("num_input").asInt());
        assertEquals(4096, byName.get("fc6").get("param").get("num_output").asInt());
        assertEquals(4096, byName.get("fc8").get("param").get("num_input").asInt());
        assertEquals(1000, byName.get("fc8").get("param").get("num_output").asInt());
        // conv1's consumer is pool1 now, relu1 being merged; pool1 reads conv1.
        assertEquals("[\"pool1\"]", byName.get("conv1").get("consumer").toString());
        assertEquals("[\"conv1\"]", byName.get("pool1").get("provider").toString());
        assertEquals("{\"name\":\"fc6\",\"input_dim\":[1,256,6,6],\"output_dim\":[1,9216]}",
                root.get("reshape_info").toString());
        assertEquals(5, export.weightNodes().stream().filter(w -> w.operation().equals("OP_CONV")).count());
        PimcompNetworkJson.WeightNode conv2 = export.weightNodes().get(1);
        assertEquals("conv2", conv2.name());
        assertEquals(5 * 5 * 64, conv2.height());
        assertEquals(192, conv2.width());
        assertEquals(byName.get("conv2").get("new_node_index").asInt(), conv2.nodeIndex());
    }

    @Test
    void resNet18KeepsTheReluAfterEachAdditionAsANode() throws Exception {
        PimcompNetworkJson export = PimcompNetworkJson.of(NetworkZoo.build("resnet18"), 16, 16);
        JsonNode list = parse(export).get("node_list");
        checkBackendFields(list);
        checkTopology(list);
        checkWindows(list);
        assertEquals(List.of(), export.unmergedActivations());
        int relus = 0;
        for (JsonNode node : list) {
            if (node.get("operation").asText().equals("OP_RELU")) {
                relus++;
                JsonNode provider = list.get(node.get("provider_index").get(0).asInt());
                assertEquals("OP_ELTWISE", provider.get("operation").asText(), node.get("name").asText());
            }
        }
        assertEquals(8, relus, "one ReLU after each of the 8 residual additions");
        assertEquals(9, export.mergedActivations().size(), "the stem's and each block's first ReLU");
        assertEquals(21, export.weightNodes().size());
        Map<String, JsonNode> byName = byName(list);
        JsonNode add = byName.get("layer4.0.add");
        assertEquals(2, add.get("param").get("eletype").asInt(), "PIMCOMP's VVADD");
        assertEquals("[\"layer4.0.conv2\",\"layer4.0.downsample\"]", add.get("provider").toString());
        assertEquals("{\"name\":\"fc\",\"input_dim\":[1,512,1,1],\"output_dim\":[1,512]}",
                parse(export).get("reshape_info").toString());
    }

    /**
     * Every key of every node of PIMCOMP-NN's own resnet18.json and alexnet.json (its frontend's output) that its
     * backend reads, our nodes of the same operation have too.
     */
    @Test
    void nodesHaveTheKeysOfPimcompsOwnModels() throws Exception {
        Map<String, Set<String>> ours = keysByOperation(parse(PimcompNetworkJson.of(NetworkZoo.build("resnet18"),
                16, 16)).get("node_list"));
        Map<String, Set<String>> alexnet = keysByOperation(parse(PimcompNetworkJson.of(NetworkZoo.build("alexnet"),
                16, 16)).get("node_list"));
        alexnet.forEach((op, keys) -> ours.computeIfAbsent(op, k -> new HashSet<>()).addAll(keys));
        for (String model : List.of("resnet18", "alexnet")) {
            Path file = TestData.shared("tools/pimcomp-nn/models/JSON/" + model + ".json");
            JsonNode theirs = MAPPER.readTree(Files.readString(file));
            assertTrue(theirs.has("reshape_info"));
            Map<String, Set<String>> keys = keysByOperation(theirs.get("node_list"));
            int compared = 0;
            for (Map.Entry<String, Set<String>> e : keys.entrySet()) {
                if (!ours.containsKey(e.getKey())) {
                    continue;
                }
                Set<String> missing = new HashSet<>(e.getValue());
                missing.removeAll(ours.get(e.getKey()));
                assertEquals(Set.of(), missing, model + " " + e.getKey());
                compared++;
            }
            // resnet18: input, conv, pool, relu, eltwise, flatten, fc; alexnet: input, conv, pool, fc.
            assertEquals(model.equals("resnet18") ? 7 : 4, compared, model + ": operations compared");
        }
    }

    @Test
    void aCeilModePoolGetsThePaddingOfPimcompsFloorRule() throws Exception {
        NetworkBuilder b = new NetworkBuilder("ceil");
        int in = b.input("input", new Shape(1, 3, 14, 14));
        int conv = b.conv("conv", in, 8, 3, 1, 1);
        int pool = b.pool("pool", conv, LayerFunction.MAX, Window.square(3, 2, 0), true);
        b.fc("fc", b.flatten("flatten", pool), 10);
        Network net = b.build();
        assertEquals(7, net.layer("pool").outputShape().h(), "ceil((14 - 3) / 2) + 1, where floor gives 6");
        PimcompNetworkJson export = PimcompNetworkJson.of(net, 16, 16);
        JsonNode poolNode = byName(parse(export).get("node_list")).get("pool");
        assertEquals(1, poolNode.get("param").get("pad_h1").asInt());
        assertEquals(1, poolNode.get("param").get("pad_w1").asInt());
        assertEquals(0, poolNode.get("param").get("pad_h0").asInt());
        checkWindows(parse(export).get("node_list"));
        assertTrue(export.notes().get(0).contains("'pool' pools in ceil mode"), export.notes().toString());
    }

    @Test
    void aPadLayerIsMergedIntoTheConvolutionItFeeds() throws Exception {
        NetworkBuilder b = new NetworkBuilder("pad");
        int in = b.input("input", new Shape(1, 3, 8, 8));
        int c0 = b.conv("c0", in, 4, 3, 1, 1);
        int pad = b.pad("pad", c0, new Padding(1, 2, 1, 2));
        b.conv("c1", pad, 4, 3, 1, 0);
        PimcompNetworkJson export = PimcompNetworkJson.of(b.build(), 16, 16);
        JsonNode list = parse(export).get("node_list");
        assertEquals(3, list.size());
        JsonNode c1 = byName(list).get("c1");
        assertEquals("[\"c0\"]", c1.get("provider").toString());
        assertEquals("[1,4,8,8]", c1.get("input_dim").toString());
        assertEquals(2, c1.get("param").get("pad_w0").asInt());
        assertEquals(1, c1.get("param").get("pad_h1").asInt());
        checkTopology(list);
        checkWindows(list);
    }

    @Test
    void anActivationBesideOtherConsumersStaysANodeAndIsListed() throws Exception {
        NetworkBuilder b = new NetworkBuilder("branch");
        int in = b.input("input", new Shape(1, 3, 8, 8));
        int c0 = b.conv("c0", in, 4, 3, 1, 1);
        int relu = b.relu("relu", c0);
        b.eltwise("add", LayerFunction.ADD, relu, c0);
        PimcompNetworkJson export = PimcompNetworkJson.of(b.build(), 16, 16);
        assertEquals(List.of("relu"), export.unmergedActivations());
        assertEquals(List.of(), export.mergedActivations());
        JsonNode list = parse(export).get("node_list");
        assertEquals("OP_RELU", byName(list).get("relu").get("operation").asText());
        assertEquals(0, byName(list).get("c0").get("with_act").asInt());
        checkTopology(list);
    }

    @Test
    void whatTheBackendCannotCompileIsRefusedNamingTheLayer() {
        NetworkBuilder dilated = new NetworkBuilder("d");
        int in = dilated.input("input", new Shape(1, 3, 16, 16));
        dilated.conv("wide", in, 4, new Window(3, 3, 1, 1, Padding.of(2), 2, 2), 1);
        InputException e = assertThrows(InputException.class, () -> PimcompNetworkJson.of(dilated.build(), 16, 16));
        assertTrue(e.getMessage().startsWith("layer 'wide' (conv): dilation 2x2"), e.getMessage());

        NetworkBuilder product = new NetworkBuilder("p");
        in = product.input("input", new Shape(1, 3, 8, 8));
        int a = product.conv("a", in, 4, 1, 1, 0);
        int c = product.conv("c", in, 4, 1, 1, 0);
        product.eltwise("mul", LayerFunction.MUL, a, c);
        e = assertThrows(InputException.class, () -> PimcompNetworkJson.of(product.build(), 16, 16));
        assertTrue(e.getMessage().startsWith("layer 'mul' (eltwise mul): PIMCOMP-NN's backend only adds or "
                + "subtracts"), e.getMessage());

        NetworkBuilder leaky = new NetworkBuilder("l");
        in = leaky.input("input", new Shape(1, 3, 8, 8));
        leaky.activation("leaky", leaky.conv("a", in, 4, 1, 1, 0), LayerFunction.LEAKY_RELU);
        e = assertThrows(InputException.class, () -> PimcompNetworkJson.of(leaky.build(), 16, 16));
        assertTrue(e.getMessage().startsWith("layer 'leaky' (activation leaky_relu): PIMCOMP-NN's backend has no "
                + "instruction"), e.getMessage());

        NetworkBuilder poolFirst = new NetworkBuilder("f");
        in = poolFirst.input("input", new Shape(1, 3, 8, 8));
        poolFirst.conv("c", poolFirst.maxPool("pool", in, 2, 2, 0), 4, 1, 1, 0);
        e = assertThrows(InputException.class, () -> PimcompNetworkJson.of(poolFirst.build(), 16, 16));
        assertTrue(e.getMessage().startsWith("layer 'pool' (pool max): reads the network's input"), e.getMessage());

        NetworkBuilder upsampling = new NetworkBuilder("u");
        in = upsampling.input("input", new Shape(1, 4, 8, 8));
        int half = upsampling.slice("half", upsampling.conv("c", in, 4, 1, 1, 0), 2, 2);
        upsampling.resize("up", half, LayerFunction.NEAREST, 16, 16);
        e = assertThrows(InputException.class, () -> PimcompNetworkJson.of(upsampling.build(), 16, 16));
        assertEquals("layer 'half' (slice): PIMCOMP-NN has no node for it: its frontend (frontend/frontend.py)"
                + " translates no ONNX Split, Slice, Resize, Upsample or ConvTranspose", e.getMessage());
    }

    /** Every node has what GetStructNodeListFromJson reads, with the types it reads them as. */
    static void checkBackendFields(JsonNode list) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            String name = node.path("name").asText();
            for (String key : EVERY_NODE) {
                assertTrue(node.has(key), name + ": " + key);
            }
            String op = node.get("operation").asText();
            if (!op.equals("OP_INPUT")) {
                assertTrue(node.has("input_dim") && node.has("input_dim_num"), name + ": input_dim");
                assertEquals(node.get("input_dim_num").asInt(), node.get("input_dim").size(), name);
            }
            assertEquals(node.get("output_dim_num").asInt(), node.get("output_dim").size(), name);
            assertEquals(i, node.get("new_node_index").asInt(), name + ": index is the position");
            assertEquals(node.get("provider_num").asInt(), node.get("provider_index").size(), name);
            assertEquals(node.get("consumer_num").asInt(), node.get("consumer_index").size(), name);
            List<String> params = switch (op) {
                case "OP_FC" -> FC_PARAM;
                case "OP_CONV" -> concat(WINDOW_PARAM, CONV_PARAM);
                case "OP_POOL" -> concat(WINDOW_PARAM, List.of("pool_method"));
                case "OP_ELTWISE" -> List.of("eletype");
                case "OP_FLATTEN" -> List.of("axis", "end_axis");
                default -> List.of();
            };
            for (String key : params) {
                assertTrue(node.path("param").path(key).isInt(), name + ": param." + key);
            }
            if (op.equals("OP_FC") || op.equals("OP_CONV")) {
                for (String key : FUSED) {
                    assertTrue(node.path(key).isNumber(), name + ": " + key);
                }
                assertEquals(0, node.get("param").get("with_bias").asInt(), name + ": pimsyn adds no bias");
            }
        }
    }

    /**
     * Indices mirror each other and the names, providers come first, and no ReLU, tanh or sigmoid node follows a
     * CONV or FC node with no other consumer (the frontend's fusion; GetTopologyInformation's loop otherwise).
     */
    static void checkTopology(JsonNode list) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            index.put(list.get(i).get("name").asText(), i);
        }
        assertEquals("OP_INPUT", list.get(0).get("operation").asText());
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            for (int j = 0; j < node.get("provider_num").asInt(); j++) {
                int p = node.get("provider_index").get(j).asInt();
                assertTrue(p < i, node.get("name") + ": provider after it");
                assertEquals(p, index.get(node.get("provider").get(j).asText()));
                assertTrue(contains(list.get(p).get("consumer_index"), i), node.get("name") + " in its provider");
            }
            for (int j = 0; j < node.get("consumer_num").asInt(); j++) {
                int c = node.get("consumer_index").get(j).asInt();
                assertEquals(c, index.get(node.get("consumer").get(j).asText()));
                assertTrue(contains(list.get(c).get("provider_index"), i), node.get("name") + " in its consumer");
            }
            String op = node.get("operation").asText();
            if (op.equals("OP_RELU") || op.equals("OP_TANH") || op.equals("OP_SIGMOID")) {
                JsonNode provider = list.get(node.get("provider_index").get(0).asInt());
                String pop = provider.get("operation").asText();
                assertFalse((pop.equals("OP_CONV") || pop.equals("OP_FC")) && provider.get("consumer_num").asInt() == 1,
                        node.get("name") + " should be merged into " + provider.get("name"));
            }
            if (i > 0) {
                assertEquals(list.get(node.get("provider_index").get(0).asInt()).get("output_dim"),
                        node.get("input_dim"), node.get("name") + ": input_dim is the first provider's output_dim");
            }
        }
    }

    /** GetConvPoolInputOutputInfo: floor((in + pads - kernel) / stride) + 1 must be the output, or it stops. */
    static void checkWindows(JsonNode list) {
        for (JsonNode node : list) {
            String op = node.get("operation").asText();
            if (!op.equals("OP_CONV") && !op.equals("OP_POOL")) {
                continue;
            }
            JsonNode p = node.get("param");
            JsonNode in = node.get("input_dim");
            JsonNode out = node.get("output_dim");
            int h = Math.floorDiv(in.get(2).asInt() + p.get("pad_h0").asInt() + p.get("pad_h1").asInt()
                    - p.get("kernel_h").asInt(), p.get("stride_h").asInt()) + 1;
            int w = Math.floorDiv(in.get(3).asInt() + p.get("pad_w0").asInt() + p.get("pad_w1").asInt()
                    - p.get("kernel_w").asInt(), p.get("stride_w").asInt()) + 1;
            assertEquals(out.get(2).asInt(), h, node.get("name").asText());
            assertEquals(out.get(3).asInt(), w, node.get("name").asText());
        }
    }

    private static boolean contains(JsonNode array, int v) {
        for (JsonNode x : array) {
            if (x.asInt() == v) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, JsonNode> byName(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(n -> map.put(n.get("name").asText(), n));
        return map;
    }

    /** The keys per operation, param keys as "param.KEY". */
    private static Map<String, Set<String>> keysByOperation(JsonNode list) {
        Map<String, Set<String>> keys = new HashMap<>();
        for (JsonNode node : list) {
            Set<String> set = keys.computeIfAbsent(node.get("operation").asText(), k -> new HashSet<>());
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.equals("param")) {
                    node.get("param").fieldNames().forEachRemaining(k -> set.add("param." + k));
                } else {
                    set.add(key);
                }
            }
        }
        return keys;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
