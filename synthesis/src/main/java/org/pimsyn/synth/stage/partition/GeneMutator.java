package org.pimsyn.synth.stage.partition;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two mutations of the paper's EA-based partitioner, each keeping the candidate's {@link PartitionRules}:
 * {@code mutate_num} changes macro counts, {@code mutate_share} creates, moves or dissolves a sharing pair.
 * Stateless apart from the rules; the caller's random source makes it deterministic.
 */
public final class GeneMutator {
    /** Attempts at a child that differs from its parent before the parent itself is returned. */
    private static final int CHILD_ATTEMPTS = 8;
    /** Attempts at a pair that unified macros allow before {@code mutate_share} gives up. */
    private static final int PAIR_ATTEMPTS = 8;

    private final PartitionRules rules;

    public GeneMutator(PartitionRules rules) {
        this.rules = rules;
    }

    /**
     * {@code mutate_num}. Specified macros: one to three layers (a pair counts once) get a new count, half the
     * time a step of up to a quarter of the current count up or down, otherwise drawn log-uniformly from the least
     * count (1 without physical limits) to the limit, never the same as before where the limits allow another; the
     * counts are then cut to the largest mesh ({@link PartitionRules#fitMesh}). Unified macros: the size moves to a
     * neighbouring usable size or, half the time, to any other; pairs the new size no longer allows are dissolved.
     */
    public MacroGene mutateCount(MacroGene gene, SplittableRandom random) {
        return rules.unified() ? mutateSize(gene, random) : mutateCounts(gene, random);
    }

    private MacroGene mutateCounts(MacroGene gene, SplittableRandom random) {
        int n = gene.layers();
        int[] macros = gene.macros();
        int changes = 1 + random.nextInt(Math.min(3, n));
        for (int c = 0; c < changes; c++) {
            int k = random.nextInt(n);
            int p = gene.partner(k);
            int max = p == MacroGene.NO_PARTNER ? rules.limit(k) : rules.pairLimit(k, p);
            int min = p == MacroGene.NO_PARTNER ? rules.least(k) : rules.pairLeast(k, p);
            int old = macros[k];
            if (max <= min) {
                continue;
            }
            int next;
            if (random.nextBoolean()) {
                int step = 1 + random.nextInt(Math.max(1, old / 4));
                next = random.nextBoolean() ? old + step : old - step;
                next = Math.max(min, Math.min(max, next));
            } else {
                next = PartitionRules.logUniform(random, min, max);
            }
            if (next == old) {
                next = old < max ? old + 1 : old - 1;
            }
            macros[k] = next;
            if (p != MacroGene.NO_PARTNER) {
                macros[p] = next;
            }
        }
        int[] partner = gene.partners();
        return new MacroGene(rules.fitMesh(macros, partner), partner, 0);
    }

    private MacroGene mutateSize(MacroGene gene, SplittableRandom random) {
        int[] sizes = rules.usableSizes();
        if (sizes.length < 2) {
            return gene;
        }
        int at = Arrays.binarySearch(sizes, gene.macroSizeCrossbars());
        int next;
        if (random.nextBoolean()) {
            boolean up = at == 0 || (at < sizes.length - 1 && random.nextBoolean());
            next = up ? at + 1 : at - 1;
        } else {
            next = random.nextInt(sizes.length - 1);
            if (next >= at) {
                next++;
            }
        }
        int size = sizes[next];
        int[] partner = gene.partners();
        for (int k = 0; k < partner.length; k++) {
            int p = partner[k];
            if (p > k && !rules.canPairAt(size, k, p)) {
                partner[k] = MacroGene.NO_PARTNER;
                partner[p] = MacroGene.NO_PARTNER;
            }
        }
        return rules.unifiedGene(size, partner);
    }

    /**
     * {@code mutate_share}: one of the changes the gene allows, chosen uniformly: create a pair of two free layers,
     * dissolve a pair, or move one layer of a pair to a free layer. A new pair spans the count of one of its layers
     * (specified, cut to the pair's limit and raised to its least count, where the physical limits allow the pair)
     * or what the size makes of it (unified, where the pair must obey rule
     * (c)). Without sharing, or where no change is possible, the gene is returned as it is.
     */
    public MacroGene mutateSharing(MacroGene gene, SplittableRandom random) {
        if (!rules.sharing()) {
            return gene;
        }
        int free = 0;
        for (int k = 0; k < gene.layers(); k++) {
            if (!gene.shares(k)) {
                free++;
            }
        }
        int pairs = gene.pairs();
        boolean canCreate = free >= 2;
        boolean canChange = pairs >= 1;
        boolean canMove = pairs >= 1 && free >= 1;
        int options = (canCreate ? 1 : 0) + (canChange ? 1 : 0) + (canMove ? 1 : 0);
        if (options == 0) {
            return gene;
        }
        int pick = random.nextInt(options);
        if (canCreate && pick-- == 0) {
            return create(gene, random);
        }
        if (canChange && pick-- == 0) {
            return dissolve(gene, random);
        }
        return move(gene, random);
    }

