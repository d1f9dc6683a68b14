package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.JSON;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.assertOneLineError;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.filesIn;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.run;
import static org.pimsyn.synth.cli.SynthesizeCommandTest.smallCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.explore.DelegatingSearch;
import org.pimsyn.synth.explore.FakeCandidateSearch;
import org.pimsyn.synth.explore.ReadTickingClock;
import org.pimsyn.synth.explore.TickingSearch;

/** {@code pimsyn synthesize --resume} with the fake candidate search, in-process. */
class SynthesizeResumeTest {
    private static final String UNTIMED = "\"secondsSinceStart\":[0-9.E-]+";

    @TempDir
    Path dir;

    @RegisterExtension
    final SearchRestored restored = new SearchRestored();
    private FakeCandidateSearch fake;

    @BeforeEach
    void useTheFakeSearch() {
        fake = new FakeCandidateSearch();
        SynthesizeCommand.candidateSearch = () -> fake;
    }

    /** A run cut short after its first batch by a budget on the ticking clock. */
    private Path cutShort(String out, String... more) throws IOException {
        TickingSearch ticking = new TickingSearch(fake);
        SynthesizeCommand.candidateSearch = () -> ticking;
        SynthesizeCommand.nanoClock = ticking.clock();
        Path dirOut = dir.resolve(out);
        List<String> args = smallCase(dir, more);
        args.addAll(List.of("--out", dirOut.toString(), "--budget-minutes", "0.000001"));
        CliRun cut = run(args);
        assertEquals(0, cut.exitCode(), cut.err());
        assertTrue(cut.out().contains("\nStopped at the time budget after 2 of "), cut.out());
        SynthesizeCommand.candidateSearch = () -> fake;
        SynthesizeCommand.nanoClock = restored.clock();
        return dirOut;
    }

    /** A run never stopped, into {@code out}; the number of design points it searched. */
    private int wholeRun(Path out, String... more) throws IOException {
        List<String> args = smallCase(dir, more);
        args.addAll(List.of("--out", out.toString()));
        CliRun whole = run(args);
        assertEquals(0, whole.exitCode(), whole.err());
        return JSON.readTree(out.resolve("report.json").toFile()).at("/exploration/designPointsSearched").intValue();
    }

    /** The files of two runs are those of one run but for the execution section and the log's times. */
    static void assertSameRun(Path expected, Path actual) throws IOException {
        for (String f : List.of("design.json", "pimcomp.json")) {
            assertEquals(Files.readString(expected.resolve(f)), Files.readString(actual.resolve(f)), f);
        }
        String a = Files.readString(expected.resolve("report.json"));
        String b = Files.readString(actual.resolve("report.json"));
        assertEquals(a.substring(0, a.indexOf("\n  \"execution\" : {")),
                b.substring(0, b.indexOf("\n  \"execution\" : {")), "report.json outside its execution section");
        assertEquals(Files.readString(expected.resolve("exploration.jsonl")).replaceAll(UNTIMED, ""),
                Files.readString(actual.resolve("exploration.jsonl")).replaceAll(UNTIMED, ""));
    }

    @Test
    void aRunCutShortAndResumedWritesTheFilesOfARunNeverStopped() throws IOException {
        Path whole = dir.resolve("whole");
        int searched = wholeRun(whole, "--threads", "2");

        Path out = cutShort("out", "--threads", "2");
        assertEquals(1 + 2, Files.readAllLines(out.resolve("checkpoint.jsonl")).size());
        fake = new FakeCandidateSearch();
        CliRun resumed = run(smallCase(dir, "--out", out.toString(), "--threads", "1", "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals("pimsyn synthesize: resuming from " + out.resolve("checkpoint.jsonl") + ": 2 design points "
                + "finished\n", resumed.err());
        assertEquals(searched - 2, fake.calls().size(), "only the points the first run did not finish");
        assertTrue(resumed.out().contains("\nResumed: 2 of the " + searched + " design points searched were taken "
                + "from the checkpoint\n"), resumed.out());
        assertFalse(resumed.out().contains("Stopped at the time budget"), resumed.out());
        assertSameRun(whole, out);
        JsonNode execution = JSON.readTree(out.resolve("report.json").toFile()).get("execution");
        assertEquals(2, execution.get("designPointsFromCheckpoint").intValue());
        assertEquals(1, execution.get("threads").intValue());
        assertEquals(1 + searched, Files.readAllLines(out.resolve("checkpoint.jsonl")).size());

        // Resuming a finished run searches nothing and writes the same files again.
        fake = new FakeCandidateSearch();
        CliRun again = run(smallCase(dir, "--out", out.toString(), "--resume"));
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, fake.calls().size());
        assertSameRun(whole, out);
        assertEquals(1 + searched, Files.readAllLines(out.resolve("checkpoint.jsonl")).size());
    }

    /** The real search on a clock that moves a second at every reading, with the clock before and after each search. */
    private static final class TimedSearch extends DelegatingSearch {
        final ReadTickingClock clock = new ReadTickingClock(TickingSearch.SECOND_NS);
        final List<long[]> searches = new ArrayList<>();
        private long startNs;

