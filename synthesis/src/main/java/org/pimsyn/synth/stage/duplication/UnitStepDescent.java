package org.pimsyn.synth.stage.duplication;

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
        while (true) {
            double stepsSum = 0;
            double stepsSq = 0;
            double accessSum = 0;
            double accessSq = 0;
            for (int i = 0; i < n; i++) {
                double s = (double) p.outputPositions(i) / dup[i];
                double a = (double) dup[i] * p.accessPerCopy(i);
                stepsSum += s;
                stepsSq += s * s;
                accessSum += a;
                accessSq += a * a;
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
                double s1 = stepsSum;
                double q1 = stepsSq;
                double s2 = accessSum;
                double q2 = accessSq;
                long room = spare;
                if (lower >= 0) {
                    double so = (double) p.outputPositions(lower) / dup[lower];
                    double sn = (double) p.outputPositions(lower) / (dup[lower] - 1);
                    double ao = (double) dup[lower] * p.accessPerCopy(lower);
                    double an = ao - p.accessPerCopy(lower);
                    s1 += sn - so;
                    q1 += sn * sn - so * so;
                    s2 += an - ao;
                    q2 += an * an - ao * ao;
                    room += p.setSize(lower);
                }
                for (int ri = -1; ri < free.length; ri++) {
                    int raise = ri < 0 ? -1 : free[ri];
                    if (raise == lower || (raise >= 0 && (dup[raise] >= p.maxDuplication(raise)
                            || p.setSize(raise) > room))) {
                        continue;
                    }
                    double t1 = s1;
                    double r1 = q1;
                    double t2 = s2;
                    double r2 = q2;
                    if (raise >= 0) {
                        double so = (double) p.outputPositions(raise) / dup[raise];
                        double sn = (double) p.outputPositions(raise) / (dup[raise] + 1);
                        double ao = (double) dup[raise] * p.accessPerCopy(raise);
                        double an = ao + p.accessPerCopy(raise);
                        t1 += sn - so;
                        r1 += sn * sn - so * so;
                        t2 += an - ao;
                        r2 += an * an - ao * ao;
                    }
                    double estimate = stdev(t1, r1, n) + alpha * stdev(t2, r2, n);
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

    private static double stdev(double sum, double sumOfSquares, int n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumOfSquares / n - mean * mean));
    }
}
