package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.FakeCandidateSearch;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.output.CheckpointFile;
import org.pimsyn.synth.output.RunFingerprint;

/**
 * Fuzzing of the input readers through the command line: valid files, damaged a few hundred times each with a
 * fixed seed, must each give exit code 0, or 2 with one line; never exit code 1, a stack trace or a hang.
 */
class InputFuzzTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SearchRestored restored = new SearchRestored();

    private static String defaultLibrary() throws IOException {
        try (InputStream in = InputFuzzTest.class.getResourceAsStream("/configs/hardware/default.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void damagedHardwareLibraries() throws IOException {
        String seed = defaultLibrary();
        Random random = new Random(11);
        Path file = dir.resolve("library.json");
        for (int i = 0; i < 300; i++) {
            Files.write(file, Fuzzing.json(seed, random));
            Fuzzing.endsCleanly("library case " + i, "config", "--config", file.toString());
        }
    }

    @Test
    void damagedNetworkFiles() throws IOException {
        String seed = NetworkJsonWriter.toJson(SmallCases.network());
        Random random = new Random(12);
        Path file = dir.resolve("network.json");
        for (int i = 0; i < 300; i++) {
            Files.write(file, Fuzzing.json(seed, random));
            Fuzzing.endsCleanly("network case " + i, "network", "--network", file.toString());
        }
    }

    /** A small synthesis with the fake search: its design.json and checkpoint.jsonl are the seeds. */
    private Path synthesized() throws IOException {
        SynthesizeCommand.candidateSearch = FakeCandidateSearch::new;
        Path out = dir.resolve("synth");
        CliRun run = SynthesizeCommandTest.run(SynthesizeCommandTest.smallCase(dir, "--out", out.toString(),
                "--threads", "1"));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    @Test
    void damagedDesignFiles() throws IOException {
        String seed = Files.readString(synthesized().resolve("design.json"));
        Random random = new Random(13);
        Path file = dir.resolve("design.json");
        Path out = dir.resolve("sim");
        for (int i = 0; i < 120; i++) {
            Files.write(file, Fuzzing.json(seed, random));
            Fuzzing.endsCleanly("design case " + i, "simulate", "--design", file.toString(), "--out", out.toString());
        }
    }

    /**
     * The checkpoint reader directly, as --resume calls it: each case would otherwise be a whole synthesis. A line
     * of the file is damaged at a time; a cut at the end is the torn line a kill leaves.
     */
    @Test
    void damagedCheckpoints() throws IOException {
        Path out = synthesized();
        Path file = CheckpointFile.fileIn(out);
        List<String> lines = Files.readAllLines(file);
        SynthesisRequest request = SynthesisRequest.of(
                        org.pimsyn.synth.network.json.NetworkJsonReader.read(dir.resolve("small.json")),
                        // Enforced (the default), the limits are in the run's library.
                        org.pimsyn.synth.hardware.HardwareLibrary.load(dir.resolve("small-library.json")),
                        300, MacroMode.SPECIFIED, true)
                .withSearchSize(3, 4);
        RunFingerprint run = RunFingerprint.of(request, 1, 1);
        try (CheckpointFile whole = CheckpointFile.resume(out, run).orElseThrow()) {
            assertTrue(whole.finishedDesignPoints() > 0, "the seed matches the run");
        }
        Random random = new Random(14);
        for (int i = 0; i < 300; i++) {
            List<String> damaged = new ArrayList<>(lines);
            int at = random.nextInt(lines.size());
            damaged.set(at, new String(Fuzzing.json(lines.get(at), random), StandardCharsets.UTF_8)
                    .replace('\n', ' '));
            Files.writeString(file, String.join("\n", damaged) + "\n");
            String what = "checkpoint case " + i + " (line " + (at + 1) + ")";
            assertTimeoutPreemptively(Fuzzing.PER_CASE, () -> {
                try {
                    Optional<CheckpointFile> resumed = CheckpointFile.resume(out, run);
                    resumed.ifPresent(CheckpointFile::close);
                } catch (InputException e) {
                    assertEquals(1, e.getMessage().lines().count(), what + ": " + e.getMessage());
                    Fuzzing.assertLeaksNothing(what, e.getMessage());
                } catch (RuntimeException | StackOverflowError e) {
                    fail(what + ": " + e, e);
                }
            }, what);
        }
    }
}
