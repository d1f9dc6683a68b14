package org.pimsyn.synth.design;

import org.pimsyn.synth.stage.partition.EvolutionaryCandidateSearch;

/** The candidate searches pimsyn provides. */
public final class CandidateSearches {
    private CandidateSearches() {
    }

    /** The paper's stages 3 and 4: evolutionary macro partitioning with allocation and simulation as fitness. */
    public static CandidateSearch standard() {
        return new EvolutionaryCandidateSearch();
    }
}
