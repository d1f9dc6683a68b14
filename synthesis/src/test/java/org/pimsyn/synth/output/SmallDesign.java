package org.pimsyn.synth.output;

import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.FakeCandidateSearch;
import org.pimsyn.synth.explore.SmallCases;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * The small network at RatioRram 0.3, 2-bit cells, 256x256 crossbars, 2-bit DACs (11-bit ADCs), duplications
 * 4, 2 and 1, one macro per weight layer with 3 ADCs. Each layer's crossbar set is one row tile by one column tile
 * by 8 weight slices (16-bit weights in 2-bit cells): 8 crossbars, so the layers hold 32, 16 and 8.
 */
final class SmallDesign {
    static final DesignPoint POINT = new DesignPoint(0.3, 2, 256, 2, 11);

    private SmallDesign() {
    }

    static Design design() {
        return new FakeCandidateSearch().design(SmallCases.request(), POINT,
                new DuplicationCandidate(new int[] {4, 2, 1}, 0, 56), 3);
    }
}