        TimedSearch() {
            super(CandidateSearches.standard());
        }

        @Override
        protected void beforeSearch() {
            startNs = clock.peek();
        }

        @Override
        protected void afterSearch() {
            searches.add(new long[] {startNs, clock.peek()});
        }

        /** A run of the small case at 3 W on this search and clock, one thread, keeping ten designs. */
        CliRun run(Path dir, Path out, String... more) throws IOException {
            SynthesizeCommand.candidateSearch = () -> this;
            SynthesizeCommand.nanoClock = clock;
            List<String> args = smallCase(dir, "--power", "3", "--threads", "1", "--top-designs", "10", "--out",
                    out.toString());
            args.addAll(List.of(more));
            return SynthesizeCommandTest.run(args);
        }
    }

    @Test
    void aRunStoppedInTheMiddleOfASearchAndResumedWritesTheFilesOfARunNeverStopped() throws IOException {
        // A budget never reached, so that the deadline is read as often as in the run that is cut.
        TimedSearch whole = new TimedSearch();
        long before = whole.clock.peek();
        CliRun plain = whole.run(dir, dir.resolve("whole"), "--budget-minutes", "100000000");
        assertEquals(0, plain.exitCode(), plain.err());
        long[] fourth = whole.searches.get(3);
        assertTrue(fourth[1] - fourth[0] >= 6 * TickingSearch.SECOND_NS, "the fourth search scores several genes");
        double minutes = ((fourth[0] + fourth[1]) / 2 - before) / 60e9;

        TimedSearch cut = new TimedSearch();
        Path out = dir.resolve("out");
        CliRun stopped = cut.run(dir, out, "--budget-minutes", Double.toString(minutes));
        assertEquals(0, stopped.exitCode(), stopped.err());
        assertTrue(stopped.out().contains("\nStopped at the time budget after "), stopped.out());
        assertEquals(3, cut.searches.size(), "the fourth search was stopped");
        JsonNode exploration = JSON.readTree(out.resolve("report.json").toFile()).get("exploration");
        assertEquals(3, exploration.get("designPointsSearched").intValue());
        assertEquals(1 + 3 + exploration.get("designPointsReused").intValue(),
                Files.readAllLines(out.resolve("checkpoint.jsonl")).size(),
                "the points counted are in the checkpoint, the stopped search is not");

        TimedSearch resumed = new TimedSearch();
        CliRun again = resumed.run(dir, out, "--resume");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(whole.searches.size() - 3, resumed.searches.size(), "the stopped search runs again");
        assertSameRun(dir.resolve("whole"), out);
    }

