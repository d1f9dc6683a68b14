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
        // The 11-bit ADC converts once per 4 ns at 2 mW peak.
        assertEquals(0.25, units.ratePerNs(Peripheral.ADC));
        assertEquals(2.0, units.unitPowerMw(Peripheral.ADC));
        // Shift-add: 32 elements per 4 ns; pooling: 32 per 200 ns; 0.1 mW each.
        assertEquals(8.0, units.ratePerNs(Peripheral.SHIFT_ADD));
        assertEquals(0.16, units.ratePerNs(Peripheral.POOLING));
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
