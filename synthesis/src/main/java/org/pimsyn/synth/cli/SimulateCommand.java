package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.engine.Arbitration;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.chip.ChipFiguresText;
import org.pimsyn.sim.report.ReportText;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.sim.trace.CycleWindow;
import org.pimsyn.sim.trace.TraceFormat;
import org.pimsyn.sim.trace.TraceOptions;
import org.pimsyn.sim.trace.TraceSet;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.io.OutputDirectory;
import org.pimsyn.synth.output.ChipFiguresJson;
import org.pimsyn.synth.output.DesignJson;
import org.pimsyn.synth.output.LayerTable;
import org.pimsyn.synth.output.ReportHtml;
import org.pimsyn.synth.output.RunReports;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pimsyn simulate}: simulates a synthesized design again, with the full report and optional traces. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Simulates a design written by 'pimsyn synthesize' (design.json): recompiles its dataflow onto its "
                    + "macro placement, runs the cycle-accurate simulator and prints the per-layer timing, the "
                    + "energy by component and the utilization of every resource.",
            "Writes " + SimulateCommand.REPORT_FILE + ", " + ReportHtml.FILE + " (the same as charts, one file "
                    + "that opens offline) and the traces asked for into --out, beside and never over the synthesis "
                    + "run's report.json. By default it streams images as the synthesis run's fitness did (until the "
                    + "interval between images converges), and its figures are those of the synthesis run's "
                    + "report.json.",
            "Exit codes: 0 done, 1 internal error (re-run with --verbose for details), 2 bad input (including a "
                    + "design file that does not read or check)."
        })
public final class SimulateCommand implements Callable<Integer> {
    /**
     * The report's file: by default it goes to the design's directory, where the synthesis run's report.json keeps
     * the top designs and exploration statistics that a simulation cannot restore.
     */
    public static final String REPORT_FILE = "simulation-report.json";

    @Option(names = "--design", paramLabel = "FILE", required = true,
            description = "The design.json of a synthesis run.")
    Path design;

    @Option(names = "--images", paramLabel = "N",
            description = "Stream exactly N images through the pipeline (default: as the design's fitness run, "
                    + "until the interval converges).")
    Integer images;

    @Option(names = "--arbitration", paramLabel = "ORDER",
            description = "Which waiting IR a free resource serves first: oldestImageFirst or earliestReady "
                    + "(default: the design's fitness run's).")
    String arbitration;

    @Option(names = "--sample-hold-slots", paramLabel = "N",
            description = "MVM results a crossbar set's sample-and-hold keeps until its ADCs convert them; an MVM "
                    + "waits while all are full (0: no limit; default: the design's fitness run's).")
    Integer sampleHoldSlots;

    @Option(names = "--trace", paramLabel = "FORMATS",
            description = "Write traces: a comma-separated list of json (Chrome trace-event JSON, for "
                    + "ui.perfetto.dev; also spelled chrome), vcd (value change dump, for GTKWave), csv "
                    + "(utilization per window of cycles), or all.")
    String trace;

    @Option(names = "--trace-window", paramLabel = "START:END",
            description = "Trace only cycles START to END (either may be left out, e.g. 1000: or :5000).")
    String traceWindow;

    @Option(names = "--trace-gzip", description = "Gzip the trace files (adds .gz).")
    boolean traceGzip;

