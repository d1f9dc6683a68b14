package org.pimsyn.synth.network.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;

class NetworkJsonReaderTest {
    /** Conv 3->4 (3x3, pad 1, fused ReLU) on 8x8, 2x2 max pool, flatten, dropout, FC 64->10. */
    static final String TINY = """
            [
              {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 3, 8, 8], "provider_num": 0, "index": 0},
              {"name": "c1", "operation": "OP_CONV", "output_dim": [1, 4, 8, 8], "provider": ["x"],
               "param": {"kernel_h": 3, "kernel_w": 3, "stride_h": 1, "stride_w": 1,
                         "pad_h0": 1, "pad_h1": 1, "pad_w0": 1, "pad_w1": 1, "input_channel": 3, "output_channel": 4},
               "with_act": 1, "act_type": 0},
              {"name": "p1", "operation": "OP_POOL", "output_dim": [1, 4, 4, 4], "provider": ["c1"],
               "param": {"kernel_h": 2, "kernel_w": 2, "stride_h": 2, "stride_w": 2, "pool_method": 0}},
              {"name": "f", "operation": "OP_FLATTEN", "output_dim": [1, 64], "provider": ["p1"]},
              {"name": "d", "operation": "OP_DROPOUT", "output_dim": [1, 64], "provider": ["f"]},
              {"name": "fc", "operation": "OP_FC", "output_dim": [1, 10], "provider": ["d"],
               "param": {"input_channel": 64, "output_channel": 10}}
            ]
            """;

    static Network parse(String json) {
        return NetworkJsonReader.parse(json, "tiny.json", "tiny");
    }

