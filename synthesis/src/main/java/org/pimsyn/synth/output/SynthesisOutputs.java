package org.pimsyn.synth.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.pimsyn.synth.design.Design;
import org.pimsyn.sim.io.OutputFiles;
import org.pimsyn.synth.io.AtomicFiles;

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

    /**
     * Writes {@code design.json}, {@code pimcomp.json} and {@code report.json}.
     *
     * @param reportJson the text of {@link RunReports#synthesis}
     * @return the files written, in that order
     */
    public static List<Path> write(Path directory, Design design, String reportJson) {
        String designJson = DesignJson.toJson(design);
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + directory + ": " + e.getMessage(), e);
        }
    }
}
