package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.NoFeasibleDesignException;
import org.pimsyn.sim.chip.ChipFiguresText;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignArea;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;
import org.pimsyn.synth.explore.DesignPointExecutorProvider;
import org.pimsyn.synth.explore.DesignSpaceExplorer;
import org.pimsyn.synth.explore.ExplorationCheckpoint;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.ExplorationResult;
import org.pimsyn.synth.explore.ExplorationSettings;
import org.pimsyn.synth.explore.ExplorationStatistics;
import org.pimsyn.synth.explore.RankedDesign;
import org.pimsyn.synth.explore.TimeBudgetSpentException;
import org.pimsyn.synth.hardware.EvolutionParameters;
import org.pimsyn.synth.design.LimitCheck;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.io.OutputDirectory;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.objective.Direction;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.output.CheckpointFile;
import org.pimsyn.synth.output.ExplorationJournal;
import org.pimsyn.synth.output.LayerTable;
import org.pimsyn.synth.output.ReportHtml;
import org.pimsyn.synth.output.BudgetSweep;
import org.pimsyn.synth.output.ChipFiguresJson;
import org.pimsyn.synth.output.RunFingerprint;
import org.pimsyn.synth.output.RunReports;
import org.pimsyn.synth.output.SynthesisOutputs;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pimsyn synthesize}: explores the design space of a network under a power budget and writes the best design. */
@Command(name = "synthesize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Synthesizes a PIM accelerator for a network under a total power budget: explores RatioRram, ResRram, "
                    + "XbSize, the weight-duplication candidates and ResDAC (Algorithm 1 of the PIMSYN paper), "
                    + "searches macro partitioning and component allocation at every design point, and keeps the "
                    + "design with the best power efficiency (GOPS/W) under the simulator.",
            "Writes design.json (the design, which 'pimsyn simulate' reads), pimcomp.json (the PIMCOMP compiler's "
                    + "architecture parameters), report.json (simulation report, top designs, exploration "
                    + "statistics), report.html (the same as charts, one file that opens offline) and "
                    + "exploration.jsonl (one line per searched design point) into --out, and "
                    + "checkpoint.jsonl as design points finish, from which --resume continues a stopped run.",
            "Exit codes: 0 done, 1 internal error (re-run with --verbose for details), 2 bad input, 3 no design "
                    + "fits under the power budget (or the time budget ran out before a design was found)."
        })
public final class SynthesizeCommand implements Callable<Integer> {
    /**
     * Where the command gets stages 3 and 4 from. The production build points it at the standard candidate
     * search; tests put their own.
     */
    static Supplier<CandidateSearch> candidateSearch = CandidateSearches::standard;
    /** The clock of --budget-minutes and of the exploration log; tests put a fake one. */
    static LongSupplier nanoClock = System::nanoTime;
    private static final String NAME = "pimsyn synthesize";
    private static final String LOCAL_EXECUTOR = "local";
    /**
     * The largest power budget, 1 MW: thousands of times any accelerator chip, and far from where the budget in mW
     * and the unit counts it buys stop being exact.
     */
    static final double MAX_POWER_W = 1e6;
    /** The largest area limit: 1,000,000 mm2, 14 times a 300 mm wafer (70,686 mm2). */
    static final double MAX_AREA_MM2 = 1e6;
    /**
     * The most worker threads. A batch searches at most 16 design points at once and stage 1 one crossbar point per
     * thread, so threads beyond a few hundred only take memory; the result never depends on the count.
     */
    static final int MAX_THREADS = 256;
    private static final String SPARK_EXECUTOR = "spark";
    /** The jar that carries the Spark executor; pimsyn.jar has none. */
    private static final String SPARK_JAR = "pimsyn-spark.jar";

    @Mixin
    NetworkSourceOptions source;

