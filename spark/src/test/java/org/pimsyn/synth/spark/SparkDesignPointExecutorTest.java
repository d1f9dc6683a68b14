package org.pimsyn.synth.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointTask;
import org.pimsyn.synth.explore.ExplorationSeeds;
import org.pimsyn.synth.explore.ExplorationSettings;
import org.pimsyn.synth.explore.SearchedDesignPoint;

class SparkDesignPointExecutorTest {
    private static final SynthesisRequest REQUEST = Explorations.request();
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("local[2]");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void aSparkRunSearchesEveryPointAsTheLocalRunAndChoosesTheSameDesigns() {
        Explorations.Run local = Explorations.local(REQUEST);
        Explorations.Run onSpark = Explorations.run(REQUEST, new SparkDesignPointExecutor(spark));
        assertTrue(local.searched().size() > ExplorationSettings.BATCH_SIZE,
                "the case spans more than one batch: " + local.searched().size() + " points");
        assertTrue(local.result().statistics().designPointsFound() > 1, "several points found a design");
        Explorations.assertSameRun(local, onSpark);
    }

    @Test
    void eachTaskIsReportedOnceAsItFinishesWithTheOutcomeReturnedForIt() {
        List<SearchedDesignPoint> searched = Explorations.local(REQUEST).searched();
        List<DesignPointTask> tasks = new ArrayList<>();
        for (SearchedDesignPoint p : searched.subList(0, 5)) {
            tasks.add(new DesignPointTask(p.point(), p.outcome().duplication(),
                    ExplorationSeeds.candidateSearch(Explorations.SEED, p.point(), p.outcome().duplication())));
        }
        ConcurrentMap<Integer, CandidateOutcome> reported = new ConcurrentHashMap<>();
        List<Integer> twice = new ArrayList<>();
        List<CandidateOutcome> outcomes = new SparkDesignPointExecutor(spark).searchAll(REQUEST, tasks,
                (index, outcome) -> {
                    if (reported.putIfAbsent(index, outcome) != null) {
                        twice.add(index);
                    }
                });
        assertEquals(List.of(), twice);
        assertEquals(tasks.size(), outcomes.size());
        assertEquals(tasks.size(), reported.size());
        for (int i = 0; i < tasks.size(); i++) {
            assertTrue(outcomes.get(i) == reported.get(i), "task " + i);
            Explorations.assertSameOutcome(searched.get(i).outcome(), outcomes.get(i), "task " + i);
        }
    }

    @Test
    void anEmptyBatchStartsNoJob() {
        assertEquals(List.of(), new SparkDesignPointExecutor(spark).searchAll(REQUEST, List.of(),
                (index, outcome) -> {
                    throw new AssertionError("no task to report");
                }));
    }
}
