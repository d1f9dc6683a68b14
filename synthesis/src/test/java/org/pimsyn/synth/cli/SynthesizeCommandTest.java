package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.explore.FakeCandidateSearch;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.explore.TickingSearch;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonWriter;

class SynthesizeCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final SearchRestored restored = new SearchRestored();
    private FakeCandidateSearch fake;

    @BeforeEach
    void useTheFakeSearch() {
        fake = new FakeCandidateSearch();
        SynthesizeCommand.candidateSearch = () -> fake;
    }

    /**
     * The small network and reduced library as files, and the options that take them at 0.3 W with 3 genes and 4
     * generations, unless {@code more} gives those options itself.
     */
    static List<String> smallCase(Path dir, String... more) throws IOException {
        Path network = dir.resolve("small.json");
        if (!Files.exists(network)) {
            NetworkJsonWriter.write(SmallCases.network(), network);
            Files.writeString(dir.resolve("small-library.json"), SmallCases.libraryJson());
        }
        List<String> args = new ArrayList<>(List.of("synthesize", "--network", network.toString(), "--config",
                dir.resolve("small-library.json").toString()));
        String[][] defaults = {{"--power", "0.3"}, {"--genes", "3"}, {"--generations", "4"}};
        for (String[] d : defaults) {
            if (!List.of(more).contains(d[0])) {
                args.addAll(List.of(d));
            }
        }
        args.addAll(List.of(more));
        return args;
    }

    static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    static List<String> filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertOneLineError(CliRun run, int exitCode) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("pimsyn synthesize: "), run.err());
    }

    @Test
    void writesTheSixFilesAndSummarizesTheDesign() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = run(smallCase(dir, "--out", out.toString(), "--threads", "2"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals(List.of("checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json", "report.html",
                "report.json"), filesIn(out));
        String o = run.out();
        assertTrue(o.startsWith("Synthesized small (network file " + dir.resolve("small.json")
                + ") under 0.3 W: specified macros, macro sharing on, seed 1\n"), o);
        assertTrue(o.contains("\nDesign point: RatioRram "), o);
        assertTrue(o.matches("(?s).*\\nlayer +duplication +macros +sharesMacrosWith +crossbarsPerMacro +adc +shiftAdd"
                + " +add +pool +relu\\nconv1 .*"), o);
        assertTrue(o.contains("\nPower efficiency: "), o);
        assertTrue(o.contains("\nExplored 4 crossbar points (1 infeasible, 0 without an ADC) and "), o);
        assertTrue(o.endsWith("Wrote " + out.resolve("design.json") + ", " + out.resolve("pimcomp.json") + ", "
                + out.resolve("report.json") + ", " + out.resolve("report.html") + ", "
                + out.resolve("exploration.jsonl") + ", "
                + out.resolve("checkpoint.jsonl") + "\n"), o);
        assertFalse(o.contains("Resumed"), o);

        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        JsonNode best = report.get("design");
        assertTrue(o.contains("; duplication candidate index " + best.get("candidateIndex").intValue() + " of "
                + best.get("candidates").intValue() + "\n"), "the console counts as the JSON does: " + o);
        List<String> sections = new ArrayList<>();
        report.fieldNames().forEachRemaining(sections::add);
        assertEquals(List.of("format", "formatVersion", "inputs", "design", "simulation", "area", "peak",
                "physicalLimits", "bestFitnessPerGeneration", "topDesigns", "paretoFront", "exploration", "execution"),
                sections);
        assertEquals("enforce", report.at("/physicalLimits/mode").textValue());
        JsonNode in = report.get("inputs");
        assertEquals(300.0, in.get("powerMw").doubleValue());
        assertEquals("specified", in.get("macroMode").textValue());
        assertTrue(in.get("macroSharing").booleanValue());
        assertEquals(1, in.get("seed").longValue());
        assertEquals("small", in.get("network").get("name").textValue());
        assertEquals(dir.resolve("small-library.json").toString(), in.get("config").textValue());
        assertEquals(1, in.get("topDesigns").intValue(), "the best alone by default");
        assertEquals("sa", in.get("duplication").textValue());
        assertEquals("floor", in.get("allocation").textValue());
        assertEquals(1, report.get("topDesigns").size());
        assertEquals(2, report.get("execution").get("threads").intValue());
        assertEquals(0, report.get("execution").get("designPointsFromCheckpoint").intValue());
        ObjectNode chosen = (ObjectNode) report.get("design").deepCopy();
        chosen.remove("fitnessEvaluations");
        assertEquals(report.get("topDesigns").get(0), chosen);
        assertEquals(5, report.get("bestFitnessPerGeneration").size(), "the initial population and 4 generations");
        assertEquals(report.get("design").get("fitnessGopsPerWatt"),
                report.get("bestFitnessPerGeneration").get(4));
        JsonNode ex = report.get("exploration");
        assertEquals(ex.get("designPoints").intValue(), ex.get("designPointsWithoutAdc").intValue()
                + ex.get("designPointsPruned").intValue() + ex.get("designPointsSearched").intValue());
        assertEquals(1, ex.get("infeasiblePoints").size());

        JsonNode pimcomp = JSON.readTree(out.resolve("pimcomp.json").toFile());
        assertEquals(report.get("design").get("xbSizeRows"), pimcomp.get("CrossbarH"));
        JsonNode design = JSON.readTree(out.resolve("design.json").toFile());
        assertEquals("pimsyn-design", design.get("format").textValue());
        // The fake search reports the fitness it picks; the real one, what simulating gives (SimulateCommandTest).
        assertEquals(report.get("design").get("fitnessGopsPerWatt"), design.get("summary").get("gopsPerWatt"));
        assertEquals(design.get("performance").get("gopsPerWatt"), design.get("summary").get("gopsPerWatt"));
    }

    @Test
    void oneThreadAndTwoWriteTheSameFilesButForTheExecutionSection() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, run(smallCase(dir, "--out", one.toString(), "--threads", "1", "--seed", "7")).exitCode());
        assertEquals(0, run(smallCase(dir, "--out", two.toString(), "--threads", "2", "--seed", "7")).exitCode());
        assertEquals(Files.readString(one.resolve("design.json")), Files.readString(two.resolve("design.json")));
        assertEquals(Files.readString(one.resolve("pimcomp.json")), Files.readString(two.resolve("pimcomp.json")));
        assertEquals(Files.readString(one.resolve("report.html")), Files.readString(two.resolve("report.html")));
        String textOne = Files.readString(one.resolve("report.json"));
        String textTwo = Files.readString(two.resolve("report.json"));
        int cut = textOne.indexOf("\n  \"execution\" : {");
        assertTrue(cut > 0 && textOne.indexOf("\n  \"", cut + 1) < 0, "the execution section comes last");
        assertEquals(textOne.substring(0, cut), textTwo.substring(0, cut));
        ObjectNode a = (ObjectNode) JSON.readTree(one.resolve("report.json").toFile());
        ObjectNode b = (ObjectNode) JSON.readTree(two.resolve("report.json").toFile());
        assertNotEquals(a.get("execution"), b.get("execution"));
        a.remove("execution");
        b.remove("execution");
        assertEquals(JSON.writeValueAsString(a), JSON.writeValueAsString(b));
    }

    @Test
    void progressGoesToTheErrorStreamAndChangesNoFile() throws IOException {
        Path plain = dir.resolve("plain");
        Path shown = dir.resolve("shown");
        CliRun quiet = run(smallCase(dir, "--out", plain.toString()));
        assertEquals("", quiet.err());
        CliRun bar = run(smallCase(dir, "--out", shown.toString(), "--progress"));
        assertEquals(0, bar.exitCode(), bar.err());
        // Not a console here: plain lines, no carriage returns.
        assertTrue(bar.err().startsWith("stage 1, crossbar points: 0 of 4 (0%), "), bar.err());
        assertTrue(bar.err().contains("\nfitness bounds: 0 of "), bar.err());
        assertTrue(bar.err().contains("\ndesign points: 0 of "), bar.err());
        assertFalse(bar.err().contains("\r"), bar.err());
        assertTrue(bar.err().contains("100%"), bar.err());
        assertTrue(bar.err().contains(" best "), bar.err());
        assertEquals(Files.readString(plain.resolve("design.json")), Files.readString(shown.resolve("design.json")));
    }

    @Test
    void anotherSeedMayChooseAnotherDesign() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        assertEquals(0, run(smallCase(dir, "--out", one.toString(), "--seed", "1")).exitCode());
        assertEquals(0, run(smallCase(dir, "--out", two.toString(), "--seed", "2")).exitCode());
        assertNotEquals(JSON.readTree(one.resolve("report.json").toFile()).get("topDesigns"),
                JSON.readTree(two.resolve("report.json").toFile()).get("topDesigns"));
    }

    @Test
    void defaultsAreAlexNetAt49WattsWithSpecifiedSharedMacrosAndSeed1() {
        FakeCandidateSearch declining = new FakeCandidateSearch(1.0);
        SynthesizeCommand.candidateSearch = () -> declining;
        CliRun defaults = CliRun.of("synthesize", "--out", dir.resolve("a").toString(), "--threads", "2");
        assertOneLineError(defaults, 3);
        assertTrue(defaults.err().startsWith("pimsyn synthesize: no design fits under 49 W: "), defaults.err());
        HardwareLibrary builtIn = HardwareLibrary.builtIn();
        var request = declining.calls().get(0).request();
        assertEquals("alexnet", request.network().name());
        assertEquals(49000, request.totalPowerMw());
        assertEquals(MacroMode.SPECIFIED, request.macroMode());
        assertTrue(request.macroSharing());
        assertEquals(builtIn.search().evolution().genes(), request.genes());
        assertEquals(builtIn.search().evolution().generations(), request.generations());
        assertEquals(builtIn.origin(), request.library().origin());
        assertEquals(DuplicationMode.SA, request.duplication());
        assertEquals(AllocationMode.FLOOR, request.allocation());

        FakeCandidateSearch explicit = new FakeCandidateSearch(1.0);
        SynthesizeCommand.candidateSearch = () -> explicit;
        CliRun spelledOut = CliRun.of("synthesize", "--model", "alexnet", "--power", "49", "--macros", "specified",
                "--macro-sharing", "--seed", "1", "--out", dir.resolve("b").toString(), "--threads", "2");
        assertEquals(defaults.err(), spelledOut.err());
        assertEquals(new HashSet<>(declining.calls()), new HashSet<>(explicit.calls()));
        assertFalse(Files.exists(dir.resolve("a")), "no file is written without a design");
    }

    @Test
    void defaultOutputDirectoryIsNamedAfterTheNetwork() {
        Network n = SmallCases.network();
        assertEquals(Path.of("out", "small"), SynthesizeCommand.defaultOutDir(n));
    }

    @Test
    void optionsReachTheSearch() throws IOException {
        CliRun run = run(smallCase(dir, "--out", dir.resolve("o").toString(), "--macros", "UNIFIED",
                "--no-macro-sharing", "--genes", "5", "--generations", "2", "--threads", "1", "--duplication",
                "proportional", "--allocation", "Balanced"));
        assertEquals(0, run.exitCode(), run.err());
        var request = fake.calls().get(0).request();
        assertEquals(DuplicationMode.PROPORTIONAL, request.duplication());
        assertEquals(AllocationMode.BALANCED, request.allocation());
        JsonNode in = JSON.readTree(dir.resolve("o").resolve("report.json").toFile()).get("inputs");
        assertEquals("proportional", in.get("duplication").textValue());
        assertEquals("balanced", in.get("allocation").textValue());
        assertTrue(Files.readString(dir.resolve("o").resolve("checkpoint.jsonl")).lines().findFirst().orElseThrow()
                .contains("\"duplication\":\"proportional\",\"allocation\":\"balanced\""));
        assertEquals(MacroMode.UNIFIED, request.macroMode());
        assertFalse(request.macroSharing());
        assertEquals(5, request.genes());
        assertEquals(2, request.generations());
        assertTrue(run.out().contains("unified macros, macro sharing off"), run.out());
    }

    @Test
    void aBudgetUnderWhichNothingFitsExitsWith3AndTheLeastPowerThatFits() {
        CliRun run = CliRun.of("synthesize", "--power", "0.5", "--out", dir.toString());
        assertOneLineError(run, 3);
        assertTrue(run.err().startsWith("pimsyn synthesize: no design fits under 0.5 W; the crossbars alone "
                + "need at least "), run.err());
        assertTrue(fake.calls().isEmpty());
    }

    @Test
    void badValuesAreOneLineErrorsWithExitCode2() throws IOException {
        String[][] cases = {
            {"--power", "0", "--power: must be a number of watts > 0 and <= 1000000, got 0.0"},
            {"--power", "-3", "--power: must be a number of watts > 0 and <= 1000000, got -3.0"},
            {"--power", "Infinity", "--power: must be a number of watts > 0 and <= 1000000, got Infinity"},
            {"--threads", "0", "--threads: must be an integer in 1..256, got 0"},
            {"--macros", "shared", "--macros: unknown macro mode 'shared'; allowed: specified, unified"},
            {"--genes", "1", "--genes: must be an integer in 2..10000, got 1"},
            {"--generations", "0", "--generations: must be an integer in 1..10000, got 0"},
            {"--top-designs", "0", "--top-designs: must be an integer >= 1, got 0"},
            {"--top-designs", "-2", "--top-designs: must be an integer >= 1, got -2"},
            {"--budget-minutes", "0", "--budget-minutes: must be a positive number of minutes, got 0.0"},
            {"--budget-minutes", "-0.5", "--budget-minutes: must be a positive number of minutes, got -0.5"},
            {"--budget-minutes", "NaN", "--budget-minutes: must be a positive number of minutes, got NaN"},
            {"--budget-minutes", "Infinity", "--budget-minutes: must be a positive number of minutes, got Infinity"},
            {"--executor", "yarn", "--executor: unknown executor 'yarn'; allowed: local, spark"},
            {"--duplication", "annealing", "--duplication: \"annealing\" is not a mode; allowed: sa, proportional"},
            {"--allocation", "eq6", "--allocation: \"eq6\" is not a mode; allowed: floor, balanced"},
            // This module's class path is that of pimsyn.jar: no Spark executor.
            {"--executor", "spark", "--executor spark: pimsyn-spark.jar is not on the class path; run pimsyn with "
                    + "spark-submit --class org.pimsyn.synth.cli.Main pimsyn-spark.jar synthesize --executor spark "
                    + "..."},
        };
        for (String[] c : cases) {
            CliRun run = run(smallCase(dir, "--out", dir.resolve("x").toString(), c[0], c[1]));
            assertOneLineError(run, 2);
            assertEquals("pimsyn synthesize: " + c[2], run.err().strip());
        }
        assertOneLineError(run(smallCase(dir, "--power", "lots")), 2);
        for (String notAnInteger : new String[] {"ten", "2.5", ""}) {
            CliRun run = run(smallCase(dir, "--out", dir.resolve("x").toString(), "--top-designs", notAnInteger));
            assertOneLineError(run, 2);
            assertTrue(run.err().contains("--top-designs"), run.err());
        }
        assertOneLineError(CliRun.of("synthesize", "--model", "lenet"), 2);
        assertOneLineError(CliRun.of("synthesize", "--config", dir.resolve("none.json").toString()), 2);
        assertFalse(Files.exists(dir.resolve("x")));
        assertTrue(fake.calls().isEmpty());
    }

    @Test
    void fewerTopDesignsListFewerAndKeepTheSameDesign() throws IOException {
        Path ten = dir.resolve("ten");
        Path two = dir.resolve("two");
        assertEquals(0, run(smallCase(dir, "--out", ten.toString(), "--top-designs", "10")).exitCode());
        CliRun run = run(smallCase(dir, "--out", two.toString(), "--top-designs", "2"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode reportTen = JSON.readTree(ten.resolve("report.json").toFile());
        JsonNode reportTwo = JSON.readTree(two.resolve("report.json").toFile());
        assertEquals(2, reportTwo.at("/inputs/topDesigns").intValue());
        assertEquals(2, reportTwo.get("topDesigns").size());
        assertEquals(reportTen.get("topDesigns").get(0), reportTwo.get("topDesigns").get(0));
        assertEquals(reportTen.get("topDesigns").get(1), reportTwo.get("topDesigns").get(1));
        assertEquals(Files.readString(ten.resolve("design.json")), Files.readString(two.resolve("design.json")));
        assertTrue(reportTwo.at("/exploration/designPointsPruned").intValue()
                >= reportTen.at("/exploration/designPointsPruned").intValue());
        assertTrue(Files.readAllLines(two.resolve("checkpoint.jsonl")).get(0).contains("\"topDesigns\":2"));
    }

    @Test
    void designPointsThatAllYieldNothingExitWith3() throws IOException {
        SynthesizeCommand.candidateSearch = () -> new FakeCandidateSearch(1.0);
        CliRun run = run(smallCase(dir, "--out", dir.resolve("o").toString()));
        assertOneLineError(run, 3);
        assertTrue(run.err().contains("none yielded a design within the budget; most frequent reasons: the "
                + "peripherals do not fit"), run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    /** Every design point takes one second on a fake clock that the command reads too. */
    private TickingSearch ticking(FakeCandidateSearch inner) {
        TickingSearch search = new TickingSearch(inner);
        SynthesizeCommand.candidateSearch = () -> search;
        SynthesizeCommand.nanoClock = search.clock();
        return search;
    }

    @Test
    void aTinyTimeBudgetStopsAfterTheFirstBatchAndSaysSo() throws IOException {
        ticking(fake);
        Path out = dir.resolve("out");
        CliRun run = run(smallCase(dir, "--out", out.toString(), "--threads", "2", "--budget-minutes", "0.000001"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(2, fake.calls().size(), "the first batch");
        JsonNode ex = JSON.readTree(out.resolve("report.json").toFile()).get("exploration");
        assertTrue(ex.get("cutShort").booleanValue());
        int visitable = ex.get("designPoints").intValue() - ex.get("designPointsWithoutAdc").intValue();
        assertEquals(2, ex.get("designPointsSearched").intValue());
        assertEquals(visitable - 2, ex.get("designPointsNotVisited").intValue());
        assertTrue(run.out().contains("\nStopped at the time budget after 2 of " + visitable + " design points ("
                + (visitable - 2) + " not visited)\n"), run.out());
        assertEquals(2, Files.readAllLines(out.resolve("exploration.jsonl")).size());
    }

    @Test
    void aTimeBudgetNeverReachedWritesTheSameFilesAsNone() throws IOException {
        Path none = dir.resolve("none");
        Path generous = dir.resolve("generous");
        ticking(new FakeCandidateSearch());
        CliRun unlimited = run(smallCase(dir, "--out", none.toString(), "--threads", "2"));
        assertEquals(0, unlimited.exitCode(), unlimited.err());
        ticking(new FakeCandidateSearch());
        CliRun budget = run(smallCase(dir, "--out", generous.toString(), "--threads", "2", "--budget-minutes",
                "10000"));
        assertEquals(0, budget.exitCode(), budget.err());
        for (String f : List.of("design.json", "pimcomp.json", "report.json", "report.html")) {
            assertEquals(Files.readString(none.resolve(f)), Files.readString(generous.resolve(f)), f);
        }
        // On two threads the fake clock ticks in completion order, so only the times may differ.
        String untimed = "\"secondsSinceStart\":[0-9.E-]+";
        assertEquals(Files.readString(none.resolve("exploration.jsonl")).replaceAll(untimed, ""),
                Files.readString(generous.resolve("exploration.jsonl")).replaceAll(untimed, ""));
        assertEquals(unlimited.out().replace(none.toString(), "DIR"), budget.out().replace(generous.toString(), "DIR"));
        assertFalse(unlimited.out().contains("Stopped at the time budget"), unlimited.out());
        JsonNode ex = JSON.readTree(none.resolve("report.json").toFile()).get("exploration");
        assertFalse(ex.get("cutShort").booleanValue());
        assertEquals(0, ex.get("designPointsNotVisited").intValue());
    }

    @Test
    void aTimeBudgetSpentBeforeAnyDesignExitsWith3AndKeepsOnlyTheCheckpoint() throws IOException {
        ticking(new FakeCandidateSearch(1.0));
        Path out = dir.resolve("o");
        CliRun run = run(smallCase(dir, "--out", out.toString(), "--budget-minutes", "0.1"));
        assertOneLineError(run, 3);
        assertTrue(run.err().startsWith("pimsyn synthesize: the time budget of 0.1 minutes ran out before a design "
                + "was found: 6 of "), run.err());
        assertTrue(run.err().strip().endsWith("; --resume continues the run from " + out.resolve("checkpoint.jsonl")),
                run.err());
        assertEquals(List.of("checkpoint.jsonl"), filesIn(out));
        assertEquals(1 + 6, Files.readAllLines(out.resolve("checkpoint.jsonl")).size(), "a header and 6 points");
    }

    @Test
    void theExplorationLogHasOneParsableLinePerSearchedDesignPoint() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = run(smallCase(dir, "--out", out.toString(), "--threads", "2"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        List<String> lines = Files.readAllLines(out.resolve("exploration.jsonl"));
        assertEquals(report.get("exploration").get("designPointsSearched").intValue(), lines.size());
        assertEquals(fake.calls().size(), lines.size());
        int found = 0;
        double bestSoFar = 0;
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            found += o.get("found").booleanValue() ? 1 : 0;
            assertTrue(o.get("bestFitnessSoFar").doubleValue() >= bestSoFar, line);
            bestSoFar = o.get("bestFitnessSoFar").doubleValue();
            assertEquals(5, o.get("bestFitnessPerGeneration").size(), line);
            assertTrue(o.get("secondsSinceStart").doubleValue() >= 0, line);
        }
        assertEquals(report.get("exploration").get("designPointsFound").intValue(), found);
        assertEquals(report.get("design").get("fitnessGopsPerWatt").doubleValue(), bestSoFar);
    }
}
