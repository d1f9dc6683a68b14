package org.pimsyn.synth.network.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Layer;

/** Damaged files give a network or a one-line input error, never another exception. */
class OnnxFileRobustnessTest {
    @TempDir
    Path dir;

    static byte[] model() {
        return new TinyOnnx().input("x", "n", 3, 4, 4).weight("w", 2, 3, 3, 3).int64("s", 0, -1).weight("fc", 32, 5)
                .node(op("Conv", "c", "x", "w").addAttribute(ints("pads", 1, 1, 1, 1)))
                .node(op("Relu", "r", "c"))
                .node(op("Shape", "shape", "r"))
                .node(op("Gather", "n", "shape", "s").addAttribute(integer("axis", 0)))
                .node(op("Reshape", "f", "r", "s"))
                .node(op("MatMul", "y", "f", "fc"))
                .output("y").model().toByteArray();
    }

    private void importsOrFailsCleanly(Path file, String what) {
        try {
            OnnxImporter.read(file, null);
        } catch (InputException e) {
            assertFalse(e.getMessage().contains("\n"), what + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith(file + ": "), what + ": " + e.getMessage());
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }

    @Test
    void theUndamagedModelImports() {
        Path file = TinyOnnx.writeBytes(dir, "whole.onnx", model());

        assertEquals(List.of("input", "conv", "activation relu", "reshape", "fc"),
                OnnxImporter.read(file, null).layers().stream().map(Layer::opLabel).toList());
    }

    @Test
    void everyTruncationImportsOrFailsCleanly() throws IOException {
        // One file cut shorter and shorter: rewriting a file per length would dominate the test's time.
        byte[] bytes = model();
        Path file = TinyOnnx.writeBytes(dir, "cut.onnx", bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int length = bytes.length - 1; length >= 0; length--) {
                channel.truncate(length);
                importsOrFailsCleanly(file, "truncated to " + length);
            }
        }
    }

    @Test
    void randomCorruptionsImportOrFailCleanly() throws IOException {
        byte[] original = model();
        Path file = TinyOnnx.writeBytes(dir, "corrupt.onnx", original);
        Random random = new Random(20240501);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (int trial = 0; trial < 400; trial++) {
                int[] at = new int[1 + random.nextInt(4)];
                for (int i = 0; i < at.length; i++) {
                    at[i] = random.nextInt(original.length);
                    channel.write(ByteBuffer.wrap(new byte[] {(byte) random.nextInt(256)}), at[i]);
                }
                importsOrFailsCleanly(file, "corruption " + trial);
                for (int position : at) {
                    channel.write(ByteBuffer.wrap(original, position, 1), position);
                }
            }
        }
    }
}
