package org.pimsyn.synth.hardware;

import java.util.Objects;

/**
 * The evolutionary macro partitioner: {@code genes} candidates per generation, of which the best
 * {@code eliteRatio} survive as parents; each gene position mutates its macro count or its macro sharing with the
 * given probabilities. Unified macros take a size (in crossbars) from min to max in steps.
 */
public record EvolutionParameters(int genes, int generations, double eliteRatio,
                                  double macroCountMutationProbability, double macroSharingMutationProbability,
                                  int macroSizeMinCrossbars, int macroSizeMaxCrossbars, int macroSizeStepCrossbars,
                                  Provenance provenance) {
    /** A generation keeps at least one survivor and breeds at least one child. */
    public static final int MIN_GENES = 2;
    /**
     * The largest population and generation count: each generation simulates every gene, so 10,000 of either is
     * 200 times the default search (40 x 50) on its own; a search of 10,000 x 10,000 already takes days.
     */
    public static final int MAX_GENES = 10_000;
    public static final int MAX_GENERATIONS = 10_000;

    public EvolutionParameters {
        if (genes < MIN_GENES || genes > MAX_GENES || generations < 1 || generations > MAX_GENERATIONS) {
            throw new IllegalArgumentException("genes must be in " + MIN_GENES + ".." + MAX_GENES
                    + " and generations in 1.." + MAX_GENERATIONS + ", got " + genes + " and " + generations);
        }
        if (!(eliteRatio > 0 && eliteRatio <= 1)) {
            throw new IllegalArgumentException("eliteRatio must lie in (0, 1], got " + eliteRatio);
        }
        if (!(macroCountMutationProbability >= 0 && macroCountMutationProbability <= 1)
                || !(macroSharingMutationProbability >= 0 && macroSharingMutationProbability <= 1)) {
            throw new IllegalArgumentException("mutation probabilities must lie in [0, 1]");
        }
        if (macroSizeMinCrossbars < 1 || macroSizeStepCrossbars < 1 || macroSizeMaxCrossbars < macroSizeMinCrossbars
                || (macroSizeMaxCrossbars - macroSizeMinCrossbars) % macroSizeStepCrossbars != 0) {
            throw new IllegalArgumentException("macro sizes must run from min to max in whole steps, got "
                    + macroSizeMinCrossbars + ".." + macroSizeMaxCrossbars + " step " + macroSizeStepCrossbars);
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The unified macro sizes, ascending: min, min + step, ..., max. */
    public int[] macroSizesCrossbars() {
        int[] sizes = new int[(macroSizeMaxCrossbars - macroSizeMinCrossbars) / macroSizeStepCrossbars + 1];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = macroSizeMinCrossbars + i * macroSizeStepCrossbars;
        }
        return sizes;
    }
}
