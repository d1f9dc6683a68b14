package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.synth.TestData;
import org.pimsyn.synth.cli.CliRun;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * The PIMCOMP-NN export of the small design (three weight layers of 8 physical crossbars per copy, duplications
 * 4, 2 and 1, one 2 x 2 mesh) against what PIMCOMP-NN's {@code LoadHardwareConfiguration}
 * (backend/Preparation.cpp) and pimsim-nn's configuration structs ({@code src/config/Config.hpp}) read.
 */
class PimcompExportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The keys of pimsim-nn's structs (Config.hpp, NLOHMANN_DEFINE_TYPE_INTRUSIVE_WITH_DEFAULT), by object. */
    private static final Map<String, Set<String>> PIMSIM_KEYS = Map.of(
            "", Set.of("chip_config", "sim_config"),
            "chip_config", Set.of("core_config", "global_memory_config", "network_config", "core_cnt",
                    "global_memory_switch_id"),
            "core_config", Set.of("period", "controller_static_power", "controller_dynamic_power",
                    "inst_fetch_static_power", "inst_fetch_dynamic_power", "inst_decode_static_power",
                    "inst_decode_dynamic_power", "inst_decode_offset_static_power",
                    "inst_decode_offset_dynamic_power", "reg_file_static_power", "reg_file_read_dynamic_power",
                    "reg_file_write_dynamic_power", "scalar_static_power", "scalar_dynamic_power", "matrix_config",
                    "vector_width", "vector_latency_cycle", "vector_alu_static_power", "vector_alu_dynamic_energy",
                    "vector_reg_static_power", "vector_reg_write_dynamic_energy", "vector_reg_read_dynamic_energy",
                    "transfer_static_power", "transfer_dynamic_power", "local_memory_config", "rob_size",
                    "global_memory_switch_id"),
            "matrix_config", Set.of("xbar_array_count", "period", "pipeline_mode", "dac_resolution",
                    "dac_latency_cycle", "dac_static_power", "dac_dynamic_power", "dac_count", "xbar_size",
                    "cell_precision", "xbar_latency", "xbar_read_power", "sample_hold_latency_cycle",
                    "sample_hold_static_power", "sample_hold_dynamic_power", "adc_resolution", "adc_latency_cycle",
                    "adc_static_power", "adc_dynamic_power", "adc_count", "shift_adder_latency_cycle",
                    "shift_adder_static_power", "shift_adder_dynamic_power", "input_buffer_latency_cycle",
                    "input_buffer_static_power", "input_buffer_dynamic_power", "output_buffer_latency_cycle",
                    "output_buffer_static_power", "output_buffer_dynamic_power"),
            "local_memory_config", Set.of("memory_size", "data_width", "period", "static_power",
                    "write_latency_cycle", "write_dynamic_energy", "read_latency_cycle", "read_dynamic_energy"),
            "network_config", Set.of("bus_topology", "bus_width", "layout", "net_config_file_path"),
            "sim_config", Set.of("sim_mode", "sim_time", "report_verbose_level"));

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    @Test
    void configHoldsWhatLoadHardwareConfigurationReads() throws Exception {
        Design design = SmallDesign.design();
        PimcompExport export = PimcompExport.of(design);
        JsonNode config = json(export.configJson());
        JsonNode matrix = config.at("/chip_config/core_config/matrix_config");
        // ArithmeticPrecision = adc_count: the data precision, 16 bits.
        assertEquals(16, matrix.get("adc_count").asInt());
        assertEquals(2, matrix.get("cell_precision").asInt(), "CellPrecision");
        assertEquals("[256,256]", matrix.get("xbar_size").toString(), "CrossbarH, CrossbarW");
        // CoreH = xbar_array_count: the largest macro holds 32 physical crossbars of 2-bit cells, 4 logical ones.
        assertEquals(4, matrix.get("xbar_array_count").asInt());
        assertEquals("[2,2]", config.at("/chip_config/network_config/layout").toString(), "ChipH, ChipW");
        assertEquals(4, config.at("/chip_config/core_cnt").asInt());
        assertEquals(16, export.pimcompCapacity());
        assertEquals(8, export.slices());
        // pimsim-nn's adc_count: 3 ADCs in each of the 3 macros over their 56 crossbars, rounded up to 1.
        int adcs = 0;
        int crossbars = 0;
        for (Macro m : design.accelerator().macros()) {
            adcs += m.adcs().count();
            crossbars += m.crossbarCount();
        }
        assertEquals(56, crossbars);
        assertEquals((adcs + crossbars - 1) / crossbars, json(export.pimsimConfigJson())
                .at("/chip_config/core_config/matrix_config/adc_count").asInt());
        // The two files differ in adc_count alone.
        JsonNode pimsim = json(export.pimsimConfigJson());
        ((com.fasterxml.jackson.databind.node.ObjectNode) pimsim.at("/chip_config/core_config/matrix_config"))
                .put("adc_count", 16);
        assertEquals(config, pimsim);
    }

    @Test
    void everyConfigKeyIsOneOfPimsimsAndEveryFigureComesFromTheDesign() throws Exception {
        Design design = SmallDesign.design();
        JsonNode config = json(PimcompExport.of(design).pimsimConfigJson());
        List<String> unknown = new ArrayList<>();
        checkKeys("", config, unknown);
        assertEquals(List.of(), unknown);
        double clock = design.accelerator().clockGhz();
        JsonNode matrix = config.at("/chip_config/core_config/matrix_config");
        assertEquals(1 / clock, config.at("/chip_config/core_config/period").asDouble(), 1e-12);
        assertEquals(2, matrix.get("dac_resolution").asInt(), "ResDAC");
        assertEquals(256, matrix.get("dac_count").asInt(), "a DAC per crossbar row");
        assertEquals(11, matrix.get("adc_resolution").asInt());
        double readNs = design.library().crossbar(256, 2).latencyNs(ComponentClass.READ);
        assertEquals(readNs, matrix.get("xbar_latency").asDouble(), 1e-12);
        assertEquals(design.library().crossbar(256, 2).energyPj(ComponentClass.READ),
                matrix.get("xbar_read_power").asDouble() * readNs, 1e-9, "power x latency is the read's energy");
        long adcCycles = matrix.get("adc_latency_cycle").asLong();
        assertEquals(design.library().adc(11).energyPj(ComponentClass.CONVERT),
                matrix.get("adc_dynamic_power").asDouble() * adcCycles / clock, 1e-9,
                "pimsim-nn's period x power x cycles is the conversion's energy");
        assertEquals(design.library().adc(11).staticPowerMw(), matrix.get("adc_static_power").asDouble(), 1e-12);
        Macro macro = design.accelerator().macros().get(0);
        JsonNode local = config.at("/chip_config/core_config/local_memory_config");
        assertEquals(macro.scratchpad().capacityKb() * 1024L, local.get("memory_size").asLong());
        assertEquals(macro.scratchpad().busWidthBits() / 8, local.get("data_width").asInt());
        assertEquals(design.accelerator().noc().flitWidthBits() / 8,
                config.at("/chip_config/network_config/bus_width").asInt());
        assertEquals(PimcompExport.NOC_FILE, config.at("/chip_config/network_config/net_config_file_path").asText());
        assertEquals(design.performance().cycles() / clock / 1e6, config.at("/sim_config/sim_time").asDouble(),
                1e-12, "the fitness run's time, in ms");
    }

    /**
     * Every key of PIMCOMP-NN's own config.json (the pimsim-nn configuration it ships) is in ours, but its
     * global_memory_config, which pimsyn's designs have no figures for: with the small design priced by the built-in
     * library, which has the sample-and-hold and the output registers; not with the small library, which has
     * neither.
     */
    @Test
    void configHasTheKeysOfPimcompsOwnConfig() throws Exception {
        JsonNode theirs = json(Files.readString(TestData.shared("tools/pimcomp-nn/config.json")));
        Design small = SmallDesign.design();
        Design builtIn = new Design(small.point(), small.spec(), small.placement(), small.accelerator(),
                ComponentLibraries.from(HardwareLibrary.builtIn()), small.fitnessRun(), small.performance());
        List<String> missing = new ArrayList<>();
        missingKeys("", theirs, json(PimcompExport.of(builtIn).configJson()), missing);
        assertEquals(List.of("/chip_config/global_memory_config"), missing);
        missing.clear();
        missingKeys("", theirs, json(PimcompExport.of(SmallDesign.design()).configJson()), missing);
        assertEquals(List.of("/chip_config/core_config/matrix_config/sample_hold_latency_cycle",
                "/chip_config/core_config/matrix_config/output_buffer_latency_cycle",
                "/chip_config/global_memory_config"), missing);
    }

    private static void missingKeys(String path, JsonNode theirs, JsonNode ours, List<String> missing) {
        for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = path + "/" + e.getKey();
            if (!ours.has(e.getKey())) {
                missing.add(at);
            } else if (e.getValue().isObject()) {
                missingKeys(at, e.getValue(), ours.get(e.getKey()), missing);
            }
        }
    }

    @Test
    void nocFileHasEveryPairOfCoresAndTheGlobalMemory() throws Exception {
        Design design = SmallDesign.design();
        JsonNode noc = json(PimcompExport.of(design).nocJson());
        for (String part : List.of("latency", "energy")) {
            JsonNode table = noc.get(part);
            assertEquals(5, table.size(), part);
            for (String src : List.of("-10", "0", "1", "2", "3")) {
                assertEquals(4, table.get(src).size(), part + " " + src);
                assertTrue(!table.get(src).has(src), "no entry from a core to itself");
            }
        }
        double clock = design.accelerator().clockGhz();
        double hop = Math.ceil(design.library().router().latencyNs(ComponentClass.FLIT_HOP) * clock - 1e-9) / clock;
        double flit = Math.ceil(design.library().link().latencyNs(ComponentClass.FLIT_HOP) * clock - 1e-9) / clock
                * design.accelerator().noc().cyclesPerFlit();
        // Core 0 at (0, 0) to core 3 at (1, 1): two hops; the global memory sits at core 0.
        assertEquals(2 * hop + flit, noc.at("/latency/0/3").asDouble(), 1e-9);
        assertEquals(hop + flit, noc.at("/latency/1/0").asDouble(), 1e-9);
        assertEquals(2 * hop + flit, noc.at("/latency/-10/3").asDouble(), 1e-9);
        assertEquals(flit, noc.at("/latency/-10/0").asDouble(), 1e-9);
        double pj = design.library().router().energyPj(ComponentClass.FLIT_HOP)
                + design.library().link().energyPj(ComponentClass.FLIT_HOP);
        assertEquals(2 * pj, noc.at("/energy/3/0").asDouble(), 1e-9);
    }

    @Test
    void mappingGivesEachLayerInPimcompsUnits() throws Exception {
        PimcompExport export = PimcompExport.of(SmallDesign.design());
        JsonNode mapping = json(export.mappingJson());
        assertEquals("pimsyn-pimcomp-mapping", mapping.get("format").asText());
        assertEquals("small", mapping.get("model").asText());
        assertEquals("PIMCOMP-NN -m=small -r=balance -p=batch -o=YES -s=YES", mapping.get("command").asText());
        assertEquals(7, mapping.get("logicalCrossbars").asInt(), "4 + 2 + 1 copies of one logical crossbar");
        JsonNode layers = mapping.get("layers");
        assertEquals(3, layers.size());
        int[] dup = {4, 2, 1};
        String[] names = {"conv1", "conv2", "fc"};
        // Nodes: input 0, conv1 1 (relu1 merged), pool1 2, conv2 3, pool2 4, flat 5, fc 6.
        int[] nodes = {1, 3, 6};
        for (int k = 0; k < 3; k++) {
            JsonNode l = layers.get(k);
            assertEquals(names[k], l.get("name").asText());
            assertEquals(nodes[k], l.get("pimcompNode").asInt());
            assertEquals(dup[k], l.get("duplication").asInt());
            assertEquals(8 * dup[k], l.get("crossbars").asInt());
            assertEquals(8, l.get("crossbarsPerCopy").asInt());
            assertEquals(1, l.get("logicalCrossbarsPerCopy").asInt());
            assertEquals(1, l.get("pimcompCrossbarsPerCopy").asInt());
            assertEquals(dup[k], l.get("logicalCrossbars").asInt());
        }
        assertEquals(27, layers.get(0).get("height").asInt(), "3 x 3 x 3 rows");
        assertEquals(256, layers.get(2).get("height").asInt(), "16 x 4 x 4 inputs of fc");
        assertEquals("[\"relu1\",\"relu2\"]", mapping.get("mergedActivations").toString());
        assertEquals("[4,2,1]", mapping.get("logicalCrossbarsPerMacro").toString());
    }

    @Test
    void aMacroCountsEveryLogicalCrossbarOfWhichItHoldsASlice() {
        // Slices of 8: layer A's 24 crossbars split 12 + 12 over macros 0 and 1 cut its second logical crossbar;
        // layer B's 8 sit in macro 1 beside them.
        Placement placement = new Placement(List.of(new LayerPlacement(new int[] {0, 1}, new int[] {12, 12}),
                LayerPlacement.single(1, 8)));
        assertArrayEquals(new int[] {2, 3}, PimcompExport.logicalCrossbarsPerMacro(placement, 8, 2));
        // Whole logical crossbars in each macro: 16 + 8.
        placement = new Placement(List.of(new LayerPlacement(new int[] {0, 1}, new int[] {16, 8})));
        assertArrayEquals(new int[] {2, 1}, PimcompExport.logicalCrossbarsPerMacro(placement, 8, 2));
    }

    @Test
    void modelNamesAreSafeFileNames() {
        assertEquals("alexnet", PimcompExport.modelName("alexnet"));
        assertEquals("my_net_v2", PimcompExport.modelName("my net/v2"));
        assertEquals("network.hidden", PimcompExport.modelName(".hidden"));
    }

    @Test
    void exportCommandWritesPimcompsTreeAndSaysHowToCompile(@TempDir Path dir) throws Exception {
        Path design = dir.resolve("design.json");
        Files.writeString(design, DesignJson.toJson(SmallDesign.design()));
        CliRun run = CliRun.of("export", "--design", design.toString());
        assertEquals(0, run.exitCode(), run.err());
        Path out = dir.resolve("pimcomp");
        for (String f : List.of("config.json", "pimsim-config.json", "network_config.json", "models/JSON/small.json",
                "mapping.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.isDirectory(out.resolve("build")) && Files.isDirectory(out.resolve("output")));
        assertEquals(PimcompExport.of(SmallDesign.design()).configJson(), Files.readString(out.resolve("config.json")));
        assertTrue(run.out().contains("compile: cd " + out.resolve("build")
                + " && PIMCOMP-NN -m=small -r=balance -p=batch -o=YES -s=YES"), run.out());
        assertTrue(run.out().contains("xbar_array_count    4 logical crossbars per core"), run.out());

        CliRun bad = CliRun.of("export", "--design", design.toString(), "--to", "onnx");
        assertEquals(2, bad.exitCode());
        assertEquals("pimsyn export: --to: \"onnx\" is not a format; allowed: pimcomp\n", bad.err());
        CliRun missing = CliRun.of("export", "--design", dir.resolve("none.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("pimsyn export: "), missing.err());
    }

    private static void checkKeys(String object, JsonNode node, List<String> unknown) {
        Set<String> allowed = PIMSIM_KEYS.get(object);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!allowed.contains(e.getKey())) {
                unknown.add((object.isEmpty() ? "" : object + ".") + e.getKey());
            }
            if (e.getValue().isObject()) {
                checkKeys(e.getKey(), e.getValue(), unknown);
            }
        }
    }
}
