package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.HardwareLibrary;

class PeakPowerModelTest {
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();
    private static final double EPS = 1e-9;

    @Test
    void peakOfATinyDesignAddsEveryPartAtFullRate() {
        // 256x256 2-bit crossbars (1.2 mW peak), 1-bit DACs (0.0039 mW), 3 macros with 64, 64 and 128 KB
        // scratchpads on a 2 x 2 mesh, 5.5 mW of ADCs and ALUs.
        PeakPowerModel model = new PeakPowerModel(LIBRARY, new DesignPoint(0.3, 2, 256, 1, 9));
        PeakPower peak = model.of(10, new int[] {0, 0, 1}, 2, 2, 5.5);
        assertEquals(12, peak.crossbarsMw(), EPS);
        // One DAC per crossbar row: 10 x 256 x 0.0039.
        assertEquals(9.984, peak.dacsMw(), EPS);
        // Leakage + the costlier 256-bit access per latency: 64 KB 13.6025 + 10.036 / 0.509152; 128 KB 26.961 +
        // 17.536 / 0.710882.
        double spm = 2 * (13.6025 + 10.036 / 0.509152) + 26.961 + 17.536 / 0.710882;
        assertEquals(spm, peak.scratchpadsMw(), EPS);
        // Four routers of 42 mW and 8 directional links of 0.5833333 mW.
        assertEquals(172.6666664, peak.nocMw(), EPS);
        // Other components: per macro a register file (0.807 mW), a macro bus (5.4666667) and a controller (0.25);
        // per chip the global buffer (116.0345); per crossbar of 256 rows and columns an input register per row
        // (0.0012109375 mW), a sample-and-hold (0.000009765625), an output multiplexer (0) and an output register
        // (0.000325) per column.
        double perCrossbar = 256 * (0.0012109375 + 0.000009765625 + 0 + 0.000224609375);
        double other = 3 * (0.807 + 5.4666667 + 0.25) + 116.0345 + 10 * perCrossbar;
        assertEquals(other, peak.otherMw(), EPS);
        assertEquals(12 + 9.984 + spm + 172.6666664 + other, peak.fixedMw(), EPS);
        assertEquals(peak.fixedMw() + 5.5, peak.totalMw(), EPS);
    }

    @Test
    void aSingleMacroMeshHasOneRouterAndNoLink() {
        PeakPowerModel model = new PeakPowerModel(LIBRARY, new DesignPoint(0.3, 2, 128, 2, 10));
        assertEquals(42, model.nocMw(1, 1), EPS);
        // 1 x 3: three routers, two links each way.
        assertEquals(3 * 42 + 4 * 0.5833333, model.nocMw(1, 3), EPS);
        // 128x128 crossbars 0.3 mW with their input registers, sample-and-holds, output multiplexers and output
        // registers, one per row or column; 2-bit DACs 0.0078 mW per row.
        assertEquals(2 * (0.3 + 128 * (0.0012109375 + 0.000009765625 + 0 + 0.000224609375)), model.crossbarsMw(2), EPS);
        assertEquals(2 * 128 * 0.0078, model.dacsMw(2), EPS);
    }
}
