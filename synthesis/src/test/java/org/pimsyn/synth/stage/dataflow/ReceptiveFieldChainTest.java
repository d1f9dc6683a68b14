package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Padding;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.Window;
import org.pimsyn.synth.network.json.RandomNetworks;

/**
 * Random chains conv A -> [relu] -> [pool] -> [pad] -> conv B, checked against a brute-force model that
 * enumerates every window tap: A completes its positions block by block in raster order; a costed layer
 * completes its outputs in raster order, each once all its taps are complete; a pad is a view (its border needs
 * nothing); B's block b (its LOADs being ordered) needs the taps of all its positions up to the block's last.
 * The compiler maps the corners of that need back layer by layer (the last row and column, clamped): exact when no
 * window skips rows or columns, and never earlier than the taps need otherwise.
 */
class ReceptiveFieldChainTest {
    @Test
    void consumerBlocksWaitForExactlyTheProducerBlockTheirTapsNeed() {
        Random r = new Random(99);
        int checked = 0;
        int exact = 0;
        for (int c = 0; c < 400; c++) {
            Network net = randomChain(r, "chain" + c);
            if (net == null) {
                continue;
            }
            Layer a = net.weightLayers().get(0);
            Layer b = net.weightLayers().get(1);
            int dupA = 1 + r.nextInt(a.outputPositions());
            int dupB = 1 + r.nextInt(b.outputPositions());
            DataflowSkeleton skeleton = DataflowSkeleton.of(new DataflowSpec(net, new int[] {dupA, dupB}, 1, 64, 2, 2,
                    1));
            Irs irs = new Irs(skeleton.compile(skeleton.oneMacroPerLayer()).program());
            int[] expected = expectedProducerBlocks(net, dupA, dupB);
            boolean gapFree = gapFree(net);
            for (int blk = 0; blk < expected.length; blk++) {
                int load = irs.find(IrKind.LOAD, 1, blk, IrProgram.NO_BIT, 1);
                int actual = irs.latestStoreReaching(0, load);
                String where = "case " + c + " " + describe(net) + " dup " + dupA + "/" + dupB + " block " + blk;
                if (gapFree) {
                    assertEquals(expected[blk], actual, where);
                    exact++;
                } else {
                    // Rows or columns that no window reads still count below a corner: never earlier than needed.
                    assertTrue(actual >= expected[blk], where + ": " + actual + " < " + expected[blk]);
                }
                checked++;
            }
        }
        assertTrue(checked > 1000, "only " + checked + " consumer blocks checked");
        assertTrue(exact > 300, "only " + exact + " consumer blocks checked exactly");
    }

    private static Network randomChain(Random r, String name) {
        try {
            NetworkBuilder b = new NetworkBuilder(name);
            int x = b.input("in", new Shape(1, 1 + r.nextInt(3), 4 + r.nextInt(10), 4 + r.nextInt(10)));
            x = b.conv("A", x, 1 + r.nextInt(3), RandomNetworks.window(r, 1 + r.nextInt(3), 1 + r.nextInt(2),
                    true), 1);
            if (r.nextBoolean()) {
                x = b.relu("relu", x);
            }
            if (r.nextBoolean()) {
                x = b.pool("pool", x, LayerFunction.MAX, RandomNetworks.window(r, 1 + r.nextInt(3),
                        1 + r.nextInt(3), false), r.nextBoolean());
            }
            if (r.nextBoolean()) {
                x = b.pad("pad", x, new Padding(r.nextInt(3), r.nextInt(3), r.nextInt(3), r.nextInt(3)));
            }
            b.conv("B", x, 1 + r.nextInt(3), RandomNetworks.window(r, 1 + r.nextInt(4), 1 + r.nextInt(3), true),
                    1);
            return b.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Per block of B, the latest block of A whose STORE its LOAD waits for (-1: none). */
    private static int[] expectedProducerBlocks(Network net, int dupA, int dupB) {
        List<Layer> layers = net.layers();
        Layer a = net.layer("A");
        // ready[p]: block of A after which position p of the current layer is available (-1: from the start).
        int[] ready = new int[a.outputPositions()];
        for (int p = 0; p < ready.length; p++) {
            ready[p] = p / dupA;
        }
        Shape shape = a.outputShape();
        for (int id = a.id() + 1; id < layers.size(); id++) {
            Layer layer = layers.get(id);
            if (layer.op() == LayerOp.CONV) {
                break;
            }
            Shape out = layer.outputShape();
            int[] next = new int[out.h() * out.w()];
            int running = -1;
            for (int p = 0; p < next.length; p++) {
                int own = -1;
                for (int t : taps(layer, shape, p / out.w(), p % out.w())) {
                    own = Math.max(own, ready[t]);
                }
                if (layer.op() == LayerOp.PAD) {
                    next[p] = own;
                } else {
                    running = Math.max(running, Math.max(own, 0));
                    next[p] = running;
                }
            }
            ready = next;
            shape = out;
        }
        Layer b = net.layer("B");
        int positions = b.outputPositions();
        int blocks = (positions + dupB - 1) / dupB;
        int[] expected = new int[blocks];
        int need = -1;
        for (int q = 0; q < positions; q++) {
            for (int t : taps(b, shape, q / b.outputShape().w(), q % b.outputShape().w())) {
                need = Math.max(need, ready[t]);
            }
            expected[q / dupB] = need;
        }
        return expected;
    }

    /** Raster indices of the input positions an output position of a window layer (or relu) reads. */
    private static List<Integer> taps(Layer layer, Shape in, int r, int c) {
        List<Integer> taps = new ArrayList<>();
        if (layer.op() == LayerOp.ACTIVATION) {
            taps.add(r * in.w() + c);
            return taps;
        }
        Window w = layer.window();
        for (int i = 0; i < w.kernelH(); i++) {
            int row = r * w.strideH() - w.padding().top() + i * w.dilationH();
            for (int j = 0; j < w.kernelW(); j++) {
                int col = c * w.strideW() - w.padding().left() + j * w.dilationW();
                if (row >= 0 && row < in.h() && col >= 0 && col < in.w()) {
                    taps.add(row * in.w() + col);
                }
            }
        }
        return taps;
    }

    /** No window skips input rows or columns: no dilation, no stride beyond the kernel. */
    private static boolean gapFree(Network net) {
        for (Layer layer : net.layers()) {
            Window w = layer.window();
            if (w.dilationH() > 1 || w.dilationW() > 1 || w.strideH() > w.kernelH() || w.strideW() > w.kernelW()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Network net) {
        StringBuilder sb = new StringBuilder();
        for (Layer layer : net.layers()) {
            sb.append(layer.name()).append('[').append(layer.outputShape()).append(' ').append(layer.window())
                    .append(layer.ceilMode() ? " ceil" : "").append("] ");
        }
        return sb.toString();
    }
}
