package org.pimsyn.synth.explore;

import org.pimsyn.synth.Deadline;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pimsyn.synth.explore.PlannedPoints.planned;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

class FitnessBoundsTest {
    /** A bound of ten times the ResDAC plus the first layer's duplication; counts its calls. */
    private static final class CountingBounds implements CandidateSearch {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public CandidateOutcome search(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup,
                long seed) {
            throw new UnsupportedOperationException("bounds only");
        }

        @Override
        public double fitnessUpperBound(SynthesisRequest request, DesignPoint point, DuplicationCandidate dup) {
            calls.incrementAndGet();
            return 10 * point.resDacBits() + dup.duplication(0);
        }
    }

    /** Points 0 and 3 differ only in RatioRram, as do 1 and 4: five points, three searches. */
    private static final List<PlannedDesignPoint> POINTS = List.of(planned(0, 0.05, 2, 2, 1),
            planned(1, 0.05, 4, 2, 1), planned(2, 0.05, 2, 1, 1), planned(3, 0.3, 2, 2, 1),
            planned(4, 0.3, 4, 2, 1));

    private static double[] bounds(CountingBounds search, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return FitnessBounds.of(search, SmallCases.request(), POINTS, pool, threads, Deadline.NONE,
                    ExplorationListener.NONE);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pointsSharingASearchShareOneBoundComputedOnce() {
        CountingBounds search = new CountingBounds();
        assertArrayEquals(new double[] {22, 42, 21, 22, 42}, bounds(search, 1));
        assertEquals(3, search.calls.get());
    }

    @Test
    void theSlicesOnManyThreadsComeBackInPointOrder() {
        for (int threads : new int[] {2, 3, 4}) {
            assertArrayEquals(new double[] {22, 42, 21, 22, 42}, bounds(new CountingBounds(), threads),
                    threads + " threads");
        }
    }
}
