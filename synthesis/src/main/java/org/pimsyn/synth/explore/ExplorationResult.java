package org.pimsyn.synth.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of an exploration.
 *
 * @param topDesigns                 the best designs, best first (fitness, then loop order), at most
 *                                   {@link ExplorationSettings#topDesigns()}, never empty
 * @param infeasiblePoints           crossbar points whose weights do not fit, in loop order
 * @param noDesignReasons            why searched design points yielded no design: reason to number of design
 *                                   points, most frequent first
 * @param wallTimeMs                 elapsed time of the whole exploration; with the next, the only figures that
 *                                   vary between runs
 * @param designPointsFromCheckpoint searched design points whose outcome was taken from a checkpoint instead of
 *                                   searched again; the statistics count them as searched
 * @param paretoFront                the Pareto front of the searched design points' best designs
 *                                   ({@link ParetoFront}), best first by the objective
 */
public record ExplorationResult(
        List<RankedDesign> topDesigns,
        ExplorationStatistics statistics,
        List<InfeasiblePoint> infeasiblePoints,
        Map<String, Integer> noDesignReasons,
        long wallTimeMs,
        int designPointsFromCheckpoint,
        List<ParetoDesign> paretoFront) {

    public ExplorationResult {
        topDesigns = List.copyOf(topDesigns);
        paretoFront = List.copyOf(paretoFront);
        infeasiblePoints = List.copyOf(infeasiblePoints);
        noDesignReasons = Collections.unmodifiableMap(new LinkedHashMap<>(noDesignReasons));
        if (topDesigns.isEmpty()) {
            throw new IllegalArgumentException("an exploration result holds at least one design");
        }
        if (designPointsFromCheckpoint < 0
                || designPointsFromCheckpoint > statistics.designPointsSearched() + statistics.designPointsReused()) {
            throw new IllegalArgumentException("design points from the checkpoint must lie in [0, searched + reused], "
                    + "got " + designPointsFromCheckpoint);
        }
    }

    /** The result of a run that searched every design point itself. */
    public ExplorationResult(List<RankedDesign> topDesigns, ExplorationStatistics statistics,
            List<InfeasiblePoint> infeasiblePoints, Map<String, Integer> noDesignReasons, long wallTimeMs) {
        this(topDesigns, statistics, infeasiblePoints, noDesignReasons, wallTimeMs, 0, List.of());
    }

    /** The fastest design of the front (the first of the fastest, best first), or empty without a front. */
    public Optional<ParetoDesign> fastestOfFront() {
        ParetoDesign fastest = null;
        for (ParetoDesign d : paretoFront) {
            if (fastest == null || d.figures().throughputGops() > fastest.figures().throughputGops()) {
                fastest = d;
            }
        }
        return Optional.ofNullable(fastest);
    }

    public RankedDesign best() {
        return topDesigns.get(0);
    }
}
