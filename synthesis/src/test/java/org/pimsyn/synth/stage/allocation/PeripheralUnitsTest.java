package org.pimsyn.synth.stage.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.AluKind;
import org.pimsyn.synth.hardware.HardwareLibrary;

class PeripheralUnitsTest {
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();

    @Test
    void ratesAndPowersComeFromTheLibrary() {
        PeripheralUnits units = PeripheralUnits.of(LIBRARY, 11);
        // The 11-bit ADC's 4 ns are 5 cycles at 1.2 GHz: one conversion per 4.1667 ns, at 2 mW peak.
        assertEquals(0.24, units.ratePerNs(Peripheral.ADC), 1e-12);
        assertEquals(2.0, units.unitPowerMw(Peripheral.ADC));
        // Shift-add: 32 elements per 5 cycles; pooling: 32 per 200 ns (exactly 240 cycles); 0.1 mW each.
        assertEquals(7.68, units.ratePerNs(Peripheral.SHIFT_ADD), 1e-12);
        assertEquals(0.16, units.ratePerNs(Peripheral.POOLING), 1e-12);
        // The 9-bit ADC's 1 ns is 2 cycles.
        assertEquals(0.6, PeripheralUnits.of(LIBRARY, 9).ratePerNs(Peripheral.ADC), 1e-12);
        assertEquals(0.1, units.unitPowerMw(Peripheral.RELU));
        assertEquals(Peripheral.values().length, units.ratesPerNs().length);
        assertEquals(units.ratePerNs(Peripheral.ADDER), units.ratesPerNs()[Peripheral.ADDER.ordinal()]);
        assertEquals(units.unitPowerMw(Peripheral.ELTWISE), units.unitPowersMw()[Peripheral.ELTWISE.ordinal()]);
    }

    @Test
    void everyAluKindHasItsPeripheral() {
        for (AluKind kind : AluKind.values()) {
            assertEquals(kind, Peripheral.of(kind).alu());
        }
    }

    @Test
    void anAdcMissingFromTheLibraryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PeripheralUnits.of(LIBRARY, 3));
    }
}
