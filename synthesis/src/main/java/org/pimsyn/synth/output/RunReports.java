package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.sim.report.SimulationReport;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.original.OriginalDesignConverter;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.ExplorationResult;
import org.pimsyn.synth.explore.ExplorationSettings;
import org.pimsyn.synth.explore.ExplorationStatistics;
import org.pimsyn.synth.explore.InfeasiblePoint;
import org.pimsyn.synth.explore.ParetoDesign;
import org.pimsyn.synth.explore.RankedDesign;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.objective.Objectives;

/**
 * The {@code report.json} files. A synthesis report holds the run's inputs, the chosen design, the simulator's
 * report of it, the best fitness after each generation of its search, the top designs, the exploration statistics,
 * and, in its own {@code execution} section, what depends on the machine and on how the run went (threads, wall
 * time, design points taken from a checkpoint): everything outside that section is the same for the same inputs
 * and seed. A simulation report holds the design file, the images
 * and the simulator's report in the same {@code simulation} form, so the two compare field by field. Both have the
 * design's {@code area} and {@code peak} figures ({@link ChipFiguresJson}) beside it.
 */
public final class RunReports {
    /** Whether the stages kept designs within the library's physical limits, and what the chosen design breaks. */
    public record LimitsChecked(boolean enforced, List<String> violations) {
        public LimitsChecked {
            violations = List.copyOf(violations);
        }
    }

    public static final String SYNTHESIS_FORMAT = "pimsyn-synthesis-report";
    public static final String SIMULATION_FORMAT = "pimsyn-simulation-report";
    /**
     * Version 2: the fitness run ({@code fitnessRun}; a simulation report's {@code run}) in place of a number of
     * images; the performance and run sections state the interval's bound, the latencies and the arbitration.
     */
    public static final int FORMAT_VERSION = 2;

    private RunReports() {
    }

    /**
     * @param networkSource where the network came from, such as {@code zoo model alexnet}
     * @param settings      the exploration's settings: its number of top designs goes with the inputs, its threads
     *                      with the execution
     * @param simulation    the simulator's report of the chosen design at its fitness images
     */
    public static String synthesis(SynthesisRequest request, String networkSource, long seed,
            ExplorationSettings settings, ExplorationResult result, SimulationReport simulation) {
        return synthesis(request, networkSource, seed, settings, result, simulation, null);
    }

    /**
     * @param limits the library's physical limits and how the run treated them, or null to leave the section out
     */
    public static String synthesis(SynthesisRequest request, String networkSource, long seed,
            ExplorationSettings settings, ExplorationResult result, SimulationReport simulation,
            LimitsChecked limits) {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", SYNTHESIS_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("inputs", inputs(request, networkSource, seed, settings.topDesigns()));
        RankedDesign best = result.best();
        ObjectNode chosen = root.putObject("design");
        describe(chosen, best, request);
        chosen.put("fitnessEvaluations", best.outcome().evaluations());
        root.set("simulation", OutputJson.tree(simulation));
        ChipFiguresJson.put(root, ChipFiguresJson.of(best.design(), simulation.performance().throughputGops()));
        if (limits != null) {
            ObjectNode l = root.putObject("physicalLimits");
            l.put("mode", limits.enforced() ? "enforce" : "check");
            ArrayNode broken = l.putArray("violations");
            limits.violations().forEach(broken::add);
        }
        ArrayNode history = root.putArray("bestFitnessPerGeneration");
        for (double f : best.outcome().bestFitnessPerGeneration()) {
            history.add(f);
        }
        ArrayNode top = root.putArray("topDesigns");
        for (RankedDesign r : result.topDesigns()) {
            describe(top.addObject(), r, request);
        }
        ArrayNode front = root.putArray("paretoFront");
        for (ParetoDesign d : result.paretoFront()) {
            ObjectNode entry = front.addObject();
            identify(entry, d.ranked(), request);
            ExplorationJournal.putFigures(entry, d.figures());
            entry.put("macros", d.ranked().design().accelerator().macros().size());
        }
        root.set("exploration", exploration(result));
        ObjectNode execution = root.putObject("execution");
        execution.put("threads", settings.threads());
        execution.put("wallTimeMs", result.wallTimeMs());
        execution.put("designPointsFromCheckpoint", result.designPointsFromCheckpoint());
        return OutputJson.text(root);
    }

    /** The report of {@code pimsyn simulate}. */
    public static String simulation(Path designFile, Design design, RunPlan plan, SimulationReport simulation,
            List<Path> traces) {
        return simulation(designFile, design, plan, simulation, traces, null);
    }

