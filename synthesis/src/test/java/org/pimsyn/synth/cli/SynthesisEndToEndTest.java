package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.PeakPower;
import org.pimsyn.synth.design.PeakPowerModel;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.output.DesignJson;

/**
 * {@code pimsyn synthesize} and {@code pimsyn simulate} with the real candidate search (evolutionary macro
 * partitioning, component allocation, simulation) on the small three-weight-layer network, through a library whose
 * design space is one crossbar point (RatioRram 0.1, ResRram 2, XbSize 256) with ResDAC 1 and 2, two duplication
 * candidates, 6 genes and 4 generations, under 5 W unless a test says otherwise: well under a second per run.
 */
class SynthesisEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POWER_W = "5";
    private static final double BUDGET_MW = 5000;

    @TempDir
    Path dir;

    /** Writes the network and the library into {@code dir} once; the arguments of a run that writes into out. */
    private List<String> synthesize(String out, String... more) throws IOException {
        Path network = dir.resolve("small.json");
        Path library = dir.resolve("library.json");
        if (!Files.exists(network)) {
            NetworkJsonWriter.write(SmallCases.network(), network);
            Files.writeString(library, libraryJson());
        }
        List<String> args = new ArrayList<>(List.of("synthesize", "--network", network.toString(), "--config",
                library.toString(), "--out", dir.resolve(out).toString()));
        if (!List.of(more).contains("--power")) {
            args.addAll(List.of("--power", POWER_W));
        }
        args.addAll(List.of(more));
        return args;
    }

    /** The built-in library with the design space cut down to one crossbar point and a short search. */
    static String libraryJson() throws IOException {
        ObjectNode root;
        try (InputStream in = SynthesisEndToEndTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            root = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        ObjectNode search = (ObjectNode) root.get("search");
        ObjectNode space = (ObjectNode) search.get("designSpace");
        space.set("ratioRram", JSON.createArrayNode().add(0.1));
        space.set("resRramBits", JSON.createArrayNode().add(2));
        space.set("xbSizeRows", JSON.createArrayNode().add(256));
        space.set("resDacBits", JSON.createArrayNode().add(1).add(2));
        ObjectNode annealing = (ObjectNode) search.get("annealing");
        annealing.put("iterationsPerTemperature", 20);
        annealing.put("coolingFactor", 0.8);
        annealing.put("candidatesKept", 2);
        ObjectNode evolution = (ObjectNode) search.get("evolution");
        evolution.put("genes", 6);
        evolution.put("generations", 4);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun succeeds(List<String> args) {
        CliRun run = run(args);
        assertEquals(Main.EXIT_OK, run.exitCode(), run.err());
        return run;
    }

    private JsonNode read(String out, String file) throws IOException {
        return JSON.readTree(dir.resolve(out).resolve(file).toFile());
    }

    @Test
    void synthesisWritesADesignWithinTheBudgetAndRecordsItsPerformance() throws IOException {
        CliRun run = succeeds(synthesize("out"));
        assertTrue(run.out().contains("Synthesized small"), run.out());
        JsonNode report = read("out", "report.json");
        JsonNode design = read("out", "design.json");
        JsonNode performance = design.get("performance");

        assertEquals(BUDGET_MW, report.at("/inputs/powerMw").asDouble());
        assertEquals(BUDGET_MW, performance.get("powerBudgetMw").asDouble());
        assertTrue(performance.get("withinPowerBudget").asBoolean());
        assertTrue(performance.get("scratchpadsFit").asBoolean());
        assertTrue(performance.get("steadyStatePowerMw").asDouble() > 0);
        assertTrue(performance.get("steadyStatePowerMw").asDouble() <= BUDGET_MW);
        assertTrue(performance.get("averagePowerMw").asDouble() <= BUDGET_MW);
        assertTrue(performance.get("throughputGops").asDouble() > 0);
        // The budget rule proper: every component of the design at its peak at once.
        Design written = DesignJson.read(dir.resolve("out").resolve("design.json"));
        PeakPower peak = PeakPowerModel.of(written);
        assertTrue(peak.crossbarsMw() > 0 && peak.peripheralsMw() > 0, peak.toString());
        assertTrue(peak.totalMw() <= BUDGET_MW, peak.toString());

        // The chosen point lies in the restricted space, and the fitness recorded is the design's efficiency.
        JsonNode chosen = report.get("design");
        assertEquals(0.1, chosen.get("ratioRram").asDouble());
        assertEquals(2, chosen.get("resRramBits").asInt());
        assertEquals(256, chosen.get("xbSizeRows").asInt());
        assertTrue(Set.of(1, 2).contains(chosen.get("resDacBits").asInt()));
        double gopsPerWatt = performance.get("gopsPerWatt").asDouble();
        assertTrue(gopsPerWatt > 0);
        assertEquals(gopsPerWatt, chosen.get("fitnessGopsPerWatt").asDouble());
        assertEquals(gopsPerWatt, design.at("/summary/gopsPerWatt").asDouble());
        assertTrue(chosen.get("fitnessEvaluations").asLong() > 0);

        // One crossbar point, two candidates, two DAC resolutions: four design points, each searched or pruned.
        JsonNode exploration = report.get("exploration");
        assertEquals(1, exploration.get("crossbarPoints").asInt());
        assertEquals(4, exploration.get("designPoints").asInt());
        assertEquals(4, exploration.get("designPointsSearched").asInt() + exploration.get("designPointsPruned").asInt()
                + exploration.get("designPointsWithoutAdc").asInt());
        assertTrue(Files.exists(dir.resolve("out").resolve("pimcomp.json")));
    }

    @Test
    void simulatingTheDesignReproducesTheSynthesisRunsSimulation() throws IOException {
        succeeds(synthesize("out"));
        JsonNode synthesized = read("out", "report.json").get("simulation");
        Path sim = dir.resolve("sim");
        succeeds(List.of("simulate", "--design", dir.resolve("out").resolve("design.json").toString(),
                "--out", sim.toString()));
        JsonNode simulated = JSON.readTree(sim.resolve("simulation-report.json").toFile());
        assertEquals("pimsyn-simulation-report", simulated.get("format").asText());
        assertEquals(synthesized, simulated.get("simulation"));
    }

    @Test
    void oneThreadAndTwoThreadsWriteTheSameFiles() throws IOException {
        succeeds(synthesize("one", "--threads", "1"));
        succeeds(synthesize("two", "--threads", "2"));
        assertEquals(Files.readString(dir.resolve("one").resolve("design.json")),
                Files.readString(dir.resolve("two").resolve("design.json")));
        assertEquals(Files.readString(dir.resolve("one").resolve("pimcomp.json")),
                Files.readString(dir.resolve("two").resolve("pimcomp.json")));
        ObjectNode one = (ObjectNode) read("one", "report.json");
        ObjectNode two = (ObjectNode) read("two", "report.json");
        assertEquals(1, one.at("/execution/threads").asInt());
        assertEquals(2, two.at("/execution/threads").asInt());
        one.remove("execution");
        two.remove("execution");
        assertEquals(one, two);
    }

    @Test
    void withoutMacroSharingNoMacroHoldsTwoLayers() throws IOException {
        // The same run with sharing allowed puts two layers on one macro.
        succeeds(synthesize("shared"));
        int shared = 0;
        for (JsonNode macro : read("shared", "design.json").at("/accelerator/macros")) {
            shared += macro.get("layers").size() > 1 ? 1 : 0;
        }
        assertTrue(shared > 0, "the run with sharing shares no macro");

        succeeds(synthesize("out", "--no-macro-sharing"));
        JsonNode design = read("out", "design.json");
        JsonNode macros = design.at("/accelerator/macros");
        assertTrue(macros.size() >= 3, "one macro per weight layer at least");
        for (JsonNode macro : macros) {
            assertEquals(1, macro.get("layers").size(), macro.toString());
        }
        design.at("/summary/layers").forEach(layer -> {
            if (layer.has("macro_sharing")) {
                assertEquals("None", layer.get("macro_sharing").asText());
            }
        });
        assertTrue(!read("out", "report.json").at("/inputs/macroSharing").asBoolean());
    }

    @Test
    void unifiedMacrosAllHaveOneSize() throws IOException {
        // Under 5 W no unified partition's simulated power fits; 12 W leaves room.
        succeeds(synthesize("out", "--macros", "unified", "--power", "12"));
        assertEquals("unified", read("out", "report.json").at("/inputs/macroMode").asText());
        JsonNode design = read("out", "design.json");
        // Layers placed on the same macros share them; per macro set, the crossbars of its layers.
        Map<List<Integer>, Integer> crossbarsBySet = new LinkedHashMap<>();
        Map<Integer, Integer> crossbarsByMacro = new HashMap<>();
        for (JsonNode layer : design.get("placement")) {
            List<Integer> macros = new ArrayList<>();
            layer.get("macros").forEach(m -> macros.add(m.asInt()));
            int total = 0;
            for (int i = 0; i < macros.size(); i++) {
                int count = layer.get("crossbars").get(i).asInt();
                total += count;
                crossbarsByMacro.merge(macros.get(i), count, Integer::sum);
            }
            crossbarsBySet.merge(macros, total, Integer::sum);
        }
        assertEquals(3, design.get("placement").size());
        // Some size S of the library's range (32 to 512 crossbars, step 32) gives every layer or shared pair
        // ceil(crossbars / S) macros, and no macro holds more than S crossbars.
        List<Integer> sizes = new ArrayList<>();
        for (int size = 32; size <= 512; size += 32) {
            int s = size;
            boolean counts = crossbarsBySet.entrySet().stream()
                    .allMatch(e -> e.getKey().size() == (e.getValue() + s - 1) / s);
            boolean fits = crossbarsByMacro.values().stream().allMatch(c -> c <= s);
            if (counts && fits) {
                sizes.add(size);
            }
        }
        assertTrue(!sizes.isEmpty(), crossbarsBySet + " " + crossbarsByMacro);
    }

    @Test
    void aBudgetUnderWhichNoCrossbarPointHoldsTheWeightsExitsThreeWithALowerBound() throws IOException {
        // At duplication 1 each weight layer fits one 256x256 tile (conv1 27 rows x 8 columns, conv2 72 x 16, fc
        // 256 x 10), one crossbar per 2-bit slice of the 16-bit weights: 3 x 8 = 24 crossbars x 1.2 mW peak /
        // RatioRram 0.1 = 288 mW, printed rounded up to the hundredth of a watt.
        CliRun run = run(synthesize("out", "--power", "0.005"));
        assertEquals(Main.EXIT_INFEASIBLE, run.exitCode(), run.err());
        assertTrue(run.err().contains("no design fits under 0.005 W; the crossbars alone need at least 0.29 W"
                + " (RatioRram 0.1, ResRram 2, XbSize 256), and the peripherals"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(!Files.exists(dir.resolve("out").resolve("design.json")));

        // At the hinted power the crossbars fit: the run gets past this check (it may still fall short on the
        // peripherals, which the hint says it leaves out).
        java.util.regex.Matcher hint = java.util.regex.Pattern.compile("need at least ([0-9.]+) W")
                .matcher(run.err());
        assertTrue(hint.find(), run.err());
        CliRun atHint = run(synthesize("hinted", "--power", hint.group(1)));
        assertFalse(atHint.err().contains("the crossbars alone need"), atHint.err());
        assertTrue(atHint.exitCode() == Main.EXIT_OK || atHint.exitCode() == Main.EXIT_INFEASIBLE, atHint.err());
    }

    @Test
    void theBestFitnessPerGenerationNeverFallsAndEndsAtTheChosenDesignsFitness() throws IOException {
        for (int seed = 1; seed <= 6; seed++) {
            history("seed" + seed, Integer.toString(seed));
        }
    }

    /** The chosen candidate's history of an 8-generation run, checked to never fall and to end at its fitness. */
    private void history(String out, String seed) throws IOException {
        succeeds(synthesize(out, "--seed", seed, "--generations", "8"));
        JsonNode report = read(out, "report.json");
        ArrayNode history = (ArrayNode) report.get("bestFitnessPerGeneration");
        assertEquals(9, history.size(), "the initial population and 8 generations");
        for (int g = 1; g < history.size(); g++) {
            assertTrue(history.get(g).asDouble() >= history.get(g - 1).asDouble(), history.toString());
        }
        assertEquals(report.at("/design/fitnessGopsPerWatt").asDouble(), history.get(history.size() - 1).asDouble(),
                history.toString());
    }
}
