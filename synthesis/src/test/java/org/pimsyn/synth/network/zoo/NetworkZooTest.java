package org.pimsyn.synth.network.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;
import org.pimsyn.synth.network.json.NetworkJsonReader;

class NetworkZooTest {
    /** What a crossbar mapping sees of a CONV or FC layer. */
    record WeightShape(LayerOp op, Window window, int groups, int inChannels, int outChannels, Shape output) {
        static WeightShape of(Layer layer) {
            return new WeightShape(layer.op(), layer.window(), layer.groups(), layer.inChannels(), layer.outChannels(),
                    layer.outputShape());
        }
    }

    // MAC totals: the first five are those of the original tool's model files; the others were worked out
    // layer by layer from the published configurations.
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "alexnet, 714188480, 5, 3",
        "vgg13, 11308466176, 10, 3",
        "vgg16, 15470264320, 13, 3",
        "resnet18, 1814073344, 20, 1",
        "msra-a, 19051814912, 16, 3",
        "vgg11, 7609090048, 8, 3",
        "vgg19, 19632062464, 16, 3",
        "resnet34, 3663761408, 36, 1",
        "resnet50, 4089184256, 53, 1",
        "cifar10-vgg, 153815552, 6, 2",
    })
    void macTotalsAndLayerCountsAreExact(String name, long macs, int convs, int fcs) {
        Network network = NetworkZoo.build(name);
        assertEquals(name, network.name());
        assertEquals(macs, network.totalMacs());
        assertEquals(convs, network.count(LayerOp.CONV));
        assertEquals(fcs, network.count(LayerOp.FC));
    }

    @Test
    void smallNetworkMacsWorkedOutByHand() {
        Network n = NetworkZoo.build("cifar10-vgg");
        // 3x3 convolutions: (3*64 + 64*64) at 32x32, (64*128 + 128*128) at 16x16, (128*256 + 256*256) at 8x8.
        long conv = 9L * ((3 * 64 + 64 * 64) * 1024 + (64 * 128 + 128 * 128) * 256 + (128 * 256 + 256 * 256) * 64);
        assertEquals(conv, n.macs(LayerOp.CONV));
        assertEquals(256L * 4 * 4 * 256 + 256 * 10, n.macs(LayerOp.FC));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"alexnet, alexnet", "vgg13, vgg13", "vgg16, vgg16", "resnet18, resnet18", "msra-a, msra_A"})
    void convAndFcShapesMatchTheReferenceModelFiles(String zooName, String file) {
        Network reference = NetworkJsonReader.read(TestData.shared("reference/pimsyn-nn/models/" + file + ".json"));
        Network zoo = NetworkZoo.build(zooName);
        assertEquals(reference.weightLayers().stream().map(WeightShape::of).toList(),
                zoo.weightLayers().stream().map(WeightShape::of).toList());
        assertEquals(reference.totalMacs(), zoo.totalMacs());
    }

    @Test
    void residualNetworksHaveTheirShortcuts() {
        Network resnet18 = NetworkZoo.build("resnet18");
        assertEquals(8, resnet18.count(LayerOp.ELTWISE));
        assertEquals(3, resnet18.layers().stream().filter(l -> l.name().endsWith("downsample")).count());
        Network resnet50 = NetworkZoo.build("resnet50");
        assertEquals(16, resnet50.count(LayerOp.ELTWISE));
        assertEquals(4, resnet50.layers().stream().filter(l -> l.name().endsWith("downsample")).count());
        Layer firstAdd = resnet18.layer("layer1.0.add");
        assertEquals(List.of(resnet18.layer("layer1.0.conv2").id(), resnet18.layer("maxpool").id()), firstAdd.providers());
        assertEquals(new Shape(1, 2048, 7, 7), resnet50.layer("layer4.2.relu").outputShape());
    }

    @Test
    void namesAreFoundWithoutRegardToCaseOrUnderscores() {
        assertEquals("vgg16", NetworkZoo.get("VGG16").name());
        assertEquals("msra-a", NetworkZoo.get("MSRA_A").name());
        assertEquals("cifar10-vgg", NetworkZoo.get(" cifar10_VGG ").name());
        assertTrue(NetworkZoo.find("vgg17").isEmpty());
    }

    @Test
    void unknownNameListsTheZooOnOneLine() {
        InputException e = assertThrows(InputException.class, () -> NetworkZoo.get("lenet"));
        assertEquals("unknown model 'lenet'; the zoo has: alexnet, vgg11, vgg13, vgg16, vgg19, resnet18, resnet34, resnet50, "
                + "msra-a, cifar10-vgg", e.getMessage());
    }

    @Test
    void everyEntryHasAUniqueNameAndOneLineDescriptionAndSource() {
        Set<String> names = new HashSet<>();
        for (ZooNetwork z : NetworkZoo.all()) {
            assertTrue(names.add(z.name()), z.name());
            assertFalse(z.description().isBlank() || z.description().contains("\n"), z.name());
            assertFalse(z.source().isBlank() || z.source().contains("\n"), z.name());
            assertEquals(z.defaultInput(), z.build().inputs().get(0).outputShape());
        }
        assertEquals(10, names.size());
    }

    @Test
    void anotherInputShapeRebuildsTheNetwork() {
        Network big = NetworkZoo.get("cifar10-vgg").build(new Shape(1, 3, 64, 64));
        // Four times the convolution positions; the first FC sees 256 x 8 x 8 features.
        assertEquals(4 * 152_764_416L, big.macs(LayerOp.CONV));
        assertEquals(256L * 8 * 8 * 256 + 256 * 10, big.macs(LayerOp.FC));
        Network batch = NetworkZoo.get("resnet18").build(new Shape(4, 3, 224, 224));
        assertEquals(new Shape(4, 1000, 1, 1), batch.layer("fc").outputShape());
    }

    @Test
    void inputTooSmallForTheNetworkIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> NetworkZoo.get("alexnet").build(new Shape(1, 3, 32, 32)));
        assertEquals("model 'alexnet' does not fit input shape 1x3x32x32: layer 'pool5': the window does not fit the input "
                + "(output extent 0)", e.getMessage());
    }
}