    @Option(names = "--csv-window", paramLabel = "CYCLES",
            description = "Cycles per row of the utilization CSV (default: "
                    + TraceOptions.DEFAULT_CSV_WINDOW_CYCLES + ").")
    Long csvWindow;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory of " + REPORT_FILE + " and the traces (default: the design file's "
                    + "directory).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (images != null && images < 1) {
            throw new InputException("--images: must be an integer >= 1, got " + images);
        }
        if (sampleHoldSlots != null && sampleHoldSlots < 0) {
            throw new InputException("--sample-hold-slots: must be an integer >= 0 (0: no limit), got "
                    + sampleHoldSlots);
        }
        if (trace == null && (traceWindow != null || traceGzip || csvWindow != null)) {
            throw new InputException("--trace-window, --trace-gzip and --csv-window only apply with --trace");
        }
        Arbitration order = arbitration == null ? null : Arbitration.fromLabel(arbitration).orElseThrow(() ->
                new InputException("--arbitration: \"" + arbitration + "\" is not an arbitration order; allowed: "
                        + Arbitration.labels()));
        Design d = DesignJson.read(design);
        RunPlan plan = images != null ? d.fitnessRun().withImages(images) : d.fitnessRun();
        if (order != null) {
            plan = plan.withArbitration(order);
        }
        if (sampleHoldSlots != null) {
            plan = plan.withSampleHoldSlots(sampleHoldSlots);
        }
        Path dir = out != null ? out : (design.getParent() != null ? design.getParent() : Path.of(""));
        OutputDirectory.check(dir, "--out");
        TraceOptions traceOptions = trace == null ? null : traceOptions(dir);
        IrProgram program = DataflowSkeleton.of(d.spec()).compile(d.placement()).program();
        Simulator simulator = new Simulator();
        SimulationReport report;
        List<Path> traces = List.of();
        try {
            // The recorded performance is checked before anything is written; a plain run as the fitness run is
            // one of the search's many evaluations, cheap beside traces or a longer run.
            boolean checkedRun = traceOptions == null && plan.equals(d.fitnessRun());
            if (!checkedRun) {
                DesignJson.requireSimulatedPerformance(design.toString(), d, simulator.fitness(d.accelerator(),
                        d.library(), program, d.fitnessRun()));
            }
            if (traceOptions == null) {
                report = simulator.report(d.accelerator(), d.library(), program, plan, SimulationObserver.NONE);
                if (checkedRun) {
                    DesignJson.requireSimulatedPerformance(design.toString(), d, report.performance());
                }
            } else {
                try (TraceSet set = TraceSet.open(traceOptions)) {
                    report = simulator.report(d.accelerator(), d.library(), program, plan, set.observer());
                    traces = set.outputs();
                }
            }
        } catch (InvalidSimulationInputException e) {
            throw new InputException(design + ": " + e.getMessage(), e);
        }
        Path reportFile = dir.resolve(REPORT_FILE);
        String html = ReportHtml.simulation(d, program, report);
        AtomicFiles.writeString(reportFile, RunReports.simulation(design, d, plan, report, traces));
        Path htmlFile = ReportHtml.write(dir, html);
        if (traceOptions != null && traceOptions.window().startCycle() >= report.run().cycles()) {
            // The window is only known to miss once the run's length is; the traces are written, and empty.
            PrintWriter err = spec.commandLine().getErr();
            err.println("pimsyn simulate: warning: --trace-window " + traceWindow + " starts at or after the "
                    + "run's end at cycle " + report.run().cycles() + "; the traces hold no activity");
            err.flush();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Design " + design + ": network " + d.spec().network().name() + ", "
                + DesignText.point(d.point()));
        stdout.println();
        stdout.print(DesignText.layers(LayerTable.of(d)));
        stdout.println();
        stdout.print(ReportText.summary(report));
        stdout.print(ChipFiguresText.summary(ChipFiguresJson.of(d, report.performance().throughputGops())));
        stdout.println();
        stdout.println("Wrote " + reportFile + ", " + htmlFile + (traces.isEmpty() ? ""
                : ", " + traces.stream().map(Path::toString).collect(Collectors.joining(", "))));
        stdout.flush();
        return Main.EXIT_OK;
    }

    private TraceOptions traceOptions(Path dir) {
        TraceOptions options = TraceOptions.defaults(dir).withFormats(formats(trace)).withGzip(traceGzip);
        if (traceWindow != null) {
            options = options.withWindow(CycleWindow.parse(traceWindow));
        }
        if (csvWindow != null) {
            if (csvWindow < 1) {
                throw new InputException("--csv-window: must be an integer >= 1, got " + csvWindow);
            }
            options = options.withCsvWindowCycles(csvWindow);
        }
        return options;
    }

    /** The --trace list; {@code json} names the Chrome trace-event format. */
    static Set<TraceFormat> formats(String text) {
        Set<TraceFormat> formats = EnumSet.noneOf(TraceFormat.class);
        for (String part : text.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "json", "chrome" -> formats.add(TraceFormat.CHROME);
                case "vcd" -> formats.add(TraceFormat.VCD);
                case "csv" -> formats.add(TraceFormat.CSV);
                case "all" -> formats.addAll(EnumSet.allOf(TraceFormat.class));
                default -> throw new InputException("--trace: unknown format '" + part.strip()
                        + "'; allowed: json (or chrome), vcd, csv, all, comma-separated");
            }
        }
        return formats;
    }
}
