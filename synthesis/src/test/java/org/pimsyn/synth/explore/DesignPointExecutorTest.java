package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.SynthesisRequest;

class DesignPointExecutorTest {
    private static final SynthesisRequest REQUEST = SmallCases.request();

    /** Searches a batch on the calling thread from its last task to its first, as a cluster might finish them. */
    private static final class LastFirst implements DesignPointExecutor {
        private final CandidateSearch search;
        final List<Integer> batchSizes = new ArrayList<>();

        LastFirst(CandidateSearch search) {
            this.search = search;
        }

        @Override
        public List<CandidateOutcome> searchAll(SynthesisRequest request, List<DesignPointTask> tasks,
                TaskFinished finished) {
            batchSizes.add(tasks.size());
            CandidateOutcome[] outcomes = new CandidateOutcome[tasks.size()];
            for (int i = tasks.size() - 1; i >= 0; i--) {
                DesignPointTask t = tasks.get(i);
                outcomes[i] = search.search(request, t.point(), t.duplication(), t.seed());
                finished.finished(i, outcomes[i]);
            }
            return Arrays.asList(outcomes);
        }
    }

    private static List<String> topDesigns(ExplorationResult r) {
        List<String> out = new ArrayList<>();
        for (RankedDesign d : r.topDesigns()) {
            out.add(d.order() + " " + d.point() + " candidate " + d.candidateIndex() + " fitness " + d.fitness());
        }
        return out;
    }

    @Test
    void anExecutorFinishingTasksInAnyOrderGivesTheResultOfTheThreadPool() {
        for (double powerMw : new double[] {300, 1500}) {
            SynthesisRequest request = new SynthesisRequest(REQUEST.network(), REQUEST.library(), powerMw,
                    REQUEST.macroMode(), true, REQUEST.genes(), REQUEST.generations(), REQUEST.fitnessRun());
            FakeCandidateSearch pooled = new FakeCandidateSearch();
            FakeCandidateSearch elsewhere = new FakeCandidateSearch();
            LastFirst executor = new LastFirst(elsewhere);
            AtomicInteger searchedCalls = new AtomicInteger();
            ExplorationResult a = new DesignSpaceExplorer(pooled, new ExplorationSettings(2, true))
                    .explore(request, 5, ExplorationListener.NONE);
            ExplorationResult b = new DesignSpaceExplorer(new FakeCandidateSearch(), new ExplorationSettings(2, true),
                    executor).explore(request, 5, new ExplorationListener() {
                        @Override
                        public void searched() {
                            searchedCalls.incrementAndGet();
                        }
                    });
            String where = powerMw + " mW";
            assertEquals(topDesigns(a), topDesigns(b), where);
            assertEquals(a.statistics(), b.statistics(), where);
            assertEquals(a.noDesignReasons(), b.noDesignReasons(), where);
            assertEquals(new HashSet<>(pooled.calls()), new HashSet<>(elsewhere.calls()), "same points and seeds");
            assertEquals(b.statistics().designPointsSearched() + b.statistics().designPointsReused(),
                    searchedCalls.get(), where);
            assertEquals(b.statistics().designPointsSearched(),
                    executor.batchSizes.stream().mapToInt(Integer::intValue).sum(), where);
            assertTrue(executor.batchSizes.stream().allMatch(n -> n <= ExplorationSettings.BATCH_SIZE), where);
        }
    }
}
