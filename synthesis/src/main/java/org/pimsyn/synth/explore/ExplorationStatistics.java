package org.pimsyn.synth.explore;

/**
 * What an exploration went through. A crossbar point is one (RatioRram, ResRram, XbSize) of Algorithm 1's outer
 * loops; a design point is one weight-duplication candidate of a feasible crossbar point with one ResDAC.
 *
 * @param crossbarPoints           crossbar points of the design space
 * @param crossbarPointsInfeasible crossbar points whose weights do not fit at duplication 1
 * @param crossbarPointsWithoutAdc crossbar points for which no ResDAC has its ADC in the library (not filtered)
 * @param designPoints             design points of the feasible crossbar points, whatever became of them
 * @param designPointsWithoutAdc   design points whose ResDAC needs an ADC the library lacks (skipped)
 * @param designPointsPruned       design points skipped because their fitness bound could not reach the top designs
 * @param designPointsNotVisited   design points neither searched nor pruned because the time budget ran out
 * @param designPointsSearched     design points given to the candidate search
 * @param designPointsReused       design points that took the outcome of a search already run for the same
 *                                 ResRram, XbSize, ResDAC and duplications at another RatioRram (the same search)
 * @param designPointsFound        searched design points that yielded a design with a fitness above 0
 * @param fitnessEvaluations       fitness evaluations of all searches
 */
public record ExplorationStatistics(
        int crossbarPoints,
        int crossbarPointsInfeasible,
        int crossbarPointsWithoutAdc,
        int designPoints,
        int designPointsWithoutAdc,
        int designPointsPruned,
        int designPointsNotVisited,
        int designPointsSearched,
        int designPointsReused,
        int designPointsFound,
        long fitnessEvaluations) {

    /** Whether the time budget ran out before every design point was searched or pruned. */
    public boolean cutShort() {
        return designPointsNotVisited > 0;
    }
}
