package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pimsyn.synth.objective.Objectives.EFFICIENCY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointKey;
import org.pimsyn.synth.explore.FinishedDesignPoint;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

class CheckpointFileTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunFingerprint RUN = RunFingerprint.of(REQUEST, 1, 10);
    private static final Design DESIGN = SmallDesign.design();
    private static final DesignPoint OTHER_POINT = new DesignPoint(0.05, 4, 256, 2, 13);

    /** Three design points of a run: the first with its design, the second found but not kept, the third empty. */
    private static final List<DesignPointKey> KEYS = List.of(
            new DesignPointKey(0, SmallDesign.POINT, 0, 2, new int[] {4, 2, 1}),
            new DesignPointKey(1, SmallDesign.POINT, 1, 2, new int[] {2, 2, 1}),
            new DesignPointKey(2, OTHER_POINT, 0, 1, new int[] {1, 1, 1}));
    private static final double FITNESS = EFFICIENCY.value(DESIGN);
    /** Bounds the points' fitness lies within. */
    private static final double[] BOUNDS = {2 * FITNESS, 200, 1};
    private static final FinishedDesignPoint KEPT = new FinishedDesignPoint(KEYS.get(0), true,
            FITNESS, new double[] {0.1 * FITNESS, FITNESS}, 17, "", DESIGN);
    private static final FinishedDesignPoint NOT_KEPT = new FinishedDesignPoint(KEYS.get(1), true, 123.456,
            new double[] {100, 123.456}, 9, "", null, null, new PartitionEvolution.Dynamics(new int[] {12},
                    new int[] {3}, new double[] {4.25, 1.5}, "generation 1"));
    private static final FinishedDesignPoint EMPTY = new FinishedDesignPoint(KEYS.get(2), false, 0,
            new double[0], 0, "the \"peripherals\" do not fit\nat all", null);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("out").resolve("checkpoint.jsonl");
    }

    private void writeRun(FinishedDesignPoint... points) {
        try (CheckpointFile checkpoint = CheckpointFile.start(dir.resolve("out"), RUN)) {
            assertEquals(0, checkpoint.finishedDesignPoints());
            for (FinishedDesignPoint p : points) {
                checkpoint.record(p);
            }
        }
    }

    private Map<Integer, FinishedDesignPoint> resumed() {
        try (CheckpointFile checkpoint = CheckpointFile.resume(dir.resolve("out"), RUN).orElseThrow()) {
            return checkpoint.recorded(KEYS, BOUNDS);
        }
    }

    private static void assertSamePoint(FinishedDesignPoint expected, FinishedDesignPoint actual) {
        assertEquals(expected.key(), actual.key());
        assertEquals(expected.found(), actual.found());
        assertEquals(Double.doubleToLongBits(expected.fitness()), Double.doubleToLongBits(actual.fitness()));
        assertArrayEquals(expected.bestFitnessPerGeneration(), actual.bestFitnessPerGeneration());
        assertEquals(expected.evaluations(), actual.evaluations());
        assertEquals(expected.reason(), actual.reason());
        assertEquals(expected.designKept(), actual.designKept());
        assertEquals(expected.dynamics() == null, actual.dynamics() == null);
        if (expected.dynamics() != null) {
            assertArrayEquals(expected.dynamics().childrenPerGeneration(), actual.dynamics().childrenPerGeneration());
            assertArrayEquals(expected.dynamics().childrenBeatingParentPerGeneration(),
                    actual.dynamics().childrenBeatingParentPerGeneration());
            assertArrayEquals(expected.dynamics().layersFromBestPerGeneration(),
                    actual.dynamics().layersFromBestPerGeneration());
            assertEquals(expected.dynamics().bestOrigin(), actual.dynamics().bestOrigin());
        }
        if (expected.designKept()) {
            assertEquals(DesignJson.toJson(expected.design()), DesignJson.toJson(actual.design()));
            assertEquals(expected.design().performance(), actual.design().performance());
        }
    }

    private String error(Runnable resume) {
        return assertThrows(InputException.class, resume::run).getMessage();
    }

    @Test
    void whatIsRecordedReadsBackExactlyWithTheDesignOnlyWhereKept() throws IOException {
        writeRun(KEPT, NOT_KEPT, EMPTY);
        List<String> lines = Files.readAllLines(file());
        assertEquals(4, lines.size(), "a header and one line per design point");
        assertTrue(lines.get(0).startsWith("{\"format\":\"pimsyn-checkpoint\",\"formatVersion\":4,\"run\":{"
                + "\"network\":\"sha256:"), lines.get(0));
        assertTrue(lines.get(1).contains("\"design\":{\"format\":\"pimsyn-design\""), lines.get(1));
        assertFalse(lines.get(2).contains("\"design\""), lines.get(2));
        assertTrue(lines.get(2).contains("\"childrenPerGeneration\":[12],\"childrenBeatingParentPerGeneration\":[3],"
                + "\"layersFromBestPerGeneration\":[4.25,1.5],\"bestGeneOrigin\":\"generation 1\""), lines.get(2));

        Map<Integer, FinishedDesignPoint> back = resumed();
        assertEquals(List.of(0, 1, 2), List.copyOf(back.keySet()));
        assertSamePoint(KEPT, back.get(0));
        assertSamePoint(NOT_KEPT, back.get(1));
        assertSamePoint(EMPTY, back.get(2));
        assertNull(back.get(1).outcome(new DuplicationCandidate(new int[] {2, 2, 1}, 0, 1)).best());
    }

    @Test
    void checkpointsOfEarlierVersionsAreRefusedWithTheReason() throws IOException {
        assertEquals(file() + ": line 1: $.formatVersion: 2 is a checkpoint of an earlier stage 1 (its candidates "
                + "without the proportional duplication), whose design points this version would not "
                + "reproduce; run without --resume to start over", refusedAsVersion(2));
        assertEquals(file() + ": line 1: $.formatVersion: 3 is a checkpoint of an earlier timing model (images "
                + "arriving paced at the bound), whose fitness values this version would not reproduce; run without "
                + "--resume to start over", refusedAsVersion(3));
    }

    /** The error resuming a checkpoint written today but labelled as of an earlier version. */
    private String refusedAsVersion(int version) throws IOException {
        writeRun(KEPT);
        String text = Files.readString(file());
        Files.writeString(file(), text.replace("\"formatVersion\":" + CheckpointFile.FORMAT_VERSION,
                "\"formatVersion\":" + version));
        return error(() -> CheckpointFile.resume(dir.resolve("out"), RUN));
    }

    @Test
    void anotherStageModeIsRefusedNamingTheField() throws IOException {
        writeRun(KEPT);
        RunFingerprint balanced = new RunFingerprint(RUN.network(), RUN.library(), RUN.powerMw(), RUN.macroMode(),
                RUN.macroSharing(), RUN.genes(), RUN.generations(), RUN.fitnessRun(), RUN.seed(), RUN.topDesigns(),
                RUN.objective(), 0, "sa", "balanced");
        assertEquals(file() + ": line 1: $.run.allocation: the checkpoint is of a run with floor, this run has "
                + "balanced; run without --resume to start over", error(() -> CheckpointFile.resume(
                        dir.resolve("out"), balanced)));
    }

    @Test
    void aTornLastLineIsIgnoredAndCutOffBeforeTheNextPointIsAppended() throws IOException {
        writeRun(KEPT);
        String whole = Files.readString(file());
        String tornLine = CheckpointFile.line(NOT_KEPT, EFFICIENCY);
        Files.writeString(file(), tornLine.substring(0, tornLine.length() / 2), StandardOpenOption.APPEND);
        try (CheckpointFile checkpoint = CheckpointFile.resume(dir.resolve("out"), RUN).orElseThrow()) {
            assertEquals(1, checkpoint.finishedDesignPoints());
            assertEquals(whole, Files.readString(file()), "the torn line is gone");
            checkpoint.record(EMPTY);
        }
        assertEquals(whole + CheckpointFile.line(EMPTY, EFFICIENCY) + "\n", Files.readString(file()));
        Map<Integer, FinishedDesignPoint> back = resumed();
        assertEquals(List.of(0, 2), List.copyOf(back.keySet()));
        assertSamePoint(EMPTY, back.get(2));
    }

    @Test
    void aPointRecordedTwiceTakesItsLaterLine() {
        FinishedDesignPoint again = new FinishedDesignPoint(KEYS.get(1), true, FITNESS, new double[] {100, FITNESS},
                9, "", DESIGN);
        writeRun(NOT_KEPT, again);
        try (CheckpointFile checkpoint = CheckpointFile.resume(dir.resolve("out"), RUN).orElseThrow()) {
            assertEquals(1, checkpoint.finishedDesignPoints());
            assertTrue(checkpoint.recorded(KEYS, BOUNDS).get(1).designKept());
        }
    }

    @Test
    void theRunsOtherInputsAreRefusedNamingTheFileAndTheField() {
        writeRun(KEPT);
        SynthesisRequest r = REQUEST;
        String power = error(() -> CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(
                new SynthesisRequest(r.network(), r.library(), 400, r.macroMode(), r.macroSharing(), r.genes(),
                        r.generations(), r.fitnessRun()), 1)));
        assertEquals(file() + ": line 1: $.run.powerMw: the checkpoint is of a run with 300.0, this run has 400.0; "
                + "run without --resume to start over", power);
        String seed = error(() -> CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(REQUEST, 2)));
        assertEquals(file() + ": line 1: $.run.seed: the checkpoint is of a run with 1, this run has 2; run without "
                + "--resume to start over", seed);
        String mode = error(() -> CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(
                new SynthesisRequest(r.network(), r.library(), r.totalPowerMw(), MacroMode.UNIFIED, r.macroSharing(),
                        r.genes(), r.generations(), r.fitnessRun()), 1)));
        assertTrue(mode.startsWith(file() + ": line 1: $.run.macroMode: the checkpoint is of a run with specified, "),
                mode);
        NetworkBuilder tiny = new NetworkBuilder("tiny");
        tiny.fc("fc", tiny.flatten("flat", tiny.input("input", new Shape(1, 3, 8, 8))), 10);
        RunFingerprint otherNetwork = new RunFingerprint(RunFingerprint.network(tiny.build()), RUN.library(),
                RUN.powerMw(), RUN.macroMode(), RUN.macroSharing(), RUN.genes(), RUN.generations(),
                RUN.fitnessRun(), RUN.seed(), RUN.topDesigns(), RUN.objective());
        String network = error(() -> CheckpointFile.resume(dir.resolve("out"), otherNetwork));
        assertTrue(network.matches(".*: line 1: \\$\\.run\\.network: the checkpoint is of a run with "
                + "sha256:[0-9a-f]{12}\\.\\.\\., this run has sha256:[0-9a-f]{12}\\.\\.\\.; run without --resume to "
                + "start over"), network);
    }

    @Test
    void anotherNumberOfTopDesignsIsRefusedNamingTheField() throws IOException {
        writeRun(KEPT);
        assertTrue(Files.readAllLines(file()).get(0).contains(",\"seed\":1,\"topDesigns\":10,\"duplication\":\"sa\","
                + "\"allocation\":\"floor\"}"));
        String three = error(() -> CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(REQUEST, 1, 3)));
        assertEquals(file() + ": line 1: $.run.topDesigns: the checkpoint is of a run with 10, this run has 3; run "
                + "without --resume to start over", three);
        try (CheckpointFile same = CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(REQUEST, 1, 10))
                .orElseThrow()) {
            assertEquals(1, same.finishedDesignPoints());
        }
    }

    @Test
    void aCheckpointWithoutTheTopDesignCountIsOfARunThatKeptTen() throws IOException {
        writeRun(KEPT);
        List<String> lines = Files.readAllLines(file());
        String older = lines.get(0).replace(",\"topDesigns\":10", "");
        assertFalse(older.contains("topDesigns"), older);
        Files.writeString(file(), older + "\n" + lines.get(1) + "\n");
        String one = error(() -> CheckpointFile.resume(dir.resolve("out"), RunFingerprint.of(REQUEST, 1, 1)));
        assertEquals(file() + ": line 1: $.run.topDesigns: the checkpoint is of a run with 10, this run has 1; run "
                + "without --resume to start over", one);
        assertSamePoint(KEPT, resumed().get(0));
    }

    @Test
    void theDefaultObjectiveGoesUnnamedAndAnotherIsRefusedNamingTheField() throws IOException {
        writeRun(KEPT);
        List<String> lines = Files.readAllLines(file());
        assertFalse(lines.get(0).contains("objective"), lines.get(0));
        assertTrue(lines.get(1).contains("\"fitnessGopsPerWatt\":"), lines.get(1));
        String named = lines.get(0).replace(",\"topDesigns\":10,",
                ",\"topDesigns\":10,\"objective\":\"efficiency\",");
        Files.writeString(file(), named + "\n" + lines.get(1) + "\n");
        assertSamePoint(KEPT, resumed().get(0));
        String other = named.replace("\"objective\":\"efficiency\"", "\"objective\":\"throughput\"");
        Files.writeString(file(), other + "\n" + lines.get(1) + "\n");
        assertEquals(file() + ": line 1: $.run.objective: the checkpoint is of a run with throughput, this run has "
                + "efficiency; run without --resume to start over", error(() -> resumed()));
    }

    @Test
    void theFingerprintFollowsContentNotWhereItWasRead() {
        String text = SmallCases.libraryJson();
        SynthesisRequest elsewhere = new SynthesisRequest(REQUEST.network(),
                HardwareLibrary.parse(text, "/somewhere/else.json"), REQUEST.totalPowerMw(),
                REQUEST.macroMode(), REQUEST.macroSharing(), REQUEST.genes(), REQUEST.generations(),
                REQUEST.fitnessRun());
        assertEquals(RUN, RunFingerprint.of(elsewhere, 1, 10));
        SynthesisRequest changed = new SynthesisRequest(REQUEST.network(),
                HardwareLibrary.parse(text.replace("\"coolingFactor\" : 0.8",
                        "\"coolingFactor\" : 0.7"), "small.json"),
                REQUEST.totalPowerMw(), REQUEST.macroMode(), REQUEST.macroSharing(), REQUEST.genes(),
                REQUEST.generations(), REQUEST.fitnessRun());
        assertTrue(RunFingerprint.of(changed, 1, 10).library().startsWith("sha256:"));
        assertFalse(RUN.library().equals(RunFingerprint.of(changed, 1, 10).library()), "the annealing changed");
        assertEquals(RUN.network(), RunFingerprint.of(changed, 1, 10).network());
    }

    @Test
    void aPointThatIsNotThisRunsIsRefused() {
        writeRun(KEPT, NOT_KEPT);
        List<DesignPointKey> otherDuplications = List.of(KEYS.get(0),
                new DesignPointKey(1, SmallDesign.POINT, 1, 2, new int[] {3, 2, 1}), KEYS.get(2));
        try (CheckpointFile checkpoint = CheckpointFile.resume(dir.resolve("out"), RUN).orElseThrow()) {
            String e = error(() -> checkpoint.recorded(otherDuplications, BOUNDS));
            assertEquals(file() + ": line 3: the checkpoint's design point 1 (" + SmallDesign.POINT
                    + ", duplication candidate index 1 of 2, WtDup [2, 2, 1]) is not this run's design point 1 ("
                    + SmallDesign.POINT + ", duplication candidate index 1 of 2, WtDup [3, 2, 1]); it was written by "
                    + "another version of pimsyn: run without --resume to start over", e);
            String beyond = error(() -> checkpoint.recorded(KEYS.subList(0, 1), new double[] {2 * FITNESS}));
            assertEquals(file() + ": line 3: design point 1 lies beyond this run's 1 design points; the checkpoint "
                    + "is of another run: run without --resume to start over", beyond);
        }
    }

    @Test
    void damageBeforeTheLastLineIsAnErrorNamingItsLine() throws IOException {
        writeRun(KEPT, NOT_KEPT, EMPTY);
        List<String> lines = Files.readAllLines(file());
        assertEquals(file() + ": line 3: line 1, column 2: malformed JSON: Unexpected character ('x' (code 120)): "
                + "was expecting double-quote to start field name", damaged(lines, 2, l -> "{x" + l.substring(1)));
        assertEquals(file() + ": line 3: $.evaluations: expected an integer, found the string \"9\"",
                damaged(lines, 2, l -> l.replace("\"evaluations\":9", "\"evaluations\":\"9\"")));
        assertTrue(damaged(lines, 2, l -> l.replace("\"order\":1,", "")).startsWith(file() + ": line 3: $.order: "),
                "a missing field");
        assertTrue(damaged(lines, 3, l -> l.replace("\"adcBits\":13", "\"adcBits\":0")).startsWith(
                file() + ": line 4: $: resolutions and crossbar size must be positive"));
        assertTrue(damaged(lines, 1, l -> l.replace("\"placement\":[", "\"placement\":[{\"layer\":\"x\"},")).startsWith(
                file() + ": line 2: design: $.placement"));
        assertEquals(file() + ": line 1: $.format: expected \"pimsyn-checkpoint\", found \"pimsyn-design\"",
                damaged(lines, 0, l -> l.replace("pimsyn-checkpoint", "pimsyn-design")));
        Files.writeString(file(), "");
        assertEquals(file() + ": line 1: no header line; not a pimsyn checkpoint", error(this::resumed));
    }

    private String damaged(List<String> lines, int index, UnaryOperator<String> edit) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append(i == index ? edit.apply(lines.get(i)) : lines.get(i)).append('\n');
        }
        Files.writeString(file(), text.toString(), StandardCharsets.UTF_8);
        return error(this::resumed);
    }

    private static String busy(Path out) {
        return out.resolve("checkpoint.jsonl") + ": another pimsyn run is writing this checkpoint; wait for it to end "
                + "or give another --out";
    }

    @Test
    void theDirectoryIsLockedBeforeAnythingIsWrittenAndUnlockedWhenTheRunEnds() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        // What another process holds between taking the lock and writing its header.
        try (FileChannel other = FileChannel.open(out.resolve(RunLock.FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = other.lock()) {
            assertEquals(busy(out), error(() -> CheckpointFile.start(out, RUN)));
            assertEquals(List.of(RunLock.FILE), filesIn(out), "no header moved into place");
        }
        try (CheckpointFile checkpoint = CheckpointFile.start(out, RUN)) {
            assertTrue(Files.exists(out.resolve(RunLock.FILE)));
        }
        assertEquals(List.of("checkpoint.jsonl"), filesIn(out), "the lock file goes with its run");
    }

    private static List<String> filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void ofTwoRunsStartedAtOnceOneWritesAndTheOtherIsTurnedAwayBeforeWritingAnything() throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                Path out = dir.resolve("race" + round);
                CyclicBarrier start = new CyclicBarrier(2);
                CyclicBarrier bothTried = new CyclicBarrier(2);
                List<Future<Long>> runs = new ArrayList<>();
                for (long seed : new long[] {1, 2}) {
                    runs.add(two.submit(() -> {
                        start.await();
                        CheckpointFile checkpoint;
                        try {
                            checkpoint = CheckpointFile.start(out, RunFingerprint.of(REQUEST, seed, 10));
                        } catch (InputException e) {
                            bothTried.await();
                            assertEquals(busy(out), e.getMessage());
                            return 0L;
                        }
                        try (checkpoint) {
                            // The winner holds on until the other has tried, as a run under way would.
                            bothTried.await();
                            checkpoint.record(EMPTY);
                        }
                        return seed;
                    }));
                }
                long first = runs.get(0).get(30, TimeUnit.SECONDS);
                long second = runs.get(1).get(30, TimeUnit.SECONDS);
                assertTrue(first == 0 ^ second == 0, "round " + round + ": one run proceeds, got " + first + ", "
                        + second);
                List<String> lines = Files.readAllLines(out.resolve("checkpoint.jsonl"));
                assertEquals(2, lines.size(), "round " + round);
                assertTrue(lines.get(0).contains(",\"seed\":" + (first + second) + ","), lines.get(0));
                assertEquals(List.of("checkpoint.jsonl"), filesIn(out));
            }
        } finally {
            two.shutdownNow();
        }
    }

    private String editedLine(int index, String field, JsonNode value) throws IOException {
        List<String> lines = Files.readAllLines(file());
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(index));
        line.set(field, value);
        lines.set(index, JSON.writeValueAsString(line));
        Files.write(file(), lines);
        return error(this::resumed);
    }

    @Test
    void aFitnessItsLinesDesignDoesNotHaveIsRefusedNamingTheLineAndTheField() throws IOException {
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 2: $.fitnessGopsPerWatt: 1.0E9 is not the power efficiency of the line's "
                + "design, " + FITNESS + " (from $.design.performance); the checkpoint was changed after it was "
                + "written: run without --resume to start over",
                editedLine(1, "fitnessGopsPerWatt", DoubleNode.valueOf(1e9)));
    }

    @Test
    void impossibleFiguresOfALineWithoutItsDesignAreRefused() throws IOException {
        writeRun(KEPT, NOT_KEPT, EMPTY);
        String changed = "the checkpoint was changed after it was written: run without --resume to start over";
        assertEquals(file() + ": line 3: $.fitnessGopsPerWatt: 250.0 is more than any design of this design point "
                + "can reach (GOPS/W at most 200.0, as proven from its hardware); " + changed,
                editedLine(2, "fitnessGopsPerWatt", DoubleNode.valueOf(250)));
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 3: $.bestFitnessPerGeneration[1]: 1.0E9 is more than any design of this "
                + "design point can reach (GOPS/W at most 200.0, as proven from its hardware); " + changed,
                editedLine(2, "bestFitnessPerGeneration", JSON.createArrayNode().add(100).add(1e9)));
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 3: $.fitnessGopsPerWatt: must be a finite number >= 0, found -1.0",
                editedLine(2, "fitnessGopsPerWatt", DoubleNode.valueOf(-1)));
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 3: $.bestFitnessPerGeneration[0]: must be a finite number >= 0, found "
                + "Infinity", editedLine(2, "bestFitnessPerGeneration", JSON.createArrayNode().add(1e308 * 10)));
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 4: $.fitnessGopsPerWatt: 0.5 with $.found false; a design point that found "
                + "no design has fitness 0", editedLine(3, "fitnessGopsPerWatt", DoubleNode.valueOf(0.5)));
        writeRun(KEPT, NOT_KEPT, EMPTY);
        assertEquals(file() + ": line 3: $.evaluations: must be >= 0, found -9",
                editedLine(2, "evaluations", LongNode.valueOf(-9)));
    }

    @Test
    void aCheckpointTooLargeOrNotARegularFileIsRefusedWithoutReadingIt() throws IOException, InterruptedException {
        writeRun(KEPT);
        try (RandomAccessFile grown = new RandomAccessFile(file().toFile(), "rw")) {
            grown.setLength(CheckpointFile.MAX_BYTES + 1);
        }
        assertEquals(file() + ": the checkpoint is larger than 268,435,456 bytes, the most pimsyn reads; run without "
                + "--resume to start over", error(this::resumed));
        Files.delete(file());
        Files.createDirectory(file());
        assertEquals(file() + ": is a directory; expected a pimsyn checkpoint file", error(this::resumed));
        assertEquals(file() + ": is a directory; expected a pimsyn checkpoint file or none",
                error(() -> CheckpointFile.start(dir.resolve("out"), RUN)));
        Files.delete(file());
        Process fifo = new ProcessBuilder("mkfifo", file().toString()).start();
        assumeTrue(fifo.waitFor() == 0, "mkfifo makes a pipe");
        assertEquals(file() + ": not a regular file (a device, pipe or socket); expected a pimsyn checkpoint file",
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> error(this::resumed)));
    }

    @Test
    void withoutACheckpointThereIsNothingToResume() {
        assertTrue(CheckpointFile.resume(dir.resolve("out"), RUN).isEmpty());
        assertFalse(Files.exists(dir.resolve("out")), "looking creates nothing");
    }

    @Test
    void startingReplacesAnEarlierRunsCheckpoint() throws IOException {
        writeRun(KEPT, NOT_KEPT);
        writeRun(EMPTY);
        List<String> lines = Files.readAllLines(file());
        assertEquals(2, lines.size());
        assertEquals(CheckpointFile.line(EMPTY, EFFICIENCY), lines.get(1));
    }

    @Test
    void aCheckpointInUseCannotBeOpenedAgain() {
        try (CheckpointFile first = CheckpointFile.start(dir.resolve("out"), RUN)) {
            first.record(KEPT);
            String expected = file() + ": another pimsyn run is writing this checkpoint; wait for it to end or give "
                    + "another --out";
            assertEquals(expected, error(() -> CheckpointFile.resume(dir.resolve("out"), RUN)));
            assertEquals(expected, error(() -> CheckpointFile.start(dir.resolve("out"), RUN)));
        }
        assertEquals(1, resumed().size(), "usable once released");
    }

    @Test
    void anAbandonedCheckpointLeavesNeitherItselfNorTheDirectoriesItCreated() throws IOException {
        Path nested = dir.resolve("a").resolve("b");
        try (CheckpointFile checkpoint = CheckpointFile.start(nested, RUN)) {
            checkpoint.record(EMPTY);
            checkpoint.abandon();
        }
        assertFalse(Files.exists(dir.resolve("a")));
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("keep.txt"), "x");
        try (CheckpointFile checkpoint = CheckpointFile.start(nested, RUN)) {
            checkpoint.abandon();
        }
        try (Stream<Path> left = Files.list(nested)) {
            assertEquals(List.of(nested.resolve("keep.txt")), left.toList());
        }
    }
}
