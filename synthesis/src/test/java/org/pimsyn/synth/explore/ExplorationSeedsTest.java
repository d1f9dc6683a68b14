package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.design.DesignPoint;

class ExplorationSeedsTest {
    @Test
    void seedsAreFixedFunctionsOfTheirInputs() {
        DesignPoint p = new DesignPoint(0.3, 2, 256, 1, 9);
        assertEquals(ExplorationSeeds.candidateSearch(1, p, 3), ExplorationSeeds.candidateSearch(1, p, 3));
        assertEquals(ExplorationSeeds.duplicationFilter(7, 0.3, 2, 256), ExplorationSeeds.duplicationFilter(7, 0.3, 2, 256));
        // Pinned: a change of the derivation would silently change the result of every run.
        assertEquals(-6311309466294809364L, ExplorationSeeds.candidateSearch(1, p, 3));
        assertEquals(-850332170982108491L, ExplorationSeeds.duplicationFilter(1, 0.3, 2, 256));
    }

    @Test
    void everyPartOfTheIdentityChangesTheSeed() {
        Set<Long> seeds = new HashSet<>();
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(2, new DesignPoint(0.3, 2, 256, 1, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.35, 2, 256, 1, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 4, 256, 1, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 128, 1, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 2, 9), 0));
        seeds.add(ExplorationSeeds.candidateSearch(1, new DesignPoint(0.3, 2, 256, 1, 9), 1));
        assertEquals(7, seeds.size());
        assertNotEquals(ExplorationSeeds.duplicationFilter(1, 0.3, 2, 256),
                ExplorationSeeds.duplicationFilter(1, 0.3, 2, 128));
    }
}