    private MacroGene create(MacroGene gene, SplittableRandom random) {
        for (int attempt = 0; attempt < PAIR_ATTEMPTS; attempt++) {
            int[] partner = gene.partners();
            int a = PartitionRules.randomFreeLayer(random, partner, -1);
            int b = PartitionRules.randomFreeLayer(random, partner, a);
            MacroGene paired = pair(gene, partner, a, b, random.nextBoolean() ? a : b);
            if (paired != null) {
                return paired;
            }
        }
        return gene;
    }

    private MacroGene dissolve(MacroGene gene, SplittableRandom random) {
        int[] partner = gene.partners();
        int a = randomPaired(gene, random);
        int b = partner[a];
        partner[a] = MacroGene.NO_PARTNER;
        partner[b] = MacroGene.NO_PARTNER;
        return rebuild(gene, partner, gene.macros());
    }

    private MacroGene move(MacroGene gene, SplittableRandom random) {
        for (int attempt = 0; attempt < PAIR_ATTEMPTS; attempt++) {
            int[] partner = gene.partners();
            int a = randomPaired(gene, random);
            int left = partner[a];
            partner[left] = MacroGene.NO_PARTNER;
            partner[a] = MacroGene.NO_PARTNER;
            int c = randomFreeLayerOtherThan(random, partner, a, left);
            if (c < 0) {
                return gene;
            }
            MacroGene moved = pair(gene, partner, a, c, a);
            if (moved != null) {
                return moved;
            }
        }
        return gene;
    }

    /**
     * The gene with {@code a} and {@code b} paired (partner already free of both); specified macros take the count
     * of {@code countFrom}, cut to the pair's limit and raised to its least count. Null where unified macros, or
     * the crossbars per macro of specified ones, do not allow the pair.
     */
    private MacroGene pair(MacroGene gene, int[] partner, int a, int b, int countFrom) {
        if (rules.unified() ? !rules.canPairAt(gene.macroSizeCrossbars(), a, b) : !rules.canPair(a, b)) {
            return null;
        }
        partner[a] = b;
        partner[b] = a;
        int[] macros = gene.macros();
        int count = Math.max(rules.pairLeast(a, b), Math.min(macros[countFrom], rules.pairLimit(a, b)));
        macros[a] = count;
        macros[b] = count;
        return rebuild(gene, partner, macros);
    }

    private MacroGene rebuild(MacroGene gene, int[] partner, int[] macros) {
        return rules.unified() ? rules.unifiedGene(gene.macroSizeCrossbars(), partner)
                : new MacroGene(rules.fitMesh(macros, partner), partner, 0);
    }

    private static int randomPaired(MacroGene gene, SplittableRandom random) {
        int paired = 0;
        for (int k = 0; k < gene.layers(); k++) {
            if (gene.shares(k)) {
                paired++;
            }
        }
        int pick = random.nextInt(paired);
        for (int k = 0; k < gene.layers(); k++) {
            if (gene.shares(k) && pick-- == 0) {
                return k;
            }
        }
        throw new AssertionError("unreachable");
    }

    private static int randomFreeLayerOtherThan(SplittableRandom random, int[] partner, int a, int left) {
        // Mark the left partner taken for the draw, so the move does not re-form the same pair.
        partner[left] = a;
        int c = PartitionRules.randomFreeLayer(random, partner, a);
        partner[left] = MacroGene.NO_PARTNER;
        return c;
    }

    /**
     * A child of {@code parent}: {@code mutate_num} with probability {@code countProbability}, then
     * {@code mutate_share} with probability {@code sharingProbability} (where sharing is allowed); where neither
     * fires, one of them is applied anyway (in proportion to the two probabilities), so that a child differs from
     * its parent wherever the rules allow another gene.
     */
    public MacroGene child(MacroGene parent, SplittableRandom random, double countProbability,
            double sharingProbability) {
        double shareP = rules.sharing() ? sharingProbability : 0;
        for (int attempt = 0; attempt < CHILD_ATTEMPTS; attempt++) {
            boolean count = random.nextDouble() < countProbability;
            boolean share = shareP > 0 && random.nextDouble() < shareP;
            if (!count && !share) {
                double total = countProbability + shareP;
                if (total == 0 || random.nextDouble() * total < countProbability) {
                    count = true;
                } else {
                    share = true;
                }
            }
            MacroGene child = parent;
            if (count) {
                child = mutateCount(child, random);
            }
            if (share) {
                child = mutateSharing(child, random);
            }
            if (!child.equals(parent)) {
                return child;
            }
        }
        return parent;
    }
}
