package org.pimsyn.synth.explore;

import java.util.SplittableRandom;
import org.pimsyn.synth.design.DesignPoint;

/**
 * The seeds of an exploration's random searches, derived from the run seed and the identity of what is searched,
 * never from the order in which threads get to it: stage 1 of a crossbar point (RatioRram, ResRram, XbSize) and
 * stages 3-4 of a design point (that point, a ResDAC, a duplication candidate).
 */
public final class ExplorationSeeds {
    private static final long STAGE_1 = 0x5354414745310001L;
    private static final long CANDIDATE = 0x43414E4449440002L;

    private ExplorationSeeds() {
    }

    /** Seed of the weight-duplication filter at one crossbar point. */
    public static long duplicationFilter(long runSeed, double ratioRram, int resRramBits, int xbSizeRows) {
        return mix(runSeed, STAGE_1, Double.doubleToLongBits(ratioRram), resRramBits, xbSizeRows);
    }

    /** Seed of the candidate search at one design point for the filter's {@code candidateIndex}-th candidate. */
    public static long candidateSearch(long runSeed, DesignPoint point, int candidateIndex) {
        return mix(runSeed, CANDIDATE, Double.doubleToLongBits(point.ratioRram()), point.resRramBits(),
                point.xbSizeRows(), point.resDacBits(), candidateIndex);
    }

    /** Folds each part into the seed through SplittableRandom's mixing: stable across runs and platforms. */
    static long mix(long seed, long... parts) {
        long s = seed;
        for (long part : parts) {
            s = new SplittableRandom(s ^ part).nextLong();
        }
        return s;
    }
}
