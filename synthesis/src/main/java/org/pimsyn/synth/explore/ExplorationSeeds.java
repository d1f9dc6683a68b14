package org.pimsyn.synth.explore;

import java.util.SplittableRandom;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * The seeds of an exploration's random searches, derived from the run seed and the identity of what is searched,
 * never from the order in which threads get to it: stage 1 of a crossbar point (RatioRram, ResRram, XbSize) and
 * stages 3-4 of a design point (ResRram, XbSize, ResDAC and the duplications). RatioRram only steers stage 1: two
 * design points that differ in it alone, with the same duplications, get the same seed, so their searches are
 * one search.
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

    /** Seed of the candidate search at one design point for one duplication candidate. */
    public static long candidateSearch(long runSeed, DesignPoint point, DuplicationCandidate duplication) {
        long[] parts = new long[5 + duplication.layers()];
        parts[0] = CANDIDATE;
        parts[1] = point.resRramBits();
        parts[2] = point.xbSizeRows();
        parts[3] = point.resDacBits();
        parts[4] = duplication.layers();
        for (int i = 0; i < duplication.layers(); i++) {
            parts[5 + i] = duplication.duplication(i);
        }
        return mix(runSeed, parts);
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
