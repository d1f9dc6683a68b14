package org.pimsyn.synth.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.SynthesisRequest;

class SparkRetryTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        // Two threads, three attempts per task: local mode gives a task a single attempt unless told otherwise.
        spark = LocalSpark.start("local[2,3]");
    }

    @AfterAll
    static void stopSpark() {
        SearchOnExecutor.failFirstAttempts = false;
        spark.stop();
    }

    @Test
    void tasksWhoseFirstAttemptFailsAreRetriedAndTheRunEndsWithTheLocalResult() {
        SynthesisRequest request = Explorations.request();
        Explorations.Run local = Explorations.local(request);
        SearchOnExecutor.FAILED_FIRST_ATTEMPTS.set(0);
        SearchOnExecutor.failFirstAttempts = true;
        Explorations.Run onSpark = Explorations.run(request, new SparkDesignPointExecutor(spark));
        SearchOnExecutor.failFirstAttempts = false;
        assertEquals(local.result().statistics().designPointsSearched(), SearchOnExecutor.FAILED_FIRST_ATTEMPTS.get(),
                "every task failed once");
        Explorations.assertSameRun(local, onSpark);
    }
}
