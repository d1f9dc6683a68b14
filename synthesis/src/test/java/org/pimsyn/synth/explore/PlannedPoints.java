package org.pimsyn.synth.explore;

import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/** Design points and outcomes for the tests of the exploration's parts, on 256-row crossbars of 2-bit cells. */
final class PlannedPoints {
    private PlannedPoints() {
    }

    /** The design point at {@code order} with RatioRram {@code ratio}, ResDAC {@code resDacBits} and duplications. */
    static PlannedDesignPoint planned(int order, double ratio, int resDacBits, int... duplications) {
        DesignPoint point = new DesignPoint(ratio, 2, 256, resDacBits, 8);
        DuplicationCandidate dup = new DuplicationCandidate(duplications, 0, 0);
        return new PlannedDesignPoint(order, point, 0, 1, dup, order, SearchKey.of(point, dup));
    }

    /** A search's outcome at the point, without a design. */
    static CandidateOutcome outcome(PlannedDesignPoint p, double fitness, String reason) {
        return new CandidateOutcome(p.point(), p.duplication(), null, fitness, new double[] {fitness}, 10, reason);
    }

    /** A design of this fitness at this order, as the top designs list it. */
    static RankedDesign ranked(int order, double fitness) {
        return new RankedDesign(order, 0, 1, outcome(planned(order, 0.3, 2, 1), fitness, ""));
    }

    /** A design of the small case, for where a test needs one to be kept or passed on. */
    static Design design() {
        SynthesisRequest request = SmallCases.request();
        int adcBits = request.library().adcFor(256, 2, 2).orElseThrow().resolutionBits();
        return new FakeCandidateSearch(0).design(request, new DesignPoint(0.3, 2, 256, 2, adcBits),
                new DuplicationCandidate(new int[] {1, 1, 1}, 0, 0), 2);
    }
}