    @Test
    void aBudgetSpentInStageOneExitsThreeWithTheWayToResume() throws IOException {
        TimedSearch timed = new TimedSearch();
        Path out = dir.resolve("out");
        CliRun stopped = timed.run(dir, out, "--budget-minutes", "0.05");
        assertOneLineError(stopped, 3);
        assertEquals("pimsyn synthesize: the time budget of 0.05 minutes ran out before a design was found: stage 1 "
                + "(weight duplication) was under way, and no design point was searched; --resume continues the run "
                + "from " + out.resolve("checkpoint.jsonl"), stopped.err().strip());
        assertEquals(0, timed.searches.size());
        assertEquals(1, Files.readAllLines(out.resolve("checkpoint.jsonl")).size(), "the checkpoint is kept");

        CliRun resumed = new TimedSearch().run(dir, out, "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
    }

    @Test
    void aRunKeepingTwoDesignsCutShortAndResumedWritesTheFilesOfOneNeverStopped() throws IOException {
        Path whole = dir.resolve("whole");
        int searched = wholeRun(whole, "--top-designs", "2");
        Path out = cutShort("out", "--top-designs", "2");
        fake = new FakeCandidateSearch();
        CliRun resumed = run(smallCase(dir, "--out", out.toString(), "--top-designs", "2", "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(searched - 2, fake.calls().size(), "only the points the first run did not finish");
        assertSameRun(whole, out);
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(2, report.at("/inputs/topDesigns").intValue());
        assertEquals(2, report.get("topDesigns").size());
    }

    @Test
    void resumingWithOtherInputsIsRefusedNamingTheCheckpointAndTheField() throws IOException {
        Path out = cutShort("out");
        String before = Files.readString(out.resolve("checkpoint.jsonl"));
        String[][] cases = {
            {"--power", "0.4", "$.run.powerMw: the checkpoint is of a run with 300.0, this run has 400.0"},
            {"--seed", "3", "$.run.seed: the checkpoint is of a run with 1, this run has 3"},
            {"--genes", "4", "$.run.genes: the checkpoint is of a run with 3, this run has 4"},
            {"--macros", "unified", "$.run.macroMode: the checkpoint is of a run with specified, this run has unified"},
            {"--no-macro-sharing", null, "$.run.macroSharing: the checkpoint is of a run with true, this run has false"},
            {"--top-designs", "3", "$.run.topDesigns: the checkpoint is of a run with 1, this run has 3"},
        };
        for (String[] c : cases) {
            List<String> args = smallCase(dir, "--out", out.toString(), "--resume", c[0]);
            if (c[1] != null) {
                args.add(c[1]);
            }
            CliRun refused = run(args);
            assertOneLineError(refused, 2);
            assertEquals("pimsyn synthesize: " + out.resolve("checkpoint.jsonl") + ": line 1: " + c[2]
                    + "; run without --resume to start over", refused.err().strip());
        }
        assertEquals(2, fake.calls().size(), "the first run's; the refused runs search nothing");
        assertEquals(before, Files.readString(out.resolve("checkpoint.jsonl")), "the checkpoint is left as it was");
        assertEquals(List.of("checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json", "report.html",
                "report.json"), filesIn(out));
    }

    @Test
    void resumingWithoutACheckpointStartsANewRunAndSaysSo() throws IOException {
        Path out = dir.resolve("out");
        CliRun first = run(smallCase(dir, "--out", out.toString(), "--resume"));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("pimsyn synthesize: no checkpoint at " + out.resolve("checkpoint.jsonl") + "; starting a new "
                + "run\n", first.err());
        assertFalse(first.out().contains("Resumed"), first.out());
        Path plain = dir.resolve("plain");
        assertEquals(0, run(smallCase(dir, "--out", plain.toString())).exitCode());
        assertSameRun(plain, out);
    }

    @Test
    void aNewRunReplacesTheCheckpointOfAnEarlierOne() throws IOException {
        Path out = cutShort("out", "--seed", "5");
        fake = new FakeCandidateSearch();
        CliRun fresh = run(smallCase(dir, "--out", out.toString(), "--seed", "6"));
        assertEquals(0, fresh.exitCode(), fresh.err());
        int searched = JSON.readTree(out.resolve("report.json").toFile()).at("/exploration/designPointsSearched")
                .intValue();
        assertEquals(searched, fake.calls().size(), "nothing of the seed-5 run is taken");
        List<String> lines = Files.readAllLines(out.resolve("checkpoint.jsonl"));
        assertEquals(1 + searched, lines.size());
        assertTrue(lines.get(0).contains("\"seed\":6"), lines.get(0));
    }

    @Test
    void aTornLastLineAndLeftoverTemporaryFilesOfAKilledRunDoNotStopTheResume() throws IOException {
        Path out = cutShort("out");
        Path checkpoint = out.resolve("checkpoint.jsonl");
        List<String> lines = Files.readAllLines(checkpoint);
        String last = lines.get(lines.size() - 1);
        // As a run killed while writing the 17th point would leave it: a line without its end, and temporaries.
        Files.writeString(checkpoint, last.substring(0, last.length() / 3), StandardOpenOption.APPEND);
        Files.writeString(out.resolve(".exploration.jsonl123.tmp"), "{\"half");
        Files.writeString(out.resolve(".report.json456.tmp"), "{");
        Files.writeString(out.resolve(".notes.tmp"), "not ours");
        fake = new FakeCandidateSearch();
        CliRun resumed = run(smallCase(dir, "--out", out.toString(), "--resume"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(List.of(".notes.tmp", "checkpoint.jsonl", "design.json", "exploration.jsonl", "pimcomp.json",
                "report.html", "report.json"), filesIn(out));
        for (String line : Files.readAllLines(checkpoint)) {
            JSON.readTree(line);
        }
        Path whole = dir.resolve("whole");
        assertEquals(0, run(smallCase(dir, "--out", whole.toString())).exitCode());
        assertSameRun(whole, out);
    }

    @Test
    void progressLinesCountThePointsTakenFromTheCheckpoint() throws IOException {
        Path out = cutShort("out");
        fake = new FakeCandidateSearch();
        CliRun resumed = run(smallCase(dir, "--out", out.toString(), "--resume", "--progress"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        List<String> lines = resumed.err().lines().toList();
        assertTrue(lines.get(0).startsWith("pimsyn synthesize: resuming from "), resumed.err());
        assertTrue(lines.get(1).startsWith("stage 1, crossbar points: 0 of 4 (0%), "), resumed.err());
        assertTrue(lines.get(2).startsWith("fitness bounds: 0 of "), resumed.err());
        assertTrue(lines.get(3).startsWith("design points: 0 of "), resumed.err());
        String end = lines.get(lines.size() - 1);
        assertTrue(end.matches("design points: (\\d+) of \\1 \\(100%\\), \\d+ pruned, 2 from the checkpoint, best "
                + "[0-9,.]+ GOPS/W, .* elapsed"), end);
        assertFalse(resumed.err().contains("\r"));
        ObjectNode report = (ObjectNode) JSON.readTree(out.resolve("report.json").toFile());
        assertEquals(2, report.at("/execution/designPointsFromCheckpoint").intValue());
    }
}
