package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.json.NetworkJsonWriter;

/**
 * Small exports of four modern CNNs (ShuffleNetV2, a ConvNeXt block stack, MobileNetV3 with squeeze-and-excitation,
 * a U-Net decoder with Resize and ConvTranspose), built by {@code scripts/onnx-zoo-models.py} with onnx 1.23.1 into
 * the test resources' {@code zoo} folder, import with the output shape of every weight node and the MACs that
 * ONNX's own shape inference gives (onnx.shape_inference.infer_shapes, strict mode, data propagation). The tables
 * are that script's output as printed: output tensor | op | inferred output shape | MACs from the inferred shapes.
 */
class RealNetworkExportsTest {
    private static final String SHUFFLENET_V2_X0_25 = """
            conv_3                   | Conv          | 1x24x32x32     | 663552
            b1_dw_8                  | Conv          | 1x24x8x8       | 13824
            b1_pw_11                 | Conv          | 1x12x8x8       | 18432
            b2_pw1_15                | Conv          | 1x12x16x16     | 73728
            b2_dw_19                 | Conv          | 1x12x8x8       | 6912
            b2_pw2_22                | Conv          | 1x12x8x8       | 9216
            b2_pw1_42                | Conv          | 1x12x8x8       | 9216
            b2_dw_46                 | Conv          | 1x12x8x8       | 6912
            b2_pw2_49                | Conv          | 1x12x8x8       | 9216
            b2_pw1_61                | Conv          | 1x12x8x8       | 9216
            b2_dw_65                 | Conv          | 1x12x8x8       | 6912
            b2_pw2_68                | Conv          | 1x12x8x8       | 9216
            b2_pw1_80                | Conv          | 1x12x8x8       | 9216
            b2_dw_84                 | Conv          | 1x12x8x8       | 6912
            b2_pw2_87                | Conv          | 1x12x8x8       | 9216
            b1_dw_97                 | Conv          | 1x24x4x4       | 3456
            b1_pw_100                | Conv          | 1x24x4x4       | 9216
            b2_pw1_104               | Conv          | 1x24x8x8       | 36864
            b2_dw_108                | Conv          | 1x24x4x4       | 3456
            b2_pw2_111               | Conv          | 1x24x4x4       | 9216
            b2_pw1_124               | Conv          | 1x24x4x4       | 9216
            b2_dw_128                | Conv          | 1x24x4x4       | 3456
            b2_pw2_131               | Conv          | 1x24x4x4       | 9216
            b2_pw1_144               | Conv          | 1x24x4x4       | 9216
            b2_dw_148                | Conv          | 1x24x4x4       | 3456
            b2_pw2_151               | Conv          | 1x24x4x4       | 9216
            b2_pw1_164               | Conv          | 1x24x4x4       | 9216
            b2_dw_168                | Conv          | 1x24x4x4       | 3456
            b2_pw2_171               | Conv          | 1x24x4x4       | 9216
            b2_pw1_184               | Conv          | 1x24x4x4       | 9216
            b2_dw_188                | Conv          | 1x24x4x4       | 3456
            b2_pw2_191               | Conv          | 1x24x4x4       | 9216
            b2_pw1_204               | Conv          | 1x24x4x4       | 9216
            b2_dw_208                | Conv          | 1x24x4x4       | 3456
            b2_pw2_211               | Conv          | 1x24x4x4       | 9216
            b2_pw1_224               | Conv          | 1x24x4x4       | 9216
            b2_dw_228                | Conv          | 1x24x4x4       | 3456
            b2_pw2_231               | Conv          | 1x24x4x4       | 9216
            b2_pw1_244               | Conv          | 1x24x4x4       | 9216
            b2_dw_248                | Conv          | 1x24x4x4       | 3456
            b2_pw2_251               | Conv          | 1x24x4x4       | 9216
            b1_dw_261                | Conv          | 1x48x2x2       | 1728
            b1_pw_264                | Conv          | 1x48x2x2       | 9216
            b2_pw1_268               | Conv          | 1x48x4x4       | 36864
            b2_dw_272                | Conv          | 1x48x2x2       | 1728
            b2_pw2_275               | Conv          | 1x48x2x2       | 9216
            b2_pw1_288               | Conv          | 1x48x2x2       | 9216
            b2_dw_292                | Conv          | 1x48x2x2       | 1728
            b2_pw2_295               | Conv          | 1x48x2x2       | 9216
            b2_pw1_308               | Conv          | 1x48x2x2       | 9216
            b2_dw_312                | Conv          | 1x48x2x2       | 1728
            b2_pw2_315               | Conv          | 1x48x2x2       | 9216
            b2_pw1_328               | Conv          | 1x48x2x2       | 9216
            b2_dw_332                | Conv          | 1x48x2x2       | 1728
            b2_pw2_335               | Conv          | 1x48x2x2       | 9216
            conv_345                 | Conv          | 1x256x2x2      | 98304
            fc_351                   | Gemm          | 1x10           | 2560
            """;

