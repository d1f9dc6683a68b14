package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.JSON;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.assertOneLineError;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.filesIn;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;

/** {@code synthesize --power A,B,... --objective X,Y,...}: one synthesis per budget and objective, and their table. */
class SynthesizeSweepTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SearchRestored restored = new SearchRestored();

    /**
     * The real candidate search on the small network through the one-crossbar-point library of {@link
     * SynthesisEndToEndTest}, 2 genes and 2 generations, with the options given.
     */
    private List<String> smallCase(String... more) throws IOException {
        SynthesizeCommand.candidateSearch = CandidateSearches::standard;
        Path network = dir.resolve("small.json");
        Path library = dir.resolve("library.json");
        if (!Files.exists(network)) {
            NetworkJsonWriter.write(SmallCases.network(), network);
            Files.writeString(library, SynthesisEndToEndTest.libraryJson());
        }
        List<String> args = new ArrayList<>(List.of("synthesize", "--network", network.toString(), "--config",
                library.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static CliRun run(List<String> args) {
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void eachBudgetAndObjectiveWritesWhatItsOwnRunWritesAndTheTableListsTheirBestDesigns() throws IOException {
        Path sweep = dir.resolve("sweep");
        CliRun run = run(smallCase("--out", sweep.toString(), "--power", "5,8", "--objective",
                "efficiency,throughput"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        List<String> cells = List.of("5W-efficiency", "5W-throughput", "8W-efficiency", "8W-throughput");
        List<String> expectedFiles = new ArrayList<>(cells);
        expectedFiles.addAll(List.of("sweep.json", "sweep.md"));
        assertEquals(expectedFiles.stream().sorted().toList(), filesIn(sweep));
        JsonNode table = JSON.readTree(sweep.resolve("sweep.json").toFile());
        assertEquals("pimsyn-sweep", table.get("format").textValue());
        assertEquals(4, table.get("rows").size());
        String md = Files.readString(sweep.resolve("sweep.md"));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            JsonNode row = table.get("rows").get(i);
            assertEquals(cell, row.get("directory").textValue());
            assertTrue(row.get("found").booleanValue());
            String power = cell.substring(0, cell.indexOf('W'));
            String objective = cell.substring(cell.indexOf('-') + 1);
            assertEquals(Double.parseDouble(power) * 1000, row.get("powerMw").doubleValue());
            assertEquals(objective, row.get("objective").textValue());

            // The same synthesis run alone writes the same design: nothing one budget finds steers another.
            Path alone = dir.resolve("alone-" + cell);
            CliRun single = run(smallCase("--out", alone.toString(), "--power", power, "--objective", objective));
            assertEquals(0, single.exitCode(), single.err());
            assertEquals(Files.readString(alone.resolve("design.json")),
                    Files.readString(sweep.resolve(cell).resolve("design.json")), cell);
            String summary = single.out().substring(0, single.out().indexOf("\nExplored "));
            assertTrue(run.out().contains(summary), "the sweep prints each run's own summary: " + cell);

            JsonNode report = JSON.readTree(alone.resolve("report.json").toFile());
            JsonNode design = report.get("design");
            for (String key : List.of("ratioRram", "resRramBits", "xbSizeRows", "resDacBits", "adcBits",
                    "candidateIndex", "throughputGops", "steadyStatePowerMw", "macros", "areaMm2")) {
                assertEquals(design.get(key), row.get(key), cell + " " + key);
            }
            assertEquals(report.at("/peak/powerMw").doubleValue() / row.get("powerMw").doubleValue(),
                    row.get("peakShareOfBudget").doubleValue(), 1e-12, cell);
            assertEquals(report.at("/exploration/fitnessEvaluations"), row.get("fitnessEvaluations"), cell);
            assertTrue(md.contains("| " + power + " | " + objective + " | RatioRram "), md);
            assertTrue(md.contains(" | " + cell + " |\n"), md);
        }
        assertTrue(run.out().endsWith("Wrote " + sweep.resolve("sweep.json") + ", " + sweep.resolve("sweep.md")
                + "\n"), run.out());
        assertTrue(run.out().contains("== 8 W, objective throughput, in " + sweep.resolve("8W-throughput")
                + " =="), run.out());
    }

    @Test
    void theSameSweepOnOneThreadAndTwoWritesTheSameTableButForTheWallTimes() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        for (Object[] r : new Object[][] {{one, "1"}, {two, "2"}}) {
            CliRun run = run(smallCase("--out", r[0].toString(), "--threads", (String) r[1], "--power",
                    "5,8", "--objective", "edp", "--seed", "5"));
            assertEquals(0, run.exitCode(), run.err());
        }
        JsonNode a = JSON.readTree(one.resolve("sweep.json").toFile());
        JsonNode b = JSON.readTree(two.resolve("sweep.json").toFile());
        assertEquals(a.get("rows"), b.get("rows"));
        assertEquals(a.get("inputs"), b.get("inputs"));
        String untimed = "\\| [0-9.]+ \\| ([58]W-edp) \\|";
        assertEquals(Files.readString(one.resolve("sweep.md")).replaceAll(untimed, "| $1 |"),
                Files.readString(two.resolve("sweep.md")).replaceAll(untimed, "| $1 |"));
    }

    @Test
    void aBudgetWithoutADesignIsARowThatSaysWhyAndTheOthersStillRun() throws IOException {
        Path sweep = dir.resolve("sweep");
        CliRun run = run(smallCase("--out", sweep.toString(), "--power", "0.0001,5"));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("pimsyn synthesize: 0.0001 W, efficiency: no design fits under 0.0001 W"),
                run.err());
        JsonNode rows = JSON.readTree(sweep.resolve("sweep.json").toFile()).get("rows");
        assertFalse(rows.get(0).get("found").booleanValue());
        assertTrue(rows.get(0).get("noDesignReason").textValue().startsWith("no design fits under 0.0001 W"));
        assertTrue(rows.get(1).get("found").booleanValue());
        String md = Files.readString(sweep.resolve("sweep.md"));
        assertTrue(md.contains("| 0.0001 | efficiency | no design: no design fits under 0.0001 W (sweep.json has "
                + "the rest) |"), "the table gives the reason's first clause: " + md);
        assertFalse(Files.exists(sweep.resolve("0.0001W-efficiency")));
        assertTrue(rows.get(0).get("directory").isNull(), "no directory to point at");
        assertTrue(md.contains(" | | | | | | | | | | | - |\n"), md);
    }

    @Test
    void aSweepWithoutAnyDesignExitsWith3InOneLineAfterWritingTheTable() throws IOException {
        Path sweep = dir.resolve("sweep");
        CliRun run = run(smallCase("--out", sweep.toString(), "--power", "0.0001,0.0002"));
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().strip().endsWith("pimsyn synthesize: no budget or objective of the sweep has a design; "
                + sweep.resolve("sweep.md") + " says why for each"), run.err());
        assertEquals(2, JSON.readTree(sweep.resolve("sweep.json").toFile()).get("rows").size());
    }

    @Test
    void aBudgetOrObjectiveGivenTwiceIsAOneLineError() throws IOException {
        CliRun power = run(smallCase("--out", dir.resolve("x").toString(), "--power", "5,5.0"));
        assertOneLineError(power, 2);
        assertEquals("pimsyn synthesize: --power: a budget is given twice in 5,5", power.err().strip());
        CliRun objective = run(smallCase("--out", dir.resolve("x").toString(), "--objective",
                "edp,EDP"));
        assertOneLineError(objective, 2);
        assertEquals("pimsyn synthesize: --objective: edp is given twice", objective.err().strip());
        CliRun bad = run(smallCase("--out", dir.resolve("x").toString(), "--power", "5,-1"));
        assertOneLineError(bad, 2);
        CliRun none = run(smallCase("--out", dir.resolve("x").toString(), "--power=,"));
        assertOneLineError(none, 2);
        assertEquals("pimsyn synthesize: --power: give a budget in watts, or a list such as 10,25,49,100",
                none.err().strip());
        CliRun noObjective = run(smallCase("--out", dir.resolve("x").toString(), "--objective=,"));
        assertOneLineError(noObjective, 2);
        assertTrue(noObjective.err().startsWith("pimsyn synthesize: --objective: give one of efficiency, "),
                noObjective.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }
}