    @Option(names = "--power", paramLabel = "W", defaultValue = "49", split = ",",
            description = "Total power budget in watts (default: ${DEFAULT-VALUE}). A list such as 10,25,49,100 "
                    + "sweeps the budgets: each is synthesized into its own directory of --out, and sweep.md and "
                    + "sweep.json there list the best design of each budget and objective.")
    List<Double> powersW;

    @Option(names = "--objective", paramLabel = "NAME", defaultValue = "efficiency", split = ",",
            description = "What the search maximises or minimises: efficiency (GOPS/W, the paper's), throughput "
                    + "(effective GOPS within the power budget), edp (energy per image x the first image's latency, "
                    + "pJ x ns, lower is better) or area-efficiency (GOPS/mm2; needs every component's area). "
                    + "A list such as efficiency,throughput sweeps the objectives as --power does the budgets. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> objectiveNames;

    @Option(names = "--physical-limits", paramLabel = "MODE",
            description = "What the library's physical limits do: enforce (default: the stages keep every design "
                    + "within them) or check (the search runs as without them, and every limit the chosen design "
                    + "breaks is listed; faster, as the limits take designs away that the pruning bounds still "
                    + "count as possible).")
    String physicalLimits;

    @Option(names = "--area", paramLabel = "MM2",
            description = "Chip area limit in mm2 (default: none). A design over it scores 0, as one over the power "
                    + "budget does; needs the area of every component of the library.")
    Double areaMm2;

    @Option(names = "--duplication", paramLabel = "MODE", defaultValue = "sa",
            description = "Stage 1's weight-duplication candidates: 'sa' (the annealing filter: the best by Eq. 4, "
                    + "the W_O x H_O-proportional duplication always among them) or 'proportional' (that heuristic "
                    + "alone, one candidate per crossbar point). Default: ${DEFAULT-VALUE}.")
    String duplication;

    @Option(names = "--allocation", paramLabel = "MODE",
            description = "Stage 4's ADC and ALU units: 'floor' (units up to the slowest layer's crossbar time; "
                    + "more only leak) or 'balanced' (the whole power left, in proportion to each unit's work, the "
                    + "paper's Eq. 6). Default: 'balanced' for --objective throughput (a faster design within the "
                    + "budget), 'floor' for the others.")
    String allocation;

    @Option(names = "--macros", paramLabel = "MODE", defaultValue = "specified",
            description = "Macro sizing: 'specified' (sized per layer) or 'unified' (one size for all layers). "
                    + "Default: ${DEFAULT-VALUE}.")
    String macros;

    @Option(names = "--macro-sharing", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Let two layers share macros and their peripherals (default: on; --no-macro-sharing "
                    + "turns it off).")
    boolean macroSharing;

    @Mixin
    HardwareConfigOption config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory of the output files (default: out/<network name>).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of every random search; the same inputs and seed give the same files "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: one per core). The result does not depend on it.")
    Integer threads;

    @Option(names = "--top-designs", paramLabel = "N", defaultValue = "1",
            description = "Designs kept and listed in report.json, best first (default: ${DEFAULT-VALUE}, the best "
                    + "alone, as Algorithm 1 returns). Design points whose proven bound cannot reach the N-th best "
                    + "are not searched, so a larger N runs longer; the best design does not depend on it.")
    int topDesigns;

    @Option(names = "--pareto", paramLabel = "N",
            description = "Also write the Pareto front's first N designs (over throughput, GOPS/W and area; best by "
                    + "the objective first) as pareto/design-1.json ... in --out, each a design file for 'pimsyn "
                    + "simulate --design' (default: none). report.json lists the whole front either way.")
    Integer pareto;

    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "Where the design points are searched: 'local' (the worker threads of this machine) or "
                    + "'spark' (tasks on the Spark cluster of spark-submit: spark-submit --class "
                    + "org.pimsyn.synth.cli.Main " + SPARK_JAR + " synthesize --executor spark ...). The result does "
                    + "not depend on it. Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--generations", paramLabel = "N",
            description = "Generations of the macro-partitioning search (default: the library's search settings).")
    Integer generations;