    /** The one-line message that names the file. */
    static String error(String json) {
        InputException e = assertThrows(InputException.class, () -> parse(json));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("tiny.json: "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void smallNetworkGetsTheLayersAndMacsWorkedOutByHand() {
        Network n = parse(TINY);
        assertEquals(List.of("x", "c1", "c1/relu", "p1", "f", "fc"), n.layers().stream().map(Layer::name).toList());
        // conv: 4 x 3 x 3 x 3 weights at 8 x 8 positions; FC: 64 x 10
        assertEquals(4 * 3 * 9 * 64, n.macs(LayerOp.CONV));
        assertEquals(640, n.macs(LayerOp.FC));
        assertEquals(6912 + 640, n.totalMacs());
        assertEquals(new Shape(1, 4, 4, 4), n.layer("p1").outputShape());
    }

    @Test
    void fusedActivationBecomesALayerBetweenTheNodeAndItsConsumers() {
        Network n = parse(TINY);
        Layer relu = n.layer("c1/relu");
        assertEquals(LayerOp.ACTIVATION, relu.op());
        assertEquals(LayerFunction.RELU, relu.function());
        assertEquals(List.of(n.layer("c1").id()), relu.providers());
        assertEquals(List.of(relu.id()), n.layer("p1").providers());
    }

    @Test
    void fusedTanhSigmoidAndClipGetTheirOwnLayers() {
        Network tanh = parse(TINY.replace("\"act_type\": 0", "\"act_type\": 1"));
        assertEquals(LayerFunction.TANH, tanh.layer("c1/tanh").function());
        Network sigmoid = parse(TINY.replace("\"act_type\": 0", "\"act_type\": 2, \"with_clip\": 1"));
        assertEquals(LayerFunction.SIGMOID, sigmoid.layer("c1/sigmoid").function());
        assertEquals(List.of(sigmoid.layer("c1/sigmoid").id()), sigmoid.layer("c1/clip").providers());
        assertEquals(List.of(sigmoid.layer("c1/clip").id()), sigmoid.layer("p1").providers());
    }

    @Test
    void dropoutIsPassedThrough() {
        Network n = parse(TINY);
        assertNull(n.layer("d"));
        assertEquals(List.of(n.layer("f").id()), n.layer("fc").providers());
    }

    @Test
    void nodeListWrapperAndFileOrderDoNotMatter() throws Exception {
        Network plain = parse(TINY);
        assertEquals(plain, parse("{\"node_list\": " + TINY + ", \"reshape_info\": {}}"));
        // Nodes listed consumers first still read as the same network.
        ArrayNode nodes = (ArrayNode) new ObjectMapper().readTree(TINY);
        ArrayNode reversed = new ObjectMapper().createArrayNode();
        for (int i = nodes.size() - 1; i >= 0; i--) {
            reversed.add(nodes.get(i));
        }
        assertEquals(plain, parse(reversed.toString()));
    }

    @Test
    void poolWhoseRecordedSizeNeedsCeilModeIsReadInCeilMode() {
        String pool = """
                [
                  {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 1, 7, 7]},
                  {"name": "p", "operation": "OP_POOL", "output_dim": [1, 1, %d, %d], "provider": ["x"],
                   "param": {"kernel_h": 2, "kernel_w": 2, "stride_h": 2, "stride_w": 2, "pool_method": 1}}
                ]
                """;
        assertTrue(parse(pool.formatted(4, 4)).layer("p").ceilMode());
        assertFalse(parse(pool.formatted(3, 3)).layer("p").ceilMode());
        assertTrue(error(pool.formatted(5, 5)).contains("output_dim [1, 1, 5, 5] does not match"));
    }

    @Test
    void globalPoolCoversTheWholeMap() {
        String json = """
                [
                  {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 8, 7, 7]},
                  {"name": "g", "operation": "OP_POOL", "output_dim": [1, 8, 1, 1], "provider": ["x"],
                   "param": {"global": 1, "kernel_h": 7, "kernel_w": 7, "stride_h": 1, "stride_w": 1, "pool_method": 1}}
                ]
                """;
        Layer g = parse(json).layer("g");
        assertEquals(LayerFunction.AVERAGE, g.function());
        assertEquals(7, g.window().kernelH());
    }

    @Test
    void eltwiseWithOneProviderTakesAConstantOperand() {
        String json = """
                [
                  {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 3, 8, 8]},
                  {"name": "g", "operation": "OP_POOL", "output_dim": [1, 3, 1, 1], "provider": ["x"],
                   "param": {"global": 1, "kernel_h": 8, "kernel_w": 8, "stride_h": 1, "stride_w": 1, "pool_method": 1}},
                  {"name": "scale", "operation": "OP_ELTWISE", "output_dim": [1, 3, 8, 8], "provider": ["x", "g"],
                   "param": {"eletype": 0}},
                  {"name": "bias", "operation": "OP_ELTWISE", "output_dim": [1, 3, 8, 8], "provider": ["scale"],
                   "param": {"eletype": 2}}
                ]
                """;
        Network n = parse(json);
        assertEquals(LayerFunction.MUL, n.layer("scale").function());
        assertEquals(List.of(0, 1), n.layer("scale").providers());
        assertEquals(LayerFunction.ADD, n.layer("bias").function());
        assertEquals(List.of(2), n.layer("bias").providers());
        assertTrue(error(json.replace("\"eletype\": 2", "\"eletype\": 6"))
                .contains("node 'bias' (OP_ELTWISE): param.eletype 6 is not supported; supported: 0"));
    }

    @Test
    void padLeakyReluConcatReshapeLrnAndSoftmaxMapOntoTheirLayers() {
        String json = """
                [
                  {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 3, 8, 8]},
                  {"name": "pad", "operation": "OP_PAD", "output_dim": [1, 3, 11, 9], "provider": ["x"],
                   "param": {"pad_0_h": 0, "pad_0_w": 0, "pad_1_h": 0, "pad_1_w": 0,
                             "pad_2_h": 1, "pad_2_w": 2, "pad_3_h": 0, "pad_3_w": 1, "value": 0}},
                  {"name": "leaky", "operation": "OP_RELU", "output_dim": [1, 3, 11, 9], "provider": ["pad"],
                   "param": {"negative_slope": 0.1}},
                  {"name": "norm", "operation": "OP_LRN", "output_dim": [1, 3, 11, 9], "provider": ["leaky"]},
                  {"name": "cat", "operation": "OP_CONCAT", "output_dim": [1, 6, 11, 9], "provider": ["norm", "leaky"],
                   "param": {"axis": 1}},
                  {"name": "flat", "operation": "OP_RESHAPE", "output_dim": [1, 594], "provider": ["cat"]},
                  {"name": "prob", "operation": "OP_SOFTMAX", "output_dim": [1, 594], "provider": ["flat"]}
                ]
                """;
        Network n = parse(json);
        assertEquals(new Padding(1, 0, 2, 1), n.layer("pad").window().padding());
        assertEquals(LayerFunction.LEAKY_RELU, n.layer("leaky").function());
        assertEquals(LayerOp.LRN, n.layer("norm").op());
        assertEquals(new Shape(1, 6, 11, 9), n.layer("cat").outputShape());
        assertEquals(Shape.vector(1, 594), n.layer("flat").outputShape());
        assertEquals(LayerFunction.SOFTMAX, n.layer("prob").function());
        assertTrue(error(json.replace("\"axis\": 1", "\"axis\": 2")).contains("only axis 1"));
        assertTrue(error(json.replace("\"pad_1_h\": 0", "\"pad_1_h\": 1")).contains("only spatial padding"));
    }

    @Test
    void unknownOperationNamesTheNodeAndTheSupportedList() {
        String message = error(TINY.replace("OP_FLATTEN", "OP_BN"));
        assertTrue(message.contains("node 'f' (OP_BN): operation 'OP_BN' is not supported; supported: OP_INPUT, OP_CONV"),
                message);
        assertTrue(message.contains("OP_DROPOUT"), message);
    }

    @Test
    void missingFieldsAreNamed() {
        assertTrue(error(TINY.replace("\"kernel_h\": 2, ", "")).contains("node 'p1' (OP_POOL): missing field 'param.kernel_h'"));
        assertTrue(error(TINY.replace("\"output_dim\": [1, 64], \"provider\": [\"p1\"]", "\"provider\": [\"p1\"]"))
                .contains("node 'f' (OP_FLATTEN): missing field 'output_dim'"));
        assertTrue(error(TINY.replace("\"name\": \"d\", ", "")).contains("node #4: missing field 'name'"));
        assertTrue(error(TINY.replace("\"operation\": \"OP_FC\", ", "")).contains("node 'fc': missing field 'operation'"));
        assertTrue(error(TINY.replace(", \"provider\": [\"f\"]", "")).contains("node 'd' (OP_DROPOUT): missing field 'provider'"));
    }

    @Test
    void danglingProviderIsNamed() {
        assertTrue(error(TINY.replace("\"provider\": [\"p1\"]", "\"provider\": [\"p9\"]"))
                .contains("node 'f' (OP_FLATTEN): provider 'p9' is not a node of the file"));
    }

    @Test
    void cycleOfProvidersIsReported() {
        String json = """
                [
                  {"name": "x", "operation": "OP_INPUT", "output_dim": [1, 3, 8, 8]},
                  {"name": "a", "operation": "OP_RELU", "output_dim": [1, 3, 8, 8], "provider": ["b"]},
                  {"name": "b", "operation": "OP_RELU", "output_dim": [1, 3, 8, 8], "provider": ["a"]},
                  {"name": "c", "operation": "OP_ELTWISE", "output_dim": [1, 3, 8, 8], "provider": ["x", "b"],
                   "param": {"eletype": 2}}
                ]
                """;
        assertEquals("tiny.json: node 'b' depends on itself through its providers: 'b' -> 'a' -> 'b'", error(json));
        assertTrue(error(json.replace("[\"b\"]", "[\"a\"]")).contains("'a' -> 'a'"));
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String json = "[\n  {\"name\": \"x\",\n   \"operation\" \"OP_INPUT\"}\n]";
        String message = error(json);
        assertTrue(message.startsWith("tiny.json: malformed JSON at line 3, column "), message);
        assertTrue(error("[{\"name\": \"x\"}] trailing").contains("malformed JSON at line 1"));
        assertTrue(error("[{\"name\": \"x\", \"name\": \"y\"}]").contains("Duplicate field 'name'"));
    }

    @Test
    void wrongTopLevelShapesAreRejected() {
        assertTrue(error("").contains("the file is empty"));
        assertTrue(error("[]").contains("the list of network nodes is empty"));
        assertTrue(error("{\"nodes\": []}").contains("expected a JSON list of network nodes"));
        assertTrue(error("42").contains("got number 42"));
        assertTrue(error("[1]").contains("node #0: expected a JSON object"));
    }

    @Test
    void outputDimMismatchNamesBothShapes() {
        assertEquals("tiny.json: node 'c1' (OP_CONV): output_dim [1, 4, 7, 7] does not match the shape inferred from its "
                + "providers, 1x4x8x8", error(TINY.replace("[1, 4, 8, 8]", "[1, 4, 7, 7]")));
        assertTrue(error(TINY.replace("\"output_dim\": [1, 10]", "\"output_dim\": [1, 11]"))
                .contains("node 'fc' (OP_FC): param.output_channel 10 does not match output_dim [1, 11]"));
    }

    @Test
    void channelCountsAreCheckedAgainstTheProviders() {
        assertEquals("tiny.json: node 'c1' (OP_CONV): param.input_channel 5 does not match provider 'x' of shape 1x3x8x8 "
                + "(3 channels)", error(TINY.replace("\"input_channel\": 3", "\"input_channel\": 5")));
        assertEquals("tiny.json: node 'fc' (OP_FC): param.input_channel 65 does not match provider 'd' of shape 1x64x1x1 "
                + "(64 features)", error(TINY.replace("\"input_channel\": 64", "\"input_channel\": 65")));
        assertTrue(error(TINY.replace("\"provider\": [\"p1\"]", "\"provider\": [\"p1\"], \"input_dim\": [1, 4, 8, 8]"))
                .contains("input_dim [1, 4, 8, 8] does not match provider 'p1' of shape 1x4x4x4"));
    }

    @Test
    void linksCountsAndIndicesMustAgree() {
        assertTrue(error(TINY.replace("\"provider_num\": 0", "\"provider_num\": 0, \"consumer\": [\"p1\"]"))
                .contains("node 'x' (OP_INPUT): lists consumer 'p1', but 'p1' does not list it among its providers"));
        assertTrue(error(TINY.replace("\"provider_num\": 0", "\"provider_num\": 0, \"consumer\": [\"zz\"]"))
                .contains("consumer 'zz' is not a node of the file"));
        assertTrue(error(TINY.replace("\"provider_num\": 0", "\"provider_num\": 0, \"consumer\": []"))
                .contains("node 'c1' (OP_CONV): takes input from 'x', but 'x' does not list it among its consumers"));
        assertTrue(error(TINY.replace("\"provider_num\": 0", "\"provider_num\": 1"))
                .contains("field 'provider_num' is 1 but the node lists 0"));
        assertTrue(error(TINY.replace("\"provider\": [\"c1\"]", "\"provider\": [\"c1\"], \"provider_index\": [0]"))
                .contains("field 'provider_index' is [0] but the positions of the nodes it names are [1]"));
        assertTrue(error(TINY.replace("\"name\": \"d\"", "\"name\": \"f\""))
                .contains("node 'f' (OP_DROPOUT): another node has the same name"));
    }

    @Test
    void badValuesAreNamed() {
        assertTrue(error(TINY.replace("\"kernel_h\": 2", "\"kernel_h\": \"2\""))
                .contains("field 'param.kernel_h' must be an integer, got \"2\""));
        assertTrue(error(TINY.replace("\"kernel_h\": 2", "\"kernel_h\": 0")).contains("node 'p1' (OP_POOL): kernel must be positive"));
        assertTrue(error(TINY.replace("\"pad_h0\": 1", "\"pad_h0\": -1")).contains("padding must not be negative"));
        assertTrue(error(TINY.replace("\"act_type\": 0", "\"act_type\": 7")).contains("act_type 7 is not supported"));
        assertTrue(error(TINY.replace("\"with_act\": 1", "\"with_act\": 2")).contains("field 'with_act' must be 0 or 1"));
        assertTrue(error(TINY.replace("\"pool_method\": 0", "\"pool_method\": 3")).contains("param.pool_method must be 0"));
        assertTrue(error(TINY.replace("[1, 3, 8, 8]", "[1, 0, 8, 8]")).contains("dimensions must be positive"));
        assertTrue(error(TINY.replace("[1, 3, 8, 8]", "[1, 3, 8, 8, 1]")).contains("must be a list of 2 to 4 integers"));
        assertTrue(error(TINY.replace("\"index\": 0", "\"output_dim_num\": 3")).contains("field 'output_dim_num' is 3"));
        assertTrue(error(TINY.replace("\"provider\": [\"d\"]", "\"provider\": [\"d\", \"f\"]"))
                .contains("node 'fc' (OP_FC): needs exactly one provider, got 2"));
        assertTrue(error("[{\"name\": \"x\", \"operation\": \"OP_INPUT\", \"output_dim\": [1, 3]},"
                + " {\"name\": \"y\", \"operation\": \"OP_INPUT\", \"output_dim\": [1, 3], \"provider\": [\"x\"]}]")
                .contains("node 'y' (OP_INPUT): an input node takes no providers, got [x]"));
    }

    @Test
    void unreadableFilesAreInputErrors(@TempDir Path dir) throws Exception {
        InputException missing = assertThrows(InputException.class, () -> NetworkJsonReader.read(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file; expected a network JSON file", missing.getMessage());
        Path binary = Files.write(dir.resolve("bin.json"), new byte[] {'[', (byte) 0xC3, (byte) 0x28, ']'});
        assertTrue(assertThrows(InputException.class, () -> NetworkJsonReader.read(binary)).getMessage().contains("not UTF-8"));
        Path named = Files.writeString(dir.resolve("my-net.json"), TINY);
        assertEquals("my-net", NetworkJsonReader.read(named).name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "alexnet, 21, 5, 3, 714188480",
        "vgg13, 33, 10, 3, 11308466176",
        "vgg16, 40, 13, 3, 15470264320",
        "resnet18, 50, 20, 1, 1814073344",
        "msra_A, 51, 16, 3, 19051814912",
    })
    void everyReferenceModelReads(String model, int layers, int convs, int fcs, long macs) {
        Network n = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/" + model + ".json"));
        assertEquals(model, n.name());
        assertEquals(layers, n.size());
        assertEquals(convs, n.count(LayerOp.CONV));
        assertEquals(fcs, n.count(LayerOp.FC));
        assertEquals(macs, n.totalMacs());
    }

    @Test
    void referenceFilesOfBothFlavoursKeepTheirActivations() {
        // alexnet.json fuses ReLU into CONV and FC nodes; vgg16.json has OP_RELU nodes and dropout.
        Network alexnet = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/alexnet.json"));
        assertEquals(7, alexnet.count(LayerOp.ACTIVATION));
        assertEquals(LayerOp.ACTIVATION, alexnet.layer("/features/features.0/Conv_output_0/relu").op());
        Network vgg16 = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/vgg16.json"));
        assertEquals(15, vgg16.count(LayerOp.ACTIVATION));
        assertNull(vgg16.layer("vgg0_dropout0_fwd"));
        assertEquals(List.of(vgg16.layer("vgg0_dense0_relu_fwd").id()), vgg16.layer("flatten_65").providers());
    }
}
