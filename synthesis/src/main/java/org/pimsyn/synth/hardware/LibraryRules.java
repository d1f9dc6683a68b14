package org.pimsyn.synth.hardware;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.pimsyn.sim.ir.AluKind;

/**
 * The rules that tie the tables of a library together: complete variant grids, one entry per key, ascending
 * scratchpads, and a design space that the tables can serve.
 */
final class LibraryRules {
    private LibraryRules() {
    }

    static void check(double clockGhz, Precision precision, List<CrossbarSpec> crossbars, List<AdcSpec> adcs,
                      List<DacSpec> dacs, List<AluSpec> alus, List<ScratchpadSpec> scratchpads, DesignSpace space) {
        if (!(clockGhz > 0) || !Double.isFinite(clockGhz)) {
            throw new LibraryRuleException("$.clock.frequencyGhz", "must be > 0, found " + clockGhz);
        }
        checkCrossbars(crossbars, precision);
        checkConverters("$.adcs", "ADC", adcs.stream().map(AdcSpec::resolutionBits).toList(), Integer.MAX_VALUE);
        checkConverters("$.dacs", "DAC", dacs.stream().map(DacSpec::resolutionBits).toList(),
                precision.activationBits());
        checkAlus(alus);
        checkScratchpads(scratchpads);
        checkDesignSpace(space, crossbars, adcs, dacs);
    }

    /**
     * The limits must leave the unified search a size: the smallest unified macro size may not exceed the most
     * crossbars per macro.
     */
    static void checkLimits(PhysicalLimits limits, EvolutionParameters evolution) {
        if (evolution.macroSizeMinCrossbars() > limits.maxCrossbarsPerMacro()) {
            throw new LibraryRuleException("$.search.evolution.macroSizeMinCrossbars", "the smallest unified macro "
                    + "size, " + evolution.macroSizeMinCrossbars() + " crossbars, exceeds the "
                    + limits.maxCrossbarsPerMacro() + " of $.limits.crossbarsPerMacro.max, so no unified size would "
                    + "be allowed; lower it to at most that limit");
        }
    }

    private static void checkCrossbars(List<CrossbarSpec> crossbars, Precision precision) {
        if (crossbars.isEmpty()) {
            throw new LibraryRuleException("$.crossbars", "must not be empty");
        }
        for (int i = 0; i < crossbars.size(); i++) {
            CrossbarSpec xb = crossbars.get(i);
            if (xb.cellBits() > precision.weightBits()) {
                throw new LibraryRuleException("$.crossbars[" + i + "].cellBits", xb.cellBits()
                        + "-bit cells exceed the " + precision.weightBits() + "-bit weights of $.precision.weightBits");
            }
            for (int j = 0; j < i; j++) {
                CrossbarSpec other = crossbars.get(j);
                if (other.sizeRows() == xb.sizeRows() && other.cellBits() == xb.cellBits()) {
                    throw new LibraryRuleException("$.crossbars[" + i + "]", "repeats $.crossbars[" + j + "] ("
                            + describe(xb) + "); each size and cell resolution may appear once");
                }
            }
        }
        Set<Integer> sizes = new TreeSet<>();
        Set<Integer> cellBits = new TreeSet<>();
        for (CrossbarSpec xb : crossbars) {
            sizes.add(xb.sizeRows());
            cellBits.add(xb.cellBits());
        }
        for (int size : sizes) {
            for (int bits : cellBits) {
                boolean present = crossbars.stream().anyMatch(x -> x.sizeRows() == size && x.cellBits() == bits);
                if (!present) {
                    throw new LibraryRuleException("$.crossbars", "no " + size + "x" + size + " crossbar with "
                            + bits + "-bit cells; every size must list every cell resolution (sizes "
                            + join(sizes) + "; cell bits " + join(cellBits) + ")");
                }
            }
        }
    }

    private static void checkConverters(String path, String what, List<Integer> resolutions, int maxBits) {
        if (resolutions.isEmpty()) {
            throw new LibraryRuleException(path, "must not be empty");
        }
        for (int i = 0; i < resolutions.size(); i++) {
            int bits = resolutions.get(i);
            if (bits > maxBits) {
                throw new LibraryRuleException(path + "[" + i + "].resolutionBits", "a " + bits + "-bit " + what
                        + " exceeds the " + maxBits + "-bit activations of $.precision.activationBits");
            }
            int first = resolutions.indexOf(bits);
            if (first != i) {
                throw new LibraryRuleException(path + "[" + i + "]", "repeats the " + bits + "-bit " + what + " of "
                        + path + "[" + first + "]; each resolution may appear once");
            }
        }
    }

