package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

class ExplorationSeedsTest {
    private static final long PINNED = -8439424434936606931L;
    private static final DuplicationCandidate DUP = new DuplicationCandidate(new int[] {21, 5, 4, 1}, 3.5, 900);

    @Test
    void seedsAreFixedFunctionsOfTheirInputs() {
        DesignPoint p = new DesignPoint(0.3, 2, 256, 1, 9);
        assertEquals(ExplorationSeeds.candidateSearch(1, p, DUP), ExplorationSeeds.candidateSearch(1, p, DUP));
        assertEquals(ExplorationSeeds.duplicationFilter(7, 0.3, 2, 256), ExplorationSeeds.duplicationFilter(7, 0.3, 2, 256));
        // Pinned: a change of the derivation would silently change the result of every run.
        assertEquals(PINNED, ExplorationSeeds.candidateSearch(1, p, DUP));
        assertEquals(-850332170982108491L, ExplorationSeeds.duplicationFilter(1, 0.3, 2, 256));
    }

    @Test
    void everyPartOfTheIdentityChangesTheSeed() {
        Set<Long> seeds = new HashSet<>();
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9), DUP));
        seeds.add(ExplorationSeeds.candidateSearch(2, new DesignPoint(0.3, 2, 256, 1, 9), DUP));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 4, 256, 1, 9), DUP));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 128, 1, 9), DUP));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 2, 9), DUP));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9),
                new DuplicationCandidate(new int[] {21, 5, 4, 2}, 3.5, 900)));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9),
                new DuplicationCandidate(new int[] {21, 5, 4}, 3.5, 900)));
        assertEquals(7, seeds.size());
        // RatioRram steers stage 1 alone: the same duplications elsewhere are the same search.
        assertEquals(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9), DUP),
                ExplorationSeeds.candidateSearch(1, new DesignPoint(0.35, 2, 256, 1, 9),
                        new DuplicationCandidate(new int[] {21, 5, 4, 1}, 3.5, 900)));
        assertNotEquals(ExplorationSeeds.duplicationFilter(1, 0.3, 2, 256),
                ExplorationSeeds.duplicationFilter(1, 0.3, 2, 128));
    }
}
