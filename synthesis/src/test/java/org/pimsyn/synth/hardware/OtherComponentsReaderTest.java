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
        assertTrue(HardwareLibrary.builtIn().otherComponents().isEmpty());
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
