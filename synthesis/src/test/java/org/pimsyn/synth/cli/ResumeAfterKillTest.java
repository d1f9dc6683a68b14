package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.network.json.NetworkJsonWriter;

/**
 * A synthesis with the real candidate search, killed part-way in its own JVM and resumed, writes the files of a run
 * never stopped. The design space is one crossbar point of the small network with ResDAC 1 and 2 and ten
 * duplication candidates: twenty design points, more than the first three batches; the run keeps ten designs, so
 * that pruning leaves several batches to search; the killed process pauses 100 ms per point so that it is under way
 * when killed.
 */
class ResumeAfterKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PAUSE_MS = 100;
    private static final long PATIENCE_MS = 60_000;

    @TempDir
    Path dir;

    private List<String> synthesize(Path out, String... more) throws IOException {
        Path network = dir.resolve("small.json");
        Path library = dir.resolve("library.json");
        if (!Files.exists(network)) {
            NetworkJsonWriter.write(SmallCases.network(), network);
            ObjectNode root = (ObjectNode) JSON.readTree(SynthesisEndToEndTest.libraryJson());
            ((ObjectNode) root.at("/search/annealing")).put("candidatesKept", 10);
            Files.writeString(library, JSON.writeValueAsString(root));
        }
        List<String> args = new ArrayList<>(List.of("synthesize", "--network", network.toString(), "--config",
                library.toString(), "--power", "5", "--genes", "4", "--generations", "2", "--top-designs", "10",
                "--out", out.toString()));
        args.addAll(List.of(more));
        return args;
    }

    /**
     * Complete lines: a kill may cut the last line short (a line holding a design spans several writes), and the
     * resume ignores such a line, so it does not count as a finished point.
     */
    private static int lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int complete = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                complete++;
            }
        }
        return complete;
    }

    /**
     * A paced synthesis into {@code out} in its own JVM, once {@code points} design points are checkpointed; its
     * output and error streams go to {@code out}'s name with {@code .out} and {@code .err} in the test directory.
     */
    private Process pacedUntil(Path out, int points, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "-D" + PacedMain.PAUSE_PROPERTY + "=" + PAUSE_MS, PacedMain.class.getName()));
        command.addAll(synthesize(out, more));
        String name = out.getFileName().toString();
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PATIENCE_MS);
        while (lines(out.resolve("checkpoint.jsonl")) < 1 + points) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                fail("the run ended or stalled before " + points + " design points were checkpointed: "
                        + Files.readString(dir.resolve(name + ".err")));
            }
            Thread.sleep(5);
        }
        return process;
    }

    @Test
    void aRunKilledPartWayAndResumedWritesTheFilesOfARunNeverStopped() throws Exception {
        Path whole = dir.resolve("whole");
        CliRun uninterrupted = CliRun.of(synthesize(whole, "--threads", "2").toArray(String[]::new));
        assertEquals(Main.EXIT_OK, uninterrupted.exitCode(), uninterrupted.err());
        JsonNode exploration = JSON.readTree(whole.resolve("report.json").toFile()).get("exploration");
        int searched = exploration.get("designPointsSearched").intValue();
        assertTrue(searched + exploration.get("designPointsPruned").intValue() > 2 + 4 + 8,
                "more than three batches");

        Path killed = dir.resolve("killed");
        Path checkpoint = killed.resolve("checkpoint.jsonl");
        Process process = pacedUntil(killed, 3, "--threads", "2");
        process.destroyForcibly();
        process.waitFor(PATIENCE_MS, TimeUnit.MILLISECONDS);
        int finished = lines(checkpoint) - 1;
        assertTrue(finished >= 3 && finished < searched, finished + " of " + searched + " checkpointed");
        assertFalse(Files.exists(killed.resolve("design.json")), "killed before the end");

        CliRun resumed = CliRun.of(synthesize(killed, "--threads", "1", "--resume").toArray(String[]::new));
        assertEquals(Main.EXIT_OK, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().startsWith("pimsyn synthesize: resuming from " + checkpoint + ": "), resumed.err());
        SynthesizeResumeTest.assertSameRun(whole, killed);
        JsonNode execution = JSON.readTree(killed.resolve("report.json").toFile()).get("execution");
        assertTrue(execution.get("designPointsFromCheckpoint").intValue() >= finished, execution.toString());
        assertEquals(1 + searched, lines(checkpoint));
        try (Stream<Path> files = Files.list(killed)) {
            assertEquals(List.of("checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json",
                    "report.html", "report.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the killed run's temporary files are gone");
        }
        ArrayNode top = (ArrayNode) JSON.readTree(killed.resolve("report.json").toFile()).get("topDesigns");
        assertTrue(top.size() > 0);
    }

    @Test
    void aRunStoppedByASignalSaysHowToResume() throws Exception {
        Path out = dir.resolve("stopped");
        Path checkpoint = out.resolve("checkpoint.jsonl");
        Process process = pacedUntil(out, 1, "--threads", "1");
        try {
            // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks.
            process.destroy();
            assertTrue(process.waitFor(PATIENCE_MS, TimeUnit.MILLISECONDS));
        } finally {
            process.destroyForcibly();
        }
        assertEquals(List.of("pimsyn synthesize: interrupted; --resume continues the run from " + checkpoint),
                Files.readAllLines(dir.resolve("stopped.err")).stream().filter(l -> !l.isBlank()).toList());
        assertEquals("", Files.readString(dir.resolve("stopped.out")));
    }
}
