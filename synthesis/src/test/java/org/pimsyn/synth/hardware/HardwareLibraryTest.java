package org.pimsyn.synth.hardware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.TestData;

class HardwareLibraryTest {
    private static final double EPS = 1e-12;
    private final HardwareLibrary lib = HardwareLibrary.builtIn();

    @Test
    void builtInLoadsWithItsFigures() {
        assertEquals(HardwareLibraryReader.BUILT_IN_LABEL, lib.origin());
        assertEquals(9, lib.crossbars().size());
        assertEquals(10, lib.adcs().size());
        assertEquals(3, lib.dacs().size());
        assertEquals(AluKind.values().length, lib.alus().size());
        assertEquals(7, lib.scratchpads().size());
        assertEquals(1.2, lib.clockGhz(), EPS);
        assertEquals(16, lib.precision().weightBits());
        assertEquals(16, lib.precision().activationBits());
        assertSame(lib, HardwareLibrary.builtIn(), "the built-in library is read once");
    }

    @Test
    void builtInFiguresAreTheReferenceConfigConvertedToMilliwattsAndPicojoules() {
        // 256x256 2-bit crossbar: 10.8e-4 W dynamic = 1.08 mW; read 1.08 mW x 100 ns = 108 pJ.
        ComponentPower xb = lib.crossbar(256, 2).power();
        assertEquals(0.12, xb.staticPowerMw(), EPS);
        assertEquals(1.08, xb.dynamicPowerMw(), EPS);
        assertEquals(1.2, xb.peakPowerMw(), EPS);
        assertEquals(100, xb.latencyNs(), EPS);
        assertEquals(108, xb.energyPerActionPj(), 1e-9);
        assertFalse(xb.energyGiven());
        // 8-bit ADC: 0.4e-3 / 1.6e-3 / 2e-3 W, 1 GS/s, 1 ns; a conversion 1.6 mW x 1 ns = 1.6 pJ.
        AdcSpec adc = lib.adc(8).orElseThrow();
        assertEquals(0.4, adc.power().staticPowerMw(), EPS);
        assertEquals(1.6, adc.power().dynamicPowerMw(), EPS);
        assertEquals(2.0, adc.power().peakPowerMw(), EPS);
        assertEquals(1.0, adc.sampleRateGsps(), EPS);
        assertEquals(1.0, adc.power().latencyNs(), EPS);
        assertEquals(1.6, adc.power().energyPerActionPj(), 1e-12);
        // 64 KB eDRAM: 13.6025e-3 W leakage, 0.038402 nJ per 1,024-bit read = 38.402 pJ, on the paper's 256-bit bus
        // a quarter of it.
        ScratchpadSpec pad = lib.scratchpads().get(0);
        assertEquals(64, pad.capacityKb());
        assertEquals(13.6025, pad.leakagePowerMw(), EPS);
        assertEquals(0.509152, pad.readLatencyNs(), EPS);
        assertEquals(38.402 / 4, pad.readEnergyPj(), EPS);
        assertEquals(40.144 / 4, pad.writeEnergyPj(), EPS);
        assertEquals(256, pad.busWidthBits());
        // 1-bit DAC: 3.9e-6 W peak = 0.0039 mW.
        assertEquals(0.0039, lib.dac(1).power().peakPowerMw(), EPS);
    }

