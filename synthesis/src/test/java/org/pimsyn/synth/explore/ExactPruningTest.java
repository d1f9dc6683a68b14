package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.partition.EvolutionaryCandidateSearch;

/** Both levels of pruning with the real search: the chosen design and the top designs never change. */
class ExactPruningTest {
    @Test
    void designPointAndGeneBoundsLeaveTheChosenDesignAndTheTopDesignsUnchanged() {
        long prunedPoints = 0;
        long savedEvaluations = 0;
        for (double powerMw : new double[] {1200, 3000}) {
            SynthesisRequest base = SmallCases.request();
            SynthesisRequest request = new SynthesisRequest(base.network(), base.library(), powerMw,
                    base.macroMode(), true, 8, 6, 2);
            for (long seed = 1; seed <= 2; seed++) {
                ExplorationResult exact = new DesignSpaceExplorer(new EvolutionaryCandidateSearch(false),
                        new ExplorationSettings(2, false)).explore(request, seed, ExplorationListener.NONE);
                ExplorationResult pruned = new DesignSpaceExplorer(CandidateSearches.standard(),
                        new ExplorationSettings(2, true)).explore(request, seed, ExplorationListener.NONE);
                String where = powerMw + " mW, seed " + seed;
                assertEquals(exact.best().design(), pruned.best().design(), where);
                assertEquals(signature(exact.topDesigns()), signature(pruned.topDesigns()), where);
                prunedPoints += pruned.statistics().designPointsPruned();
                savedEvaluations += exact.statistics().fitnessEvaluations()
                        - pruned.statistics().fitnessEvaluations();
            }
        }
        assertTrue(prunedPoints > 0, "design points were pruned");
        assertTrue(savedEvaluations > 0, "simulations were saved");
    }

    private static List<String> signature(List<RankedDesign> top) {
        return top.stream().map(d -> d.order() + " " + d.fitness() + " " + d.design().placement()).toList();
    }
}
