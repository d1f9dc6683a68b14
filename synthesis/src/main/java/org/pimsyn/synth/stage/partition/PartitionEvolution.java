package org.pimsyn.synth.stage.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.pimsyn.synth.Deadline;
import org.pimsyn.synth.hardware.EvolutionParameters;

/**
 * Synthesis stage 3: the evolutionary macro partitioner (the paper's Algorithm 2), with the children of every
 * generation joining the population.
 *
 * <ol>
 * <li>The initial population is the trivial gene ({@link PartitionRules#trivial()}), where sharing is allowed the
 * gene of neighbouring layers paired on few macros ({@link PartitionRules#paired()}), and random genes under the
 * rules ({@link PartitionRules#random}, each layer trying a pair with half the sharing-mutation probability),
 * distinct where the rules allow that many.</li>
 * <li>Each generation ranks the population by fitness (ties: the older gene first), keeps the best
 * {@code eliteRatio} of it (at least one, at most all but one), and fills the population back up with children
 * of parents drawn uniformly among those survivors ({@link GeneMutator#child}); a child equal to a gene already
 * in the population is mutated again, a few times at most.</li>
 * <li>Every gene is scored once: a memo holds the score of each distinct gene.</li>
 * <li>A child only matters if it can rank among the next survivors, so it is scored with a floor: the fitness of
 * the last survivor it joins. Where the fitness function proves the child's fitness below that floor without
 * simulating it ({@link Fitness#score(MacroGene, double)}), the child ranks by that bound instead: it ranks
 * below every survivor either way and leaves the population at the next generation, and the floor never falls,
 * so the search takes exactly the course it would with every child simulated.</li>
 * </ol>
 * The survivors always include the best gene so far, so the best fitness never falls from one generation to the
 * next. The same rules, settings, fitness function and seed give the same result.
 *
 * <p>A deadline is checked before every gene scored, so a search stops within one simulation of it; a search cut
 * short has no result (its best gene is not the one a whole search would find, so keeping it would make a run
 * depend on where the clock cut).
 */
public final class PartitionEvolution {
    /** Attempts at a child that is not already in the population. */
    private static final int FRESH_CHILD_ATTEMPTS = 4;
    /** Random draws per population slot when the initial population looks for distinct genes. */
    private static final int INITIAL_DRAWS_PER_GENE = 10;

    /** The fitness function: a score per gene; called once per distinct gene. */
    @FunctionalInterface
    public interface Fitness {
        GeneScore score(MacroGene gene);

        /**
         * The gene's score where it may reach {@code floor}; where the fitness is proved to lie strictly below
         * {@code floor}, a {@link GeneScore#below bounded} score may stand in for it. The default always scores.
         */
        default GeneScore score(MacroGene gene, double floor) {
            return score(gene);
        }
    }

    /**
     * Sizes and probabilities of one search.
     *
     * @param genes       population size (>= 2)
     * @param generations generations after the initial population (>= 0)
     */
    public record Settings(int genes, int generations, double eliteRatio, double countMutationProbability,
            double sharingMutationProbability) {
        public Settings {
            if (genes < 2 || generations < 0) {
                throw new IllegalArgumentException("need genes >= 2 and generations >= 0, got " + genes + " and "
                        + generations);
            }
            if (!(eliteRatio > 0 && eliteRatio <= 1)) {
                throw new IllegalArgumentException("eliteRatio must lie in (0, 1], got " + eliteRatio);
            }
            if (!(countMutationProbability >= 0 && countMutationProbability <= 1)
                    || !(sharingMutationProbability >= 0 && sharingMutationProbability <= 1)) {
                throw new IllegalArgumentException("mutation probabilities must lie in [0, 1]");
            }
        }

        /** The library's ratio and probabilities with the given sizes. */
        public static Settings of(EvolutionParameters evolution, int genes, int generations) {
            return new Settings(genes, generations, evolution.eliteRatio(),
                    evolution.macroCountMutationProbability(), evolution.macroSharingMutationProbability());
        }

        /** Survivors per generation: round(eliteRatio x genes), at least 1 and at most genes - 1. */
        public int survivors() {
            return (int) Math.max(1, Math.min(genes - 1, Math.round(eliteRatio * genes)));
        }
    }

