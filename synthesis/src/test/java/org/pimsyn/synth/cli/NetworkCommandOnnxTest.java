package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.NetworkCommandTest.assertOneLineError;
import static org.pimsyn.synth.cli.NetworkCommandTest.total;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.json.NetworkJsonReader;

/** {@code pimsyn network --onnx}: the importer behind the command line. */
class NetworkCommandOnnxTest {
    @Test
    void resnet50FromOnnxHas53ConvAndOneFcLayer() {
        Path model = TestData.shared("onnx/light_resnet50.onnx");
        CliRun run = CliRun.of("network", "--onnx", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("53", total(run.out(), "conv layers"));
        assertEquals("1", total(run.out(), "FC layers"));
        assertEquals("4,087,136,256", total(run.out(), "conv MACs"));
        assertEquals("2,048,000", total(run.out(), "FC MACs"));
    }

    @Test
    void inputShapeFixesTheDynamicDimensionsOfAnOnnxModel() {
        Path model = TestData.shared("onnx/ppocr_mobile_v2.0_cls.onnx");
        CliRun run = CliRun.of("network", "--onnx", model.toString(), "--input-shape", "1x3x48x192");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("53", total(run.out(), "conv layers"));
        assertEquals("16,314,976", total(run.out(), "conv MACs"));
    }

    @Test
    void dynamicDimensionsWithoutAnInputShapeAreAOneLineError() {
        Path model = TestData.shared("onnx/ppocr_mobile_v2.0_cls.onnx");
        assertOneLineError(CliRun.of("network", "--onnx", model.toString()), 2);
    }

    @Test
    void aFileThatIsNotOnnxIsAOneLineError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("broken.onnx");
        Files.writeString(bogus, "this is not a protobuf model\n");
        CliRun run = CliRun.of("network", "--onnx", bogus.toString());
        assertOneLineError(run, 2);
        assertTrue(run.err().contains(bogus.toString()), run.err());
    }

    @Test
    void onnxModelConvertsToPimsynJsonThatReadsBackWithTheSameMacs(@TempDir Path dir) {
        Path model = TestData.shared("onnx/light_squeezenet.onnx");
        Path json = dir.resolve("squeezenet.json");
        CliRun run = CliRun.of("network", "--onnx", model.toString(), "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(349_151_936L, NetworkJsonReader.read(json).totalMacs());
    }
}
