package org.pimsyn.synth.network.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;

/** Small random networks that use every layer kind, for invariants over many cases. Same seed, same network. */
public final class RandomNetworks {
    private static final LayerFunction[] ACTIVATIONS = {LayerFunction.RELU, LayerFunction.LEAKY_RELU,
        LayerFunction.SIGMOID, LayerFunction.TANH, LayerFunction.CLIP, LayerFunction.HARD_SIGMOID, LayerFunction.HARD_SWISH};
    private static final LayerFunction[] ELTWISE = {LayerFunction.ADD, LayerFunction.SUB, LayerFunction.MUL, LayerFunction.DIV};

    private RandomNetworks() {
    }

    public static Network generate(long seed) {
        Random r = new Random(seed);
        NetworkBuilder b = new NetworkBuilder("random" + seed);
        int batch = 1 + r.nextInt(2);
        List<Integer> maps = new ArrayList<>();
        maps.add(b.input("in", new Shape(batch, 1 + r.nextInt(6), 4 + r.nextInt(14), 4 + r.nextInt(14))));
        if (r.nextInt(4) == 0) {
            maps.add(b.input("in2", b.shape(maps.get(0))));
        }
        int steps = 3 + r.nextInt(14);
        for (int step = 0; step < steps; step++) {
            int input = maps.get(r.nextInt(maps.size()));
            int other = maps.get(r.nextInt(maps.size()));
            String name = "l" + step;
            try {
                maps.add(switch (r.nextInt(10)) {
                    case 0, 1 -> conv(b, r, name, input);
                    case 2 -> b.pool(name, input, r.nextBoolean() ? LayerFunction.MAX : LayerFunction.AVERAGE,
                            window(r, 1 + r.nextInt(3), 1 + r.nextInt(3), false), r.nextBoolean());
                    case 3 -> b.globalPool(name, input, r.nextBoolean() ? LayerFunction.MAX : LayerFunction.AVERAGE);
                    case 4 -> b.activation(name, input, ACTIVATIONS[r.nextInt(ACTIVATIONS.length)]);
                    case 5 -> b.eltwise(name, ELTWISE[r.nextInt(ELTWISE.length)], input, other);
                    case 6 -> b.concat(name, input, other);
                    case 7 -> b.pad(name, input, new Padding(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)));
                    case 8 -> switch (r.nextInt(5)) {
                        case 0 -> b.lrn(name, input);
                        case 1 -> b.softmax(name, input, r.nextBoolean() ? LayerFunction.SOFTMAX : LayerFunction.LOG_SOFTMAX);
                        case 2 -> slice(b, r, name, input);
                        case 3 -> b.resize(name, input, r.nextBoolean() ? LayerFunction.NEAREST : LayerFunction.LINEAR,
                                1 + r.nextInt(2 * b.shape(input).h()), 1 + r.nextInt(2 * b.shape(input).w()));
                        default -> transposedConv(b, r, name, input);
                    };
                    default -> b.addGiven(name, LayerOp.ELTWISE, ELTWISE[r.nextInt(ELTWISE.length)], List.of(input),
                            b.shape(input), Window.POINTWISE, 1, false);
                });
            } catch (IllegalArgumentException e) {
                // The random choice does not fit these shapes; the next step tries another.
            }
        }
        int last = maps.get(maps.size() - 1);
        Shape lastShape = b.shape(last);
        int x = b.flatten("flatten", last);
        if (r.nextBoolean()) {
            int side = b.reshape("reshape", maps.get(0), Shape.vector(batch, Math.toIntExact(b.shape(maps.get(0)).elementsPerImage())));
            x = b.concat("cat", x, side);
        }
        x = b.fc("fc1", x, 1 + r.nextInt(20));
        x = b.activation("fc1/act", x, ACTIVATIONS[r.nextInt(ACTIVATIONS.length)]);
        x = b.fc("fc2", x, 1 + r.nextInt(10));
        if (r.nextBoolean()) {
            b.softmax("prob", x, LayerFunction.SOFTMAX);
        }
        if (lastShape.h() > 1 && r.nextBoolean()) {
            b.reshape("unflat", last, new Shape(batch, lastShape.c() * lastShape.h(), 1, lastShape.w()));
        }
        return b.build();
    }

    /** A random range of the input's channels. */
    private static int slice(NetworkBuilder b, Random r, String name, int input) {
        int channels = b.shape(input).c();
        int offset = r.nextInt(channels);
        return b.slice(name, input, offset, 1 + r.nextInt(channels - offset));
    }

    /** A transposed convolution as the ONNX importer builds it: a 1x1 CONV of kernel patches and their overlap-add. */
    private static int transposedConv(NetworkBuilder b, Random r, String name, int input) {
        Shape in = b.shape(input);
        int kernel = 1 + r.nextInt(3);
        int stride = 1 + r.nextInt(2);
        int pad = r.nextInt(kernel);
        int patches = b.conv(name + ":patches", input, (1 + r.nextInt(3)) * kernel * kernel, Window.POINTWISE, 1);
        int extra = r.nextInt(stride);
        return b.col2im(name, patches, new Window(kernel, kernel, stride, stride, Padding.of(pad), 1, 1),
                stride * (in.h() - 1) + kernel - 2 * pad + extra, stride * (in.w() - 1) + kernel - 2 * pad + extra);
    }

    /** A convolution with a random window, sometimes depthwise. */
    public static int conv(NetworkBuilder b, Random r, String name, int input) {
        int inChannels = b.shape(input).c();
        int groups = r.nextInt(3) == 0 ? inChannels : 1;
        int outChannels = groups * (1 + r.nextInt(4));
        return b.conv(name, input, outChannels, window(r, 1 + r.nextInt(3), 1 + r.nextInt(2), true), groups);
    }

    /** A window of that kernel height and stride, with random padding, sometimes rectangular or dilated. */
    public static Window window(Random r, int kernel, int stride, boolean dilated) {
        int dilation = dilated && r.nextInt(4) == 0 ? 2 : 1;
        int kernelW = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : kernel;
        return new Window(kernel, kernelW, stride, r.nextInt(4) == 0 ? 1 + r.nextInt(3) : stride,
                new Padding(r.nextInt(2), r.nextInt(2), r.nextInt(2), r.nextInt(2)), dilation, dilation);
    }
}
