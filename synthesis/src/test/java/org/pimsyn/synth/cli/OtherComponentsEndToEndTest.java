package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.PeakPower;
import org.pimsyn.synth.design.PeakPowerModel;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.output.DesignJson;

/**
 * A component kind added to the hardware library file alone: a register file in every macro, written once per
 * converted element and read once per element an ALU takes. Synthesis places it, the simulator counts it, and its
 * energy and power show in the report and in the power budget, with no code of its own.
 */
class OtherComponentsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double STATIC_MW = 0.5;
    private static final double PEAK_MW = 0.75;

    @TempDir
    Path dir;

    /** The end-to-end test's small library with two 1 KB register files per macro. */
    static String libraryWithRegisterFiles() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(SynthesisEndToEndTest.libraryJson());
        ObjectNode file = root.putArray("otherComponents").addObject();
        file.put("componentClass", "registerFile");
        file.put("variant", "1KB");
        file.put("perMacro", 2);
        ArrayNode actions = file.putArray("actions");
        ObjectNode write = actions.addObject().put("name", "write");
        write.putArray("countedOn").addObject().put("ir", "ADC").put("per", "ELEMENT");
        write.put("energyPj", 0.125).put("latencyNs", 1);
        ObjectNode read = actions.addObject().put("name", "read");
        read.putArray("countedOn").addObject().put("ir", "ALU").put("per", "ELEMENT");
        read.put("energyPj", 0.0625).put("latencyNs", 1);
        file.put("staticPowerMw", STATIC_MW).put("peakPowerMw", PEAK_MW);
        file.put("source", "round figures for a test");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    @Test
    void aRegisterFileInTheLibraryIsPlacedCountedPricedAndBudgeted() throws IOException {
        Path network = dir.resolve("small.json");
        NetworkJsonWriter.write(SmallCases.network(), network);
        Path library = dir.resolve("library.json");
        Files.writeString(library, libraryWithRegisterFiles());
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("synthesize", "--network", network.toString(), "--config", library.toString(),
                "--power", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());

        Design design = DesignJson.read(out.resolve("design.json"));
        int macros = design.accelerator().macros().size();
        design.accelerator().macros().forEach(m -> assertEquals(List.of(
                new org.pimsyn.sim.component.ComponentInstance("registerFile", "1KB", 2)), m.otherComponents()));

        JsonNode simulation = JSON.readTree(out.resolve("report.json").toFile()).get("simulation");
        JsonNode files = null;
        long conversions = 0;
        for (JsonNode c : simulation.get("energy")) {
            if (c.get("component").textValue().equals("registerFile")) {
                files = c;
            }
        }
        assertTrue(files != null, "the report lists the register files: " + simulation.get("energy"));
        assertEquals(macros * 2 * STATIC_MW, files.get("staticPowerMw").doubleValue(), 1e-9);
        JsonNode adc = null;
        for (JsonNode c : simulation.get("energy")) {
            if (c.get("component").textValue().equals("adc")) {
                adc = c;
            }
        }
        assertTrue(files.get("dynamicPj").doubleValue() > 0);
        // Every converted element is written once: the ADC's energy over its energy per conversion gives them.
        conversions = Math.round(adc.get("dynamicPj").doubleValue() / design.library()
                .adc(design.point().adcBits()).energyPj("convert"));
        assertTrue(files.get("dynamicPj").doubleValue() >= conversions * 0.125 - 1e-6);

        PeakPower peak = PeakPowerModel.of(design);
        assertEquals(macros * 2 * PEAK_MW, peak.otherMw(), 1e-9);
        assertTrue(peak.totalMw() <= 5000 * (1 + 1e-9), "within the budget with the register files");

        CliRun config = CliRun.of("config", "--config", library.toString());
        assertEquals(0, config.exitCode(), config.err());
        assertTrue(config.out().contains("registerFile"), config.out());
        assertTrue(config.out().contains("ADC per ELEMENT"), config.out());
    }
}
