package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;

/** Invariants over generated networks, duplications and placements. */
class DataflowInvariantsTest {
    private static final int CASES = 300;

    @Test
    void everyIrRunsOnOneOfItsLayersMacros() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram p = compiled.program();
            Set<Integer> homes = new HashSet<>();
            for (int k = 0; k < placement.size(); k++) {
                homes.add(placement.layer(k).home());
            }
            for (int i = 0; i < p.size(); i++) {
                Set<Integer> own = macrosOf(placement.layer(p.layer(i)));
                assertTrue(own.contains(p.macro(i)), p.describe(i));
                if (p.kind(i) == IrKind.TRANSFER) {
                    assertEquals(placement.layer(p.layer(i)).home(), p.srcMacro(i), p.describe(i));
                    assertTrue(own.contains(p.dstMacro(i)) || homes.contains(p.dstMacro(i)), p.describe(i));
                } else if (p.kind(i) == IrKind.MERGE) {
                    assertEquals(placement.layer(p.layer(i)).home(), p.dstMacro(i), p.describe(i));
                    for (int m : p.mergeSources(i)) {
                        assertTrue(own.contains(m), p.describe(i));
                    }
                } else if (p.kind(i) != IrKind.MVM && p.kind(i) != IrKind.ADC && p.kind(i) != IrKind.LOAD
                        && !(p.kind(i) == IrKind.ALU && p.aluKind(i) == AluKind.SHIFT_ADD)) {
                    assertEquals(placement.layer(p.layer(i)).home(), p.macro(i), p.describe(i));
                }
            }
        });
    }

    @Test
    void nodeCountsFollowBlocksBitsAndTakingPartMacros() {
        forEachCase((skeleton, placement, compiled) -> {
            int bits = skeleton.bitIterations();
            long mvm = 0;
            long loads = 0;
            long stores = 0;
            long merges = 0;
            long adds = 0;
            long inputTransfers = 0;
            for (int k = 0; k < skeleton.weightLayerCount(); k++) {
                CrossbarSet set = skeleton.crossbarSet(k);
                for (int b = 0; b < skeleton.blocks(k); b++) {
                    int macros = takingPart(placement.layer(k), skeleton.activeCopies(k, b) * set.size());
                    mvm += (long) bits * macros;
                    // The home's LOAD, one per other macro reading its share, one of the merged partial sums.
                    loads += macros + (macros > 1 ? 1 : 0);
                    stores++;
                    merges += macros > 1 ? 1 : 0;
                    adds += set.rowTiles() > 1 ? 1 : 0;
                    inputTransfers += macros - 1;
                }
            }
            Irs irs = new Irs(compiled.program());
            assertEquals(mvm, irs.count(IrKind.MVM));
            assertEquals(mvm, irs.count(IrKind.ADC));
            assertEquals(mvm, irs.count(AluKind.SHIFT_ADD));
            assertEquals(loads, irs.count(IrKind.LOAD));
            assertEquals(stores, irs.count(IrKind.STORE));
            assertEquals(merges, irs.count(IrKind.MERGE));
            assertEquals(adds, irs.count(AluKind.ADD));
            IrProgram p = compiled.program();
            long fromLoads = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.kind(i) == IrKind.TRANSFER && irs.predecessors(i).size() == 1
                        && p.kind(irs.predecessors(i).get(0)) == IrKind.LOAD) {
                    fromLoads++;
                }
            }
            assertEquals(inputTransfers, fromLoads);
        });
    }

    @Test
    void everyBitSliceActivatesTheActiveCopiesCrossbarsAndConvertsTheirColumns() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram p = compiled.program();
            int bits = skeleton.bitIterations();
            for (int k = 0; k < skeleton.weightLayerCount(); k++) {
                CrossbarSet set = skeleton.crossbarSet(k);
                int blocks = skeleton.blocks(k);
                long[] xb = new long[blocks * bits];
                long[] adc = new long[blocks * bits];
                for (int i = 0; i < p.size(); i++) {
                    if (p.layer(i) == k && p.kind(i) == IrKind.MVM) {
                        xb[p.block(i) * bits + p.bit(i)] += p.xbNum(i);
                    } else if (p.layer(i) == k && p.kind(i) == IrKind.ADC) {
                        adc[p.block(i) * bits + p.bit(i)] += p.vecWidth(i);
                    }
                }
                for (int b = 0; b < blocks; b++) {
                    int active = skeleton.activeCopies(k, b);
                    for (int t = 0; t < bits; t++) {
                        assertEquals((long) active * set.size(), xb[b * bits + t]);
                        assertEquals(active * set.conversionsPerCopy(), adc[b * bits + t]);
                    }
                }
            }
        });
    }

    @Test
    void workloadSummaryEqualsTheProgramsOwnCount() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram p = compiled.program();
            int k = skeleton.weightLayerCount();
            long bitsPerElement = skeleton.spec().activationBits();
            long[] adc = new long[k];
            long[] xb = new long[k];
            long[] alu = new long[k * AluKind.COUNT];
            long[] load = new long[k];
            long[] store = new long[k];
            long[] transfer = new long[k];
            long[] merge = new long[k];
            for (int i = 0; i < p.size(); i++) {
                int l = p.layer(i);
                switch (p.kind(i)) {
                    case MVM -> xb[l] += p.xbNum(i);
                    case ADC -> adc[l] += p.vecWidth(i);
                    case ALU -> alu[l * AluKind.COUNT + p.aluKind(i).code()] += p.vecWidth(i);
                    case LOAD -> load[l] += p.vecWidth(i) * bitsPerElement;
                    case STORE -> store[l] += p.vecWidth(i) * bitsPerElement;
                    case TRANSFER -> transfer[l] += p.vecWidth(i) * bitsPerElement;
                    case MERGE -> merge[l] += p.vecWidth(i) * (p.mergeSourceCount(i) - 1L) * bitsPerElement;
                }
            }
            DataflowWorkload w = compiled.workload();
            for (int l = 0; l < k; l++) {
                assertEquals(adc[l], w.adcConversions(l));
                assertEquals(xb[l], w.crossbarActivations(l));
                for (AluKind kind : AluKind.values()) {
                    assertEquals(alu[l * AluKind.COUNT + kind.code()], w.aluElements(l, kind), kind.label());
                }
                assertEquals(load[l], w.loadedBits(l));
                assertEquals(store[l], w.storedBits(l));
                assertEquals(transfer[l], w.transferredBits(l));
                assertEquals(merge[l], w.mergedBits(l));
            }
        });
    }

    @Test
    void workloadTotalsEqualClosedForms() {
        forEachCase((skeleton, placement, compiled) -> {
            Network network = skeleton.network();
            int bits = skeleton.bitIterations();
            long adc = 0;
            long xb = 0;
            long add = 0;
            long loaded = 0;
            for (int k = 0; k < skeleton.weightLayerCount(); k++) {
                Layer layer = network.layer(skeleton.weightLayerId(k));
                CrossbarSet set = skeleton.crossbarSet(k);
                int positions = layer.outputPositions();
                adc += positions * set.conversionsPerCopy() * bits;
                xb += (long) positions * set.size() * bits;
                add += (long) positions * layer.outChannels() * (set.rowTiles() - 1);
                loaded += (long) positions * layer.weightRows() * layer.groups();
            }
            long[] alu = AluClosedForm.elements(network);
            DataflowWorkload w = compiled.workload();
            assertEquals(adc, w.totalAdcConversions());
            assertEquals(adc, w.totalAluElements(AluKind.SHIFT_ADD));
            assertEquals(add, w.totalAluElements(AluKind.ADD));
            long xbTotal = 0;
            long loadedTotal = 0;
            for (int k = 0; k < w.layerCount(); k++) {
                xbTotal += w.crossbarActivations(k);
                loadedTotal += w.loadedBits(k);
            }
            assertEquals(xb, xbTotal);
            // Besides the inputs at home: every other macro's share of them, and the merged partial sums.
            IrProgram p = compiled.program();
            Irs irs = new Irs(p);
            long shareBits = 0;
            long mergedBits = 0;
            for (int i = 0; i < p.size(); i++) {
                if (p.kind(i) != IrKind.LOAD) {
                    continue;
                }
                if (p.macro(i) != placement.layer(p.layer(i)).home()) {
                    shareBits += p.vecWidth(i) * skeleton.spec().activationBits();
                } else if (irs.predecessors(i).stream().anyMatch(j -> p.kind(j) == IrKind.MERGE)) {
                    mergedBits += p.vecWidth(i) * skeleton.spec().activationBits();
                }
            }
            long mergedTotal = 0;
            for (int k = 0; k < w.layerCount(); k++) {
                mergedTotal += w.mergedBits(k);
            }
            assertEquals(mergedTotal, mergedBits);
            assertEquals(loaded * skeleton.spec().activationBits() + shareBits + mergedBits, loadedTotal);
            for (AluKind kind : List.of(AluKind.POOL, AluKind.RELU, AluKind.SIGMOID, AluKind.ELTWISE)) {
                assertEquals(alu[kind.code()], w.totalAluElements(kind), kind.label());
            }
        });
    }

    @Test
    void whatArrivesInAScratchpadWithinALayerIsReadOutThere() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram p = compiled.program();
            Irs irs = new Irs(p);
            Set<Long> sentTo = new HashSet<>();
            Set<Long> readAt = new HashSet<>();
            for (int i = 0; i < p.size(); i++) {
                int home = placement.layer(p.layer(i)).home();
                if (p.kind(i) == IrKind.TRANSFER && p.dstMacro(i) != home && !irs.successors(i).isEmpty()
                        && p.kind(irs.predecessors(i).get(0)) == IrKind.LOAD) {
                    // An input share: exactly one LOAD of the same width on the receiving macro reads it out.
                    List<Integer> next = irs.successors(i);
                    assertEquals(1, next.size(), p.describe(i));
                    int load = next.get(0);
                    assertEquals(IrKind.LOAD, p.kind(load), p.describe(i));
                    assertEquals(p.dstMacro(i), p.macro(load), p.describe(i));
                    assertEquals(p.vecWidth(i), p.vecWidth(load), p.describe(i));
                } else if (p.kind(i) == IrKind.MERGE) {
                    long arrived = p.vecWidth(i) * (p.mergeSourceCount(i) - 1L);
                    List<Integer> next = irs.successors(i);
                    assertEquals(1, next.size(), p.describe(i));
                    int load = next.get(0);
                    assertEquals(IrKind.LOAD, p.kind(load), p.describe(i));
                    assertEquals(home, p.macro(load), p.describe(i));
                    assertEquals(arrived, p.vecWidth(load), p.describe(i));
                } else if (p.kind(i) == IrKind.TRANSFER) {
                    // Stored outputs sent to a consumer's home: some IR of another layer there waits for them
                    // (for the latest block it needs, which comes after the earlier ones). Trailing blocks that
                    // no consumer reads (rows a stride skips) may stay unread.
                    for (int j : irs.successors(i)) {
                        if (p.layer(j) != p.layer(i) && p.macro(j) == p.dstMacro(i)) {
                            readAt.add(p.layer(i) * (long) Integer.MAX_VALUE + p.dstMacro(i));
                        }
                    }
                    sentTo.add(p.layer(i) * (long) Integer.MAX_VALUE + p.dstMacro(i));
                }
            }
            assertEquals(sentTo, readAt);
        });
    }

    @Test
    void edgesAreDistinctAndGoFromEarlierToLaterIrs() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram p = compiled.program();
            for (int i = 0; i < p.size(); i++) {
                Set<Integer> seen = new HashSet<>();
                for (int s : p.successors(i)) {
                    assertTrue(seen.add(s), "duplicate edge " + p.describe(i) + " -> " + p.describe(s));
                    assertTrue(s > i, p.describe(i) + " -> " + p.describe(s));
                }
            }
        });
    }

    @Test
    void sameSkeletonAndPlacementGiveTheSameProgram() {
        forEachCase((skeleton, placement, compiled) -> {
            IrProgram a = compiled.program();
            IrProgram b = DataflowSkeleton.of(skeleton.spec()).compile(placement).program();
            assertEquals(a.size(), b.size());
            assertEquals(a.edgeCount(), b.edgeCount());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.describe(i), b.describe(i));
                assertArrayEquals(a.successors(i), b.successors(i));
            }
        });
    }

    @Test
    void anotherPlacementOfTheSameSplitChangesOnlyCommunication() {
        Random r = new Random(7);
        int differing = 0;
        for (int c = 0; c < CASES; c++) {
            Network network = RandomDataflowCases.network(r);
            DataflowSkeleton skeleton = DataflowSkeleton.of(RandomDataflowCases.spec(r, network));
            Placement apart = RandomDataflowCases.placement(r, skeleton);
            // Same crossbar split, but every layer's macros shifted to one common range: all homes coincide.
            List<LayerPlacement> together = new ArrayList<>();
            for (int k = 0; k < apart.size(); k++) {
                LayerPlacement layer = apart.layer(k);
                int[] macros = new int[layer.macroCount()];
                for (int i = 0; i < macros.length; i++) {
                    macros[i] = 100 + i;
                }
                together.add(new LayerPlacement(macros, layer.crossbars()));
            }
            List<String> computeApart = computation(skeleton.compile(apart).program(), apart);
            Placement shared = new Placement(together);
            IrProgram sharedProgram = skeleton.compile(shared).program();
            assertEquals(computeApart, computation(sharedProgram, shared));
            for (int i = 0; i < sharedProgram.size(); i++) {
                // With every home equal, the only TRANSFERs left carry a block's inputs within its layer.
                if (sharedProgram.kind(i) == IrKind.TRANSFER) {
                    assertTrue(macrosOf(shared.layer(sharedProgram.layer(i))).contains(sharedProgram.dstMacro(i)));
                }
            }
            differing += skeleton.compile(apart).program().size() != sharedProgram.size() ? 1 : 0;
        }
        assertNotEquals(0, differing, "no case had inter-layer transfers to remove");
    }

    /** Non-communication IRs in order, with macros as positions in their layer's macro list. */
    private static List<String> computation(IrProgram p, Placement placement) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            if (p.kind(i) == IrKind.TRANSFER || p.kind(i) == IrKind.MERGE) {
                continue;
            }
            LayerPlacement layer = placement.layer(p.layer(i));
            int slot = -1;
            for (int m = 0; m < layer.macroCount(); m++) {
                if (layer.macro(m) == p.macro(i)) {
                    slot = m;
                }
            }
            result.add(p.kind(i) + (p.kind(i) == IrKind.ALU ? "/" + p.aluKind(i) : "") + " L" + p.layer(i) + " b"
                    + p.block(i) + " t" + p.bit(i) + " w" + p.width(i) + " m" + slot);
        }
        return result;
    }

    private static int takingPart(LayerPlacement layer, long activeCrossbars) {
        int n = 0;
        long start = 0;
        for (int m = 0; m < layer.macroCount() && start < activeCrossbars; m++) {
            start += layer.crossbars(m);
            n++;
        }
        return n;
    }

    private static Set<Integer> macrosOf(LayerPlacement layer) {
        Set<Integer> macros = new HashSet<>();
        for (int m = 0; m < layer.macroCount(); m++) {
            macros.add(layer.macro(m));
        }
        return macros;
    }

    interface CaseCheck {
        void check(DataflowSkeleton skeleton, Placement placement, CompiledDataflow compiled);
    }

    private static void forEachCase(CaseCheck check) {
        Random r = new Random(20240301);
        for (int c = 0; c < CASES; c++) {
            Network network = RandomDataflowCases.network(r);
            DataflowSpec spec = RandomDataflowCases.spec(r, network);
            DataflowSkeleton skeleton = DataflowSkeleton.of(spec);
            Placement placement = RandomDataflowCases.placement(r, skeleton);
            try {
                check.check(skeleton, placement, skeleton.compile(placement));
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " (" + spec + ", placement " + placement.layers() + "): "
                        + e.getMessage(), e);
            }
        }
    }
}
