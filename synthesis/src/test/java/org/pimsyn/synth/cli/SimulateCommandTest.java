package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.JSON;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.filesIn;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.run;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.smallCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.sim.trace.TraceFormat;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private Supplier<CandidateSearch> production;
    private Path synthesized;

    @BeforeEach
    void synthesizeTheSmallCase() throws IOException {
        production = SynthesizeCommand.candidateSearch;
        // The real search: a design's recorded performance is what simulating it gives, which simulate checks.
        SynthesizeCommand.candidateSearch = CandidateSearches::standard;
        synthesized = dir.resolve("synth");
        CliRun run = run(smallCase(dir, "--out", synthesized.toString(), "--threads", "2", "--power", "5"));
        assertEquals(0, run.exitCode(), run.err());
    }

    @AfterEach
    void restoreTheSearch() {
        SynthesizeCommand.candidateSearch = production;
    }

    private static void assertOneLineError(CliRun run) {
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("pimsyn simulate: "), run.err());
    }

    private Path design() {
        return synthesized.resolve("design.json");
    }

    /** The simulation section as written, so that the comparison is of the text, digit for digit. */
    private static String simulationSection(Path report) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(report.toFile()).get("simulation"));
    }

    @Test
    void reproducesTheSynthesisReportBitForBitInTheDesignsDirectoryBesideIt() throws IOException {
        String before = Files.readString(synthesized.resolve("report.json"));
        CliRun run = CliRun.of("simulate", "--design", design().toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertEquals(List.of("checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json", "report.html",
                "report.json", "simulation-report.json"), filesIn(synthesized));
        assertEquals(before, Files.readString(synthesized.resolve("report.json")), "the synthesis report stays");
        assertEquals(simulationSection(synthesized.resolve("report.json")),
                simulationSection(synthesized.resolve("simulation-report.json")));
        JsonNode report = JSON.readTree(synthesized.resolve("simulation-report.json").toFile());
        assertEquals("pimsyn-simulation-report", report.get("format").textValue());
        assertEquals(64, report.at("/runPlan/images").intValue(), "at most 64 images, until the interval converges");
        assertEquals(12, report.at("/runPlan/steadyState/windowImages").intValue());
        assertEquals(2, report.at("/runPlan/sampleHoldSlots").intValue());
        assertEquals(2, report.at("/runPlan/inputRegisterSlots").intValue());
        assertEquals(2, report.at("/runPlan/outputRegisterSlots").intValue());
        int ran = report.at("/simulation/run/images").intValue();
        assertTrue(ran >= 5 && ran <= 64, "images run: " + ran);
        assertEquals("CONVERGED", report.at("/simulation/performance/intervalBasis").textValue());
        assertEquals("small", report.get("network").textValue());
        String o = run.out();
        int period = report.at("/simulation/run/repeatedPeriodImages").intValue();
        assertTrue(o.contains(period > 0 ? " measured, converged: the schedule repeated itself every "
                + (period == 1 ? "image" : period + " images") + " (" + ran + " images streamed)\n"
                : " measured, converged: the mean gaps of the last two windows agreed"
                        + (report.at("/simulation/performance/intervalCycles").longValue()
                                == report.at("/simulation/performance/boundIntervalCycles").longValue()
                                ? ", at the bound" : "") + " (" + ran + " images streamed)\n"), o);
        assertTrue(o.startsWith("Design " + design() + ": network small, RatioRram "), o);
        assertTrue(o.contains("\nSimulated " + ran + " images: "), o);
        assertTrue(o.contains("\nResources (busiest first; wait cycles are summed over the IRs that waited, so they "
                + "may exceed the run's cycles)\n"), o);
        assertTrue(o.contains("\nLayers (first image)\n"), o);
        assertTrue(o.endsWith("Wrote " + synthesized.resolve("simulation-report.json") + ", "
                + synthesized.resolve("report.html") + "\n"), o);
    }

    @Test
    void moreImagesAndAnotherDirectory() throws IOException {
        Path out = dir.resolve("sim");
        String before = Files.readString(synthesized.resolve("report.json"));
        CliRun run = CliRun.of("simulate", "--design", design().toString(), "--images", "3", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("report.html", "simulation-report.json"), filesIn(out));
        assertEquals(before, Files.readString(synthesized.resolve("report.json")));
        JsonNode report = JSON.readTree(out.resolve("simulation-report.json").toFile());
        assertEquals(3, report.at("/runPlan/images").intValue());
        assertFalse(report.get("runPlan").has("steadyState"), "exactly 3 images");
        assertEquals(3, report.get("simulation").get("run").get("images").intValue());
        assertEquals(0, report.at("/simulation/run/repeatedPeriodImages").intValue(), "a fixed run stops at its end");
        assertTrue(run.out().contains("\nSimulated 3 images: "), run.out());
        assertEquals("oldestImageFirst", report.at("/runPlan/arbitration").textValue(), "the design's");
        assertEquals(2, report.at("/runPlan/sampleHoldSlots").intValue(), "the design's");

        Path other = dir.resolve("sim-rules");
        CliRun rules = CliRun.of("simulate", "--design", design().toString(), "--images", "3", "--arbitration",
                "earliestReady", "--sample-hold-slots", "0", "--input-register-slots", "1", "--output-register-slots",
                "0", "--out", other.toString());
        assertEquals(0, rules.exitCode(), rules.err());
        JsonNode plan = JSON.readTree(other.resolve("simulation-report.json").toFile()).get("runPlan");
        assertEquals("earliestReady", plan.get("arbitration").textValue());
        assertEquals(0, plan.get("sampleHoldSlots").intValue());
        assertEquals(1, plan.get("inputRegisterSlots").intValue());
        assertEquals(0, plan.get("outputRegisterSlots").intValue());
        assertTrue(rules.out().contains("\nStreamed: 3 images, earliestReady arbitration, unbounded sample-and-hold, 1 "
                + "input register per crossbar set, unbounded output registers\n"), rules.out());
        assertTrue(rules.out().contains("\nRegister waits: "), rules.out());
    }

    @Test
    void writesTheTracesAskedFor() throws IOException {
        Path out = dir.resolve("traces");
        CliRun run = CliRun.of("simulate", "--design", design().toString(), "--out", out.toString(), "--trace",
                "json,csv", "--trace-gzip", "--trace-window", "100:", "--csv-window", "50");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("report.html", "simulation-report.json", "trace.trace.json.gz",
                "trace.utilization.csv.gz"), filesIn(out));
        JsonNode traces = JSON.readTree(out.resolve("simulation-report.json").toFile()).get("traces");
        assertEquals(out.resolve("trace.trace.json.gz").toString(), traces.get(0).textValue());
        assertEquals(2, traces.size());

        Path all = dir.resolve("all");
        assertEquals(0, CliRun.of("simulate", "--design", design().toString(), "--out", all.toString(), "--trace",
                "all").exitCode());
        assertEquals(List.of("report.html", "simulation-report.json", "trace.trace.json", "trace.utilization.csv",
                "trace.vcd"), filesIn(all));
    }

    @Test
    void aTraceWindowPastTheEndOfTheRunIsReported() {
        CliRun run = CliRun.of("simulate", "--design", design().toString(), "--out", dir.resolve("late").toString(),
                "--trace", "csv", "--trace-window", "999999999999:");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().matches("pimsyn simulate: warning: --trace-window 999999999999: starts at or after the "
                + "run's end at cycle \\d+; the traces hold no activity\n"), run.err());
        assertEquals("", CliRun.of("simulate", "--design", design().toString(), "--out",
                dir.resolve("early").toString(), "--trace", "csv", "--trace-window", "0:10").err());
    }

    @Test
    void traceListsAcceptJsonAndChromeForTheTraceEventFormat() {
        assertEquals(java.util.Set.of(TraceFormat.CHROME, TraceFormat.VCD), SimulateCommand.formats("json, VCD"));
        assertEquals(java.util.Set.of(TraceFormat.CHROME), SimulateCommand.formats("chrome"));
        assertEquals(java.util.EnumSet.allOf(TraceFormat.class), SimulateCommand.formats("csv,all"));
    }

    @Test
    void badInputIsAOneLineErrorWithExitCode2AndNoFile() throws IOException {
        Path out = dir.resolve("bad");
        String d = design().toString();
        String o = out.toString();
        String[][] cases = {
            {"simulate"},
            {"simulate", "--design", dir.resolve("none.json").toString(), "--out", o},
            {"simulate", "--design", d, "--images", "0", "--out", o},
            {"simulate", "--design", d, "--trace", "svg", "--out", o},
            {"simulate", "--design", d, "--trace-window", "5:10", "--out", o},
            {"simulate", "--design", d, "--trace", "vcd", "--trace-window", "10:5", "--out", o},
            {"simulate", "--design", d, "--trace", "csv", "--csv-window", "0", "--out", o},
            {"simulate", "--design", d, "--arbitration", "fifo", "--out", o},
            {"simulate", "--design", d, "--sample-hold-slots", "-1", "--out", o},
            {"simulate", "--design", d, "--input-register-slots", "-1", "--out", o},
            {"simulate", "--design", d, "--output-register-slots", "1048577", "--out", o},
        };
        for (String[] c : cases) {
            assertOneLineError(CliRun.of(c));
        }
        assertEquals("pimsyn simulate: " + dir.resolve("none.json") + ": no such file; expected a design file",
                CliRun.of(cases[1]).err().strip());
        assertEquals("pimsyn simulate: --trace: unknown format 'svg'; allowed: json (or chrome), vcd, csv, all, "
                + "comma-separated", CliRun.of(cases[3]).err().strip());
        assertEquals("pimsyn simulate: --arbitration: \"fifo\" is not an arbitration order; allowed: "
                + "oldestImageFirst, earliestReady", CliRun.of(cases[7]).err().strip());
        assertEquals("pimsyn simulate: --sample-hold-slots: must be an integer in [0, 1048576] (0: no limit), got -1",
                CliRun.of(cases[8]).err().strip());
        assertEquals("pimsyn simulate: --input-register-slots: must be an integer in [0, 1048576] (0: no limit), got "
                + "-1", CliRun.of(cases[9]).err().strip());
        assertEquals("pimsyn simulate: --output-register-slots: must be an integer in [0, 1048576] (0: no limit), "
                + "got 1048577", CliRun.of(cases[10]).err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCorruptDesignFileIsAOneLineErrorNamingIt() throws IOException {
        Path corrupt = dir.resolve("corrupt.json");
        String text = Files.readString(design());
        Files.writeString(corrupt, text.substring(0, text.length() / 3));
        CliRun run = CliRun.of("simulate", "--design", corrupt.toString());
        assertOneLineError(run);
        assertTrue(run.err().startsWith("pimsyn simulate: " + corrupt + ": line "), run.err());

        ObjectNode root = (ObjectNode) JSON.readTree(text);
        ((ObjectNode) root.get("accelerator").get("macros").get(0).get("dacs")).put("resolutionBits", 0);
        Files.writeString(corrupt, JSON.writeValueAsString(root));
        run = CliRun.of("simulate", "--design", corrupt.toString());
        assertOneLineError(run);
        assertEquals("pimsyn simulate: " + corrupt + ": $.accelerator: accelerator.macros[0].dacs.resolutionBits must "
                + "be >= 1, got 0", run.err().strip());
        assertEquals(List.of("corrupt.json", "small-library.json", "small.json", "synth"), filesIn(dir));
    }

    @Test
    void aChangedPerformanceIsRefusedNamingTheFieldBeforeAnyFileIsWritten() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(design().toFile());
        double throughput = root.at("/performance/throughputGops").doubleValue();
        ((ObjectNode) root.get("performance")).put("throughputGops", 2 * throughput);
        Path changed = dir.resolve("changed.json");
        Files.writeString(changed, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Path out = dir.resolve("o");
        String[][] more = {{}, {"--images", "3"}, {"--trace", "all"}};
        for (String[] m : more) {
            List<String> args = new java.util.ArrayList<>(List.of("simulate", "--design", changed.toString(), "--out",
                    out.toString()));
            args.addAll(List.of(m));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertOneLineError(run);
            assertEquals("pimsyn simulate: " + changed + ": $.performance.throughputGops: found " + 2 * throughput
                    + ", simulating the design's fitness run (" + RunPlan.untilSteady().describe() + ") gives "
                    + throughput + "; the file was changed after it was written", run.err().strip(),
                    List.of(m).toString());
            assertFalse(Files.exists(out), "nothing written");
        }
        CliRun untouched = CliRun.of("simulate", "--design", design().toString(), "--out", out.toString(),
                "--trace", "csv");
        assertEquals(0, untouched.exitCode(), untouched.err());
    }

    @Test
    void anAcceleratorTheProgramDoesNotFitIsBadInputNamingTheFile() throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(design().toFile());
        ArrayNode entries = (ArrayNode) root.get("componentLibrary").get("entries");
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).get("componentClass").textValue().equals("adc")) {
                entries.remove(i);
            }
        }
        ArrayNode areas = (ArrayNode) root.get("componentLibrary").get("areas");
        for (int i = areas == null ? -1 : areas.size() - 1; i >= 0; i--) {
            if (areas.get(i).get("componentClass").textValue().equals("adc")) {
                areas.remove(i);
            }
        }
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, JSON.writeValueAsString(root));
        CliRun run = CliRun.of("simulate", "--design", broken.toString(), "--out", dir.resolve("o").toString());
        assertOneLineError(run);
        assertTrue(run.err().startsWith("pimsyn simulate: " + broken + ": "), run.err());
        assertTrue(run.err().contains("has no adc " + root.at("/designPoint/adcBits").asInt() + "bit"), run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void aDesignFileOfFormatVersion1SimulatesTheSameHardwareUnderTodaysModel() throws IOException {
        Path v1 = dir.resolve("v1.json");
        try (var in = SimulateCommandTest.class.getResourceAsStream("/org/pimsyn/synth/output/v1/design.json")) {
            Files.copy(in, v1);
        }
        CliRun run = CliRun.of("simulate", "--design", v1.toString(), "--out", dir.resolve("v1").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode expected;
        try (var in = SimulateCommandTest.class.getResourceAsStream("/org/pimsyn/synth/output/v1/simulation.json")) {
            expected = JSON.readTree(renamed(JSON.writeValueAsString(JSON.readTree(in).get("simulation"))));
        }
        JsonNode now = JSON.readTree(dir.resolve("v1").resolve("simulation-report.json").toFile()).get("simulation");
        // The same hardware: every resource, its kind and units, and the busy cycles per image of each.
        assertEquals(expected.get("resources").size(), now.get("resources").size());
        int imagesThen = expected.at("/run/images").intValue();
        int imagesNow = now.at("/run/images").intValue();
        for (int r = 0; r < expected.get("resources").size(); r++) {
            JsonNode a = expected.get("resources").get(r);
            JsonNode b = now.get("resources").get(r);
            assertEquals(a.get("name"), b.get("name"));
            assertEquals(a.get("capacity"), b.get("capacity"));
            assertEquals(a.get("busyCycles").longValue() / imagesThen, b.get("busyCycles").longValue() / imagesNow,
                    a.get("name").textValue());
        }
        // Its figures are today's: the fitness run streams until the interval converges.
        assertEquals("CONVERGED", now.at("/performance/intervalBasis").textValue());
    }

    /**
     * A report of version 1's time under today's names: the shift-add class and resources, crossbar and scratchpad
     * resources. Only quoted names change; every figure stays as it was recorded.
     */
    private static String renamed(String report) {
        return report.replace("alu.shift_add\"", "alu.shiftAdd\"")
                .replaceAll("\"m(\\d+)\\.xbar\\.L", "\"m$1.crossbar.L")
                .replaceAll("\"m(\\d+)\\.spm\"", "\"m$1.scratchpad\"");
    }
}
