package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.report.ReportJson;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;

class DesignJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Design DESIGN = SmallDesign.design();
    private static final String TEXT = DesignJson.toJson(DESIGN);

    @Test
    void readingGivesBackTheDesignWritten() {
        Design back = DesignJson.parse(TEXT, "design.json");
        assertEquals(DESIGN.point(), back.point());
        assertEquals(DESIGN.spec(), back.spec());
        assertEquals(DESIGN.placement(), back.placement());
        assertEquals(DESIGN.accelerator(), back.accelerator());
        assertEquals(DESIGN.library(), back.library());
        assertEquals(DESIGN.fitnessRun(), back.fitnessRun());
        assertEquals(DESIGN.performance(), back.performance());
        assertEquals(TEXT, DesignJson.toJson(back));
    }

    @Test
    void theDesignReadSimulatesToTheSameReport() {
        Design back = DesignJson.parse(TEXT, "design.json");
        assertEquals(report(DESIGN), report(back));
    }

    private static String report(Design d) {
        return ReportJson.toJson(new Simulator().report(d.accelerator(), d.library(),
                DataflowSkeleton.of(d.spec()).compile(d.placement()).program(), d.fitnessRun(),
                SimulationObserver.NONE));
    }

    @Test
    void summaryFollowsTheOriginalToolsOutputUnderPimsynsNames() throws Exception {
        JsonNode s = JSON.readTree(TEXT).get("summary");
        assertEquals(0.3, s.get("ratioRram").doubleValue());
        assertEquals(2, s.get("resRramBits").intValue());
        assertEquals(256, s.get("xbSizeRows").intValue());
        assertEquals(DESIGN.performance().gopsPerWatt(), s.get("gopsPerWatt").doubleValue());
        assertEquals(2, s.get("resDacBits").intValue());
        assertEquals(11, s.get("adcBits").intValue());
        assertEquals(2, s.get("meshRows").intValue());
        assertEquals(2, s.get("meshCols").intValue());
        assertEquals(4096, s.get("largestScratchpadKb").intValue());
        assertEquals(JSON.readTree("""
                {"duplication": 4, "macros": 1, "sharesMacrosWith": [], "crossbarsPerMacro": 32,
                 "adc": 3, "shiftAdd": 2, "add": 2}"""), s.get("layers").get("conv1"));
        assertEquals(JSON.readTree("{\"duplication\": 4, \"pool\": 2}"), s.get("layers").get("pool1"));
        assertEquals(7, s.get("layers").size());
    }

    @Test
    void fileRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("d/design.json");
        DesignJson.write(DESIGN, file);
        assertEquals(TEXT, DesignJson.toJson(DesignJson.read(file)));
    }

    @Test
    void aVersion2FileWithItsOwnAluNamesReadsAsTheSameHardwareWithTodaysFitnessRun() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(TEXT);
        tree.put("formatVersion", 2);
        tree.remove("fitnessRun");
        tree.put("fitnessImages", 2);
        String v2 = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
                .replace("\"kind\" : \"shiftAdd\"", "\"kind\" : \"SHIFT_ADD\"")
                .replace("\"kind\" : \"add\"", "\"kind\" : \"ADD\"")
                .replace("\"kind\" : \"relu\"", "\"kind\" : \"RELU\"")
                .replace("\"kind\" : \"pool\"", "\"kind\" : \"POOL\"")
                .replace("\"alu.shiftAdd\"", "\"alu.shift_add\"");
        assertTrue(v2.contains("\"SHIFT_ADD\"") && v2.contains("\"alu.shift_add\"") && v2.contains("\"POOL\""), v2);
        Design back = DesignJson.parse(v2, "v2.json");
        assertEquals(DESIGN.accelerator(), back.accelerator());
        assertEquals(DESIGN.library(), back.library());
        assertEquals(DESIGN.placement(), back.placement());
        assertEquals(DESIGN.spec(), back.spec());
        // Its recorded figures came from a timing model that is gone: the design is simulated anew, as today.
        assertEquals(RunPlan.untilSteady(), back.fitnessRun());
        assertEquals(new Simulator().fitness(back.accelerator(), back.library(), DataflowSkeleton.of(back.spec())
                .compile(back.placement()).program(), RunPlan.untilSteady()), back.performance());
        assertTrue(error(v2.replace("\"SHIFT_ADD\"", "\"shift_add\"")).startsWith("design.json: $.accelerator"));
    }

    @Test
    void aVersion4FileReadsWithTodaysDefaultRegistersAndItsPerformanceSimulatedAnew() throws Exception {
        // Version 4 knew no registers: its fitness run and figures are those of a run without them.
        RunPlan unregistered = DESIGN.fitnessRun().withInputRegisterSlots(0).withOutputRegisterSlots(0);
        ObjectNode tree = (ObjectNode) JSON.readTree(TEXT);
        tree.put("formatVersion", 4);
        ObjectNode run = (ObjectNode) tree.get("fitnessRun");
        run.remove("inputRegisterSlots");
        run.remove("outputRegisterSlots");
        tree.set("performance", JSON.readTree(OutputJson.text(OutputJson.tree(new Simulator().fitness(
                DESIGN.accelerator(), DESIGN.library(), program(DESIGN), unregistered)))));
        ((ObjectNode) tree.get("summary")).put("gopsPerWatt", tree.at("/performance/gopsPerWatt").doubleValue());
        Design back = DesignJson.parse(JSON.writeValueAsString(tree), "v4.json");
        assertEquals(DESIGN.accelerator(), back.accelerator());
        assertEquals(DESIGN.placement(), back.placement());
        assertEquals(RunPlan.DEFAULT_INPUT_REGISTER_SLOTS, back.fitnessRun().inputRegisterSlots());
        assertEquals(RunPlan.DEFAULT_OUTPUT_REGISTER_SLOTS, back.fitnessRun().outputRegisterSlots());
        assertSimulatedAnewAsToday(back);
    }

    @Test
    void aVersion5FileKeepsItsRunAndHasItsPerformanceSimulatedAnew() throws Exception {
        // Version 5 was simulated with arrivals paced at the bound: its recorded figures are dropped, not compared.
        ObjectNode tree = (ObjectNode) JSON.readTree(TEXT);
        tree.put("formatVersion", 5);
        ((ObjectNode) tree.get("performance")).put("intervalCycles", 1);
        ((ObjectNode) tree.get("summary")).put("gopsPerWatt", 1.5);
        Design back = DesignJson.parse(JSON.writeValueAsString(tree), "v5.json");
        assertSimulatedAnewAsToday(back);
    }

    /** An upgraded file's design: today's fitness run, simulated anew, and written again as today's version. */
    private static void assertSimulatedAnewAsToday(Design back) {
        assertEquals(DESIGN.fitnessRun(), back.fitnessRun());
        assertEquals(new Simulator().fitness(back.accelerator(), back.library(), program(back), back.fitnessRun()),
                back.performance());
        assertEquals(TEXT, DesignJson.toJson(back), "written again as version " + DesignJson.FORMAT_VERSION);
    }

    private static org.pimsyn.sim.ir.IrProgram program(Design d) {
        return DataflowSkeleton.of(d.spec()).compile(d.placement()).program();
    }

    @Test
    void missingFileIsBadInput(@TempDir Path dir) {
        InputException e = assertThrows(InputException.class, () -> DesignJson.read(dir.resolve("none.json")));
        assertEquals(dir.resolve("none.json") + ": no such file; expected a design file", e.getMessage());
    }

    private static String edited(Consumer<ObjectNode> edit) throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(TEXT);
        edit.accept(root);
        return JSON.writeValueAsString(root);
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> DesignJson.parse(text, "design.json")).getMessage();
    }

    private static String error(Consumer<ObjectNode> edit) throws Exception {
        return error(edited(edit));
    }

    private static ObjectNode macro0(ObjectNode root) {
        return (ObjectNode) root.get("accelerator").get("macros").get(0);
    }

    @Test
    void mistakesNameTheFileAndTheJsonPath() throws Exception {
        assertTrue(error(TEXT.substring(0, TEXT.length() / 2)).startsWith("design.json: line "));
        assertEquals("design.json: $.format: expected \"pimsyn-design\", found \"other\"",
                error(r -> r.put("format", "other")));
        assertEquals("design.json: $.formatVersion: must be an integer in [1, 6], found 7",
                error(r -> r.put("formatVersion", 7)));
        assertEquals("design.json: $.fitnessRun.inputRegisterSlots: missing; expected an integer",
                error(r -> ((ObjectNode) r.get("fitnessRun")).remove("inputRegisterSlots")));
        assertEquals("design.json: $.fitnessRun.outputRegisterSlots: must be an integer in [0, 1048576], found -1",
                error(r -> ((ObjectNode) r.get("fitnessRun")).put("outputRegisterSlots", -1)));
        assertTrue(error(r -> r.put("extra", 1)).startsWith("design.json: $.extra: unknown key; allowed keys: format,"));
        assertEquals("design.json: $.fitnessRun.images: must be an integer in [1, 2147483647], found 0",
                error(r -> ((ObjectNode) r.get("fitnessRun")).put("images", 0)));
        assertEquals("design.json: $.fitnessRun.arbitration: \"fifo\" is not an arbitration order; allowed: "
                + "oldestImageFirst, earliestReady",
                error(r -> ((ObjectNode) r.get("fitnessRun")).put("arbitration", "fifo")));
        assertEquals("design.json: $.fitnessImages: unknown key; allowed keys: format, formatVersion, network, "
                + "designPoint, dataflow, placement, fitnessRun, performance, accelerator, componentLibrary, summary, "
                + "objective",
                error(r -> r.put("fitnessImages", 2)));
        assertEquals("design.json: $.dataflow.xbSizeRows: 128 differs from $.designPoint.xbSizeRows (256)",
                error(r -> ((ObjectNode) r.get("dataflow")).put("xbSizeRows", 128)));
        assertEquals("design.json: $.dataflow.wtDup[1]: must be an integer in [1, 2147483647], found 0",
                error(r -> ((ArrayNode) r.get("dataflow").get("wtDup")).set(1, IntNode.valueOf(0))));
        assertEquals("design.json: $.dataflow.wtDup: layer 'conv2' (weight layer 1): duplication must be in 1..64 "
                + "(its output positions), got 65",
                error(r -> ((ArrayNode) r.get("dataflow").get("wtDup")).set(1, IntNode.valueOf(65))));
        assertEquals("design.json: $.placement[2].layer: expected weight layer 2, 'fc', found 'fc2'",
                error(r -> ((ObjectNode) r.get("placement").get(2)).put("layer", "fc2")));
        assertEquals("design.json: $.placement: placement of layer 'conv1' (weight layer 0) holds 31 crossbars; it "
                + "needs WtDup 4 x set 8 = 32",
                error(r -> ((ArrayNode) r.get("placement").get(0).get("crossbars")).set(0, IntNode.valueOf(31))));
        assertEquals("design.json: $.placement[0]: macro 1 is listed twice", error(r -> {
            ObjectNode p = (ObjectNode) r.get("placement").get(0);
            p.set("macros", JSON.createArrayNode().add(1).add(1));
            p.set("crossbars", JSON.createArrayNode().add(16).add(16));
        }));
        assertEquals("design.json: $.designPoint: ratioRram must lie strictly between 0 and 1, got 1.5",
                error(r -> ((ObjectNode) r.get("designPoint")).put("ratioRram", 1.5)));
    }

    @Test
    void aSummaryThatNoLongerFollowsFromTheDesignIsRefusedNamingTheField() throws Exception {
        String changed = " the summary follows from the rest of the design, which it no longer matches: the file "
                + "was changed after it was written";
        assertEquals("design.json: $.summary.layers.conv2.adc: found 7, the design gives 3;" + changed,
                error(r -> ((ObjectNode) r.at("/summary/layers/conv2")).put("adc", 7)));
        assertEquals("design.json: $.summary.meshCols: found 2.0, the design gives 2;" + changed,
                error(r -> ((ObjectNode) r.get("summary")).put("meshCols", 2.0)));
        assertEquals("design.json: $.summary.layers.conv2.sharesMacrosWith: found [\"fc\"], the design gives [];"
                + changed, error(r -> ((ArrayNode) r.at("/summary/layers/conv2/sharesMacrosWith")).add("fc")));
        assertEquals("design.json: $.summary.layers.conv2.pool: unknown key;" + changed,
                error(r -> ((ObjectNode) r.at("/summary/layers/conv2")).put("pool", 1)));
        assertEquals("design.json: $.summary.largestScratchpadKb: missing; expected "
                + JSON.readTree(TEXT).at("/summary/largestScratchpadKb") + ";" + changed,
                error(r -> ((ObjectNode) r.get("summary")).remove("largestScratchpadKb")));
        double gopsPerWatt = DESIGN.performance().gopsPerWatt();
        assertEquals("design.json: $.summary.gopsPerWatt: found " + gopsPerWatt + ", where $.performance.gopsPerWatt "
                + "has 1.0E9; one of the two was changed after the file was written",
                error(r -> ((ObjectNode) r.get("performance")).put("gopsPerWatt", 1e9)));
        // Untouched, the summary agrees with what the reader derives, digit for digit.
        assertEquals(TEXT, DesignJson.toJson(DesignJson.parse(TEXT, "design.json")));
    }

    @Test
    void simulatorRecordsAreReadStrictly() throws Exception {
        assertEquals("design.json: $.accelerator: accelerator.macros[0].adcs.count must be >= 0, got -1",
                error(r -> ((ObjectNode) macro0(r).get("adcs")).put("count", -1)));
        assertEquals("design.json: $.accelerator.macros[0].adcs.count: expected an integer, found the string \"3\"",
                error(r -> ((ObjectNode) macro0(r).get("adcs")).set("count", TextNode.valueOf("3"))));
        assertEquals("design.json: $.accelerator.macros[0].adcs.count: expected an integer, found the number 2.5",
                error(r -> ((ObjectNode) macro0(r).get("adcs")).put("count", 2.5)));
        assertTrue(error(r -> macro0(r).put("colour", "red"))
                .startsWith("design.json: $.accelerator.macros[0].colour: unknown key; allowed keys: "));
        assertEquals("design.json: $.componentLibrary.entries: missing",
                error(r -> ((ObjectNode) r.get("componentLibrary")).remove("entries")));
        assertTrue(error(r -> ((ObjectNode) r.get("componentLibrary").get("entries").get(0))
                .put("componentClass", "multiplier")).startsWith("design.json: $.componentLibrary: component library: "
                        + "multiplier 256x256-2bit: class multiplier is not declared; classes are [adc,"));
        assertTrue(error(r -> ((ArrayNode) r.get("componentLibrary").get("classes")).addObject().put("name", "crossbar")
                .putArray("actions"))
                .startsWith("design.json: $.componentLibrary: component library: class crossbar is built in"));
        assertTrue(error(r -> macro0(r).putArray("otherComponents").addObject()
                .put("componentClass", "adc").put("variant", "8bit").put("count", 1))
                .startsWith("design.json: $.accelerator: accelerator.macros[0].otherComponents[0] is of class adc, "));
        assertEquals("design.json: $.performance.cycles: missing",
                error(r -> ((ObjectNode) r.get("performance")).remove("cycles")));
    }

    @Test
    void aBrokenNetworkIsReportedWithItsPlaceInTheDesignFile() throws Exception {
        String m = error(r -> ((ObjectNode) r.get("network").get("nodes").get(1)).put("operation", "OP_WARP"));
        assertTrue(m.startsWith("design.json: $.network.nodes"), m);
        assertTrue(m.contains("OP_WARP"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void writesNothingButTheFinishedFile(@TempDir Path dir) throws Exception {
        DesignJson.write(DESIGN, dir.resolve("design.json"));
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(dir.resolve("design.json")), files.toList());
        }
    }
}
