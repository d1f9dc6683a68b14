package org.pimsyn.synth.stage.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.RandomNetworks;

/** Small random networks, duplications and placements for invariants. Same seed, same case. */
final class RandomDataflowCases {
    private RandomDataflowCases() {
    }

    /** A random network of every layer kind ({@link RandomNetworks}) with a single input. */
    static Network network(Random r) {
        while (true) {
            Network network = RandomNetworks.generate(r.nextLong());
            if (network.inputs().size() == 1) {
                return network;
            }
        }
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
