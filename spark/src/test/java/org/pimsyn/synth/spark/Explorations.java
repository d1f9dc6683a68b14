package org.pimsyn.synth.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.explore.DesignPointExecutor;
import org.pimsyn.synth.explore.DesignSpaceExplorer;
import org.pimsyn.synth.explore.ExplorationListener;
import org.pimsyn.synth.explore.ExplorationResult;
import org.pimsyn.synth.explore.ExplorationSettings;
import org.pimsyn.synth.explore.SearchedDesignPoint;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.output.DesignJson;

/** Explorations with the standard search, locally or on an executor, and exact comparisons of what they give. */
final class Explorations {
    static final long SEED = 7;

    private Explorations() {
    }

    /** The small network and reduced library under 5 W, where most design points find a design. */
    static SynthesisRequest request() {
        return new SynthesisRequest(SmallCases.network(), SmallCases.library(), 5000, MacroMode.SPECIFIED, true, 3, 4,
                2);
    }

    /** A run and every design point it searched, in the order the driver counted them. */
    record Run(ExplorationResult result, List<SearchedDesignPoint> searched) {
    }

    static Run local(SynthesisRequest request) {
        return run(request, null);
    }

    /**
     * On {@code executor}, or on two local threads where it is null; without pruning, so that the run spans several
     * batches of searches (the bound prunes most of this small space after the first).
     */
    static Run run(SynthesisRequest request, DesignPointExecutor executor) {
        List<SearchedDesignPoint> searched = Collections.synchronizedList(new ArrayList<>());
        ExplorationSettings settings = new ExplorationSettings(2, false);
        DesignSpaceExplorer explorer = executor == null
                ? new DesignSpaceExplorer(CandidateSearches.standard(), settings)
                : new DesignSpaceExplorer(CandidateSearches.standard(), settings, executor);
        ExplorationResult result = explorer.explore(request, SEED, new ExplorationListener() {
            @Override
            public void searched(SearchedDesignPoint point) {
                searched.add(point);
            }
        });
        return new Run(result, List.copyOf(searched));
    }

    /** Same point and candidate, same fitness bits, same search history, same design file. */
    static void assertSameOutcome(CandidateOutcome expected, CandidateOutcome actual, String where) {
        assertEquals(expected.point(), actual.point(), where);
        assertEquals(expected.duplication(), actual.duplication(), where);
        assertEquals(Double.doubleToRawLongBits(expected.fitness()), Double.doubleToRawLongBits(actual.fitness()),
                where);
        assertArrayEquals(expected.bestFitnessPerGeneration(), actual.bestFitnessPerGeneration(), where);
        assertEquals(expected.evaluations(), actual.evaluations(), where);
        assertEquals(expected.reason(), actual.reason(), where);
        assertEquals(expected.found(), actual.found(), where);
        if (expected.found()) {
            assertEquals(DesignJson.toJson(expected.best()), DesignJson.toJson(actual.best()), where);
        }
        assertEquals(expected.dynamics() == null, actual.dynamics() == null, where + ": dynamics");
        if (expected.dynamics() != null) {
            assertArrayEquals(expected.dynamics().childrenPerGeneration(), actual.dynamics().childrenPerGeneration(),
                    where);
            assertArrayEquals(expected.dynamics().childrenBeatingParentPerGeneration(),
                    actual.dynamics().childrenBeatingParentPerGeneration(), where);
            assertArrayEquals(expected.dynamics().layersFromBestPerGeneration(),
                    actual.dynamics().layersFromBestPerGeneration(), where);
            assertEquals(expected.dynamics().bestOrigin(), actual.dynamics().bestOrigin(), where);
        }
    }

    /** Every searched point, the top designs in order, the statistics and the reasons are the same. */
    static void assertSameRun(Run expected, Run actual) {
        assertEquals(expected.searched().size(), actual.searched().size());
        for (int i = 0; i < expected.searched().size(); i++) {
            SearchedDesignPoint e = expected.searched().get(i);
            SearchedDesignPoint a = actual.searched().get(i);
            String where = "searched point " + i + ", " + e.point() + ", candidate " + e.candidateIndex();
            assertEquals(e.candidateIndex(), a.candidateIndex(), where);
            assertEquals(e.bestFitnessSoFar(), a.bestFitnessSoFar(), where);
            assertSameOutcome(e.outcome(), a.outcome(), where);
        }
        ExplorationResult x = expected.result();
        ExplorationResult y = actual.result();
        assertEquals(x.topDesigns().size(), y.topDesigns().size());
        for (int i = 0; i < x.topDesigns().size(); i++) {
            assertEquals(x.topDesigns().get(i).order(), y.topDesigns().get(i).order(), "top design " + i);
            assertSameOutcome(x.topDesigns().get(i).outcome(), y.topDesigns().get(i).outcome(), "top design " + i);
        }
        assertEquals(x.statistics(), y.statistics());
        assertEquals(x.noDesignReasons(), y.noDesignReasons());
        assertEquals(x.infeasiblePoints(), y.infeasiblePoints());
    }
}
