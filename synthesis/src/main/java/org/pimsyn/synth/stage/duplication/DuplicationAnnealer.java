package org.pimsyn.synth.stage.duplication;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.hardware.AnnealingParameters;

/**
 * The simulated-annealing filter of weight-duplication candidates (the paper's Section IV-A2).
 *
 * <p>It starts from {@link DuplicationProblem#proportionalStart()}. Each move changes one or two free layers and
 * keeps every state within Eq. 2's budget and each layer's [1, W_O H_O] range: raise one layer by what the spare
 * crossbars allow, lower one layer, or lower one layer and give the freed crossbars to another. A move changes a
 * duplication by at most a quarter of its value (at least 1), so that large duplications move as readily as small
 * ones. A worse state is accepted with probability exp(-delta / T); T starts at the initial temperature, is
 * multiplied by the cooling factor after every {@code iterationsPerTemperature} proposals and the run ends once it
 * falls below the final temperature. Every proposed state is offered to the ranking of the best distinct
 * candidates, so the result never ranks the start above its first entry; the start is always among the candidates
 * (in the last place where it did not rank). Last, a steepest descent by unit
 * moves ({@link UnitStepDescent}) polishes the best state seen, and the states it passes are offered too.
 *
 * <p>Same problem, parameters and seed, same candidates. A deadline is checked at every temperature: an
 * annealing cut short has no result, since its candidates would not be those of one that ran to the end.
 */
public final class DuplicationAnnealer {
    private static final int RAISE = 0;
    private static final int LOWER = 1;

    private DuplicationAnnealer() {
    }

    public static DuplicationOutcome anneal(DuplicationProblem problem, AnnealingParameters parameters, long seed) {
        return anneal(problem, parameters, seed, Deadline.NONE);
    }

    /** @throws org.pimsyn.synth.DeadlinePassedException once {@code deadline} has passed */
    public static DuplicationOutcome anneal(DuplicationProblem problem, AnnealingParameters parameters, long seed,
            Deadline deadline) {
        if (!problem.fitsAtDuplicationOne()) {
            return new DuplicationOutcome.Infeasible(problem);
        }
        int n = problem.layers();
        double alpha = parameters.alpha();
        int[] dup = problem.proportionalStart();
        double energy = problem.energy(dup, alpha);
        DuplicationCandidate start = new DuplicationCandidate(dup, energy, problem.crossbarsUsed(dup));
        TopCandidates top = new TopCandidates(parameters.candidatesKept(), n);
        top.offer(energy, dup);

        int[] free = freeLayers(problem);
        if (free.length > 0) {
            SplittableRandom random = new SplittableRandom(seed);
            long budget = problem.crossbarBudget();
            long used = problem.crossbarsUsed(dup);
            int moveKinds = free.length >= 2 ? 3 : 2;
            for (double t = parameters.initialTemperature(); t >= parameters.finalTemperature();
                 t *= parameters.coolingFactor()) {
                deadline.check();
                for (int iteration = 0; iteration < parameters.iterationsPerTemperature(); iteration++) {
                    int kind = random.nextInt(moveKinds);
                    int aAt = random.nextInt(free.length);
                    int a = free[aAt];
                    int b = -1;
                    int oldA = dup[a];
                    int oldB = 0;
                    long oldUsed = used;
                    if (kind == RAISE) {
                        int k = randomStep(random, oldA, room(problem, a, oldA, budget - used));
                        if (k == 0) {
                            continue;
                        }
                        dup[a] = oldA + k;
                        used += (long) k * problem.setSize(a);
                    } else {
                        int k = randomStep(random, oldA, oldA - 1);
                        if (k == 0) {
                            continue;
                        }
                        dup[a] = oldA - k;
                        used -= (long) k * problem.setSize(a);
                        if (kind != LOWER) {
                            int pick = random.nextInt(free.length - 1);
                            b = free[pick >= aAt ? pick + 1 : pick];
                            oldB = dup[b];
                            int m = randomStep(random, oldB, room(problem, b, oldB, budget - used));
                            dup[b] = oldB + m;
                            used += (long) m * problem.setSize(b);
                        }
                    }
                    double proposed = problem.energy(dup, alpha);
                    top.offer(proposed, dup);
                    double delta = proposed - energy;
                    if (delta <= 0 || random.nextDouble() < Math.exp(-delta / t)) {
                        energy = proposed;
                    } else {
                        dup[a] = oldA;
                        if (b >= 0) {
                            dup[b] = oldB;
                        }
                        used = oldUsed;
                    }
                }
            }
            int[] best = top.best();
            UnitStepDescent.descend(problem, best, problem.energy(best, alpha), alpha, free, top);
        }
        return new DuplicationOutcome.Feasible(problem, withStart(top.toList(problem), start,
                parameters.candidatesKept()), start);
    }

    /**
     * The ranked candidates with the proportional start among them: where it did not rank, it replaces the last one
     * and takes its place in the order; with {@code kept} 1 it joins the best one, so that the annealing still
     * counts. So the heuristic the paper compares
     * against is searched at every crossbar point.
     */
    static List<DuplicationCandidate> withStart(List<DuplicationCandidate> ranked, DuplicationCandidate start,
            int kept) {
        if (ranked.contains(start)) {
            return ranked;
        }
        List<DuplicationCandidate> out = new ArrayList<>(
                ranked.subList(0, Math.min(ranked.size(), Math.max(1, kept - 1))));
        out.add(start);
        out.sort(DuplicationCandidate.ORDER);
        return List.copyOf(out);
    }

    /** Copies layer {@code i} can gain: up to its maximum and what the spare crossbars pay for. */
    private static int room(DuplicationProblem problem, int i, int current, long spareCrossbars) {
        long affordable = spareCrossbars / problem.setSize(i);
        return (int) Math.min(problem.maxDuplication(i) - current, affordable);
    }

    /** A step in [1, min(limit, max(1, current / 4))], or 0 where {@code limit} is 0. */
    private static int randomStep(SplittableRandom random, int current, int limit) {
        if (limit <= 0) {
            return 0;
        }
        int bound = Math.min(limit, Math.max(1, current / 4));
        return 1 + random.nextInt(bound);
    }

    private static int[] freeLayers(DuplicationProblem problem) {
        int count = 0;
        for (int i = 0; i < problem.layers(); i++) {
            if (!problem.fixed(i)) {
                count++;
            }
        }
        int[] free = new int[count];
        int next = 0;
        for (int i = 0; i < problem.layers(); i++) {
            if (!problem.fixed(i)) {
                free[next++] = i;
            }
        }
        return free;
    }
}