    @Option(names = "--genes", paramLabel = "N",
            description = "Population of the macro-partitioning search, >= 2 (default: the library's search "
                    + "settings).")
    Integer genes;

    @Option(names = "--budget-minutes", paramLabel = "M",
            description = "Time budget of the exploration in minutes, fractions allowed (default: none). Once it is "
                    + "spent, stage 1, the bounds and the searches under way stop within seconds; the best designs "
                    + "of the searches that ended are written and the report says the run was cut short; --resume "
                    + "continues it. Which design points are visited then depends on the machine's speed, so the "
                    + "same seed may give different designs. A resumed run counts its budget from its own start.")
    Double budgetMinutes;

    @Option(names = "--resume",
            description = "Continue the run whose checkpoint.jsonl is in --out (killed, failed, or cut short by "
                    + "--budget-minutes): its finished design points are taken, not searched again, and the files "
                    + "are those a run never stopped writes (unless this run is cut short too). The inputs, seed and "
                    + "--top-designs must be the run's; threads and budget may differ. Without a checkpoint, starts a "
                    + "new run. Without --resume, a new run replaces any checkpoint in --out.")
    boolean resume;

    @Option(names = "--progress",
            description = "Show progress on the error stream: a bar on an interactive console (shown there anyway), "
                    + "otherwise a plain line every 10 seconds: design points done, pruned, best GOPS/W, time "
                    + "elapsed and left.")
    boolean progress;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    /** What every synthesis of a run shares, whatever its budget and objective. */
    private record Inputs(Network network, HardwareLibrary configured, HardwareLibrary library, boolean enforce,
            MacroMode macroMode, DuplicationMode duplication, Optional<DesignPointExecutorProvider.Started> elsewhere) {
    }

    /** One synthesis done: the console summary, its best design and what it cost. */
    private record Synthesized(String summary, RankedDesign best, ExplorationStatistics statistics,
            long wallTimeMs) {
    }

    @Override
    public Integer call() {
        MacroMode mode = macroMode();
        List<Objective> objectives = objectives();
        checkOptions();
        DuplicationMode duplicationMode = duplicationMode();
        if (allocation != null) {
            // A misspelt mode fails before the network loads; each run applies it with its own objective.
            allocationMode(Objectives.DEFAULT);
        }
        boolean enforce = enforceLimits();
        Network network = source.load();
        HardwareLibrary configured = config.load();
        // Checked only, the limits stay out of the request: the search, its bounds and its fingerprint are those of
        // a library without them.
        HardwareLibrary library = enforce ? configured : configured.withLimits(PhysicalLimits.NONE);
        Optional<DesignPointExecutorProvider.Started> elsewhere = executorElsewhere();
        for (Objective objective : objectives) {
            if (objective.needsAreas()) {
                DesignArea.requireAreas(ComponentLibraries.from(library), library.origin(), "--objective "
                        + objective.name(), objective.displayName());
            }
        }
        if (areaMm2 != null) {
            DesignArea.requireAreas(ComponentLibraries.from(library), library.origin());
        }
        Inputs in = new Inputs(network, configured, library, enforce, mode, duplicationMode, elsewhere);
        Path dir = out != null ? out : defaultOutDir(network);
        OutputDirectory.check(dir, "--out");
        PrintWriter stdout = spec.commandLine().getOut();
        if (powersW.size() == 1 && objectives.size() == 1) {
            stdout.print(synthesize(in, powersW.get(0), objectives.get(0), dir).summary());
            stdout.flush();
            return Main.EXIT_OK;
        }
        return sweep(in, objectives, dir, stdout);
    }

