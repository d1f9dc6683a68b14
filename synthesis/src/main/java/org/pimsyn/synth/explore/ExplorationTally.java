package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The counts of the design points visited so far, and why those without a design yielded none. */
final class ExplorationTally {
    private final Map<String, Integer> reasons = new HashMap<>();
    private int pruned;
    private int searched;
    private int reused;
    private int found;
    private long evaluations;

    void pruned(int designPoints) {
        pruned += designPoints;
    }

    /** A point that ran its search, or the first of its key taken from a checkpoint. */
    void searched(long searchEvaluations) {
        searched++;
        evaluations += searchEvaluations;
    }

    /** A point that took the outcome of an earlier point's search. */
    void reused() {
        reused++;
    }

    /**
     * Counts the point's outcome as a design (found, with a fitness above 0) or as a reason for none.
     *
     * @return whether it was a design
     */
    boolean counted(PointOutcome o) {
        if (!o.found() || !(o.outcome().fitness() > 0)) {
            String reason = o.outcome().reason().isBlank()
                    ? (o.found() ? "its best design has a fitness of 0" : "no design found")
                    : o.outcome().reason();
            reasons.merge(reason, 1, Integer::sum);
            return false;
        }
        found++;
        return true;
    }

    int searched() {
        return searched;
    }

    /** Why no design: reason to design points, most frequent first, ties by reason. */
    Map<String, Integer> sortedReasons() {
        return mostFrequentFirst(reasons);
    }

    /** Reasons by how many design points gave each, most first, ties in the reasons' order. */
    static Map<String, Integer> mostFrequentFirst(Map<String, Integer> reasons) {
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(reasons.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : entries) {
            sorted.put(e.getKey(), e.getValue());
        }
        return sorted;
    }

    ExplorationStatistics statistics(DesignPointEnumeration e, int notVisited) {
        return new ExplorationStatistics(e.crossbarPoints(), e.infeasible().size(), e.crossbarPointsWithoutAdc(),
                e.designPoints(), e.designPointsWithoutAdc(), pruned, notVisited, searched, reused, found,
                evaluations);
    }
}
