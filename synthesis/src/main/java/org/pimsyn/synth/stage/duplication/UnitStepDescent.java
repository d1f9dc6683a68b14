package org.pimsyn.synth.stage.duplication;

import java.util.Arrays;

/**
 * Steepest descent by unit moves, run on the annealing's best state: its last temperatures still accept moves
 * that cost about one unit of Eq. 4's energy, so that state is often a few unit steps from a local minimum. A
 * unit move raises one free layer by one copy, lowers one by one copy, or does both to two layers, within the
 * budget. Neighbours are ranked by an estimate from running sums (O(1) each); the chosen one is then evaluated
 * exactly, offered to the ranking, and kept only where its exact energy is lower, so the descent ends at the
 * first estimate that does not hold.
 */
final class UnitStepDescent {
    private UnitStepDescent() {
    }

    /** Descends from {@code dup} (changed in place) and returns its final exact energy. */
    static double descend(DuplicationProblem p, int[] dup, double energy, double alpha, int[] free,
                          TopCandidates top) {
        int n = p.layers();
        // Running sums: steps, steps squared, access volume, access volume squared.
        double[] current = new double[4];
        double[] lowered = new double[4];
        double[] moved = new double[4];
        while (true) {
            Arrays.fill(current, 0);
            for (int i = 0; i < n; i++) {
                shift(p, i, dup[i], 0, current);
            }
            long spare = p.crossbarBudget() - p.crossbarsUsed(dup);
            int bestLower = -1;
            int bestRaise = -1;
            double bestEstimate = energy;
            // Index -1 in either loop stands for "no layer": a lone raise or a lone lower.
            for (int li = -1; li < free.length; li++) {
                int lower = li < 0 ? -1 : free[li];
                if (lower >= 0 && dup[lower] <= 1) {
                    continue;
                }
                System.arraycopy(current, 0, lowered, 0, 4);
                long room = spare;
                if (lower >= 0) {
                    shift(p, lower, dup[lower], -1, lowered);
                    room += p.setSize(lower);
                }
                for (int ri = -1; ri < free.length; ri++) {
                    int raise = ri < 0 ? -1 : free[ri];
                    if (raise == lower || (raise >= 0 && (dup[raise] >= p.maxDuplication(raise)
                            || p.setSize(raise) > room))) {
                        continue;
                    }
                    System.arraycopy(lowered, 0, moved, 0, 4);
                    if (raise >= 0) {
                        shift(p, raise, dup[raise], 1, moved);
                    }
                    double estimate = stdev(moved[0], moved[1], n) + alpha * stdev(moved[2], moved[3], n);
                    if (estimate < bestEstimate) {
                        bestEstimate = estimate;
                        bestLower = lower;
                        bestRaise = raise;
                    }
                }
            }
            if (bestLower < 0 && bestRaise < 0) {
                return energy;
            }
            if (bestLower >= 0) {
                dup[bestLower]--;
            }
            if (bestRaise >= 0) {
                dup[bestRaise]++;
            }
            double exact = p.energy(dup, alpha);
            top.offer(exact, dup);
            if (exact >= energy) {
                if (bestLower >= 0) {
                    dup[bestLower]++;
                }
                if (bestRaise >= 0) {
                    dup[bestRaise]--;
                }
                return energy;
            }
            energy = exact;
        }
    }

    /**
     * Updates the running sums for layer {@code i} going from {@code from} copies to {@code from + by}; with
     * {@code by} 0 it adds the layer's terms at {@code from}.
     */
    private static void shift(DuplicationProblem p, int i, int from, int by, double[] sums) {
        double stepsTo = (double) p.outputPositions(i) / (from + by);
        double accessTo = (double) (from + by) * p.accessPerCopy(i);
        if (by != 0) {
            double stepsFrom = (double) p.outputPositions(i) / from;
            double accessFrom = (double) from * p.accessPerCopy(i);
            sums[0] -= stepsFrom;
            sums[1] -= stepsFrom * stepsFrom;
            sums[2] -= accessFrom;
            sums[3] -= accessFrom * accessFrom;
        }
        sums[0] += stepsTo;
        sums[1] += stepsTo * stepsTo;
        sums[2] += accessTo;
        sums[3] += accessTo * accessTo;
    }

    private static double stdev(double sum, double sumOfSquares, int n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
    }
}
