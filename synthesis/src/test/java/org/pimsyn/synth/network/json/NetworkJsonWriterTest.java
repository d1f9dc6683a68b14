package org.pimsyn.synth.network.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.network.zoo.ZooNetwork;

class NetworkJsonWriterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Network reread(Network network) {
        return NetworkJsonReader.parse(NetworkJsonWriter.toJson(network), "written.json", network.name());
    }

    static Stream<String> zooNames() {
        return NetworkZoo.all().stream().map(ZooNetwork::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zooNames")
    void writeThenReadGivesTheSameZooNetwork(String name) {
        Network network = NetworkZoo.build(name);
        assertEquals(network, reread(network));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alexnet", "vgg13", "vgg16", "resnet18", "msra_A"})
    void writeThenReadGivesTheSameReferenceNetwork(String model) {
        Network network = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/" + model + ".json"));
        assertEquals(network, reread(network));
    }

    @Test
    void writeThenReadHoldsForManyGeneratedNetworks() {
        Set<LayerOp> seen = EnumSet.noneOf(LayerOp.class);
        for (long seed = 0; seed < 400; seed++) {
            Network network = RandomNetworks.generate(seed);
            String json = NetworkJsonWriter.toJson(network);
            assertEquals(network, NetworkJsonReader.parse(json, "seed" + seed, network.name()), "seed " + seed);
            assertEquals(json, NetworkJsonWriter.toJson(network), "seed " + seed);
            network.layers().forEach(l -> seen.add(l.op()));
        }
        assertEquals(EnumSet.allOf(LayerOp.class), seen);
    }

    @Test
    void nodesCarryTheFieldsOfTheFrontendFormat() throws Exception {
        Network alexnet = NetworkZoo.build("alexnet");
        JsonNode nodes = MAPPER.readTree(NetworkJsonWriter.toJson(alexnet));
        assertEquals(alexnet.size(), nodes.size());
        JsonNode conv1 = nodes.get(1);
        assertEquals("OP_CONV", conv1.get("operation").asText());
        assertEquals(List.of(1, 64, 55, 55), ints(conv1.get("output_dim")));
        assertEquals(4, conv1.get("output_dim_num").asInt());
        assertEquals(List.of(1, 3, 224, 224), ints(conv1.get("input_dim")));
        assertEquals(0, conv1.get("with_act").asInt());
        assertEquals(-1, conv1.get("act_type").asInt());
        assertEquals(16, conv1.get("bitwidth").asInt());
        JsonNode param = conv1.get("param");
        assertEquals(11, param.get("kernel_h").asInt());
        assertEquals(4, param.get("stride_w").asInt());
        assertEquals(2, param.get("pad_h0").asInt());
        assertEquals(3, param.get("input_channel").asInt());
        assertEquals(64, param.get("output_channel").asInt());
        assertEquals(1, param.get("group").asInt());
        assertEquals(List.of("input"), texts(conv1.get("provider")));
        assertEquals(List.of(0), ints(conv1.get("provider_index")));
        assertEquals(List.of("relu1"), texts(conv1.get("consumer")));
        assertEquals(List.of(2), ints(conv1.get("consumer_index")));

        JsonNode relu1 = nodes.get(2);
        assertEquals("OP_RELU", relu1.get("operation").asText());
        assertEquals(0.0, relu1.get("param").get("negative_slope").asDouble());

        JsonNode fc8 = nodes.get(nodes.size() - 1);
        assertEquals("OP_FC", fc8.get("operation").asText());
        assertEquals(List.of(1, 1000), ints(fc8.get("output_dim")));
        assertEquals(2, fc8.get("output_dim_num").asInt());
        assertEquals(List.of(1, 4096), ints(fc8.get("input_dim")));
        assertEquals(4096, fc8.get("param").get("input_channel").asInt());
        assertTrue(fc8.get("consumer").isArray() && fc8.get("consumer").isEmpty());
        assertEquals(0, fc8.get("consumer_num").asInt());
        for (int i = 0; i < nodes.size(); i++) {
            assertEquals(i, nodes.get(i).get("index").asInt());
            assertEquals(i, nodes.get(i).get("new_node_index").asInt());
        }
        assertFalse(nodes.get(0).has("provider"));
    }

    @Test
    void fusedActivationsOfAReferenceFileAreWrittenAsSeparateNodes() throws Exception {
        Network alexnet = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/alexnet.json"));
        JsonNode nodes = MAPPER.readTree(NetworkJsonWriter.toJson(alexnet));
        long relus = 0;
        for (JsonNode node : nodes) {
            assertFalse(node.path("with_act").asInt() == 1, node.get("name").asText());
            relus += node.get("operation").asText().equals("OP_RELU") ? 1 : 0;
        }
        assertEquals(7, relus);
    }

    @Test
    void globalAndCeilModePoolsAndResidualAddsKeepTheirParameters() throws Exception {
        Network resnet = NetworkZoo.build("resnet18");
        JsonNode nodes = MAPPER.readTree(NetworkJsonWriter.toJson(resnet));
        JsonNode avgpool = nodes.get(resnet.layer("avgpool").id());
        assertEquals(1, avgpool.get("param").get("global").asInt());
        assertEquals(1, avgpool.get("param").get("pool_method").asInt());
        JsonNode add = nodes.get(resnet.layer("layer1.0.add").id());
        assertEquals(2, add.get("param").get("eletype").asInt());
        assertEquals(List.of("layer1.0.conv2", "maxpool"), texts(add.get("provider")));
        Layer flatten = resnet.layer("flatten");
        assertEquals(List.of(1, 512), ints(nodes.get(flatten.id()).get("output_dim")));
        assertEquals(List.of(1, 512, 1, 1), ints(nodes.get(flatten.id()).get("input_dim")));
    }

    @Test
    void leakyReluIsWrittenAsReluWithASlope() throws Exception {
        Network found = LongStream.range(0, 1000).mapToObj(RandomNetworks::generate)
                .filter(n -> n.layers().stream().anyMatch(l -> l.function() == LayerFunction.LEAKY_RELU))
                .findFirst().orElseThrow();
        JsonNode nodes = MAPPER.readTree(NetworkJsonWriter.toJson(found));
        Layer leaky = found.layers().stream().filter(l -> l.function() == LayerFunction.LEAKY_RELU).findFirst().orElseThrow();
        assertEquals("OP_RELU", nodes.get(leaky.id()).get("operation").asText());
        assertTrue(nodes.get(leaky.id()).get("param").get("negative_slope").asDouble() > 0);
    }

    @Test
    void writeGoesToTheFileWhole(@TempDir Path dir) throws Exception {
        Network network = NetworkZoo.build("cifar10-vgg");
        Path file = dir.resolve("out/cifar10-vgg.json");
        NetworkJsonWriter.write(network, file);
        assertEquals(NetworkJsonWriter.toJson(network), Files.readString(file));
        assertEquals(network, NetworkJsonReader.read(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static List<Integer> ints(JsonNode array) {
        return MAPPER.convertValue(array, MAPPER.getTypeFactory().constructCollectionType(List.class, Integer.class));
    }

    private static List<String> texts(JsonNode array) {
        return MAPPER.convertValue(array, MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
    }
}
