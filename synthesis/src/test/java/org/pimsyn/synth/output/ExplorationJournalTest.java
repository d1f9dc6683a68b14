package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.SearchedDesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.objective.Objectives;

class ExplorationJournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static SearchedDesignPoint withoutDesign(int candidateIndex, long nanos) {
        CandidateOutcome outcome = new CandidateOutcome(new DesignPoint(0.25, 2, 128, 1, 6),
                new DuplicationCandidate(new int[] {2, 1}, 10.0, 8), null, 0, new double[] {0, 0, 0}, 42,
                "the peripherals do not fit");
        return new SearchedDesignPoint(candidateIndex, 3, outcome, 812.5, nanos);
    }

    @Test
    void aLineHoldsThePointTheCandidateTheSearchAndTheRunSoFar() throws IOException {
        String line = ExplorationJournal.line(withoutDesign(1, 2_500_000_000L), Objectives.EFFICIENCY);
        assertFalse(line.contains("\n"));
        JsonNode o = JSON.readTree(line);
        assertEquals(List.of("ratioRram", "resRramBits", "xbSizeRows", "resDacBits", "adcBits", "candidateIndex",
                "candidates", "found", "fitnessGopsPerWatt", "noDesignReason", "evaluations",
                "bestFitnessPerGeneration", "sharedSearch", "bestFitnessSoFar", "secondsSinceStart"), fieldNames(o));
        assertFalse(o.get("sharedSearch").booleanValue());
        assertEquals(0.25, o.get("ratioRram").doubleValue());
        assertEquals(128, o.get("xbSizeRows").intValue());
        assertEquals(6, o.get("adcBits").intValue());
        assertEquals(1, o.get("candidateIndex").intValue());
        assertEquals(3, o.get("candidates").intValue());
        assertFalse(o.get("found").booleanValue());
        assertEquals("the peripherals do not fit", o.get("noDesignReason").textValue());
        assertEquals(42, o.get("evaluations").longValue());
        assertEquals(3, o.get("bestFitnessPerGeneration").size());
        assertEquals(812.5, o.get("bestFitnessSoFar").doubleValue());
        assertEquals(2.5, o.get("secondsSinceStart").doubleValue());
    }

    @Test
    void linesAreReadableBeforeTheCommitAndTheFileAppearsOnlyThen() throws IOException {
        Path out = dir.resolve("out");
        try (ExplorationJournal journal = ExplorationJournal.open(out, Objectives.EFFICIENCY)) {
            journal.searched(withoutDesign(0, 1));
            journal.searched(withoutDesign(1, 2));
            assertFalse(Files.exists(out.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE)));
            List<Path> pending = list(out);
            assertEquals(1, pending.size());
            assertEquals(2, Files.readAllLines(pending.get(0)).size(), "each line is flushed as it is written");
            assertEquals(out.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE).toAbsolutePath(), journal.commit());
        }
        assertEquals(List.of(out.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE)), list(out));
        List<String> lines = Files.readAllLines(out.resolve(SynthesisOutputs.EXPLORATION_LOG_FILE));
        assertEquals(2, lines.size());
        assertEquals(1, JSON.readTree(lines.get(1)).get("candidateIndex").intValue());
    }

    @Test
    void aRunThatFailsLeavesNeitherTheLogNorTheDirectoriesItCreated() throws IOException {
        Path out = dir.resolve("a").resolve("b");
        try (ExplorationJournal journal = ExplorationJournal.open(out, Objectives.EFFICIENCY)) {
            journal.searched(withoutDesign(0, 1));
        }
        assertFalse(Files.exists(dir.resolve("a")));
        Files.createDirectories(out);
        Files.writeString(out.resolve("keep.txt"), "x");
        try (ExplorationJournal journal = ExplorationJournal.open(out, Objectives.EFFICIENCY)) {
            journal.searched(withoutDesign(0, 1));
        }
        assertEquals(List.of(out.resolve("keep.txt")), list(out));
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.sorted().toList();
        }
    }
}
