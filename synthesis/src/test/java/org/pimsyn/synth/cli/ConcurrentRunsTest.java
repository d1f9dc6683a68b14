package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.JSON;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.filesIn;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.smallCase;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two synthesis runs of different seeds started at the same moment on one --out, each in its own JVM, so that the
 * operating system's file locks decide: one writes its files, the other is turned away with one line before it
 * writes anything. Each run pauses {@value #PAUSE_MS} ms per design point, so that it is still under way when the
 * other starts.
 */
class ConcurrentRunsTest {
    private static final long PAUSE_MS = 300;
    private static final long PATIENCE_S = 120;

    @TempDir
    Path dir;

    @Test
    void ofTwoRunsStartedAtOnceOnOneOutOneWritesItsFilesAndTheOtherNothing() throws Exception {
        Path out = dir.resolve("out");
        List<Process> runs = new ArrayList<>();
        for (int seed = 1; seed <= 2; seed++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"),
                    "-D" + PacedMain.PAUSE_PROPERTY + "=" + PAUSE_MS, PacedMain.class.getName()));
            command.addAll(smallCase(dir, "--power", "5", "--seed", Integer.toString(seed), "--threads", "1",
                    "--out", out.toString()));
            runs.add(new ProcessBuilder(command).redirectOutput(dir.resolve("out" + seed + ".txt").toFile())
                    .redirectError(dir.resolve("err" + seed + ".txt").toFile()).start());
        }
        int[] codes = new int[2];
        for (int i = 0; i < 2; i++) {
            Process p = runs.get(i);
            if (!p.waitFor(PATIENCE_S, TimeUnit.SECONDS)) {
                runs.forEach(Process::destroyForcibly);
                throw new AssertionError("a run did not end within " + PATIENCE_S + " s");
            }
            codes[i] = p.exitValue();
        }
        int winner = codes[0] == Main.EXIT_OK ? 1 : 2;
        int loser = 3 - winner;
        assertEquals(Main.EXIT_OK, codes[winner - 1], Files.readString(dir.resolve("err" + winner + ".txt")));
        assertEquals(2, codes[loser - 1], Files.readString(dir.resolve("err" + loser + ".txt")));
        assertEquals("pimsyn synthesize: " + out.resolve("checkpoint.jsonl") + ": another pimsyn run is writing "
                + "this checkpoint; wait for it to end or give another --out\n",
                Files.readString(dir.resolve("err" + loser + ".txt")));
        assertEquals("", Files.readString(dir.resolve("out" + loser + ".txt")));

        assertEquals(List.of("checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json", "report.html",
                "report.json"),
                filesIn(out));
        JsonNode header = JSON.readTree(Files.readAllLines(out.resolve("checkpoint.jsonl")).get(0));
        assertEquals(winner, header.at("/run/seed").intValue(), "the checkpoint is the winner's");
        assertEquals(winner, JSON.readTree(out.resolve("report.json").toFile()).at("/inputs/seed").intValue(),
                "so is the report");
        assertTrue(Files.readString(dir.resolve("out" + winner + ".txt")).contains("Wrote "));
    }
}
