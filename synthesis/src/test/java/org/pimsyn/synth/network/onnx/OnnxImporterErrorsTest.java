package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;
import static org.pimsyn.synth.network.onnx.TinyOnnx.string;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Shape;

/** Bad models fail with one-line {@link InputException}s naming the file and the node. */
class OnnxImporterErrorsTest {
    @TempDir
    Path dir;

    private String failure(TinyOnnx model) {
        return failure(model, null);
    }

    private String failure(TinyOnnx model, Shape inputShape) {
        Path file = model.write(dir, "bad.onnx");
        String message = assertThrows(InputException.class, () -> OnnxImporter.read(file, inputShape)).getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    private String fileFailure(Path file) {
        String message = assertThrows(InputException.class, () -> OnnxImporter.read(file, null)).getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    @Test
    void unsupportedOpNamesTheNodeAndListsTheSupportedOps() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4)
                .node(op("Relu", "r", "x")).node(op("GridSample", "up", "r", "r").setName("sample")));

        assertEquals("node 'sample' (op GridSample) is not supported; supported ops: Add, AveragePool, "
                + "BatchNormalization, Cast, Clip, Concat, Constant, ConstantOfShape, Conv, ConvTranspose, Div, "
                + "Dropout, Erf, Flatten, Gather, Gemm, GlobalAveragePool, GlobalMaxPool, HardSigmoid, HardSwish, "
                + "Identity, LayerNormalization, LeakyRelu, LogSoftmax, LRN, MatMul, MaxPool, Mul, Pad, ReduceMax, "
                + "ReduceMean, ReduceMin, ReduceSum, Relu, Reshape, Resize, Shape, Sigmoid, Slice, Softmax, Split, "
                + "Squeeze, Sub, Sum, Tanh, Transpose, Unsqueeze, Upsample", message);
    }

    @Test
    void opOfAnotherDomainIsUnsupportedEvenWithAKnownName() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4)
                .node(op("Relu", "r", "x").setDomain("com.microsoft").setName("")));

        assertTrue(message.startsWith("node 'r' (op com.microsoft.Relu) is not supported; "), message);
    }

    @Test
    void truncatedFileIsReported() throws Exception {
        byte[] bytes = new TinyOnnx().input("x", 1, 3, 8, 8).weight("w", 4, 3, 3, 3)
                .node(op("Conv", "y", "x", "w")).model().toByteArray();
        Path file = TinyOnnx.writeBytes(dir, "cut.onnx", Arrays.copyOf(bytes, bytes.length / 2));

        assertTrue(fileFailure(file).startsWith("not a valid ONNX model: the file is truncated or is not ONNX"
                + " protobuf data"));
    }

    @Test
    void textFileRenamedOnnxIsNotAModel() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.onnx"),
                "layer,type,channels\nconv1,Conv,64\nfc,Gemm,10\n", StandardCharsets.UTF_8);

        assertTrue(fileFailure(file).startsWith("not "), fileFailure(file));
    }

    @Test
    void missingEmptyAndDirectoryPathsAreReported() throws Exception {
        assertEquals("no such file; expected an ONNX model file", fileFailure(dir.resolve("absent.onnx")));
        assertEquals("not an ONNX model: the file is empty", fileFailure(Files.createFile(dir.resolve("empty.onnx"))));
        assertEquals("is a directory; expected an ONNX model file",
                fileFailure(Files.createDirectory(dir.resolve("d.onnx"))));
    }

    @Test
    void aFixedInputBeyondTheSizeLimitIsRefusedAtTheInput() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 100000, 100000).weight("w", 8, 3, 3, 3)
                .node(op("Conv", "c", "x", "w")).output("c"));

        assertEquals("input 'x': layer 'x': output 1x3x100000x100000 is too large: at most 2,147,483,647 elements "
                + "(C x H x W) and 4,194,304 positions (H x W) per layer are allowed; give a smaller input shape",
                message);
    }

    @Test
    void devicesAreRefusedBeforeAnyByteIsRead() {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")), "a Unix /dev");
        assertEquals("not a regular file (a device, pipe or socket); expected an ONNX model file",
                fileFailure(Path.of("/dev/null")));
    }

    @Test
    void modelWithoutOpsetImportLooksTruncated() throws Exception {
        var model = new TinyOnnx().input("x", 1, 3, 4, 4).node(op("Relu", "y", "x")).model().toBuilder()
                .clearOpsetImport().build();
        Path file = TinyOnnx.writeBytes(dir, "noopset.onnx", model.toByteArray());

        assertTrue(fileFailure(file).contains("no opset_import"));
    }

    @Test
    void graphWhoseInputsAreAllInitializersHasNoInput() {
        String message = failure(new TinyOnnx().ir3Weight("w", 2, 3).node(op("Relu", "y", "w")));

        assertTrue(message.startsWith("the graph has no input"), message);
    }

    @Test
    void missingTensorNamesTheNodeAndTheTensor() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).node(op("Add", "y", "x", "ghost")));

        assertEquals("node 'y_node' (op Add): input tensor 'ghost' is not produced by any node, initializer or graph"
                + " input", message);
    }

    @Test
    void cycleIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4)
                .node(op("Add", "a", "x", "b")).node(op("Relu", "b", "a")));

        assertEquals("node 'a_node' (op Add) is part of a cycle; an ONNX graph must be acyclic", message);
    }

    @Test
    void dynamicDimensionWithoutInputShapeAsksForIt() {
        String message = failure(new TinyOnnx().input("x", "n", 3, "height", 32).node(op("Relu", "y", "x")));

        assertEquals("input 'x' dimension 2 is dynamic ('height'); give the input shape (--input-shape NxCxHxW)",
                message);
    }

    @Test
    void inputShapeContradictingAFixedDimensionIsRejected() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 224, 224).node(op("Relu", "y", "x")),
                Shape.parse("1x3x48x192"));

        assertEquals("input 'x' dimension 2 is fixed at 224 but the input shape 1x3x48x192 gives 48", message);
    }

    @Test
    void inputShapeForAnInputOfOtherRankIsRejected() {
        String message = failure(new TinyOnnx().input("x", "n", 784).node(op("Relu", "y", "x")),
                Shape.parse("1x1x28x28"));

        assertEquals("input 'x' has 2 dimensions but the input shape 1x1x28x28 gives 4", message);
    }

    @Test
    void convWeightWithWrongChannelsNamesTheWeight() {
        String message = failure(new TinyOnnx().input("x", 1, 6, 4, 4).weight("w", 4, 3, 3, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(integer("group", 1))));

        assertEquals("node 'y_node' (op Conv): weight 'w' (4x3x3x3) takes 3 channels per group; the input has 6"
                + " channels in 1 group(s)", message);
    }

    @Test
    void windowLargerThanTheInputIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 1, 2, 2).weight("w", 1, 1, 3, 3)
                .node(op("Conv", "y", "x", "w")));

        assertEquals("node 'y_node' (op Conv): layer 'y': the window does not fit the input (output extent 0)", message);
    }

    @Test
    void unknownAutoPadListsTheAllowedValues() {
        String message = failure(new TinyOnnx().input("x", 1, 1, 4, 4).weight("w", 1, 1, 3, 3)
                .node(op("Conv", "y", "x", "w").addAttribute(string("auto_pad", "SAME"))));

        assertEquals("node 'y_node' (op Conv): attribute 'auto_pad' is 'SAME'; allowed: NOTSET, SAME_UPPER,"
                + " SAME_LOWER, VALID", message);
    }

    @Test
    void gemmWithMismatchedInnerDimensionIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 20).weight("b", 7, 21)
                .node(op("Gemm", "y", "x", "b").addAttribute(integer("transB", 1))));

        assertEquals("node 'y_node' (op Gemm): A 1x20 has K = 20 but B 7x21 (transposed) has K = 21", message);
    }

    @Test
    void matMulOfTwoLayerOutputsIsNotAnFc() {
        String message = failure(new TinyOnnx().input("x", 1, 20).node(op("Relu", "r", "x"))
                .node(op("MatMul", "y", "x", "r")));

        assertTrue(message.startsWith("node 'y_node' (op MatMul): weight 'r' is computed by the graph"), message);
    }

    @Test
    void biasComputedByLayersIsReportedRatherThanDropped() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).weight("w", 3, 3, 1, 1)
                .node(op("GlobalAveragePool", "g", "x")).node(op("Flatten", "b", "g"))
                .node(op("Conv", "y", "x", "w", "b")));

        assertEquals("node 'y_node' (op Conv): input 'b' is computed by the graph; only constants are supported as"
                + " Conv input 2", message);
    }

    @Test
    void reshapeThatCannotHoldTheElementsIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 2, 3, 4).int64("s", 5, -1)
                .node(op("Reshape", "y", "x", "s")));

        assertEquals("node 'y_node' (op Reshape): target shape [5, -1] cannot hold the 24 elements of 1x2x3x4", message);
    }

    @Test
    void reshapeToAComputedShapeNeedsKnownValues() {
        String message = failure(new TinyOnnx().input("x", 1, 2, 3, 4).weight("f", 2)
                .node(op("Reshape", "y", "x", "f")));

        assertEquals("node 'y_node' (op Reshape): shape 'f' is not a constant of known integer values", message);
    }

    @Test
    void layerOutputsThatDoNotBroadcastAreReported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).node(op("GlobalMaxPool", "g", "x"))
                .node(op("Relu", "r", "x")).node(op("Flatten", "f", "r"))
                .node(op("Add", "y", "x", "f")));

        assertEquals("node 'y_node' (op Add): shapes 1x3x4x4 and 1x48 do not broadcast", message);
    }

    @Test
    void concatAlongSpaceIsNotSupported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).node(op("Relu", "a", "x"))
                .node(op("Concat", "y", "x", "a").addAttribute(integer("axis", 2))));

        assertEquals("node 'y_node' (op Concat): concatenation along axis 2 of 1x3x4x4 is not supported; only along"
                + " channels (axis 1)", message);
    }

    @Test
    void paddingTheChannelsIsNotSupported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).int64("p", 0, 1, 0, 0, 0, 1, 0, 0)
                .node(op("Pad", "y", "x", "p")));

        assertEquals("node 'y_node' (op Pad): pads [0, 1, 0, 0, 0, 1, 0, 0] pads the batch or channel axis; only"
                + " spatial (H, W) padding is supported", message);
    }

    @Test
    void gatherOfALayerOutputIsNotSupported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4).int64("i", 0)
                .node(op("Gather", "y", "x", "i")));

        assertEquals("node 'y_node' (op Gather): Gather of a layer output ('x') is not supported; Gather may only"
                + " work on shapes and constants", message);
    }

    @Test
    void poolWithoutKernelShapeIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4)
                .node(op("MaxPool", "y", "x").addAttribute(ints("strides", 2, 2))));

        assertEquals("node 'y_node' (op MaxPool): attribute 'kernel_shape' is required", message);
    }

    @Test
    void attributeOfTheWrongTypeIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 4, 4)
                .node(op("MaxPool", "y", "x").addAttribute(string("kernel_shape", "3x3"))));

        assertEquals("node 'y_node' (op MaxPool): attribute 'kernel_shape' is of type STRING; expected a list of"
                + " integers", message);
    }

    @Test
    void convOnAOneDimensionalSignalIsReported() {
        String message = failure(new TinyOnnx().input("x", 1, 3, 16).weight("w", 4, 3, 3)
                .node(op("Conv", "y", "x", "w")));

        assertEquals("node 'y_node' (op Conv): Conv needs a 4-D input (N x C x H x W), got 1x3x16", message);
    }
}
