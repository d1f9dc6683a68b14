package org.pimsyn.bench;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/**
 * Builds simulator inputs shaped like compiled CNN dataflows, at chosen sizes. Each layer is a sequence of
 * computation blocks; per block: TRANSFER in (layers on several macros), LOAD, then per macro and input bit
 * MVM -> ADC -> ALU shift-add, a MERGE of the macros' partial sums (several macros), ALU add, an optional ALU
 * pool, STORE. Edges: inside a block as listed; bit i -> bit i+1 on the same crossbars and in the shift-add
 * accumulation; block b -> block b+1 on the same crossbars and between the STOREs; and from the STORE of the
 * producing layer's block that completes the consumer block's input window to the consumer block's first IR.
 * The last two weight layers share their macros (and so their ADC banks).
 */
public final class DataflowGenerator {
    private static final int BITS = 8;
    private static final int OUTPUTS_PER_BLOCK = 256;
    private static final int INPUTS_PER_BLOCK = 288;
    private static final int CROSSBARS_PER_MACRO = 16;

    /** One weight layer: computation blocks, macros it spans, and whether a pooling ALU op follows. */
    public record LayerSpec(int blocks, int macros, boolean pool) {
    }

    private DataflowGenerator() {
    }

    /** AlexNet-sized: 5 convolutions and 3 fully connected layers, about 10^4 IR nodes. */
    /** The workload of a benchmark's {@code workload} parameter: "alexnet" or "vgg16". */
    public static Workload named(String workload) {
        return switch (workload) {
            case "alexnet" -> alexnetSized();
            case "vgg16" -> vgg16Sized();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    public static Workload alexnetSized() {
        return generate("alexnet-sized", List.of(
                new LayerSpec(32, 3, true), new LayerSpec(29, 3, true), new LayerSpec(29, 2, false),
                new LayerSpec(29, 2, false), new LayerSpec(29, 2, true), new LayerSpec(1, 4, false),
                new LayerSpec(1, 2, false), new LayerSpec(1, 1, false)), 724_000_000L);
    }

    /** VGG16-sized: 13 convolutions and 3 fully connected layers, about 5 x 10^5 IR nodes. */
    public static Workload vgg16Sized() {
        List<LayerSpec> layers = new ArrayList<>();
        int[] blocks = {672, 672, 588, 588, 588, 588, 588, 294, 294, 294, 147, 147, 147};
        int[] macros = {4, 4, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2};
        boolean[] pool = {false, true, false, true, false, false, true, false, false, true, false, false, true};
        for (int i = 0; i < blocks.length; i++) {
            layers.add(new LayerSpec(blocks[i], macros[i], pool[i]));
        }
        layers.add(new LayerSpec(1, 16, false));
        layers.add(new LayerSpec(1, 4, false));
        layers.add(new LayerSpec(1, 2, false));
        return generate("vgg16-sized", layers, 15_470_000_000L);
    }

    public static Workload generate(String name, List<LayerSpec> layers, long macsPerImage) {
        int layerCount = layers.size();
        // Macro ids per layer; the last layer reuses (the first of) the macros of the one before it.
        int[][] macrosOf = new int[layerCount][];
        int next = 0;
        for (int l = 0; l < layerCount; l++) {
            boolean shares = l == layerCount - 1 && l > 0 && layers.get(l).macros() <= layers.get(l - 1).macros();
            int k = layers.get(l).macros();
            macrosOf[l] = new int[k];
            for (int j = 0; j < k; j++) {
                macrosOf[l][j] = shares ? macrosOf[l - 1][j] : next++;
            }
        }
        int macroCount = next;
        int cols = (int) Math.ceil(Math.sqrt(macroCount));
        int rows = (macroCount + cols - 1) / cols;
        List<List<Integer>> served = new ArrayList<>();
        for (int m = 0; m < macroCount; m++) {
            served.add(new ArrayList<>());
        }
        for (int l = 0; l < layerCount; l++) {
            for (int m : macrosOf[l]) {
                served.get(m).add(l);
            }
        }
        List<Macro> macros = new ArrayList<>();
        for (int m = 0; m < macroCount; m++) {
            List<CrossbarGroup> groups = new ArrayList<>();
            for (int l : served.get(m)) {
                groups.add(new CrossbarGroup(l, CROSSBARS_PER_MACRO, 256, 2));
            }
            macros.add(new Macro(m / cols, m % cols, served.get(m), groups, new DacArray(256, 1),
                    new AdcBank(32, 9), List.of(new AluUnits(AluKind.SHIFT_ADD, 4, 32),
                            new AluUnits(AluKind.ADD, 2, 32), new AluUnits(AluKind.POOL, 1, 32)),
                    new Scratchpad(64, 256, 1)));
        }
        Accelerator acc = new Accelerator(1.0, rows, cols, 16, layerCount, List.of(), macros, new Noc(64, 64),
                49_000, macsPerImage);

        IrProgramBuilder b = new IrProgramBuilder(expectedNodes(layers));
        int[] previousStores = null;
        for (int l = 0; l < layerCount; l++) {
            LayerSpec spec = layers.get(l);
            int[] home = macrosOf[l];
            int[] stores = new int[spec.blocks()];
            int[] lastMvm = new int[home.length];
            int previousStore = -1;
            for (int blk = 0; blk < spec.blocks(); blk++) {
                int first;
                int load;
                if (home.length > 1 && l > 0) {
                    first = b.addTransfer(l, blk, INPUTS_PER_BLOCK, macrosOf[l - 1][0], home[0]);
                    load = b.addLoad(l, blk, INPUTS_PER_BLOCK, home[0]);
                    b.addEdge(first, load);
                } else {
                    load = b.addLoad(l, blk, INPUTS_PER_BLOCK, home[0]);
                    first = load;
                }
                if (previousStores != null) {
                    // The consumer block's input window is complete once this producer block is stored.
                    int producer = (int) Math.min(previousStores.length - 1,
                            ((long) (blk + 1) * previousStores.length + spec.blocks() - 1) / spec.blocks() - 1);
                    b.addEdge(previousStores[producer], first);
                }
                int[] lastShiftAdd = new int[home.length];
                for (int j = 0; j < home.length; j++) {
                    int previousMvm = blk > 0 ? lastMvm[j] : -1;
                    int previousShiftAdd = -1;
                    for (int bit = 0; bit < BITS; bit++) {
                        int mvm = b.addMvm(l, blk, bit, CROSSBARS_PER_MACRO, home[j]);
                        int adc = b.addAdc(l, blk, bit, OUTPUTS_PER_BLOCK, home[j]);
                        int shiftAdd = b.addAlu(AluKind.SHIFT_ADD, l, blk, bit, OUTPUTS_PER_BLOCK, home[j]);
                        b.addEdge(load, mvm);
                        b.addEdge(mvm, adc);
                        b.addEdge(adc, shiftAdd);
                        if (previousMvm >= 0) {
                            b.addEdge(previousMvm, mvm);
                        }
                        if (previousShiftAdd >= 0) {
                            b.addEdge(previousShiftAdd, shiftAdd);
                        }
                        previousMvm = mvm;
                        previousShiftAdd = shiftAdd;
                    }
                    lastMvm[j] = previousMvm;
                    lastShiftAdd[j] = previousShiftAdd;
                }
                int gathered;
                if (home.length > 1) {
                    gathered = b.addMerge(l, blk, OUTPUTS_PER_BLOCK, home[0], home);
                    for (int sa : lastShiftAdd) {
                        b.addEdge(sa, gathered);
                    }
                } else {
                    gathered = lastShiftAdd[0];
                }
                int add = b.addAlu(AluKind.ADD, l, blk, IrProgram.NO_BIT, OUTPUTS_PER_BLOCK, home[0]);
                b.addEdge(gathered, add);
                int beforeStore = add;
                if (spec.pool()) {
                    beforeStore = b.addAlu(AluKind.POOL, l, blk, IrProgram.NO_BIT, OUTPUTS_PER_BLOCK / 4, home[0]);
                    b.addEdge(add, beforeStore);
                }
                int store = b.addStore(l, blk, OUTPUTS_PER_BLOCK, home[0]);
                b.addEdge(beforeStore, store);
                if (previousStore >= 0) {
                    b.addEdge(previousStore, store);
                }
                previousStore = store;
                stores[blk] = store;
            }
            previousStores = stores;
        }
        return new Workload(name, acc, library(), b.build());
    }

    private static int expectedNodes(List<LayerSpec> layers) {
        long total = 0;
        for (LayerSpec s : layers) {
            total += (long) s.blocks() * (3L * s.macros() * BITS + 6);
        }
        return (int) Math.min(Integer.MAX_VALUE - 8, total);
    }

    /**
     * Costs of the shape of the original tool's hardware setup (256x256 2-bit crossbars read in 100 ns, 1-bit
     * DACs, 9-bit ADCs, 64 KB eDRAM scratchpads): energy per action = dynamic power x latency.
     */
    public static ComponentLibrary library() {
        String source = "synthetic workload: the default library's 256x256 2-bit crossbar, 1-bit DAC, 9-bit ADC, "
                + "ALUs and 64 KB scratchpad, and a NoC of round figures";
        return ComponentLibrary.of(List.of(
                ComponentEntries.crossbar(256, 2, 100, 108, 0.12, 1.2, source),
                ComponentEntries.dac(1, 3, 0.0093, 0.0008, 0.0039, source),
                ComponentEntries.adc(9, 1, 2, 0.25, 2.25, source),
                ComponentEntries.alu(AluKind.SHIFT_ADD, 4, 0.32, 0.02, 0.1, source),
                ComponentEntries.alu(AluKind.ADD, 10, 0.8, 0.02, 0.1, source),
                ComponentEntries.alu(AluKind.POOL, 200, 16, 0.02, 0.1, source),
                ComponentEntries.scratchpad(64, 0.509152, 0.509152, 38.402, 40.144, 13.6025,
                        13.6025 + 40.144 / 0.509152, source),
                ComponentEntries.router(1, 0.5, 1.625, 1.625, source),
                ComponentEntries.link(1, 0.25, 0, 0.25, source)));
    }
}
