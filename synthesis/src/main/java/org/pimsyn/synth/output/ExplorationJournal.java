package org.pimsyn.synth.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pimsyn.sim.io.OutputFiles;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.SearchedDesignPoint;

/**
 * The exploration log {@code exploration.jsonl}: one compact JSON object per searched design point, in the order
 * the exploration counts them, each line flushed as it is written so that a long run can be followed. The lines
 * go to a hidden temporary file in the output directory, renamed into place by {@link #commit()}; a run that
 * fails leaves no log behind, nor the directories it had to create.
 */
public final class ExplorationJournal implements ExplorationListener, AutoCloseable {
    private static final ObjectWriter LINE = OutputJson.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private final Path target;
    private final Path tmp;
    private final BufferedWriter out;
    /** The outermost directory this log created, or null when the output directory existed. */
    private final Path created;
    private boolean committed;

    private ExplorationJournal(Path target, Path tmp, BufferedWriter out, Path created) {
        this.target = target;
        this.tmp = tmp;
        this.out = out;
        this.created = created;
    }

    /** Starts the log of a run whose files go to {@code directory}, creating the directory if needed. */
    public static ExplorationJournal open(Path directory) {
        Path target = directory.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE).toAbsolutePath();
        Path created = null;
        for (Path d = target.getParent(); d != null && !Files.exists(d); d = d.getParent()) {
            created = d;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = OutputFiles.createTemporary(target.getParent(), "." + target.getFileName());
            return new ExplorationJournal(target, tmp, Files.newBufferedWriter(tmp, StandardCharsets.UTF_8),
                    created);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** The line of one design point, without its newline. */
    public static String line(SearchedDesignPoint searched) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        RunReports.putPoint(o, searched.point(), searched.candidateIndex(), searched.candidates());
        CandidateOutcome outcome = searched.outcome();
        o.put("found", outcome.found());
        o.put("fitnessGopsPerWatt", outcome.fitness());
        o.put("noDesignReason", outcome.reason());
        o.put("evaluations", outcome.evaluations());
        ArrayNode history = o.putArray("bestFitnessPerGeneration");
        for (double f : outcome.bestFitnessPerGeneration()) {
            history.add(f);
        }
        o.put("bestFitnessSoFar", searched.bestFitnessSoFar());
        o.put("secondsSinceStart", searched.nanosSinceStart() / 1e9);
        try {
            return LINE.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void searched(SearchedDesignPoint point) {
        try {
            out.write(line(point));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp + ": " + e.getMessage(), e);
        }
    }

    /** Closes the log and renames it into place. */
    public Path commit() {
        try {
            out.close();
            OutputFiles.moveIntoPlace(tmp, target);
            committed = true;
            return target;
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
            if (created != null) {
                for (Path d = tmp.getParent(); d != null && d.startsWith(created); d = d.getParent()) {
                    try (var entries = Files.list(d)) {
                        if (entries.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(d);
                }
            }
        } catch (IOException ignored) {
            // Only reached on a failing run, whose own failure is the one to report.
        }
    }
}
