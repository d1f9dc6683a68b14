package org.pimsyn.synth.stage.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.hardware.HardwareLibrary;

class PeripheralUnitsTest {
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();
    private static final ComponentLibrary COMPONENTS = ComponentLibraries.from(LIBRARY);

    @Test
    void ratesAndPowersComeFromTheComponentTable() {
        PeripheralUnits units = PeripheralUnits.of(COMPONENTS, LIBRARY, 11);
        // The 11-bit ADC's 4 ns are 5 cycles at 1.2 GHz: one conversion per 4.1667 ns, at 2 mW peak.
        assertEquals(0.24, units.ratePerNs(PeripheralUnits.ADC), 1e-12);
        assertEquals(2.0, units.unitPowerMw(PeripheralUnits.ADC));
        // shiftAdd: 32 elements per 5 cycles; pool: 32 per 200 ns (exactly 240 cycles); 0.1 mW each.
        assertEquals(7.68, units.ratePerNs(PeripheralUnits.indexOf(AluKind.SHIFT_ADD)), 1e-12);
        assertEquals(0.16, units.ratePerNs(PeripheralUnits.indexOf(AluKind.POOL)), 1e-12);
        // The 9-bit ADC's 1 ns is 2 cycles.
        assertEquals(0.6, PeripheralUnits.of(COMPONENTS, LIBRARY, 9).ratePerNs(PeripheralUnits.ADC), 1e-12);
        assertEquals(0.1, units.unitPowerMw(PeripheralUnits.indexOf(AluKind.RELU)));
        assertEquals(PeripheralUnits.COUNT, units.ratesPerNs().length);
        int add = PeripheralUnits.indexOf(AluKind.ADD);
        int eltwise = PeripheralUnits.indexOf(AluKind.ELTWISE);
        assertEquals(units.ratePerNs(add), units.ratesPerNs()[add]);
        assertEquals(units.unitPowerMw(eltwise), units.unitPowersMw()[eltwise]);
    }

    @Test
    void everyAluKindHasItsOwnIndexAfterTheAdc() {
        assertEquals(null, PeripheralUnits.aluKind(PeripheralUnits.ADC));
        for (AluKind kind : AluKind.values()) {
            assertEquals(kind, PeripheralUnits.aluKind(PeripheralUnits.indexOf(kind)));
        }
    }

    @Test
    void anAdcMissingFromTheLibraryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PeripheralUnits.of(COMPONENTS, LIBRARY, 3));
    }
}
