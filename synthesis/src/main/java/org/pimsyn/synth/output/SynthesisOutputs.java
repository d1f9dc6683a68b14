package org.pimsyn.synth.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pimsyn.synth.design.Design;
import org.pimsyn.sim.io.OutputFiles;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;

/** The files of a synthesis run, written into one directory, each atomically, once all of them are ready. */
public final class SynthesisOutputs {
    public static final String DESIGN_FILE = "design.json";
    public static final String PIMCOMP_FILE = "pimcomp.json";
    public static final String REPORT_FILE = "report.json";
    /** Written as the run goes by {@link ExplorationJournal}. */
    public static final String EXPLORATION_LOG_FILE = "exploration.jsonl";
    /** Written as the run goes by {@link CheckpointFile}, and kept for {@code --resume}. */
    public static final String CHECKPOINT_FILE = "checkpoint.jsonl";

    private SynthesisOutputs() {
    }

    /** Where {@code --pareto N} writes the front's first designs: {@code pareto/design-1.json} and on. */
    public static final String PARETO_DIRECTORY = "pareto";
    private static final Pattern PARETO_FILE = Pattern.compile("design-([1-9][0-9]*)\\.json");

    /**
     * Writes {@code design.json}, {@code pimcomp.json} and {@code report.json}.
     *
     * @param reportJson the text of {@link RunReports#synthesis}
     * @return the files written, in that order
     */
    public static List<Path> write(Path directory, Design design, String reportJson) {
        return write(directory, design, Objectives.DEFAULT, reportJson);
    }

    /** The same for a run that optimised {@code objective}, which design.json names where it is not the default. */
    public static List<Path> write(Path directory, Design design, Objective objective, String reportJson) {
        String designJson = DesignJson.toJson(design, objective);
        String pimcompJson = PimcompConfig.of(design).toJson();
        Path designFile = directory.resolve(DESIGN_FILE);
        Path pimcompFile = directory.resolve(PIMCOMP_FILE);
        Path reportFile = directory.resolve(REPORT_FILE);
        AtomicFiles.writeString(designFile, designJson);
        AtomicFiles.writeString(pimcompFile, pimcompJson);
        AtomicFiles.writeString(reportFile, reportJson);
        return List.of(designFile, pimcompFile, reportFile);
    }

    /**
     * Writes the designs, the Pareto front's first, as {@code pareto/design-1.json} and on, each a design file that
     * {@code pimsyn simulate --design} reads; removes the files of that name a run with a larger count left.
     *
     * @return the files written, in order
     */
    public static List<Path> writePareto(Path directory, List<Design> designs, Objective objective) {
        Path pareto = directory.resolve(PARETO_DIRECTORY);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(pareto);
            for (int i = 0; i < designs.size(); i++) {
                Path file = pareto.resolve("design-" + (i + 1) + ".json");
                AtomicFiles.writeString(file, DesignJson.toJson(designs.get(i), objective));
                written.add(file);
            }
            try (Stream<Path> files = Files.list(pareto)) {
                for (Path f : files.toList()) {
                    Matcher m = PARETO_FILE.matcher(f.getFileName().toString());
                    if (m.matches() && (m.group(1).length() > 9 || Integer.parseInt(m.group(1)) > designs.size())) {
                        Files.delete(f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pareto + ": " + e.getMessage(), e);
        }
        return written;
    }

    /**
     * Deletes the hidden temporary files of these outputs that a killed run left in {@code directory}. Only safe
     * while no other run writes there, which the lock of the directory's {@link CheckpointFile} ensures.
     */
    public static void removeStaleTemporaries(Path directory) {
        List<String> prefixes = Stream.of(DESIGN_FILE, PIMCOMP_FILE, REPORT_FILE, ReportHtml.FILE,
                EXPLORATION_LOG_FILE, CHECKPOINT_FILE).map(name -> "." + name).toList();
        try {
            for (Path f : OutputFiles.temporaries(directory, prefixes)) {
                Files.deleteIfExists(f);
            }
            Path pareto = directory.resolve(PARETO_DIRECTORY);
            if (Files.isDirectory(pareto)) {
                for (Path f : OutputFiles.temporaries(pareto, List.of(".design-"))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory + ": " + e.getMessage(), e);
        }
    }
}
