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
import org.pimsyn.synth.design.PeakPower;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.original.OriginalConfig;
import org.pimsyn.synth.original.OriginalDesign;
import org.pimsyn.synth.original.OriginalDesignConverter;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.io.OutputDirectory;
import org.pimsyn.synth.output.ChipFiguresJson;
import org.pimsyn.synth.output.DesignJson;
import org.pimsyn.synth.output.FitnessRunJson;
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
    /** Where {@code --original} writes the converted design, which {@code --design} simulates again. */
    public static final String CONVERTED_FILE = "original-design.json";
    /** The power budget of a converted design by default: that of PIMSYN-NN's shipped designs. */
    static final double DEFAULT_ORIGINAL_POWER_W = 49;

    @Option(names = "--design", paramLabel = "FILE",
            description = "The design.json of a synthesis run (or --original).")
    Path design;

    @Option(names = "--original", paramLabel = "FILE",
            description = "Instead of --design: a design written by the original PIMSYN tool (its --output file, "
                    + "such as PIMSYN-NN's output/alexnet.json), with its network given by --network (or --onnx, "
                    + "--model); converted under the assumptions of the README (\"Simulating the original tool's "
                    + "designs\").")
    Path original;

    @Mixin
    NetworkSourceOptions networkSource;

    @Option(names = "--original-config", paramLabel = "FILE",
            description = "With --original: the original tool's config.json, whose figures for the design's "
                    + "components are compared with the library's (--config); differences are listed.")
    Path originalConfig;

    @Option(names = "--original-counts", paramLabel = "READING",
            description = "With --original: read the ADC, SHIFTADD, ADDITION, ... counts per-layer (the layer's "
                    + "units in all, spread over its macros; default) or per-macro (in each of its macros).")
    String originalCounts;

    @Option(names = "--power", paramLabel = "W",
            description = "With --original: the power budget in watts the design is checked against (default: "
                    + "49, the budget of PIMSYN-NN's shipped designs).")
    Double power;

    @Mixin
    HardwareConfigOption config;

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

    @Option(names = "--input-register-slots", paramLabel = "N",
            description = "Blocks of inputs a crossbar set's input registers hold; a block's LOAD waits until the "
                    + "block N before it has left its register (0: no limit; default: the design's fitness run's).")
    Integer inputRegisterSlots;

    @Option(names = "--output-register-slots", paramLabel = "N",
            description = "Blocks of results a crossbar set's output registers hold; a block's first MVM waits until "
                    + "the results of the block N before it have left (0: no limit; default: the design's fitness "
                    + "run's).")
    Integer outputRegisterSlots;

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

    /** Slots or registers per crossbar set as an option gives them: 0 (no limit) to {@link FitnessRunJson#MAX_SLOTS}. */
    private static void checkSlots(String option, Integer slots) {
        if (slots != null && (slots < 0 || slots > FitnessRunJson.MAX_SLOTS)) {
            throw new InputException(option + ": must be an integer in [0, " + FitnessRunJson.MAX_SLOTS
                    + "] (0: no limit), got " + slots);
        }
    }

    @Override
    public Integer call() {
        if (images != null && images < 1) {
            throw new InputException("--images: must be an integer >= 1, got " + images);
        }
        checkSlots("--sample-hold-slots", sampleHoldSlots);
        checkSlots("--input-register-slots", inputRegisterSlots);
        checkSlots("--output-register-slots", outputRegisterSlots);
        if (trace == null && (traceWindow != null || traceGzip || csvWindow != null)) {
            throw new InputException("--trace-window, --trace-gzip and --csv-window only apply with --trace");
        }
        Arbitration order = arbitration == null ? null : Arbitration.fromLabel(arbitration).orElseThrow(() ->
                new InputException("--arbitration: \"" + arbitration + "\" is not an arbitration order; allowed: "
                        + Arbitration.labels()));
        OriginalDesignConverter.Conversion conversion = null;
        Design d;
        Path designFile;
        if ((design == null) == (original == null)) {
            throw new InputException("give one of --design FILE (a design.json of pimsyn synthesize) and --original "
                    + "FILE (a design of the original PIMSYN tool, with --network FILE)");
        }
        if (design != null) {
            if (networkSource.given() || config.file().isPresent() || originalConfig != null
                    || originalCounts != null || power != null) {
                throw new InputException("--model, --onnx, --network, --input-shape, --config, --original-config, "
                        + "--original-counts and --power only apply with --original: a design.json holds its "
                        + "network, components and power budget");
            }
            d = DesignJson.read(design);
            designFile = design;
        } else {
            conversion = convertOriginal();
            d = conversion.design();
            designFile = original;
        }
        RunPlan plan = images != null ? d.fitnessRun().withImages(images) : d.fitnessRun();
        if (order != null) {
            plan = plan.withArbitration(order);
        }
        if (sampleHoldSlots != null) {
            plan = plan.withSampleHoldSlots(sampleHoldSlots);
        }
        if (inputRegisterSlots != null) {
            plan = plan.withInputRegisterSlots(inputRegisterSlots);
        }
        if (outputRegisterSlots != null) {
            plan = plan.withOutputRegisterSlots(outputRegisterSlots);
        }
        Path dir = out != null ? out : original != null
                ? Path.of("out", d.spec().network().name() + "-original")
                : (design.getParent() != null ? design.getParent() : Path.of(""));
        OutputDirectory.check(dir, "--out");
        TraceOptions traceOptions = trace == null ? null : traceOptions(dir);
        IrProgram program = DataflowSkeleton.of(d.spec()).compile(d.placement()).program();
        Simulator simulator = new Simulator();
        SimulationReport report;
        List<Path> traces = List.of();
        try {
            // The recorded performance is checked before anything is written; a plain run as the fitness run is
            // one of the search's many evaluations, cheap beside traces or a longer run.
            // A converted design's performance is the simulation it was just given, nothing to check.
            boolean checkedRun = traceOptions == null && plan.equals(d.fitnessRun());
            if (!checkedRun && conversion == null) {
                DesignJson.requireSimulatedPerformance(design.toString(), d, simulator.fitness(d.accelerator(),
                        d.library(), program, d.fitnessRun()));
            }
            if (traceOptions == null) {
                report = simulator.report(d.accelerator(), d.library(), program, plan, SimulationObserver.NONE);
                if (checkedRun && conversion == null) {
                    DesignJson.requireSimulatedPerformance(design.toString(), d, report.performance());
                }
            } else {
                try (TraceSet set = TraceSet.open(traceOptions)) {
                    report = simulator.report(d.accelerator(), d.library(), program, plan, set.observer());
                    traces = set.outputs();
                }
            }
        } catch (InvalidSimulationInputException e) {
            throw new InputException(designFile + ": " + e.getMessage(), e);
        }
        Path reportFile = dir.resolve(REPORT_FILE);
        String html = ReportHtml.simulation(d, program, report);
        AtomicFiles.writeString(reportFile, RunReports.simulation(designFile, d, plan, report, traces, conversion));
        Path convertedFile = null;
        if (conversion != null) {
            convertedFile = dir.resolve(CONVERTED_FILE);
            DesignJson.write(d, convertedFile);
        }
        Path htmlFile = ReportHtml.write(dir, html);
        if (traceOptions != null && traceOptions.window().startCycle() >= report.run().cycles()) {
            // The window is only known to miss once the run's length is; the traces are written, and empty.
            PrintWriter err = spec.commandLine().getErr();
            err.println("pimsyn simulate: warning: --trace-window " + traceWindow + " starts at or after the "
                    + "run's end at cycle " + report.run().cycles() + "; the traces hold no activity");
            err.flush();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Design " + designFile + ": network " + d.spec().network().name() + ", "
                + DesignText.point(d.point()));
        if (conversion != null) {
            stdout.print(originalText(conversion));
        }
        stdout.println();
        stdout.print(DesignText.layers(LayerTable.of(d)));
        stdout.println();
        stdout.print(ReportText.summary(report));
        stdout.print(ChipFiguresText.summary(ChipFiguresJson.of(d, report.performance().throughputGops())));
        stdout.println();
        stdout.println("Wrote " + reportFile + ", " + htmlFile + (convertedFile == null ? "" : ", " + convertedFile)
                + (traces.isEmpty() ? ""
                : ", " + traces.stream().map(Path::toString).collect(Collectors.joining(", "))));
        stdout.flush();
        return Main.EXIT_OK;
    }

    /** The original design converted and simulated under the options' network, library, budget and reading. */
    private OriginalDesignConverter.Conversion convertOriginal() {
        if (!networkSource.given()) {
            throw new InputException("--original needs the design's network: --network FILE (the PIMSYN network "
                    + "JSON it was synthesized for, such as PIMSYN-NN's models/alexnet.json), --onnx or --model");
        }
        OriginalDesignConverter.CountReading reading = OriginalDesignConverter.CountReading.PER_LAYER;
        if (originalCounts != null) {
            reading = OriginalDesignConverter.CountReading.of(originalCounts);
            if (reading == null) {
                throw new InputException("--original-counts: \"" + originalCounts + "\" is not a reading; allowed: "
                        + "per-layer, per-macro");
            }
        }
        double watts = power == null ? DEFAULT_ORIGINAL_POWER_W : power;
        if (!(watts > 0 && watts <= 1_000_000)) {
            throw new InputException("--power: must be > 0 and at most 1,000,000 W, got " + power);
        }
        HardwareLibrary library = config.load();
        OriginalDesign file = OriginalDesign.read(original);
        Network network = networkSource.load();
        configNotes = originalConfig == null ? List.of() : OriginalConfig.read(originalConfig).differences(library,
                file);
        return OriginalDesignConverter.convert(file, network, networkSource.origin(), library, watts * 1000,
                reading);
    }

    private List<String> configNotes = List.of();

    /** What the console says of a converted design: the original's figure, the reading, peak power, the notes. */
    private String originalText(OriginalDesignConverter.Conversion c) {
        StringBuilder sb = new StringBuilder();
        PeakPower p = c.peak();
        double budgetMw = c.design().accelerator().powerBudgetMw();
        sb.append(String.format(Locale.ROOT, "Converted from the original PIMSYN tool's design (its own estimate: "
                + "%.1f GOPS/W); component counts read %s%n", c.original().statedGopsPerWatt(), c.reading().label()));
        sb.append(String.format(Locale.ROOT, "Peak power %.3f W of the %.3f W budget: crossbars %.3f, DACs %.3f, "
                + "ADCs and ALUs %.3f, scratchpads %.3f, NoC %.3f%s W%n", p.totalMw() / 1000, budgetMw / 1000,
                p.crossbarsMw() / 1000, p.dacsMw() / 1000, p.peripheralsMw() / 1000, p.scratchpadsMw() / 1000,
                p.nocMw() / 1000, p.otherMw() > 0 ? String.format(Locale.ROOT, ", other %.3f", p.otherMw() / 1000)
                        : ""));
        for (String note : c.notes()) {
            sb.append("  note: ").append(note).append(System.lineSeparator());
        }
        if (originalConfig != null) {
            if (configNotes.isEmpty()) {
                sb.append("  the library's figures of the design's components agree with ").append(originalConfig)
                        .append(" (in mW, ns and pJ, with the library's stated corrections)")
                        .append(System.lineSeparator());
            }
            for (String note : configNotes) {
                sb.append("  library vs ").append(originalConfig).append(": ").append(note)
                        .append(System.lineSeparator());
            }
        }
        return sb.toString();
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
