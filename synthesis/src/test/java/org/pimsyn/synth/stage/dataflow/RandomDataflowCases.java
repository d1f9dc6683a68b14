package org.pimsyn.synth.stage.dataflow;

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

/** Small random networks, duplications and placements for invariants. Same seed, same case. */
final class RandomDataflowCases {
    private static final LayerFunction[] ACTIVATIONS = {LayerFunction.RELU, LayerFunction.LEAKY_RELU,
        LayerFunction.SIGMOID, LayerFunction.TANH, LayerFunction.CLIP, LayerFunction.HARD_SIGMOID,
        LayerFunction.HARD_SWISH};

    private RandomDataflowCases() {
    }

    /** A single-input network of 3 to 16 random steps over every layer kind, ending in one or two FC layers. */
    static Network network(Random r, String name) {
        NetworkBuilder b = new NetworkBuilder(name);
        List<Integer> maps = new ArrayList<>();
        maps.add(b.input("in", new Shape(1, 1 + r.nextInt(5), 3 + r.nextInt(12), 3 + r.nextInt(12))));
        int steps = 3 + r.nextInt(14);
        for (int step = 0; step < steps; step++) {
            int input = maps.get(r.nextInt(maps.size()));
            int other = maps.get(r.nextInt(maps.size()));
            String layer = "l" + step;
            try {
                maps.add(switch (r.nextInt(11)) {
                    case 0, 1, 2 -> conv(b, r, layer, input);
                    case 3 -> b.pool(layer, input, r.nextBoolean() ? LayerFunction.MAX : LayerFunction.AVERAGE,
                            window(r, 1 + r.nextInt(3), 1 + r.nextInt(3), false), r.nextBoolean());
                    case 4 -> b.globalPool(layer, input, LayerFunction.AVERAGE);
                    case 5 -> b.activation(layer, input, ACTIVATIONS[r.nextInt(ACTIVATIONS.length)]);
                    case 6 -> b.eltwise(layer, LayerFunction.ADD, input, other);
                    case 7 -> b.concat(layer, input, other);
                    case 8 -> b.pad(layer, input, new Padding(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)));
                    case 9 -> r.nextBoolean() ? b.lrn(layer, input) : b.softmax(layer, input, LayerFunction.SOFTMAX);
                    default -> b.addGiven(layer, LayerOp.ELTWISE, LayerFunction.MUL, List.of(input), b.shape(input),
                            Window.POINTWISE, 1, false);
                });
            } catch (IllegalArgumentException e) {
                // The random choice does not fit these shapes; the next step tries another.
            }
        }
        int x = b.flatten("flatten", maps.get(maps.size() - 1));
        x = b.fc("fc1", x, 1 + r.nextInt(40));
        if (r.nextBoolean()) {
            x = b.fc("fc2", b.relu("fc1/relu", x), 1 + r.nextInt(10));
        }
        if (r.nextBoolean()) {
            b.softmax("prob", x, LayerFunction.SOFTMAX);
        }
        return b.build();
    }

    static int conv(NetworkBuilder b, Random r, String name, int input) {
        int inChannels = b.shape(input).c();
        int groups = r.nextInt(3) == 0 ? inChannels : 1;
        int outChannels = groups * (1 + r.nextInt(4));
        return b.conv(name, input, outChannels, window(r, 1 + r.nextInt(3), 1 + r.nextInt(2), true), groups);
    }

    static Window window(Random r, int kernel, int stride, boolean dilated) {
        int dilation = dilated && r.nextInt(4) == 0 ? 2 : 1;
        int kernelW = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : kernel;
        return new Window(kernel, kernelW, stride, r.nextInt(4) == 0 ? 1 + r.nextInt(3) : stride,
                new Padding(r.nextInt(2), r.nextInt(2), r.nextInt(2), r.nextInt(2)), dilation, dilation);
    }

    /** A duplication per weight layer in 1..P, mostly small so that blocks stay few enough to check by hand. */
    static int[] duplication(Random r, Network network) {
        var weights = network.weightLayers();
        int[] wtDup = new int[weights.size()];
        for (int k = 0; k < wtDup.length; k++) {
            int positions = weights.get(k).outputPositions();
            wtDup[k] = r.nextInt(3) == 0 ? 1 + r.nextInt(positions) : Math.max(1, positions / (1 + r.nextInt(6)));
        }
        return wtDup;
    }

    /** Small crossbars, so that row and column tiles and weight slices all occur. */
    static DataflowSpec spec(Random r, Network network) {
        int[] xbSizes = {4, 8, 16, 32};
        int resDac = 1 + r.nextInt(2);
        return new DataflowSpec(network, duplication(r, network), resDac, xbSizes[r.nextInt(xbSizes.length)],
                1 + r.nextInt(2), 2 + r.nextInt(4), 1 + r.nextInt(4));
    }

    /**
     * Each layer over 1 to 4 macros with random crossbar counts; now and then a layer takes the macro list of an
     * earlier layer with as many macros (macro sharing), otherwise fresh macro ids in a random order.
     */
    static Placement placement(Random r, DataflowSkeleton skeleton) {
        List<LayerPlacement> layers = new ArrayList<>();
        int nextMacro = r.nextInt(3);
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            int total = skeleton.crossbarsOf(k);
            int count = 1 + r.nextInt(Math.min(4, total));
            int[] macros = null;
            for (int j = 0; j < k && macros == null; j++) {
                if (layers.get(j).macroCount() == count && r.nextInt(3) == 0) {
                    macros = layers.get(j).macros();
                }
            }
            if (macros == null) {
                macros = new int[count];
                for (int i = 0; i < count; i++) {
                    macros[i] = nextMacro + i;
                }
                nextMacro += count + r.nextInt(2);
                for (int i = count - 1; i > 0; i--) {
                    int j = r.nextInt(i + 1);
                    int t = macros[i];
                    macros[i] = macros[j];
                    macros[j] = t;
                }
            }
            layers.add(new LayerPlacement(macros, split(r, total, count)));
        }
        return new Placement(layers);
    }

    /** total split into count positive parts. */
    static int[] split(Random r, int total, int count) {
        int[] parts = new int[count];
        int left = total - count;
        for (int i = 0; i < count - 1; i++) {
            int extra = left == 0 ? 0 : r.nextInt(left + 1);
            parts[i] = 1 + extra;
            left -= extra;
        }
        parts[count - 1] = 1 + left;
        return parts;
    }
}
