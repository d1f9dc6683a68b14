package org.pimsyn.synth.original;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.original.OriginalDesignConverter.Conversion;
import org.pimsyn.synth.original.OriginalDesignConverter.CountReading;

/**
 * The original PIMSYN tool's shipped designs (PIMSYN-NN's output/alexnet.json and resnet18.json, at 49 W) convert
 * and simulate under the stated assumptions, with the figures pinned so that a change of the conversion, the
 * library or the simulator shows. Skipped where ../shared is absent. The figures and their explanation are in
 * benchmarks/README.md ("The original tool's designs").
 */
class OriginalDesignConverterTest {
    private static final String REFERENCE = "reference/pimsyn-nn/";

    private static Conversion convert(String name, CountReading reading) {
        Path design = TestData.shared(REFERENCE + "output/" + name + ".json");
        Path model = TestData.shared(REFERENCE + "models/" + name + ".json");
        Network network = NetworkJsonReader.read(model);
        return OriginalDesignConverter.convert(OriginalDesign.read(design), network, model.toString(),
                HardwareLibrary.builtIn(), 49_000, reading);
    }

    @Test
    void alexnetPerLayer() {
        Conversion c = convert("alexnet", CountReading.PER_LAYER);
        assertEquals(572.3071531441486, c.original().statedGopsPerWatt());
        assertEquals(64, c.design().accelerator().macros().size());
        assertEquals(8, c.design().accelerator().meshRows());
        assertEquals(8, c.design().accelerator().meshCols());
        assertEquals(44_910.987, c.peak().totalMw(), 0.01);
        assertEquals(7_825.1, c.peak().peripheralsMw(), 0.01);
        Performance p = c.design().performance();
        // 26 % above the NoC link's bound: double-buffered input and output registers keep both the shares sent
        // to conv2's macros and conv1's merges from queueing at the link deep enough to keep it busy.
        assertEquals(1_689_771, p.intervalCycles());
        assertEquals(1_338_384, p.boundIntervalCycles());
        assertEquals(141.221, p.gopsPerWatt(), 0.001);
        assertEquals(1_014.370, p.throughputGops(), 0.001);
        // The only units the file does not give: the ReLUs of the layers with a fused activation.
        assertEquals(1, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).startsWith("one relu unit added in 7 macros"), c.notes().get(0));
    }

    @Test
    void alexnetPerMacro() {
        Conversion c = convert("alexnet", CountReading.PER_MACRO);
        assertEquals(99_650.987, c.peak().totalMw(), 0.01);
        Performance p = c.design().performance();
        assertEquals(1_709_575, p.intervalCycles());
        assertEquals(75.494, p.gopsPerWatt(), 0.001);
    }

    @Test
    void resnet18PerLayer() {
        Conversion c = convert("resnet18", CountReading.PER_LAYER);
        assertEquals(348.998233094338, c.original().statedGopsPerWatt());
        assertEquals(105, c.design().accelerator().macros().size());
        assertEquals(11, c.design().accelerator().meshRows());
        assertEquals(10, c.design().accelerator().meshCols());
        assertEquals(36_914.2, c.peak().totalMw(), 1);
        Performance p = c.design().performance();
        assertEquals(6_422_528, p.intervalCycles());
        assertEquals(6_422_528, p.boundIntervalCycles());
        assertEquals(94.282, p.gopsPerWatt(), 0.001);
        assertEquals(677.891, p.throughputGops(), 0.001);
        // layer1.0.conv1 states 70 copies of 24 crossbars on 6 macros of 108 crossbars: the spread is noted.
        assertTrue(c.notes().get(0).startsWith("/layer1/layer1.0/conv1/Conv_output_0: 1680 crossbars (70 copies "
                + "of 24) over 6 macros put up to 280"), c.notes().get(0));
    }
}