    private static final String CONVNEXT_BLOCK_STACK = """
            stem_3                   | Conv          | 1x24x16x16     | 294912
            dw_11                    | Conv          | 1x24x16x16     | 301056
            linear_17                | MatMul        | 1x16x16x96     | 589824
            linear_29                | MatMul        | 1x16x16x24     | 589824
            dw_38                    | Conv          | 1x24x16x16     | 301056
            linear_44                | MatMul        | 1x16x16x96     | 589824
            linear_56                | MatMul        | 1x16x16x24     | 589824
            down_70                  | Conv          | 1x48x8x8       | 294912
            dw_73                    | Conv          | 1x48x8x8       | 150528
            linear_79                | MatMul        | 1x8x8x192      | 589824
            linear_91                | MatMul        | 1x8x8x48       | 589824
            dw_100                   | Conv          | 1x48x8x8       | 150528
            linear_106               | MatMul        | 1x8x8x192      | 589824
            linear_118               | MatMul        | 1x8x8x48       | 589824
            head_134                 | Gemm          | 1x10           | 480
            """;

    private static final String MOBILENET_V3_SE = """
            stem_3                   | Conv          | 1x8x48x48      | 497664
            dw_7                     | Conv          | 1x8x24x24      | 41472
            se_fc1_12                | Conv          | 1x8x1x1        | 64
            se_fc2_16                | Conv          | 1x8x1x1        | 64
            project_21               | Conv          | 1x8x24x24      | 36864
            expand_24                | Conv          | 1x24x24x24     | 110592
            dw_28                    | Conv          | 1x24x12x12     | 31104
            project_32               | Conv          | 1x8x12x12      | 27648
            expand_35                | Conv          | 1x24x12x12     | 27648
            dw_39                    | Conv          | 1x24x12x12     | 31104
            project_43               | Conv          | 1x8x12x12      | 27648
            expand_47                | Conv          | 1x24x12x12     | 27648
            dw_51                    | Conv          | 1x24x6x6       | 21600
            se_fc1_56                | Conv          | 1x8x1x1        | 192
            se_fc2_60                | Conv          | 1x24x1x1       | 192
            project_65               | Conv          | 1x16x6x6       | 13824
            expand_68                | Conv          | 1x64x6x6       | 36864
            dw_72                    | Conv          | 1x64x6x6       | 57600
            se_fc1_77                | Conv          | 1x16x1x1       | 1024
            se_fc2_81                | Conv          | 1x64x1x1       | 1024
            project_86               | Conv          | 1x16x6x6       | 36864
            expand_90                | Conv          | 1x32x6x6       | 18432
            dw_94                    | Conv          | 1x32x6x6       | 28800
            se_fc1_99                | Conv          | 1x8x1x1        | 256
            se_fc2_103               | Conv          | 1x32x1x1       | 256
            project_108              | Conv          | 1x16x6x6       | 18432
            expand_112               | Conv          | 1x48x6x6       | 27648
            dw_116                   | Conv          | 1x48x3x3       | 10800
            se_fc1_121               | Conv          | 1x16x1x1       | 768
            se_fc2_125               | Conv          | 1x48x1x1       | 768
            project_130              | Conv          | 1x24x3x3       | 10368
            last_133                 | Conv          | 1x144x3x3      | 31104
            fc1_139                  | Gemm          | 1x256          | 36864
            fc2_143                  | Gemm          | 1x10           | 2560
            """;