    private static void checkAlus(List<AluSpec> alus) {
        EnumSet<AluKind> seen = EnumSet.noneOf(AluKind.class);
        for (int i = 0; i < alus.size(); i++) {
            AluKind kind = alus.get(i).kind();
            if (!seen.add(kind)) {
                throw new LibraryRuleException("$.alus[" + i + "].kind", "'" + kind.label()
                        + "' is listed twice; each kind appears once: " + AluKind.labels());
            }
        }
        for (AluKind kind : AluKind.values()) {
            if (!seen.contains(kind)) {
                throw new LibraryRuleException("$.alus", "no '" + kind.label()
                        + "' unit; each kind must appear once: " + AluKind.labels());
            }
        }
    }

    private static void checkScratchpads(List<ScratchpadSpec> scratchpads) {
        if (scratchpads.isEmpty()) {
            throw new LibraryRuleException("$.scratchpads", "must not be empty");
        }
        for (int i = 1; i < scratchpads.size(); i++) {
            int previous = scratchpads.get(i - 1).capacityKb();
            int current = scratchpads.get(i).capacityKb();
            if (current <= previous) {
                throw new LibraryRuleException("$.scratchpads[" + i + "].capacityKb", current
                        + " KB does not exceed the " + previous + " KB before it; capacities must increase strictly");
            }
        }
    }

    private static void checkDesignSpace(DesignSpace space, List<CrossbarSpec> crossbars, List<AdcSpec> adcs,
                                         List<DacSpec> dacs) {
        String at = "$.search.designSpace.";
        requireIncreasing(at + "ratioRram", space.ratioRram());
        requireIncreasing(at + "resRramBits", space.resRramBits());
        requireIncreasing(at + "xbSizeRows", space.xbSizeRows());
        requireIncreasing(at + "resDacBits", space.resDacBits());
        Set<Integer> cellBits = crossbars.stream().map(CrossbarSpec::cellBits)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> sizes = crossbars.stream().map(CrossbarSpec::sizeRows)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> dacBits = dacs.stream().map(DacSpec::resolutionBits)
                .collect(Collectors.toCollection(TreeSet::new));
        requireListed(at + "resRramBits", space.resRramBits(), cellBits, "crossbar cell resolution", "$.crossbars");
        requireListed(at + "xbSizeRows", space.xbSizeRows(), sizes, "crossbar size", "$.crossbars");
        requireListed(at + "resDacBits", space.resDacBits(), dacBits, "DAC resolution", "$.dacs");

        TreeSet<Integer> adcBits = adcs.stream().map(AdcSpec::resolutionBits)
                .collect(Collectors.toCollection(TreeSet::new));
        int smallestAdc = adcBits.first();
        int largestAdc = adcBits.last();
        boolean anyAvailable = false;
        for (ConverterCombination c : HardwareLibrary.combinations(space, adcs)) {
            anyAvailable |= c.adcAvailable();
            // Beyond the largest ADC a combination is simply out of reach and skipped; inside the covered range
            // a missing resolution is a hole in the table.
            if (!c.adcAvailable() && c.adcBits() >= smallestAdc && c.adcBits() <= largestAdc) {
                throw new LibraryRuleException("$.adcs", "no " + c.adcBits() + "-bit ADC, which "
                        + describe(c) + " needs; the table covers " + smallestAdc + " to " + largestAdc
                        + " bits, so add it or drop that combination from " + at.substring(0, at.length() - 1));
            }
        }
        if (!anyAvailable) {
            throw new LibraryRuleException(at.substring(0, at.length() - 1), "no combination of xbSizeRows, "
                    + "resRramBits and resDacBits has the ADC it needs (log2(XbSize) + ResDAC + ResRram - 1, or - 2 "
                    + "where either resolution is 1); $.adcs has " + join(adcBits) + " bits");
        }
    }

    private static <T extends Comparable<T>> void requireIncreasing(String path, List<T> values) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).compareTo(values.get(i - 1)) <= 0) {
                throw new LibraryRuleException(path + "[" + i + "]", values.get(i) + " does not follow "
                        + values.get(i - 1) + "; the list must be strictly increasing");
            }
        }
    }

    private static void requireListed(String path, List<Integer> values, Set<Integer> available, String what,
                                      String table) {
        for (int i = 0; i < values.size(); i++) {
            if (!available.contains(values.get(i))) {
                throw new LibraryRuleException(path + "[" + i + "]", values.get(i) + " is no " + what + " in "
                        + table + " (available: " + join(available) + ")");
            }
        }
    }

    private static String describe(CrossbarSpec xb) {
        return xb.sizeRows() + "x" + xb.sizeRows() + ", " + xb.cellBits() + "-bit cells";
    }

    static String describe(ConverterCombination c) {
        return "XbSize " + c.xbSizeRows() + " with " + c.resRramBits() + "-bit cells and " + c.resDacBits()
                + "-bit DACs";
    }

    private static String join(Iterable<Integer> values) {
        List<String> parts = new ArrayList<>();
        values.forEach(v -> parts.add(Integer.toString(v)));
        return String.join(", ", parts);
    }
}
