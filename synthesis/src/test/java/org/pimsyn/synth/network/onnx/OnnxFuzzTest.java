package org.pimsyn.synth.network.onnx;

import static org.pimsyn.synth.network.onnx.TinyOnnx.integer;
import static org.pimsyn.synth.network.onnx.TinyOnnx.ints;
import static org.pimsyn.synth.network.onnx.TinyOnnx.op;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.cli.Fuzzing;

/**
 * Fuzzing of ONNX import through {@code pimsyn network --onnx}: damaged bytes of a valid model, and models whose
 * shapes and attributes take extreme values, must each give exit code 0, or 2 with one line.
 */
class OnnxFuzzTest {
    /** Dimensions and attribute values a model may carry: zero, negative, huge, and the ordinary. */
    private static final long[] EXTREMES = {0, -1, 1, 2, 3, 7, 100_000, Integer.MAX_VALUE, 1L << 31, 1L << 40,
        Long.MAX_VALUE, Long.MIN_VALUE};

    @TempDir
    Path dir;

    private static long pick(Random random) {
        return random.nextInt(3) == 0 ? 1 + random.nextInt(4) : EXTREMES[random.nextInt(EXTREMES.length)];
    }

    @Test
    void damagedBytes() {
        byte[] seed = OnnxFileRobustnessTest.model();
        Random random = new Random(21);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = random.nextBoolean() ? Fuzzing.truncate(seed, random) : Fuzzing.flipBytes(seed, random);
            Path file = TinyOnnx.writeBytes(dir, "damaged.onnx", bytes);
            Fuzzing.endsCleanly("bytes case " + i, "network", "--onnx", file.toString());
        }
    }

    @Test
    void extremeShapesAndAttributes() {
        Random random = new Random(22);
        for (int i = 0; i < 200; i++) {
            long channels = 1 + random.nextInt(3);
            TinyOnnx m = new TinyOnnx().input("x", pick(random), channels, pick(random), pick(random))
                    .weight("w", 1 + random.nextInt(4), channels, 1 + random.nextInt(3), 1 + random.nextInt(3))
                    .int64("shape", pick(random), pick(random))
                    .node(op("Conv", "c", "x", "w")
                            .addAttribute(ints("pads", pick(random), pick(random), pick(random), pick(random)))
                            .addAttribute(ints("strides", pick(random), pick(random)))
                            .addAttribute(ints("dilations", pick(random), pick(random)))
                            .addAttribute(integer("group", random.nextBoolean() ? 1 : pick(random))))
                    .node(op("MaxPool", "p", "c").addAttribute(ints("kernel_shape", pick(random), pick(random))));
            switch (random.nextInt(3)) {
                case 0 -> m.node(op("Reshape", "y", "p", "shape"));
                case 1 -> m.node(op("ConstantOfShape", "k", "shape")).node(op("Add", "y", "p", "k"));
                default -> m.node(op("GlobalAveragePool", "y", "p"));
            }
            Path file = m.output("y").write(dir, "extreme.onnx");
            Fuzzing.endsCleanly("shape case " + i, "network", "--onnx", file.toString());
        }
    }
}