    private static final String UNET_DECODER = """
            conv_3                   | Conv          | 1x8x64x64      | 884736
            conv_7                   | Conv          | 1x8x64x64      | 2359296
            conv_12                  | Conv          | 1x16x32x32     | 1179648
            conv_16                  | Conv          | 1x16x32x32     | 2359296
            conv_21                  | Conv          | 1x24x16x16     | 884736
            conv_25                  | Conv          | 1x24x16x16     | 1327104
            conv_30                  | Conv          | 1x32x8x8       | 442368
            conv_34                  | Conv          | 1x32x8x8       | 589824
            up3_38                   | ConvTranspose | 1x24x16x16     | 196608
            conv_42                  | Conv          | 1x24x16x16     | 2654208
            conv_46                  | Conv          | 1x24x16x16     | 1327104
            up2_49                   | ConvTranspose | 1x16x32x32     | 884736
            conv_53                  | Conv          | 1x16x32x32     | 4718592
            conv_57                  | Conv          | 1x16x32x32     | 2359296
            up1_proj_63              | Conv          | 1x8x64x64      | 524288
            conv_67                  | Conv          | 1x8x64x64      | 4718592
            conv_71                  | Conv          | 1x8x64x64      | 2359296
            side_82                  | Conv          | 1x32x16x16     | 196608
            side_proj_87             | Conv          | 1x8x64x64      | 1048576
            logits_91                | Conv          | 1x2x64x64      | 65536
            """;

    private static final Map<String, String> TABLES = Map.of("shufflenet_v2_x0_25", SHUFFLENET_V2_X0_25,
            "convnext_block_stack", CONVNEXT_BLOCK_STACK, "mobilenet_v3_se", MOBILENET_V3_SE,
            "unet_decoder", UNET_DECODER);

    static Network load(String model) {
        try {
            Path file = Path.of(RealNetworkExportsTest.class.getResource("zoo/" + model + ".onnx").toURI());
            return OnnxImporter.read(file, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ONNX dimensions as pimsyn's NCHW shape: N x C as a vector, N x H x W x C (channels last) as it is. */
    private static Shape shape(String dims) {
        String[] d = dims.split("x");
        return d.length == 2 ? Shape.vector(Integer.parseInt(d[0]), Integer.parseInt(d[1])) : Shape.parse(dims);
    }

    /** The crossbar layer of a node: a ConvTranspose's patch CONV, a row-wise MatMul's 1x1 CONV. */
    private static Layer weightLayer(Network network, String tensor, String op) {
        return switch (op) {
            case "ConvTranspose" -> network.layer(tensor + ":patches");
            case "MatMul" -> network.layer(tensor + ":pointwise");
            default -> network.layer(tensor);
        };
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shufflenet_v2_x0_25  | 57 |  1297216
            convnext_block_stack | 15 |  6212064
            mobilenet_v3_se      | 34 |  1215760
            unet_decoder         | 20 | 31080448
            """)
    void weightLayersAndMacsEqualOnnxShapeInference(String model, int weightNodes, long macs) {
        Network network = load(model);
        String[] rows = TABLES.get(model).strip().split("\n");
        assertEquals(weightNodes, rows.length);
        long sum = 0;
        for (String row : rows) {
            String[] f = row.split("\\|");
            String tensor = f[0].strip();
            String op = f[1].strip();
            long nodeMacs = Long.parseLong(f[3].strip());
            // The layer named after the node's output has the ONNX output shape; its crossbar layer the MACs.
            assertEquals(shape(f[2].strip()), network.layer(tensor).outputShape(), tensor);
            Layer weights = weightLayer(network, tensor, op);
            assertEquals(true, weights.hasWeights(), tensor);
            assertEquals(nodeMacs, weights.macs(), tensor);
            sum += nodeMacs;
        }
        assertEquals(macs, sum);
        assertEquals(weightNodes, network.weightLayers().size());
        assertEquals(macs, network.totalMacs());
        // The network file keeps every layer, the channel slices, resizes and overlap-adds included.
        assertEquals(network, NetworkJsonReader.parse(NetworkJsonWriter.toJson(network), model + ".json", model));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            shufflenet_v2_x0_25  | 26 | 0 | 0
            convnext_block_stack |  0 | 0 | 0
            mobilenet_v3_se      |  0 | 0 | 0
            unet_decoder         |  0 | 2 | 2
            """)
    void newOperatorsBecomeTheirLayers(String model, long slices, long resizes, long overlapAdds) {
        Network network = load(model);
        // ShuffleNetV2: 13 blocks of stride 1, each splitting its input into two halves.
        assertEquals(slices, network.count(LayerOp.SLICE));
        assertEquals(resizes, network.count(LayerOp.RESIZE));
        assertEquals(overlapAdds, network.count(LayerOp.COL2IM));
    }
}
