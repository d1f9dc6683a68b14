package org.pimsyn.synth.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.component.Trigger;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.InputException;

class OtherComponentsReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String withOther(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(HardwareLibraryWriter.toJson(HardwareLibrary.builtIn()));
        ObjectNode other = root.putArray("otherComponents").addObject();
        other.put("componentClass", "sampleAndHold").put("variant", "128").put("perMacro", 1);
        ObjectNode hold = other.putArray("actions").addObject().put("name", "hold");
        hold.putArray("countedOn").addObject().put("ir", "ALU").put("alu", "shiftAdd").put("per", "VECTOR");
        hold.put("energyPj", 0.01).put("latencyNs", 1);
        other.put("staticPowerMw", 0.001).put("peakPowerMw", 0.02).put("source", "a test figure");
        edit.accept(other);
        return JSON.writeValueAsString(root);
    }

    @Test
    void anOtherComponentIsReadWithItsClassTriggersAndCosts() throws Exception {
        HardwareLibrary lib = HardwareLibrary.parse(withOther(o -> { }), "lib.json");
        OtherComponentSpec spec = lib.otherComponents().get(0);
        assertEquals("sampleAndHold", spec.componentClass().name());
        assertEquals(List.of(Trigger.of(AluKind.SHIFT_ADD, Quantity.VECTOR)),
                spec.componentClass().actions().get(0).countedOn());
        assertEquals(List.of(new ActionCost("hold", 0.01, 1)), spec.costs());
        assertEquals(1, spec.perMacro());
        // Written and read again, it is the same library.
        HardwareLibrary again = HardwareLibrary.parse(HardwareLibraryWriter.toJson(lib), "again.json");
        assertEquals(lib.otherComponents(), again.otherComponents());
        // The built-in library prices the parts of the paper's Fig. 2 that no timing rule reads.
        assertEquals(List.of("inputRegister", "sampleHold", "outputMux", "outputRegister", "registerFile",
                "macroBus", "controller", "globalBuffer"), HardwareLibrary.builtIn().otherComponents().stream()
                .map(o -> o.componentClass().name()).toList());
    }

    @Test
    void aComponentMayFollowTheCrossbarsOrItsRowsOrColumns() throws Exception {
        for (OtherComponentSpec.Placement p : OtherComponentSpec.Placement.values()) {
            HardwareLibrary lib = HardwareLibrary.parse(withOther(o -> {
                o.remove("perMacro");
                o.put(p.key(), 2);
            }), "lib.json");
            OtherComponentSpec spec = lib.otherComponents().get(0);
            assertEquals(p, spec.placement());
            assertEquals(2, spec.count());
            // A macro of 3 crossbars of 128 rows (and columns) holds 2 per macro, 6 per crossbar, 768 per row or
            // column; a chip-level part sits in the first macro alone.
            long expected = switch (p) {
                case MACRO -> 2;
                case CHIP -> 0;
                case CROSSBAR -> 6;
                case CROSSBAR_ROW, CROSSBAR_COLUMN -> 768;
            };
            if (p != OtherComponentSpec.Placement.CHIP) {
                assertEquals(expected, spec.inMacro(3, 128).count());
            }
            HardwareLibrary again = HardwareLibrary.parse(HardwareLibraryWriter.toJson(lib), "again.json");
            assertEquals(lib.otherComponents(), again.otherComponents());
        }
        assertEquals("lib.json: $.otherComponents[0].perCrossbarRow: give exactly one of perMacro, perChip, "
                + "perCrossbar, perCrossbarRow, perCrossbarColumn; found perMacro too",
                error(o -> o.put("perCrossbarRow", 1)));
        assertTrue(error(o -> o.remove("perMacro")).startsWith("lib.json: $.otherComponents[0].perMacro: missing; "));
    }

    @Test
    void mistakesNameTheField() {
        assertEquals("lib.json: $.otherComponents[0].componentClass: 'adc' is a built-in class, which the macros' "
                + "own fields hold; give the component a class of its own",
                error(o -> o.put("componentClass", "adc")));
        assertTrue(error(o -> ((ObjectNode) o.get("actions").get(0).get("countedOn").get(0)).put("ir", "CONV"))
                .startsWith("lib.json: $.otherComponents[0].actions[0].countedOn[0].ir: unknown 'CONV'; allowed: MVM,"));
        assertEquals("lib.json: $.otherComponents[0].actions[0].countedOn[0].alu: only ALU IRs have a kind; this "
                + "trigger counts ADC IRs",
                error(o -> ((ObjectNode) o.get("actions").get(0).get("countedOn").get(0)).put("ir", "ADC")));
        assertEquals("lib.json: $.otherComponents[0].peakPowerMw: 0.0001 is below staticPowerMw 0.001; the peak must "
                + "cover it", error(o -> o.put("peakPowerMw", 0.0001)));
        assertEquals("lib.json: $.otherComponents[0].perMacro: must be an integer in [1, 1048576], found 0",
                error(o -> o.put("perMacro", 0)));
    }

    private static String error(Consumer<ObjectNode> edit) {
        return assertThrows(InputException.class, () -> HardwareLibrary.parse(withOther(edit), "lib.json"))
                .getMessage();
    }
}
