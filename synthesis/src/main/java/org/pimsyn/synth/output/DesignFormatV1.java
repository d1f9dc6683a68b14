package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.PeakPowerModel;

/**
 * Reads design files of format version 1, whose component library was a set of typed tables (crossbars, dacs,
 * adcs, alus, scratchpads, noc) without peak powers or sources, and whose macros had no other components. The
 * tree is brought to version 2 (then on to the current version, {@link DesignFormatV2}) before it is read, so one
 * reader checks every version.
 *
 * <p>What version 1 did not record is filled as the simulation of such a design needs it, and each entry's source
 * says so: the peak power of a unit is its static power plus one action per latency; a link's flit takes one hop
 * latency. Neither figure changes a simulation (the simulator reads neither), so a version 1 design simulates as
 * it did.
 */
final class DesignFormatV1 {
    static final String SOURCE = "converted from a design file of format version 1, which kept no sources: peak "
            + "power = static power + energy per action / latency";

    private DesignFormatV1() {
    }

    /** Brings a version 1 design tree to version 2, in place. */
    static void upgrade(ObjectNode root, String source) {
        JsonNode library = root.get("componentLibrary");
        if (library instanceof ObjectNode old) {
            root.set("componentLibrary", OutputJson.tree(library(old, source)));
        }
        JsonNode macros = root.path("accelerator").path("macros");
        if (macros instanceof ArrayNode list) {
            for (JsonNode macro : list) {
                if (macro instanceof ObjectNode m && !m.has("otherComponents")) {
                    m.putArray("otherComponents");
                }
            }
        }
    }

    private static ComponentLibrary library(ObjectNode old, String source) {
        try {
            List<ComponentEntry> entries = new ArrayList<>();
            for (JsonNode c : old.path("crossbars")) {
                entries.add(ComponentEntries.crossbar(c.get("size").asInt(), c.get("cellBits").asInt(),
                        num(c, "readLatencyNs"), num(c, "readEnergyPj"), num(c, "staticPowerMw"),
                        peak(c, "staticPowerMw", "readEnergyPj", "readLatencyNs"), SOURCE));
            }
            for (JsonNode c : old.path("dacs")) {
                entries.add(ComponentEntries.dac(c.get("resolutionBits").asInt(), num(c, "latencyNs"),
                        num(c, "energyPj"), num(c, "staticPowerMw"), peak(c, "staticPowerMw", "energyPj", "latencyNs"),
                        SOURCE));
            }
            for (JsonNode c : old.path("adcs")) {
                entries.add(ComponentEntries.adc(c.get("resolutionBits").asInt(), num(c, "latencyNs"),
                        num(c, "energyPj"), num(c, "staticPowerMw"), peak(c, "staticPowerMw", "energyPj", "latencyNs"),
                        SOURCE));
            }
            for (JsonNode c : old.path("alus")) {
                AluKind kind = DesignFormatV2.kind(c.get("kind").asText());
                if (kind == null) {
                    throw new IllegalArgumentException("unknown ALU kind " + c.get("kind"));
                }
                entries.add(ComponentEntries.alu(kind, num(c, "latencyNs"),
                        num(c, "energyPj"), num(c, "staticPowerMw"), peak(c, "staticPowerMw", "energyPj", "latencyNs"),
                        SOURCE));
            }
            for (JsonNode c : old.path("scratchpads")) {
                double leakage = num(c, "leakagePowerMw");
                entries.add(ComponentEntries.scratchpad(c.get("capacityKb").asInt(), num(c, "readLatencyNs"),
                        num(c, "writeLatencyNs"), num(c, "readEnergyPj"), num(c, "writeEnergyPj"), leakage,
                        PeakPowerModel.scratchpadPeakMw(leakage, num(c, "readEnergyPj"), num(c, "readLatencyNs"),
                                num(c, "writeEnergyPj"), num(c, "writeLatencyNs")), SOURCE));
            }
            JsonNode noc = old.get("noc");
            double hopNs = num(noc, "hopLatencyNs");
            entries.add(ComponentEntries.router(hopNs, num(noc, "routerEnergyPj"), num(noc, "routerStaticPowerMw"),
                    num(noc, "routerStaticPowerMw") + num(noc, "routerEnergyPj") / hopNs, SOURCE));
            entries.add(ComponentEntries.link(hopNs, num(noc, "linkEnergyPj"), 0, num(noc, "linkEnergyPj") / hopNs,
                    SOURCE));
            return ComponentLibrary.of(entries);
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new InputException(source + ": $.componentLibrary: not a component library of format version 1 ("
                    + e.getMessage() + ")");
        }
    }

    private static double peak(JsonNode c, String staticField, String energyField, String latencyField) {
        return num(c, staticField) + num(c, energyField) / num(c, latencyField);
    }

    private static double num(JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " is missing or not a number");
        }
        return v.asDouble();
    }
}