    @Test
    void everyReferenceConfigFigureMatchesExceptTheDocumentedDepartures() throws Exception {
        Path config = TestData.shared("reference/pimsyn-nn/config.json");
        JsonNode ref = LibraryVariants.JSON.readTree(config.toFile());
        int compared = 0;
        for (Map.Entry<String, JsonNode> e : ref.get("RRAM").properties()) {
            String[] sizeAndBits = e.getKey().split("_");
            ComponentPower p = lib.crossbar(Integer.parseInt(sizeAndBits[0]), Integer.parseInt(sizeAndBits[1]))
                    .power();
            compared += samePower(e.getValue(), p, "RRAM " + e.getKey());
        }
        for (Map.Entry<String, JsonNode> e : ref.get("ADC").properties()) {
            AdcSpec adc = lib.adc(Integer.parseInt(e.getKey())).orElseThrow();
            if (adc.resolutionBits() != 6) {
                compared += samePower(e.getValue(), adc.power(), "ADC " + e.getKey());
            }
            assertEquals(e.getValue().get("frequency").asDouble(), adc.sampleRateGsps(), EPS);
        }
        for (Map.Entry<String, JsonNode> e : ref.get("DAC").properties()) {
            DacSpec dac = lib.dac(Integer.parseInt(e.getKey()));
            if (dac.resolutionBits() != 4) {
                compared += samePower(e.getValue(), dac.power(), "DAC " + e.getKey());
            }
            assertEquals(e.getValue().get("frequency").asDouble(), dac.sampleRateGsps(), EPS);
        }
        Map<String, AluKind> alus = Map.of("SHIFTADD", AluKind.SHIFT_ADD, "ADDITION", AluKind.ADD,
                "POOL", AluKind.POOL, "RELU", AluKind.RELU, "SIGMOID", AluKind.SIGMOID, "ELTWISE", AluKind.ELTWISE);
        for (Map.Entry<String, AluKind> e : alus.entrySet()) {
            AluSpec alu = lib.alu(e.getValue());
            compared += samePower(ref.get(e.getKey()), alu.power(), e.getKey());
            assertEquals(ref.get(e.getKey()).get("frequency").asDouble(), alu.frequencyGhz(), EPS);
            assertEquals(ref.get("vfu_width").asInt(), alu.vectorWidthElements());
        }
        for (Map.Entry<String, JsonNode> e : ref.get("memory").properties()) {
            JsonNode m = e.getValue();
            ScratchpadSpec pad = lib.smallestScratchpadHolding(Integer.parseInt(e.getKey())).orElseThrow();
            assertEquals(Integer.parseInt(e.getKey()), pad.capacityKb());
            assertEquals(m.get("leak_power").asDouble() * 1e3, pad.leakagePowerMw(), 1e-9);
            assertEquals(m.get("read_latency").asDouble(), pad.readLatencyNs(), EPS);
            assertEquals(m.get("write_latency").asDouble(), pad.writeLatencyNs(), EPS);
            // The documented departure: the paper's Table III bus of 256 bits instead of the reference's memory_bw,
            // with the reference's per-access energies scaled by the bits an access moves (energy per bit kept).
            double bits = (double) pad.busWidthBits() / ref.get("memory_bw").asInt();
            assertEquals(256, pad.busWidthBits());
            assertEquals(1024, ref.get("memory_bw").asInt());
            assertEquals(m.get("read_energy").asDouble() * 1e3 * bits, pad.readEnergyPj(), 1e-9);
            assertEquals(m.get("write_energy").asDouble() * 1e3 * bits, pad.writeEnergyPj(), 1e-9);
            compared++;
        }
        assertEquals(9 + 9 + 2 + 6 + 7, compared);
        assertEquals(ref.get("weight_res").asInt(), lib.precision().weightBits());
        assertEquals(ref.get("data_res").asInt(), lib.precision().activationBits());
        assertEquals(ref.get("EA").get("gene_num").asInt(), lib.search().evolution().genes());
        // The one search size set apart from the reference: 50 generations instead of its 200.
        assertEquals(200, ref.get("EA").get("max_iter").asInt());
        assertEquals(50, lib.search().evolution().generations());
        assertEquals(ref.get("SA").get("sigma").asDouble(), lib.search().annealing().coolingFactor(), EPS);
    }

    private static int samePower(JsonNode ref, ComponentPower p, String what) {
        assertEquals(ref.get("static_power").asDouble() * 1e3, p.staticPowerMw(), 1e-9, what);
        assertEquals(ref.get("dynamic_power").asDouble() * 1e3, p.dynamicPowerMw(), 1e-9, what);
        assertEquals(ref.get("peak_power").asDouble() * 1e3, p.peakPowerMw(), 1e-9, what);
        assertEquals(ref.get("latency").asDouble(), p.latencyNs(), EPS, what);
        return 1;
    }

    @Test
    void sixBitAdcSlipIsFixedByRaisingThePeakToStaticPlusDynamic() {
        AdcSpec adc6 = lib.adc(6).orElseThrow();
        ComponentPower p = adc6.power();
        assertEquals(0.02, p.staticPowerMw(), EPS);
        assertEquals(1.06, p.dynamicPowerMw(), EPS, "the dynamic power of the original is kept");
        assertEquals(1.08, p.peakPowerMw(), EPS, "the original's 0.126 mW peak is replaced");
        assertTrue(p.peakPowerMw() >= p.staticPowerMw() + p.dynamicPowerMw() - EPS);
        assertTrue(adc6.provenance().hasNote());
        assertTrue(adc6.provenance().note().contains("1.26e-4"), adc6.provenance().note());
    }

