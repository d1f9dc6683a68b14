package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/** The real models in the shared folder import with the layer counts and MACs of ONNX's own shape inference. */
class SharedOnnxModelsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            light_bvlc_alexnet.onnx         | -           |  5 | 3 |       595938432 |  58621952
            light_vgg19.onnx                | -           | 16 | 3 |     19508428800 | 123633664
            light_resnet50.onnx             | -           | 53 | 1 |      4087136256 |   2048000
            light_squeezenet.onnx           | -           | 26 | 0 |       349151936 |         0
            light_inception_v1.onnx         | -           | 57 | 1 |      1430532352 |   1024000
            mnist8_cntk.onnx                | -           |  2 | 1 |          784000 |      2560
            cifar10_cnn_pytorch_winml.onnx  | -           |  4 | 1 |         6109200 |     24000
            mnist_cnn_pytorch_tribuo.onnx   | -           |  2 | 2 |          464000 |     16500
            ppocr_mobile_v2.0_cls.onnx      | 1x3x48x192  | 53 | 1 |        16314976 |        -1
            """)
    void importsWithExpectedConvAndFcFigures(String file, String inputShape, int convLayers, int fcLayers,
                                             long convMacs, long fcMacs) {
        Path model = TestData.shared("onnx/" + file);
        Network network = OnnxImporter.read(model, inputShape == null ? null : Shape.parse(inputShape));

        assertEquals(file.substring(0, file.length() - ".onnx".length()), network.name());
        assertEquals(convLayers, network.count(LayerOp.CONV));
        assertEquals(fcLayers, network.count(LayerOp.FC));
        assertEquals(convMacs, network.macs(LayerOp.CONV));
        if (fcMacs >= 0) {
            assertEquals(fcMacs, network.macs(LayerOp.FC));
        } else {
            assertTrue(network.macs(LayerOp.FC) > 0);
        }
        assertEquals(1, network.inputs().size());
        for (Layer layer : network.layers()) {
            assertEquals(1, layer.outputShape().n(), layer.name());
        }
    }
}