    /**
     * The search's outcome.
     *
     * @param best                     the best gene found
     * @param score                    its score
     * @param bestFitnessPerGeneration the best gene's {@link GeneScore#value value} in the initial population, then
     *                                 after each generation
     * @param evaluations              distinct genes scored exactly
     * @param boundedGenes             distinct genes only bounded, never simulated
     * @param dynamics                 how the population moved, generation by generation
     */
    public record Result(MacroGene best, GeneScore score, double[] bestFitnessPerGeneration, long evaluations,
            long boundedGenes, Dynamics dynamics) {
        public Result {
            bestFitnessPerGeneration = bestFitnessPerGeneration.clone();
        }

        @Override
        public double[] bestFitnessPerGeneration() {
            return bestFitnessPerGeneration.clone();
        }
    }

    /**
     * How the search moved: whether its moves reach better genes, and how varied the population stays.
     *
     * @param childrenPerGeneration              children made in each generation (population less survivors)
     * @param childrenBeatingParentPerGeneration of those, the children fitter than the parent they came from
     * @param layersFromBestPerGeneration        the population's mean number of weight layers whose macros or
     *                                           partner differ from the best gene's, in the initial population and
     *                                           after each generation: 0 where every gene is the best one
     * @param bestOrigin                         where the final best gene came from: {@code trivial} or
     *                                           {@code paired} (the two seeds), {@code random} (the rest of the
     *                                           initial population), or {@code generation N} (a child of it)
     */
    public record Dynamics(int[] childrenPerGeneration, int[] childrenBeatingParentPerGeneration,
            double[] layersFromBestPerGeneration, String bestOrigin) {
        public Dynamics {
            childrenPerGeneration = childrenPerGeneration.clone();
            childrenBeatingParentPerGeneration = childrenBeatingParentPerGeneration.clone();
            layersFromBestPerGeneration = layersFromBestPerGeneration.clone();
        }

        @Override
        public int[] childrenPerGeneration() {
            return childrenPerGeneration.clone();
        }

        @Override
        public int[] childrenBeatingParentPerGeneration() {
            return childrenBeatingParentPerGeneration.clone();
        }

        @Override
        public double[] layersFromBestPerGeneration() {
            return layersFromBestPerGeneration.clone();
        }
    }

    /** A member of the population and where it came from: a seed, a random gene, or a child of a generation. */
    private record Member(MacroGene gene, GeneScore score, long serial, String origin) {
    }

    private static final Comparator<Member> RANKING = Comparator
            .comparingDouble((Member m) -> m.score.fitness()).reversed()
            .thenComparingLong(Member::serial);

    private final PartitionRules rules;
    private final Settings settings;
    private final Fitness fitness;
    private final GeneMutator mutator;
    private final SplittableRandom random;
    private final Deadline deadline;
    private final Map<MacroGene, GeneScore> memo = new HashMap<>();
    private long serial;
    private long bounded;

    private PartitionEvolution(PartitionRules rules, Settings settings, Fitness fitness, long seed,
            Deadline deadline) {
        this.rules = rules;
        this.deadline = deadline;
        this.settings = settings;
        this.fitness = fitness;
        this.mutator = new GeneMutator(rules);
        this.random = new SplittableRandom(seed);
    }

    /**
     * Runs the search.
     *
     * @throws IllegalStateException where the rules admit no gene ({@link PartitionRules#feasible()})
     */
    public static Result run(PartitionRules rules, Settings settings, Fitness fitness, long seed) {
        return run(rules, settings, fitness, seed, Deadline.NONE);
    }

    /**
     * Runs the search unless {@code deadline} passes first.
     *
     * @throws org.pimsyn.synth.DeadlinePassedException where it passed before the last gene was scored
     */
    public static Result run(PartitionRules rules, Settings settings, Fitness fitness, long seed,
            Deadline deadline) {
        return new PartitionEvolution(rules, settings, fitness, seed, deadline).run();
    }

