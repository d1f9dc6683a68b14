package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

class LayerTableTest {
    @Test
    void smallDesignLayerByLayer() {
        LayerTable t = LayerTable.of(SmallDesign.design());
        // Three macros on a 2 x 2 mesh; the library's largest scratchpad is 4096 KB.
        assertEquals(2, t.meshRows());
        assertEquals(2, t.meshCols());
        assertEquals(4096, t.scratchpadKb());
        Map<String, Integer> weightUnits = Map.of("adc", 3, "shiftAdd", 2, "add", 2);
        assertEquals(List.of(
                new LayerTable.Row("conv1", true, 4, 1, List.of(), 32, weightUnits),
                new LayerTable.Row("relu1", false, 4, 0, List.of(), 0, Map.of("relu", 2)),
                new LayerTable.Row("pool1", false, 4, 0, List.of(), 0, Map.of("pool", 2)),
                new LayerTable.Row("conv2", true, 2, 1, List.of(), 16, weightUnits),
                new LayerTable.Row("relu2", false, 2, 0, List.of(), 0, Map.of("relu", 2)),
                new LayerTable.Row("pool2", false, 2, 0, List.of(), 0, Map.of("pool", 2)),
                new LayerTable.Row("fc", true, 1, 1, List.of(), 8, weightUnits)), t.rows());
    }

    @Test
    void sharedAndSplitMacrosNameTheirPartnersAndTheLargestShare() {
        Design d = SmallDesign.design();
        // conv1 over macros 0 and 1 (20 + 12 crossbars); conv2 in macro 1 with conv1; fc alone in macro 2.
        Placement placement = new Placement(List.of(new LayerPlacement(new int[] {0, 1}, new int[] {20, 12}),
                LayerPlacement.single(1, 16), LayerPlacement.single(2, 8)));
        Accelerator a = d.accelerator();
        List<Macro> macros = List.of(withAdcs(a.macros().get(0), 5), withAdcs(a.macros().get(1), 7),
                a.macros().get(2));
        Accelerator shared = new Accelerator(a.clockGhz(), a.meshRows(), a.meshCols(), a.dataBits(), a.layerCount(),
                a.layerNames(), macros, a.noc(), a.powerBudgetMw(), a.macsPerImage());
        Design sharedDesign = new Design(d.point(), d.spec(), placement, shared, d.library(), d.fitnessRun(),
                d.performance());
        List<LayerTable.Row> rows = LayerTable.of(sharedDesign).rows();
        assertEquals(new LayerTable.Row("conv1", true, 4, 2, List.of("conv2"), 20,
                Map.of("adc", 7, "shiftAdd", 2, "add", 2)), rows.get(0));
        assertEquals(new LayerTable.Row("conv2", true, 2, 1, List.of("conv1"), 16,
                Map.of("adc", 7, "shiftAdd", 2, "add", 2)), rows.get(3));
        assertEquals(List.of(), rows.get(6).sharesMacrosWith());
    }

    private static Macro withAdcs(Macro m, int adcs) {
        return new Macro(m.row(), m.col(), m.layers(), m.crossbars(), m.dacs(),
                new org.pimsyn.sim.arch.AdcBank(adcs, m.adcs().resolutionBits()), m.alus(), m.scratchpad());
    }
}