    /**
     * The same, with an {@code original} section where the design was converted from the original PIMSYN tool's
     * (its file, stated figure, count reading, peak power by part and the conversion's notes).
     */
    public static String simulation(Path designFile, Design design, RunPlan plan, SimulationReport simulation,
            List<Path> traces, OriginalDesignConverter.Conversion original) {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", SIMULATION_FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.put("design", designFile.toString());
        root.put("network", design.spec().network().name());
        root.set("runPlan", FitnessRunJson.tree(plan));
        root.set("simulation", OutputJson.tree(simulation));
        ChipFiguresJson.put(root, ChipFiguresJson.of(design, simulation.performance().throughputGops()));
        if (original != null) {
            ObjectNode o = root.putObject("original");
            o.put("file", original.original().source());
            o.put("statedGopsPerWatt", original.original().statedGopsPerWatt());
            o.put("countReading", original.reading().label());
            ObjectNode peak = o.putObject("peakPowerMw");
            peak.put("total", original.peak().totalMw());
            peak.put("crossbars", original.peak().crossbarsMw());
            peak.put("dacs", original.peak().dacsMw());
            peak.put("adcsAndAlus", original.peak().peripheralsMw());
            peak.put("scratchpads", original.peak().scratchpadsMw());
            peak.put("noc", original.peak().nocMw());
            peak.put("other", original.peak().otherMw());
            ArrayNode notes = o.putArray("notes");
            original.notes().forEach(notes::add);
        }
        ArrayNode files = root.putArray("traces");
        for (Path p : traces) {
            files.add(p.toString());
        }
        return OutputJson.text(root);
    }

    private static ObjectNode inputs(SynthesisRequest request, String networkSource, long seed, int topDesigns) {
        ObjectNode in = OutputJson.MAPPER.createObjectNode();
        Network network = request.network();
        ObjectNode net = in.putObject("network");
        net.put("name", network.name());
        net.put("source", networkSource);
        net.put("layers", network.size());
        net.put("weightLayers", network.weightLayers().size());
        net.put("macsPerImage", network.totalMacs());
        in.put("powerMw", request.totalPowerMw());
        in.put("macroMode", request.macroMode().label());
        in.put("macroSharing", request.macroSharing());
        in.put("duplication", request.duplication().label());
        in.put("allocation", request.allocation().label());
        in.put("seed", seed);
        in.put("genes", request.genes());
        in.put("generations", request.generations());
        in.set("fitnessRun", FitnessRunJson.tree(request.fitnessRun()));
        in.put("topDesigns", topDesigns);
        in.put("config", request.library().origin());
        // The default goes unnamed, so that its reports read as they did before objectives had names.
        if (request.objective() != Objectives.DEFAULT) {
            in.put("objective", request.objective().name());
        }
        return in;
    }

    /** A top design: its point, its candidate, its duplications by layer, its figures (the objective's first). */
    private static void describe(ObjectNode out, RankedDesign ranked, SynthesisRequest request) {
        identify(out, ranked, request);
        Design design = ranked.design();
        Performance perf = design.performance();
        out.put("throughputGops", perf.throughputGops());
        out.put("steadyStatePowerMw", perf.steadyStatePowerMw());
        out.put("macros", design.accelerator().macros().size());
        out.put("areaMm2", AreaModel.of(design.accelerator(), design.library()).areaMm2());
    }

    /** A design's point, candidate and duplications by layer, and its value under the objective's key. */
    private static void identify(ObjectNode out, RankedDesign ranked, SynthesisRequest request) {
        putPoint(out, ranked.point(), ranked.candidateIndex(), ranked.candidates());
        CandidateOutcome outcome = ranked.outcome();
        ObjectNode dups = out.putObject("duplications");
        List<Layer> weightLayers = request.network().weightLayers();
        for (int k = 0; k < weightLayers.size(); k++) {
            dups.put(weightLayers.get(k).name(), outcome.duplication().duplication(k));
        }
        out.put(request.objective().jsonKey(), outcome.fitness());
    }

    /** The fields that name a design point and its duplication candidate, shared by the report and the log. */
    static void putPoint(ObjectNode out, DesignPoint p, int candidateIndex, int candidates) {
        out.put("ratioRram", p.ratioRram());
        out.put("resRramBits", p.resRramBits());
        out.put("xbSizeRows", p.xbSizeRows());
        out.put("resDacBits", p.resDacBits());
        out.put("adcBits", p.adcBits());
        out.put("candidateIndex", candidateIndex);
        out.put("candidates", candidates);
    }

    private static ObjectNode exploration(ExplorationResult result) {
        ObjectNode ex = OutputJson.MAPPER.createObjectNode();
        ExplorationStatistics s = result.statistics();
        ex.put("cutShort", s.cutShort());
        ex.setAll((ObjectNode) OutputJson.tree(s));
        ArrayNode infeasible = ex.putArray("infeasiblePoints");
        for (InfeasiblePoint p : result.infeasiblePoints()) {
            infeasible.add(OutputJson.tree(p));
        }
        ArrayNode reasons = ex.putArray("noDesignReasons");
        for (Map.Entry<String, Integer> e : result.noDesignReasons().entrySet()) {
            ObjectNode r = reasons.addObject();
            r.put("reason", e.getKey());
            r.put("designPoints", e.getValue());
        }
        return ex;
    }
}