    @Test
    void fourBitDacStaticPowerIsReadSoThatStaticPlusDynamicIsItsPeak() {
        ComponentPower p = lib.dac(4).power();
        assertEquals(0.0005, p.staticPowerMw(), EPS);
        assertEquals(0.0307, p.dynamicPowerMw(), EPS);
        assertEquals(0.0312, p.peakPowerMw(), EPS);
        assertTrue(lib.dac(4).provenance().note().contains("0.5e-5"));
    }

    @Test
    void everyComponentPeakCoversStaticPlusDynamicAndEnergyIsDynamicTimesLatency() {
        List<ComponentPower> all = new java.util.ArrayList<>();
        lib.crossbars().forEach(x -> all.add(x.power()));
        lib.adcs().forEach(x -> all.add(x.power()));
        lib.dacs().forEach(x -> all.add(x.power()));
        lib.alus().forEach(x -> all.add(x.power()));
        for (ComponentPower p : all) {
            assertTrue(p.peakPowerMw() >= (p.staticPowerMw() + p.dynamicPowerMw()) * (1 - 1e-9), p.toString());
            assertFalse(p.energyGiven());
            assertEquals(p.dynamicPowerMw() * p.latencyNs(), p.energyPerActionPj(), 1e-12, p.toString());
        }
    }

    @Test
    void givenEnergyPerActionIsKeptInsteadOfDerived() {
        HardwareLibrary edited = HardwareLibrary.parse(LibraryVariants.edited(root ->
                LibraryVariants.at(root, "crossbars", "4").put("energyPerActionPj", 95.5)), "edited.json");
        ComponentPower p = edited.crossbar(256, 2).power();
        assertEquals(95.5, p.energyPerActionPj(), EPS);
        assertTrue(p.energyGiven());
        assertEquals(27, edited.crossbar(128, 1).power().energyPerActionPj(), 1e-9);
    }

    @Test
    void lookupsFindEntriesAndRejectAbsentOnes() {
        assertEquals(4.8, lib.crossbar(512, 4).power().peakPowerMw(), EPS);
        assertThrows(IllegalArgumentException.class, () -> lib.crossbar(384, 2));
        assertThrows(IllegalArgumentException.class, () -> lib.crossbar(256, 3));
        assertTrue(lib.adc(5).isEmpty());
        assertTrue(lib.adc(15).isEmpty());
        assertEquals(30, lib.adc(14).orElseThrow().power().latencyNs(), EPS);
        assertEquals(0.25, lib.dac(2).sampleRateGsps(), EPS);
        assertThrows(IllegalArgumentException.class, () -> lib.dac(3));
        assertEquals(200, lib.alu(AluKind.POOL).power().latencyNs(), EPS);
        assertEquals(0.25, lib.alu(AluKind.SHIFT_ADD).frequencyGhz(), EPS);
        assertEquals(42, lib.noc().routerPowerMw(), EPS);
        assertEquals(32, lib.noc().flitWidthBits());
        assertEquals(8, lib.noc().ports());
        assertEquals(7.0 * 32 / 384, lib.noc().linkPowerMw(), 1e-6);
    }

    @Test
    void smallestScratchpadHoldingPicksTheFirstLargeEnoughSize() {
        assertEquals(64, lib.smallestScratchpadHolding(0).orElseThrow().capacityKb());
        assertEquals(64, lib.smallestScratchpadHolding(64).orElseThrow().capacityKb());
        assertEquals(128, lib.smallestScratchpadHolding(64.001).orElseThrow().capacityKb());
        assertEquals(1024, lib.smallestScratchpadHolding(513).orElseThrow().capacityKb());
        assertEquals(4096, lib.smallestScratchpadHolding(4096).orElseThrow().capacityKb());
        assertTrue(lib.smallestScratchpadHolding(4096.5).isEmpty());
        for (int i = 1; i < lib.scratchpads().size(); i++) {
            assertTrue(lib.scratchpads().get(i).capacityKb() > lib.scratchpads().get(i - 1).capacityKb());
        }
    }

