package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pimsyn.sim.io.OutputFiles;
import java.util.List;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.SearchedDesignPoint;
import org.pimsyn.synth.io.CreatedDirectories;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

/**
 * The exploration log {@code exploration.jsonl}: one compact JSON object per searched design point, in the order
 * the exploration counts them, each line flushed as it is written so that a long run can be followed. The lines
 * go to a hidden temporary file in the output directory, renamed into place by {@link #commit()}; a run that
 * fails leaves no log behind, nor the directories it had to create. A point's fitness goes under the run's
 * objective's JSON key, and where it found a design, that design's figures follow (what the Pareto front compares).
 */
public final class ExplorationJournal implements ExplorationListener, AutoCloseable {
    private final Objective objective;
    private final Path target;
    /** The log's path as the caller named its directory (relative where that was). */
    private final Path named;
    private final Path tmp;
    private final BufferedWriter out;
    private final CreatedDirectories created;
    private boolean committed;

    private ExplorationJournal(Objective objective, Path named, Path target, Path tmp, BufferedWriter out,
            CreatedDirectories created) {
        this.objective = objective;
        this.named = named;
        this.target = target;
        this.tmp = tmp;
        this.out = out;
        this.created = created;
    }

    /**
     * Starts the log of a run with this objective whose files go to {@code directory}, creating the directory if
     * needed.
     */
    public static ExplorationJournal open(Path directory, Objective objective) {
        Path named = directory.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE);
        Path target = named.toAbsolutePath();
        try {
            CreatedDirectories created = CreatedDirectories.create(target.getParent());
            Path tmp = OutputFiles.createTemporary(target.getParent(), "." + target.getFileName());
            return new ExplorationJournal(objective, named, target, tmp,
                    Files.newBufferedWriter(tmp, StandardCharsets.UTF_8), created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The line of one design point of a run with this objective, without its newline. */
    public static String line(SearchedDesignPoint searched, Objective objective) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        RunReports.putPoint(o, searched.point(), searched.candidateIndex(), searched.candidates());
        CandidateOutcome outcome = searched.outcome();
        putSearch(o, objective, searched.found(), outcome.fitness(), outcome.reason(), outcome.evaluations(),
                outcome.bestFitnessPerGeneration());
        putDynamics(o, outcome.dynamics());
        if (searched.figures() != null) {
            putFigures(o, searched.figures());
        }
        o.put("sharedSearch", searched.sharedSearch());
        o.put("bestFitnessSoFar", searched.bestFitnessSoFar());
        o.put("secondsSinceStart", searched.nanosSinceStart() / 1e9);
        return OutputJson.line(o);
    }

    /** The fields that say what a design point's search gave, shared by the log and the checkpoint. */
    static void putSearch(ObjectNode out, Objective objective, boolean found, double fitness, String reason,
            long evaluations, double[] bestFitnessPerGeneration) {
        out.put("found", found);
        out.put(objective.jsonKey(), fitness);
        out.put("noDesignReason", reason);
        out.put("evaluations", evaluations);
        out.set("bestFitnessPerGeneration", OutputJson.MAPPER.valueToTree(bestFitnessPerGeneration));
    }

    /**
     * How a search's population moved, where known: children made and children fitter than their parent per
     * generation, the population's mean layers differing from the best gene, initial population first, and where
     * the best gene came from.
     */
    static void putDynamics(ObjectNode out, PartitionEvolution.Dynamics dynamics) {
        if (dynamics == null) {
            return;
        }
        out.set("childrenPerGeneration", OutputJson.MAPPER.valueToTree(dynamics.childrenPerGeneration()));
        out.set("childrenBeatingParentPerGeneration",
                OutputJson.MAPPER.valueToTree(dynamics.childrenBeatingParentPerGeneration()));
        out.set("layersFromBestPerGeneration", OutputJson.MAPPER.valueToTree(dynamics.layersFromBestPerGeneration()));
        out.put("bestGeneOrigin", dynamics.bestOrigin());
    }

    /** The keys of {@link #putFigures}, in their order. */
    static final List<String> FIGURE_KEYS = List.of("throughputGops", "gopsPerWatt", "steadyStatePowerMw",
            "peakPowerMw", "areaMm2");

    /**
     * A design's figures, under the keys every output gives them: the simulated throughput and power efficiency,
     * steady-state and peak power, and area (null where the library leaves an area out).
     */
    static void putFigures(ObjectNode out, DesignFigures f) {
        out.put("throughputGops", f.throughputGops());
        out.put("gopsPerWatt", f.gopsPerWatt());
        out.put("steadyStatePowerMw", f.steadyStatePowerMw());
        out.put("peakPowerMw", f.peakPowerMw());
        out.put("areaMm2", f.areaMm2());
    }

    @Override
    public void searched(SearchedDesignPoint point) {
        try {
            out.write(line(point, objective));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** Closes the log and renames it into place; returns its path as the directory was named. */
    public Path commit() {
        try {
            out.close();
            OutputFiles.moveIntoPlace(tmp, target);
            committed = true;
            return named;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Drops the temporary file unless the log was committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            out.close();
            Files.deleteIfExists(tmp);
            created.removeEmpty();
        } catch (IOException ignored) {
            // Only reached on a failing run, whose own failure is the one to report.
        }
    }
}
