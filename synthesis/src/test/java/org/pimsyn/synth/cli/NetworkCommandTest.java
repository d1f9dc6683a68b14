package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.network.zoo.ZooNetwork;

class NetworkCommandTest {
    /** The value of one line of the totals block, such as "conv layers   13". */
    static String total(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " +([0-9,]+)$").matcher(out);
        assertTrue(m.find(), label + " in\n" + out);
        return m.group(1);
    }

    static void assertOneLineError(CliRun run, int exitCode) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("pimsyn network: "), run.err());
    }

    @Test
    void vgg16TableHasItsLayersAndTotals() {
        CliRun run = CliRun.of("network", "--model", "vgg16");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        String out = run.out();
        assertTrue(out.startsWith("network vgg16 (zoo model vgg16), input 1x3x224x224\n"), out);
        assertEquals("38", total(out, "layers"));
        assertEquals("13", total(out, "conv layers"));
        assertEquals("3", total(out, "FC layers"));
        assertEquals("138,344,128", total(out, "weights"));
        assertEquals("15,346,630,656", total(out, "conv MACs"));
        assertEquals("123,633,664", total(out, "FC MACs"));
        assertEquals("15,470,264,320", total(out, "total MACs"));
        // conv1_1: 64 x 3 x 3 x 3 = 1,728 weights at 224 x 224 positions
        assertTrue(Pattern.compile("(?m)^ *1 +conv1_1 +conv +1x3x224x224 +1x64x224x224 +3x3 s1 p1 +1,728 +86,704,128$")
                .matcher(out).find(), out);
        assertTrue(Pattern.compile("(?m)^ *5 +pool1 +pool max +1x64x224x224 +1x64x112x112 +2x2 s2 +- +-$").matcher(out).find(), out);
    }

    @Test
    void defaultNetworkIsTheZoosAlexNet() {
        CliRun run = CliRun.of("network");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("network alexnet (zoo model alexnet)"), run.out());
        assertEquals("714,188,480", total(run.out(), "total MACs"));
    }

    @Test
    void modelNamesIgnoreCase() {
        CliRun run = CliRun.of("network", "--model", "ResNet18");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("1,814,073,344", total(run.out(), "total MACs"));
        assertEquals("20", total(run.out(), "conv layers"));
    }

    @Test
    void unknownModelListsTheZoo() {
        CliRun run = CliRun.of("network", "--model", "lenet");
        assertOneLineError(run, 2);
        assertTrue(run.err().contains("unknown model 'lenet'; the zoo has: " + NetworkZoo.names()), run.err());
    }

    @Test
    void missingNetworkFileIsBadInput(@TempDir Path dir) {
        CliRun run = CliRun.of("network", "--network", dir.resolve("none.json").toString());
        assertOneLineError(run, 2);
        assertTrue(run.err().contains("none.json: no such file; expected a network JSON file"), run.err());
        assertOneLineError(CliRun.of("network", "--onnx", dir.resolve("none.onnx").toString()), 2);
    }

    @Test
    void malformedNetworkFileIsBadInput(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "[\n  {\"name\": \"x\",}\n]\n");
        CliRun run = CliRun.of("network", "--network", bad.toString());
        assertOneLineError(run, 2);
        assertTrue(run.err().contains("bad.json: malformed JSON at line 2, column "), run.err());
    }

    @Test
    void jsonOutputReadsBackAsTheSameNetwork(@TempDir Path dir) {
        Path file = dir.resolve("vgg16.json");
        CliRun run = CliRun.of("network", "--model", "vgg16", "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().endsWith("wrote " + file + "\n"), run.out());
        assertEquals(NetworkZoo.build("vgg16"), NetworkJsonReader.read(file));

        CliRun again = CliRun.of("network", "--network", file.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().startsWith("network vgg16 (network file " + file + ")"), again.out());
        assertEquals("15,470,264,320", total(again.out(), "total MACs"));
    }

    @Test
    void referenceFileConvertsToTheSameNetwork(@TempDir Path dir) {
        Path reference = TestData.shared("reference/pimsyn-nn/models/resnet18.json");
        Path file = dir.resolve("resnet18.json");
        CliRun run = CliRun.of("network", "--network", reference.toString(), "--json", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(NetworkJsonReader.read(reference), NetworkJsonReader.read(file));
        assertEquals("1,814,073,344", total(run.out(), "total MACs"));
    }

    @Test
    void inputShapeRebuildsAZooModel() {
        CliRun run = CliRun.of("network", "--model", "cifar10-vgg", "--input-shape", "1x3x64x64");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("network cifar10-vgg (zoo model cifar10-vgg), input 1x3x64x64\n"), run.out());
        // 4 x 152,764,416 conv MACs; FC 16,384 x 256 + 256 x 10
        assertEquals("611,057,664", total(run.out(), "conv MACs"));
        assertEquals("615,254,528", total(run.out(), "total MACs"));
    }

    @Test
    void badOptionCombinationsAreUsageErrors() {
        assertOneLineError(CliRun.of("network", "--model", "vgg16", "--network", "x.json"), 2);
        assertOneLineError(CliRun.of("network", "--input-shape", "1x3x224"), 2);
        assertOneLineError(CliRun.of("network", "--model", "alexnet", "--input-shape", "1x3x32x32"), 2);
        assertOneLineError(CliRun.of("network", "--list", "--model", "vgg16"), 2);
        assertOneLineError(CliRun.of("network", "--network", "x.json", "--input-shape", "1x3x224x224"), 2);
    }

    @Test
    void listShowsEveryZooNetwork() {
        CliRun run = CliRun.of("network", "--list");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("name +layers +MACs +description +source"), lines.get(0));
        assertEquals(NetworkZoo.all().size() + 1, lines.size());
        for (int i = 0; i < NetworkZoo.all().size(); i++) {
            ZooNetwork z = NetworkZoo.all().get(i);
            Network n = z.build();
            assertTrue(lines.get(i + 1).matches(Pattern.quote(z.name()) + " +" + n.size() + " +"
                    + Pattern.quote(TextTable.count(n.totalMacs())) + " +" + Pattern.quote(z.description()) + " +"
                    + Pattern.quote(z.source())), lines.get(i + 1));
        }
    }

    @Test
    void helpNamesEveryZooNetwork() {
        CliRun run = CliRun.of("network", "--help");
        assertEquals(0, run.exitCode());
        String help = run.out().replaceAll("\\s+", " ");
        Stream.of(NetworkZoo.names().split(", ")).forEach(name -> assertTrue(help.contains(name), name));
        assertFalse(help.indexOf("--model=NAME A network") != help.lastIndexOf("--model=NAME A network"), help);
    }
}