    @Test
    void requiredAdcBitsFollowsTheCrossbarRuleOnHandWorkedCases() {
        assertEquals(7, HardwareLibrary.requiredAdcBits(128, 1, 1), "7 + 1 + 1 - 2");
        assertEquals(8, HardwareLibrary.requiredAdcBits(128, 2, 1), "7 + 1 + 2 - 2");
        assertEquals(10, HardwareLibrary.requiredAdcBits(128, 2, 2), "7 + 2 + 2 - 1");
        assertEquals(9, HardwareLibrary.requiredAdcBits(256, 1, 2), "8 + 2 + 1 - 2");
        assertEquals(15, HardwareLibrary.requiredAdcBits(256, 4, 4), "8 + 4 + 4 - 1");
        assertEquals(16, HardwareLibrary.requiredAdcBits(512, 4, 4), "9 + 4 + 4 - 1");
        assertThrows(IllegalArgumentException.class, () -> HardwareLibrary.requiredAdcBits(300, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> HardwareLibrary.requiredAdcBits(128, 0, 2));
    }

    @Test
    void requiredAdcBitsGrowsByOneWithEachDoublingOrExtraBitOnManyCases() {
        for (int log2 = 1; log2 <= 12; log2++) {
            for (int cell = 1; cell <= 8; cell++) {
                for (int dac = 1; dac <= 8; dac++) {
                    int bits = HardwareLibrary.requiredAdcBits(1 << log2, cell, dac);
                    assertEquals(log2 + cell + dac - (cell > 1 && dac > 1 ? 1 : 2), bits);
                    assertEquals(bits + 1, HardwareLibrary.requiredAdcBits(1 << (log2 + 1), cell, dac));
                    assertTrue(HardwareLibrary.requiredAdcBits(1 << log2, cell + 1, dac) > bits);
                    assertTrue(HardwareLibrary.requiredAdcBits(1 << log2, cell, dac + 1) > bits);
                }
            }
        }
    }

    @Test
    void defaultDesignSpaceHas27CombinationsOfWhichTwoLackTheirAdc() {
        List<ConverterCombination> all = lib.converterCombinations();
        assertEquals(27, all.size());
        List<ConverterCombination> skipped = all.stream().filter(c -> !c.adcAvailable()).toList();
        assertEquals(List.of(new ConverterCombination(256, 4, 4, 15, false),
                new ConverterCombination(512, 4, 4, 16, false)), skipped);
        assertEquals(new ConverterCombination(128, 1, 1, 7, true), all.get(0));
        assertEquals(lib.adc(12), lib.adcFor(512, 1, 4));
    }

    @Test
    void searchDefaultsComeFromThePaperAndTheReference() {
        SearchParameters s = lib.search();
        assertEquals(List.of(0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40), s.designSpace().ratioRram());
        assertEquals(List.of(1, 2, 4), s.designSpace().resRramBits());
        assertEquals(List.of(128, 256, 512), s.designSpace().xbSizeRows());
        assertEquals(List.of(1, 2, 4), s.designSpace().resDacBits());
        assertEquals(30, s.annealing().candidatesKept());
        assertEquals(100, s.annealing().iterationsPerTemperature());
        assertEquals(1000, s.annealing().initialTemperature(), EPS);
        assertEquals(1, s.annealing().finalTemperature(), EPS);
        assertEquals(0.1, s.annealing().alpha(), EPS);
        assertEquals(40, s.evolution().genes());
        assertEquals(0.7, s.evolution().eliteRatio(), EPS);
        assertEquals(0.7, s.evolution().macroCountMutationProbability(), EPS);
        assertEquals(0.4, s.evolution().macroSharingMutationProbability(), EPS);
        int[] sizes = s.evolution().macroSizesCrossbars();
        assertEquals(16, sizes.length);
        assertArrayEquals(new int[] {32, 64, 96}, java.util.Arrays.copyOf(sizes, 3));
        assertEquals(512, sizes[15]);
    }

    @Test
    void everyEntryNamesItsSource() {
        lib.crossbars().forEach(x -> assertFalse(x.provenance().source().isBlank()));
        lib.adcs().forEach(x -> assertFalse(x.provenance().source().isBlank()));
        lib.dacs().forEach(x -> assertFalse(x.provenance().source().isBlank()));
        lib.alus().forEach(x -> assertFalse(x.provenance().source().isBlank()));
        lib.scratchpads().forEach(x -> assertFalse(x.provenance().source().isBlank()));
        assertTrue(lib.noc().provenance().source().contains("7 x 32 / 384"));
        assertTrue(lib.clockProvenance().source().contains("ISAAC"));
    }

    @Test
    void constructionRejectsAnIncompleteCrossbarGridWithoutAFile() {
        List<CrossbarSpec> missingOne = lib.crossbars().subList(0, 8);
        LibraryRuleException e = assertThrows(LibraryRuleException.class, () -> new HardwareLibrary("test",
                lib.clockGhz(), lib.clockProvenance(), lib.precision(), missingOne, lib.adcs(), lib.dacs(),
                lib.alus(), lib.scratchpads(), lib.noc(), lib.search()));
        assertEquals("$.crossbars", e.path());
        assertTrue(e.problem().startsWith("no 512x512 crossbar with 4-bit cells"), e.problem());
    }
}