    /**
     * Synthesizes at every budget and objective of the lists, each into its own directory, then writes the table
     * of their best designs. A budget without a design is a row that says why; only a sweep without any design
     * exits as a run without one does.
     */
    private int sweep(Inputs in, List<Objective> objectives, Path dir, PrintWriter stdout) {
        PrintWriter err = spec.commandLine().getErr();
        List<BudgetSweep.Row> rows = new ArrayList<>();
        for (double powerW : powersW) {
            for (Objective objective : objectives) {
                String watts = BudgetSweep.watts(powerW);
                String name = watts + "W-" + objective.name();
                Path cell = dir.resolve(name);
                stdout.println("== " + watts + " W, objective " + objective.name() + ", in " + cell + " ==");
                stdout.flush();
                try {
                    Synthesized s = synthesize(in, powerW, objective, cell);
                    stdout.println(s.summary());
                    rows.add(BudgetSweep.Row.found(powerW * 1000, objective, name, s.best(),
                            s.statistics().fitnessEvaluations(), s.wallTimeMs()));
                } catch (NoFeasibleDesignException e) {
                    String why = Main.oneLine(e.getMessage());
                    err.println(NAME + ": " + watts + " W, " + objective.name() + ": " + why);
                    err.flush();
                    stdout.println("No design: " + why + "\n");
                    // A run cut short by the time budget keeps its checkpoint there; one without a design, nothing.
                    rows.add(BudgetSweep.Row.none(powerW * 1000, objective, Files.isDirectory(cell) ? name : null,
                            why));
                }
                stdout.flush();
            }
        }
        BudgetSweep sweep = new BudgetSweep(in.network().name(), source.origin(), seed, rows);
        List<Path> files = sweep.write(dir);
        stdout.print(sweep.table());
        stdout.println("Wrote " + files.stream().map(Path::toString).collect(Collectors.joining(", ")));
        stdout.flush();
        if (rows.stream().noneMatch(BudgetSweep.Row::found)) {
            throw new NoFeasibleDesignException("no budget or objective of the sweep has a design; "
                    + dir.resolve(BudgetSweep.TABLE_FILE) + " says why for each");
        }
        return Main.EXIT_OK;
    }

