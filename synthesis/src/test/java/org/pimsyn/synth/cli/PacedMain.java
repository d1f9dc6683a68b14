package org.pimsyn.synth.cli;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.CandidateSearch;
import org.pimsyn.synth.design.CandidateSearches;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * The command line with the standard candidate search slowed down by {@value #PAUSE_PROPERTY} milliseconds per
 * design point, so that a test can kill the process while a small run is under way.
 */
public final class PacedMain {
    static final String PAUSE_PROPERTY = "pimsyn.test.pauseMs";

    private PacedMain() {
    }

    public static void main(String[] args) {
        long pauseMs = Long.getLong(PAUSE_PROPERTY, 0);
        CandidateSearch standard = CandidateSearches.standard();
        SynthesizeCommand.candidateSearch = () -> new CandidateSearch() {
            @Override
            public CandidateOutcome search(SynthesisRequest request, DesignPoint point,
                    DuplicationCandidate duplication, long seed) {
                CandidateOutcome outcome = standard.search(request, point, duplication, seed);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return outcome;
            }

            @Override
            public double fitnessUpperBound(SynthesisRequest request, DesignPoint point,
                    DuplicationCandidate duplication) {
                return standard.fitnessUpperBound(request, point, duplication);
            }
        };
        Main.main(args);
    }
}
