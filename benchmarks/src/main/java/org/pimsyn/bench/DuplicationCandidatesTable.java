package org.pimsyn.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pimsyn.synth.explore.ExplorationSeeds;
import org.pimsyn.synth.hardware.DesignSpace;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.stage.duplication.CrossbarBudget;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;
import org.pimsyn.synth.stage.duplication.DuplicationMode;
import org.pimsyn.synth.stage.duplication.DuplicationOutcome;
import org.pimsyn.synth.stage.duplication.DuplicationProblem;
import org.pimsyn.synth.stage.duplication.EnergyTerms;
import org.pimsyn.synth.stage.duplication.WeightDuplication;

/**
 * Stage 1 alone, crossbar point by crossbar point: the annealed candidates against the W_O x H_O-proportional one on
 * Eq. 4's terms (coefficients of variation of steps and access volumes, the energy) and the crossbars they use, with
 * the run seed 1 as {@code pimsyn synthesize} seeds each point, the built-in library. One markdown row per point.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.pimsyn.bench.DuplicationCandidatesTable [powerW
 * [network...]]} (default 49 W, alexnet vgg13 resnet18).
 */
public final class DuplicationCandidatesTable {
    private DuplicationCandidatesTable() {
    }

    public static void main(String[] args) {
        // An argument --duplication=MODE picks stage 1's mode (default sa); the others are the power and networks.
        DuplicationMode mode = DuplicationMode.SA;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--duplication=")) {
                mode = DuplicationMode.fromLabel(a.substring("--duplication=".length())).orElseThrow();
            } else {
                rest.add(a);
            }
        }
        double powerW = !rest.isEmpty() ? Double.parseDouble(rest.get(0)) : 49;
        List<String> names = rest.size() > 1 ? rest.subList(1, rest.size()) : List.of("alexnet", "vgg13", "resnet18");
        HardwareLibrary library = HardwareLibrary.builtIn();
        double alpha = library.search().annealing().alpha();
        DesignSpace space = library.search().designSpace();
        System.out.println("| network | RatioRram | ResRram | XbSize | affordable | proportional: crossbars, CV steps, "
                + "CV access, energy | SA: candidates, proportional's rank | SA best: crossbars, CV steps, CV access, "
                + "energy | SA crossbars min-max | SA energy median |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        List<String> totals = new ArrayList<>();
        for (String name : names) {
            Network network = NetworkZoo.build(name);
            int designPoints = 0;
            Set<String> searches = new HashSet<>();
            for (double ratio : space.ratioRram()) {
                for (int cellBits : space.resRramBits()) {
                    for (int size : space.xbSizeRows()) {
                        if (space.resDacBits().stream().noneMatch(
                                dac -> library.adcFor(size, cellBits, dac).isPresent())) {
                            continue;
                        }
                        DuplicationOutcome outcome = WeightDuplication.filter(network, library, powerW * 1000, ratio,
                                size, cellBits, mode, ExplorationSeeds.duplicationFilter(1, ratio, cellBits, size),
                                org.pimsyn.synth.Deadline.NONE);
                        if (!(outcome instanceof DuplicationOutcome.Feasible f)) {
                            continue;
                        }
                        System.out.println(row(name, ratio, cellBits, size, f, alpha, library, powerW));
                        for (int dac : space.resDacBits()) {
                            if (library.adcFor(size, cellBits, dac).isEmpty()) {
                                continue;
                            }
                            for (DuplicationCandidate c : f.candidates()) {
                                designPoints++;
                                // RatioRram is not part of a search: points differing only in it share one.
                                searches.add(cellBits + " " + size + " " + dac + " "
                                        + Arrays.toString(c.duplications()));
                            }
                        }
                    }
                }
            }
            totals.add(String.format(Locale.ROOT, "%s: %,d design points with an ADC, %,d distinct searches", name,
                    designPoints, searches.size()));
        }
        System.out.println();
        totals.forEach(System.out::println);
    }

    private static String row(String name, double ratio, int cellBits, int size, DuplicationOutcome.Feasible f,
            double alpha, HardwareLibrary library, double powerW) {
        DuplicationProblem p = f.problem();
        List<DuplicationCandidate> cs = f.candidates();
        DuplicationCandidate best = f.best();
        long fewest = cs.stream().mapToLong(DuplicationCandidate::crossbars).min().orElseThrow();
        long most = cs.stream().mapToLong(DuplicationCandidate::crossbars).max().orElseThrow();
        double median = cs.get(cs.size() / 2).energy();
        long affordable = CrossbarBudget.of(library, powerW * 1000, ratio, size, cellBits).crossbars();
        return String.format(Locale.ROOT, "| %s | %.2f | %d | %d | %,d | %s | %d, %d | %s | %,d-%,d | %.4f |", name,
                ratio, cellBits, size, affordable, terms(p, f.start(), alpha), cs.size(), cs.indexOf(f.start()),
                terms(p, best, alpha), fewest, most, median);
    }

    private static String terms(DuplicationProblem p, DuplicationCandidate c, double alpha) {
        EnergyTerms t = p.terms(c.duplications());
        return String.format(Locale.ROOT, "%,d, %.4f, %.4f, %.4f", c.crossbars(), t.stepsCv(), t.accessCv(),
                t.energy(alpha));
    }
}