    /** One synthesis at one budget and objective, its files in {@code dir}. */
    private Synthesized synthesize(Inputs in, double powerW, Objective objective, Path dir) {
        SynthesisRequest request = SynthesisRequest.of(in.network(), in.library(), powerW * 1000, in.macroMode(),
                macroSharing).withObjective(objective);
        if (areaMm2 != null) {
            request = request.withAreaLimitMm2(areaMm2);
        }
        request = request.withDuplication(in.duplication()).withAllocation(allocationMode(objective));
        if (genes != null || generations != null) {
            request = request.withSearchSize(genes != null ? genes : request.genes(),
                    generations != null ? generations : request.generations());
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        ExplorationSettings settings = new ExplorationSettings(threadCount, true, topDesigns, budgetMinutes == null
                ? ExplorationSettings.NO_BUDGET : (long) Math.min(budgetMinutes * 60e9, Long.MAX_VALUE - 1),
                nanoClock);
        DesignSpaceExplorer explorer = in.elsewhere().isPresent()
                ? new DesignSpaceExplorer(candidateSearch.get(), settings, in.elsewhere().get().executor())
                : new DesignSpaceExplorer(candidateSearch.get(), settings);
        OutputDirectory.check(dir, "--out");
        ExplorationResult result;
        Design design;
        SimulationReport report;
        List<Path> files = new ArrayList<>();
        boolean resumed;
        try (CheckpointFile checkpoint = checkpoint(dir, RunFingerprint.of(request, seed, topDesigns));
                InterruptNotice interrupted = InterruptNotice.install(spec.commandLine().getErr(), NAME,
                        checkpoint.file())) {
            resumed = checkpoint.finishedDesignPoints() > 0;
            SynthesisOutputs.removeStaleTemporaries(dir);
            try (ExplorationJournal journal = ExplorationJournal.open(dir, request.objective())) {
                result = explore(explorer, request, journal, checkpoint);
                design = result.best().design();
                IrProgram program = DataflowSkeleton.of(design.spec()).compile(design.placement()).program();
                report = new Simulator().report(design.accelerator(), design.library(), program,
                        design.fitnessRun(), SimulationObserver.NONE);
                RankedDesign best = result.best();
                String html = ReportHtml.synthesis(design, program, report, new ReportHtml.Search(
                        best.candidateIndex(), best.candidates(), request.objective().displayName(),
                        request.objective().unit(), best.outcome().bestFitnessPerGeneration(), result.statistics(),
                        request.objective() == Objectives.DEFAULT ? "" : objectiveText(request.objective(),
                                best.fitness())));
                files.addAll(SynthesisOutputs.write(dir, design, request.objective(),
                        RunReports.synthesis(request, source.origin(), seed, settings, result, report,
                                new RunReports.LimitsChecked(in.enforce(), LimitCheck.violations(
                                        design.accelerator(), in.configured().limits())))));
                files.add(ReportHtml.write(dir, html));
                // Without --pareto, files a run with it left go, so that the directory speaks of this run alone.
                if (pareto != null || Files.isDirectory(dir.resolve(SynthesisOutputs.PARETO_DIRECTORY))) {
                    files.addAll(SynthesisOutputs.writePareto(dir, result.paretoFront().stream()
                            .limit(pareto == null ? 0 : pareto).map(d -> d.ranked().design()).toList(),
                            request.objective()));
                }
                files.add(journal.commit());
            }
            files.add(checkpoint.file());
        }
        String where = threadCount + " thread" + (threadCount == 1 ? "" : "s")
                + in.elsewhere().map(e -> " and " + e.where()).orElse("");
        String summary = summary(request, powerW, result, design, report, where, files, resumed,
                limitsText(in.configured(), in.enforce(), LimitCheck.violations(design.accelerator(),
                        in.configured().limits())));
        return new Synthesized(summary, result.best(), result.statistics(), result.wallTimeMs());
    }

    /** An objective and a design's value in words, e.g. {@code throughput, 1,056.22 GOPS (higher is better)}. */
    static String objectiveText(Objective objective, double value) {
        return objective.displayName() + ", " + DesignText.value(value, 2) + " " + objective.unit() + " ("
                + (objective.direction() == Direction.HIGHER_IS_BETTER ? "higher is better" : "lower is better") + ")";
    }

    /** What the design breaks of the library's limits, for the summary: "" where nothing. */
    private static String limitsText(HardwareLibrary configured, boolean enforced, List<String> broken) {
        if (broken.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("Physical limits of " + configured.origin() + " (" + (enforced ? "enforced"
                : "checked, not enforced (--physical-limits check)") + "): the design breaks "
                + broken.size() + ":\n");
        broken.stream().limit(8).forEach(v -> s.append("  ").append(v).append('\n'));
        if (broken.size() > 8) {
            s.append("  and ").append(broken.size() - 8).append(" more (report.json, physicalLimits)\n");
        }
        return s.toString();
    }

    private boolean enforceLimits() {
        if (physicalLimits == null || physicalLimits.equalsIgnoreCase("enforce")) {
            return true;
        }
        if (physicalLimits.equalsIgnoreCase("check")) {
            return false;
        }
        throw new InputException("--physical-limits: \"" + physicalLimits + "\" is not a mode; allowed: enforce, check");
    }

    /**
     * The checkpoint to continue with --resume where there is one, else a new one. Says on the error stream which,
     * when --resume was asked for.
     */
    private CheckpointFile checkpoint(Path dir, RunFingerprint run) {
        if (!resume) {
            return CheckpointFile.start(dir, run);
        }
        PrintWriter err = spec.commandLine().getErr();
        Optional<CheckpointFile> earlier = CheckpointFile.resume(dir, run);
        if (earlier.isPresent()) {
            int finished = earlier.get().finishedDesignPoints();
            err.println(NAME + ": resuming from " + earlier.get().file() + ": " + finished + " design point"
                    + (finished == 1 ? "" : "s") + " finished");
            err.flush();
            return earlier.get();
        }
        err.println(NAME + ": no checkpoint at " + CheckpointFile.fileIn(dir) + "; starting a new run");
        err.flush();
        return CheckpointFile.start(dir, run);
    }

    /**
     * Explores with the progress display asked for. A run that finds no design deletes its checkpoint, unless the
     * time budget stopped it before the end, since --resume may then still find one.
     */
    private ExplorationResult explore(DesignSpaceExplorer explorer, SynthesisRequest request,
            ExplorationJournal journal, CheckpointFile checkpoint) {
        try {
            return exploreShowingProgress(explorer, request, journal, checkpoint);
        } catch (TimeBudgetSpentException e) {
            throw new TimeBudgetSpentException(e.getMessage() + "; --resume continues the run from "
                    + checkpoint.file());
        } catch (NoFeasibleDesignException e) {
            checkpoint.abandon();
            throw e;
        }
    }

    private ExplorationResult exploreShowingProgress(DesignSpaceExplorer explorer, SynthesisRequest request,
            ExplorationJournal journal, ExplorationCheckpoint checkpoint) {
        PrintWriter err = spec.commandLine().getErr();
        ExplorationListener logged = ExplorationListener.both(notices(err), journal);
        if (System.console() != null) {
            try (ExplorationProgress bar = new ExplorationProgress(err, nanoClock, request.objective())) {
                return explorer.explore(request, seed, ExplorationListener.both(bar, logged), checkpoint);
            }
        }
        if (progress) {
            try (ExplorationLog log = new ExplorationLog(err, ExplorationLog.INTERVAL_NS, nanoClock,
                    request.objective())) {
                return explorer.explore(request, seed, ExplorationListener.both(log, logged), checkpoint);
            }
        }
        return explorer.explore(request, seed, logged, checkpoint);
    }

    /** What the explorer says of how it explores, on the error stream whatever the progress display. */
    private static ExplorationListener notices(PrintWriter err) {
        return new ExplorationListener() {
            @Override
            public void pruningOff(String reason) {
                err.println(NAME + ": pruning off: " + reason);
                err.flush();
            }
        };
    }

    /** Where the files go without --out: {@code out/<network name>} under the working directory. */
    static Path defaultOutDir(Network network) {
        return Path.of("out", network.name());
    }

    /** The objectives asked for, each once, in the order given. */
    private List<Objective> objectives() {
        if (objectiveNames.isEmpty()) {
            throw new InputException("--objective: give one of " + Objectives.names() + ", or a list of them");
        }
        List<Objective> asked = new ArrayList<>();
        for (String name : objectiveNames) {
            Objective objective = Objectives.all().stream()
                    .filter(o -> o.name().equals(name.strip().toLowerCase(Locale.ROOT)))
                    .findFirst()
                    .orElseThrow(() -> new InputException("--objective: unknown objective '" + name
                            + "'; allowed: " + Objectives.names()));
            if (asked.contains(objective)) {
                throw new InputException("--objective: " + objective.name() + " is given twice");
            }
            asked.add(objective);
        }
        return asked;
    }

    private MacroMode macroMode() {
        return MacroMode.fromLabel(macros).orElseThrow(() -> new InputException("--macros: unknown macro mode '"
                + macros + "'; allowed: " + MacroMode.labels()));
    }

    /**
     * The executor of another module when --executor names one (spark), found by name among the providers on the
     * class path; nothing of that module is loaded for local runs.
     */
    private Optional<DesignPointExecutorProvider.Started> executorElsewhere() {
        String name = executor.toLowerCase(Locale.ROOT);
        if (name.equals(LOCAL_EXECUTOR)) {
            return Optional.empty();
        }
        String submit = "; run pimsyn with spark-submit --class " + Main.class.getName() + " " + SPARK_JAR
                + " synthesize --executor spark ...";
        DesignPointExecutorProvider provider = ServiceLoader.load(DesignPointExecutorProvider.class,
                        SynthesizeCommand.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new InputException("--executor " + name + ": " + SPARK_JAR
                        + " is not on the class path" + submit));
        try {
            return Optional.of(provider.start());
        } catch (IllegalStateException e) {
            throw new InputException("--executor " + name + ": " + Main.oneLine(e.getMessage()) + submit);
        }
    }

    private DuplicationMode duplicationMode() {
        return DuplicationMode.fromLabel(duplication).orElseThrow(() -> new InputException("--duplication: \""
                + duplication + "\" is not a mode; allowed: " + DuplicationMode.labels()));
    }

    /** The stage 4 mode asked for, else the objective's ({@link SynthesisRequest#defaultAllocation}). */
    private AllocationMode allocationMode(Objective objective) {
        if (allocation == null) {
            return SynthesisRequest.defaultAllocation(objective);
        }
        return AllocationMode.fromLabel(allocation).orElseThrow(() -> new InputException("--allocation: \""
                + allocation + "\" is not a mode; allowed: " + AllocationMode.labels()));
    }

    private void checkOptions() {
        if (!List.of(LOCAL_EXECUTOR, SPARK_EXECUTOR).contains(executor.toLowerCase(Locale.ROOT))) {
            throw new InputException("--executor: unknown executor '" + executor + "'; allowed: " + LOCAL_EXECUTOR
                    + ", " + SPARK_EXECUTOR);
        }
        if (powersW.isEmpty()) {
            throw new InputException("--power: give a budget in watts, or a list such as 10,25,49,100");
        }
        for (double powerW : powersW) {
            if (!(powerW > 0) || powerW > MAX_POWER_W) {
                throw new InputException("--power: must be a number of watts > 0 and <= "
                        + TextTable.number(MAX_POWER_W) + ", got " + powerW);
            }
        }
        // Budgets name their directories by their figure in watts, so two that print alike would share one.
        if (powersW.stream().map(BudgetSweep::watts).distinct().count() < powersW.size()) {
            throw new InputException("--power: a budget is given twice in " + powersW.stream()
                    .map(BudgetSweep::watts).collect(Collectors.joining(",")));
        }
        if (areaMm2 != null && (!(areaMm2 > 0) || areaMm2 > MAX_AREA_MM2)) {
            throw new InputException("--area: must be a number of mm2 > 0 and <= " + TextTable.number(MAX_AREA_MM2)
                    + ", got " + areaMm2);
        }
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new InputException("--threads: must be an integer in 1.." + MAX_THREADS + ", got " + threads);
        }
        if (generations != null && (generations < 1 || generations > EvolutionParameters.MAX_GENERATIONS)) {
            throw new InputException("--generations: must be an integer in 1.."
                    + EvolutionParameters.MAX_GENERATIONS + ", got " + generations);
        }
        if (genes != null && (genes < EvolutionParameters.MIN_GENES || genes > EvolutionParameters.MAX_GENES)) {
            throw new InputException("--genes: must be an integer in " + EvolutionParameters.MIN_GENES + ".."
                    + EvolutionParameters.MAX_GENES + ", got " + genes);
        }
        if (topDesigns < 1) {
            throw new InputException("--top-designs: must be an integer >= 1, got " + topDesigns);
        }
        if (pareto != null && pareto < 1) {
            throw new InputException("--pareto: must be an integer >= 1, got " + pareto);
        }
        if (budgetMinutes != null && (!(budgetMinutes > 0) || Double.isInfinite(budgetMinutes))) {
            throw new InputException("--budget-minutes: must be a positive number of minutes, got " + budgetMinutes);
        }
    }

    private String summary(SynthesisRequest request, double powerW, ExplorationResult result, Design design,
            SimulationReport report, String where, List<Path> files, boolean resumed, String limits) {
        StringBuilder s = new StringBuilder();
        RankedDesign best = result.best();
        s.append("Synthesized ").append(request.network().name()).append(" (").append(source.origin())
                .append(") under ").append(TextTable.number(powerW)).append(" W: ")
                .append(request.macroMode().label()).append(" macros, macro sharing ")
                .append(request.macroSharing() ? "on" : "off").append(", seed ").append(seed).append('\n');
        s.append("Design point: ").append(DesignText.point(best.point())).append("; duplication candidate index ")
                .append(best.candidateIndex()).append(" of ").append(best.candidates()).append('\n');
        LayerTable table = LayerTable.of(design);
        s.append("Mesh: ").append(table.meshRows()).append(" x ").append(table.meshCols()).append(", ")
                .append(design.accelerator().macros().size()).append(" macros; scratchpads up to ")
                .append(table.scratchpadKb()).append(" KB\n\n");
        s.append(DesignText.layers(table)).append('\n');
        s.append(DesignText.figures(report, design.accelerator().clockGhz()));
        s.append(ChipFiguresText.summary(ChipFiguresJson.of(design, report.performance().throughputGops())));
        s.append(limits);
        Objective objective = request.objective();
        // The figures above already give the default objective's value.
        if (objective != Objectives.DEFAULT) {
            s.append("Objective: ").append(objectiveText(objective, best.fitness())).append('\n');
        }
        DesignFigures chosen = DesignFigures.of(design);
        double budgetMw = request.totalPowerMw();
        s.append(String.format(Locale.ROOT, "Budget used: %,.2f mW at peak (%.1f %%), %,.2f mW in the steady state "
                + "(%.1f %%) of the %,.2f mW budget%n", chosen.peakPowerMw(), 100 * chosen.peakPowerMw() / budgetMw,
                chosen.steadyStatePowerMw(), 100 * chosen.steadyStatePowerMw() / budgetMw, budgetMw));
        result.fastestOfFront().ifPresent(fastest -> {
            DesignFigures f = fastest.figures();
            s.append(String.format(Locale.ROOT, "Pareto front (throughput, GOPS/W, area): %d design%s of the design "
                    + "points searched; the fastest reaches %,.2f GOPS at %,.2f GOPS/W, %s, %,.2f mW at peak "
                    + "(%.1f %% of the budget)%n", result.paretoFront().size(),
                    result.paretoFront().size() == 1 ? "" : "s", f.throughputGops(), f.gopsPerWatt(),
                    f.areaMm2() == null ? "area unknown" : String.format(Locale.ROOT, "%.4f mm2", f.areaMm2()),
                    f.peakPowerMw(), 100 * f.peakPowerMw() / budgetMw));
        });
        s.append('\n');
        ExplorationStatistics st = result.statistics();
        s.append(String.format(Locale.ROOT,
                "Explored %,d crossbar points (%,d infeasible, %,d without an ADC) and %,d design points "
                        + "(%,d searched, %,d sharing a search, %,d pruned, %,d without an ADC; %,d found a "
                        + "design): %,d fitness evaluations in %s on %s%n",
                st.crossbarPoints(), st.crossbarPointsInfeasible(), st.crossbarPointsWithoutAdc(), st.designPoints(),
                st.designPointsSearched(), st.designPointsReused(), st.designPointsPruned(),
                st.designPointsWithoutAdc(),
                st.designPointsFound(), st.fitnessEvaluations(), WallTime.of(result.wallTimeMs()),
                where));
        if (st.cutShort()) {
            int total = st.designPoints() - st.designPointsWithoutAdc();
            s.append(String.format(Locale.ROOT,
                    "Stopped at the time budget after %,d of %,d design points (%,d not visited)%n",
                    total - st.designPointsNotVisited(), total, st.designPointsNotVisited()));
        }
        if (resumed) {
            s.append(String.format(Locale.ROOT,
                    "Resumed: %,d of the %,d design points searched were taken from the checkpoint%n",
                    result.designPointsFromCheckpoint(), st.designPointsSearched() + st.designPointsReused()));
        }
        s.append("Wrote ").append(files.stream().map(Path::toString).collect(Collectors.joining(", ")))
                .append('\n');
        return s.toString();
    }
}
