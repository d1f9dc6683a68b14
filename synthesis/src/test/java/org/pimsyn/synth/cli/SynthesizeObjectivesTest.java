package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.output.DesignJson;

/**
 * {@code synthesize --objective} and {@code --pareto} with the real candidate search on the small network, through
 * the one-crossbar-point library of {@link SynthesisEndToEndTest} (two RatioRram, so that searches are shared), 4
 * genes and 2 generations, under 5 W: every objective writes the same files on one thread and on two, names itself
 * in the outputs, and writes Pareto designs that simulate.
 */
class SynthesizeObjectivesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final SearchRestored restored = new SearchRestored();

    private List<String> synthesize(String out, String... more) throws IOException {
        SynthesizeCommand.candidateSearch = CandidateSearches::standard;
        Path network = dir.resolve("small.json");
        Path library = dir.resolve("library.json");
        if (!Files.exists(network)) {
            NetworkJsonWriter.write(SmallCases.network(), network);
            ObjectNode root = (ObjectNode) JSON.readTree(SynthesisEndToEndTest.libraryJson());
            ((ObjectNode) root.at("/search/designSpace")).set("ratioRram", JSON.createArrayNode().add(0.3).add(0.4));
            Files.writeString(library, JSON.writeValueAsString(root));
        }
        List<String> args = new ArrayList<>(List.of("synthesize", "--network", network.toString(), "--config",
                library.toString(), "--out", dir.resolve(out).toString(), "--power", "5", "--genes", "4",
                "--generations", "2"));
        args.addAll(List.of(more));
        return args;
    }

    private static CliRun run(List<String> args) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(Main.EXIT_OK, run.exitCode(), run.err());
        return run;
    }

    @Test
    void everyObjectiveWritesTheSameFilesOnOneThreadAndOnTwo() throws IOException {
        for (Objective objective : Objectives.all()) {
            String one = objective.name() + "-1";
            String two = objective.name() + "-2";
            run(synthesize(one, "--objective", objective.name(), "--threads", "1", "--pareto", "3"));
            run(synthesize(two, "--objective", objective.name(), "--threads", "2", "--pareto", "3"));
            Path a = dir.resolve(one);
            Path b = dir.resolve(two);
            List<String> files = files(a);
            assertEquals(files, files(b), objective.name());
            assertTrue(files.contains("pareto/design-1.json"), files.toString());
            for (String f : files) {
                String what = objective.name() + ": " + f;
                if (f.equals("report.json")) {
                    ObjectNode ra = (ObjectNode) JSON.readTree(a.resolve(f).toFile());
                    ObjectNode rb = (ObjectNode) JSON.readTree(b.resolve(f).toFile());
                    ra.remove("execution");
                    rb.remove("execution");
                    assertEquals(ra, rb, what);
                } else if (f.equals("exploration.jsonl")) {
                    assertEquals(withoutTimes(a.resolve(f)), withoutTimes(b.resolve(f)), what);
                } else if (!f.equals("checkpoint.jsonl")) {
                    assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), what);
                }
            }
            outputsNameTheObjective(objective, a);
        }
    }

    /** report.json, exploration.jsonl, design.json and the Pareto designs say what was optimised, with units. */
    private static void outputsNameTheObjective(Objective objective, Path out) throws IOException {
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        boolean named = objective != Objectives.DEFAULT;
        assertEquals(named, report.at("/inputs/objective").isTextual());
        double value = report.at("/design/" + objective.jsonKey()).doubleValue();
        assertTrue(value > 0, objective + ": " + value);
        JsonNode front = report.get("paretoFront");
        assertTrue(front.size() >= 1);
        for (JsonNode d : front) {
            for (String key : List.of(objective.jsonKey(), "throughputGops", "gopsPerWatt", "steadyStatePowerMw",
                    "peakPowerMw", "areaMm2")) {
                assertTrue(d.get(key).isNumber(), key + " in " + d);
            }
            assertTrue(d.get("peakPowerMw").doubleValue() <= 5000 * (1 + 1e-9), d.toString());
        }
        for (String line : Files.readAllLines(out.resolve("exploration.jsonl"))) {
            JsonNode o = JSON.readTree(line);
            assertTrue(o.has(objective.jsonKey()), line);
            assertEquals(o.get("found").booleanValue(), o.has("throughputGops"), line);
        }
        JsonNode design = JSON.readTree(out.resolve("design.json").toFile());
        assertEquals(named, design.has("objective"));
        if (named) {
            assertEquals(objective.name(), design.at("/objective/name").textValue());
            assertEquals(value, design.at("/objective/" + objective.jsonKey()).doubleValue());
        }
        assertEquals(named, Files.readString(out.resolve("report.html")).contains("<th>Objective</th>"));
        Design first = DesignJson.read(out.resolve("pareto").resolve("design-1.json"));
        assertEquals(front.get(0).get(objective.jsonKey()).doubleValue(), objective.value(first));
    }

    @Test
    void theSummarySaysTheBudgetUsedAndTheFastestOfTheFrontAndParetoDesignsSimulate() throws IOException {
        CliRun run = run(synthesize("out", "--objective", "throughput", "--pareto", "2", "--threads", "2"));
        assertTrue(run.out().contains("\nObjective: throughput, "), run.out());
        JsonNode report = JSON.readTree(dir.resolve("out").resolve("report.json").toFile());
        assertEquals("balanced", report.at("/inputs/allocation").textValue(), "throughput spends the budget");
        double chosen = report.at("/simulation/performance/throughputGops").doubleValue();
        for (JsonNode d : report.get("paretoFront")) {
            assertTrue(chosen >= d.get("throughputGops").doubleValue(), d.toString());
        }
        assertTrue(run.out().matches("(?s).*\\nBudget used: [0-9,.]+ mW at peak \\([0-9.]+ %\\), [0-9,.]+ mW in the "
                + "steady state \\([0-9.]+ %\\) of the 5,000.00 mW budget\\n.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nPareto front \\(throughput, GOPS/W, area\\): [0-9]+ designs? of the "
                + "design points searched; the fastest reaches .*"), run.out());
        Path pareto = dir.resolve("out").resolve("pareto");
        CliRun sim = run(List.of("simulate", "--design", pareto.resolve("design-1.json").toString(), "--out",
                dir.resolve("sim").toString()));
        assertTrue(sim.out().contains("Throughput"), sim.out());
        // A run without --pareto in the same directory leaves no Pareto design of the earlier run behind.
        run(synthesize("out", "--objective", "throughput", "--threads", "2"));
        assertEquals(List.of(), files(pareto));
    }

    @Test
    void aResumeWithAnotherObjectiveIsRefusedInOneLine() throws IOException {
        run(synthesize("out", "--objective", "edp", "--threads", "2"));
        CliRun resumed = CliRun.of(synthesize("out", "--objective", "throughput", "--resume")
                .toArray(String[]::new));
        SynthesizeCommandTest.assertOneLineError(resumed, Main.EXIT_BAD_INPUT);
        assertTrue(resumed.err().contains("$.run.objective: the checkpoint is of a run with edp, this run has "
                + "throughput; run without --resume to start over"), resumed.err());
        CliRun same = run(synthesize("out", "--objective", "edp", "--resume", "--threads", "1"));
        assertFalse(same.out().isEmpty());
    }

    @Test
    void aChangedObjectiveValueInADesignOrChangedFiguresInTheCheckpointAreRefused() throws IOException {
        run(synthesize("out", "--objective", "area-efficiency", "--threads", "2"));
        Path out = dir.resolve("out");
        ObjectNode design = (ObjectNode) JSON.readTree(out.resolve("design.json").toFile());
        ((ObjectNode) design.get("objective")).put("fitnessGopsPerMm2", 1.5);
        InputException e = assertThrows(InputException.class,
                () -> DesignJson.parse(JSON.writeValueAsString(design), "design.json"));
        assertTrue(e.getMessage().startsWith("design.json: $.objective.fitnessGopsPerMm2: found 1.5, the design "
                + "gives "), e.getMessage());

        Path checkpoint = out.resolve("checkpoint.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(checkpoint));
        int withDesign = 1;
        while (!lines.get(withDesign).contains("\"design\"")) {
            withDesign++;
        }
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(withDesign));
        line.put("peakPowerMw", 1.0);
        lines.set(withDesign, JSON.writeValueAsString(line));
        Files.write(checkpoint, lines);
        CliRun resumed = CliRun.of(synthesize("out", "--objective", "area-efficiency", "--resume")
                .toArray(String[]::new));
        SynthesizeCommandTest.assertOneLineError(resumed, Main.EXIT_BAD_INPUT);
        assertTrue(resumed.err().contains("line " + (withDesign + 1) + ": $: the figures "), resumed.err());
    }

    @Test
    void anUnknownObjectiveOrParetoCountIsAOneLineError() throws IOException {
        CliRun bad = CliRun.of(synthesize("x", "--objective", "speed").toArray(String[]::new));
        SynthesizeCommandTest.assertOneLineError(bad, Main.EXIT_BAD_INPUT);
        assertEquals("pimsyn synthesize: --objective: unknown objective 'speed'; allowed: efficiency, throughput, "
                + "edp, area-efficiency", bad.err().strip());
        CliRun zero = CliRun.of(synthesize("x", "--pareto", "0").toArray(String[]::new));
        SynthesizeCommandTest.assertOneLineError(zero, Main.EXIT_BAD_INPUT);
        assertEquals("pimsyn synthesize: --pareto: must be an integer >= 1, got 0", zero.err().strip());
    }

    private static List<String> withoutTimes(Path log) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            ObjectNode o = (ObjectNode) JSON.readTree(line);
            o.remove("secondsSinceStart");
            lines.add(o.toString());
        }
        return lines;
    }

    /** Every file below {@code d}, by its path from there, sorted. */
    private static List<String> files(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(d)) {
            return all.filter(Files::isRegularFile).map(p -> d.relativize(p).toString()).sorted().toList();
        }
    }
}