    private Result run() {
        List<Member> population = initialPopulation();
        population.sort(RANKING);
        double[] best = new double[settings.generations() + 1];
        best[0] = population.get(0).score.value();
        int[] children = new int[settings.generations()];
        int[] beating = new int[settings.generations()];
        double[] spread = new double[settings.generations() + 1];
        spread[0] = layersFromBest(population);
        int survivors = settings.survivors();
        for (int g = 1; g <= settings.generations(); g++) {
            List<Member> next = new ArrayList<>(population.subList(0, survivors));
            double floor = next.get(survivors - 1).score.fitness();
            Set<MacroGene> present = new HashSet<>();
            for (Member m : next) {
                present.add(m.gene);
            }
            while (next.size() < settings.genes()) {
                Member parent = next.get(random.nextInt(survivors));
                MacroGene child = freshChild(parent.gene, present);
                present.add(child);
                Member born = member(child, floor, "generation " + g);
                next.add(born);
                children[g - 1]++;
                // A bounded child lies below the floor, so below every survivor: it never beats its parent.
                if (born.score.fitness() > parent.score.fitness()) {
                    beating[g - 1]++;
                }
            }
            next.sort(RANKING);
            population = next;
            best[g] = population.get(0).score.value();
            spread[g] = layersFromBest(population);
        }
        Member top = population.get(0);
        return new Result(top.gene, top.score, best, memo.size() - bounded, bounded,
                new Dynamics(children, beating, spread, top.origin));
    }

    /** The mean over the population of the weight layers whose macros or partner differ from the first gene's. */
    private static double layersFromBest(List<Member> ranked) {
        MacroGene best = ranked.get(0).gene;
        long differing = 0;
        for (Member m : ranked) {
            for (int k = 0; k < best.layers(); k++) {
                if (m.gene.macros(k) != best.macros(k) || m.gene.partner(k) != best.partner(k)) {
                    differing++;
                }
            }
        }
        return (double) differing / ranked.size();
    }

    private List<Member> initialPopulation() {
        List<Member> population = new ArrayList<>(settings.genes());
        Set<MacroGene> present = new HashSet<>();
        MacroGene trivial = rules.trivial();
        present.add(trivial);
        population.add(member(trivial, 0, "trivial"));
        MacroGene paired = rules.paired();
        if (paired != null && population.size() < settings.genes() && present.add(paired)) {
            population.add(member(paired, 0, "paired"));
        }
        double pairProbability = settings.sharingMutationProbability() / 2;
        int draws = INITIAL_DRAWS_PER_GENE * settings.genes();
        while (population.size() < settings.genes()) {
            MacroGene gene = rules.random(random, pairProbability);
            if (present.add(gene) || --draws <= 0) {
                population.add(member(gene, 0, "random"));
            }
        }
        return population;
    }

    private MacroGene freshChild(MacroGene parent, Set<MacroGene> present) {
        MacroGene child = mutator.child(parent, random, settings.countMutationProbability(),
                settings.sharingMutationProbability());
        for (int attempt = 1; attempt < FRESH_CHILD_ATTEMPTS && present.contains(child); attempt++) {
            child = mutator.child(parent, random, settings.countMutationProbability(),
                    settings.sharingMutationProbability());
        }
        return child;
    }

    /** The gene as a new member, scored with the given floor (0: exactly) unless the memo already answers. */
    private Member member(MacroGene gene, double floor, String origin) {
        GeneScore score = memo.get(gene);
        if (score == null || score.bounded() && score.fitness() >= floor) {
            deadline.check();
            GeneScore fresh = floor > 0 ? fitness.score(gene, floor) : fitness.score(gene);
            if (fresh.bounded() && !(fresh.fitness() < floor)) {
                throw new IllegalStateException("the fitness function bounded gene " + gene + " at "
                        + fresh.fitness() + ", not below the floor " + floor);
            }
            if (score != null) {
                bounded--;
            }
            if (fresh.bounded()) {
                bounded++;
            }
            score = fresh;
            memo.put(gene, score);
        }
        return new Member(gene, score, serial++, origin);
    }
}
