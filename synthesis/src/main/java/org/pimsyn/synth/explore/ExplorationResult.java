package org.pimsyn.synth.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an exploration.
 *
 * @param topDesigns       the best designs, best first (fitness, then loop order), at most
 *                         {@link ExplorationSettings#TOP_DESIGNS}, never empty
 * @param infeasiblePoints crossbar points whose weights do not fit, in loop order
 * @param noDesignReasons  why searched design points yielded no design: reason to number of design points, most
 *                         frequent first
 * @param wallTimeMs       elapsed time of the whole exploration; the only figure that varies between runs
 */
public record ExplorationResult(
        List<RankedDesign> topDesigns,
        ExplorationStatistics statistics,
        List<InfeasiblePoint> infeasiblePoints,
        Map<String, Integer> noDesignReasons,
        long wallTimeMs) {

    public ExplorationResult {
        topDesigns = List.copyOf(topDesigns);
        infeasiblePoints = List.copyOf(infeasiblePoints);
        noDesignReasons = Collections.unmodifiableMap(new LinkedHashMap<>(noDesignReasons));
        if (topDesigns.isEmpty()) {
            throw new IllegalArgumentException("an exploration result holds at least one design");
        }
    }

    public RankedDesign best() {
        return topDesigns.get(0);
    }
}
