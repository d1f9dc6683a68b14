package org.pimsyn.synth.hardware;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pimsyn.sim.ir.AluKind;

/**
 * The hardware component library: crossbar, ADC, DAC, ALU, scratchpad and NoC figures, the clock, the network's
 * precision, the search defaults, and other components every macro holds ({@link OtherComponentSpec}).
 * Immutable; the tables keep the order of the library file, scratchpads ascending. Powers are in mW, latencies in
 * ns, energies in pJ.
 *
 * <p>Construction checks the rules that span tables (complete crossbar grid, one entry per resolution and ALU
 * kind, ascending scratchpads, a design space the tables serve) and throws {@link LibraryRuleException}.
 *
 * @param origin          where the library was read from, for messages and reports
 * @param otherComponents components beyond those the timing rules read, in every macro; empty for none
 * @param limits          what a buildable design may not exceed ({@link PhysicalLimits}); {@link PhysicalLimits#NONE}
 *                        for a library without the section
 */
public record HardwareLibrary(String origin, double clockGhz, Provenance clockProvenance, Precision precision,
                              List<CrossbarSpec> crossbars, List<AdcSpec> adcs, List<DacSpec> dacs,
                              List<AluSpec> alus, List<ScratchpadSpec> scratchpads, NocSpec noc,
                              SearchParameters search, List<OtherComponentSpec> otherComponents,
                              PhysicalLimits limits) {
    public HardwareLibrary {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(clockProvenance, "clockProvenance");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(noc, "noc");
        Objects.requireNonNull(search, "search");
        crossbars = List.copyOf(crossbars);
        adcs = List.copyOf(adcs);
        dacs = List.copyOf(dacs);
        alus = List.copyOf(alus);
        scratchpads = List.copyOf(scratchpads);
        otherComponents = otherComponents == null ? List.of() : List.copyOf(otherComponents);
        limits = limits == null ? PhysicalLimits.NONE : limits;
        LibraryRules.check(clockGhz, precision, crossbars, adcs, dacs, alus, scratchpads, search.designSpace());
        LibraryRules.checkLimits(limits, search.evolution());
    }

    /** A library without physical limits. */
    public HardwareLibrary(String origin, double clockGhz, Provenance clockProvenance, Precision precision,
            List<CrossbarSpec> crossbars, List<AdcSpec> adcs, List<DacSpec> dacs, List<AluSpec> alus,
            List<ScratchpadSpec> scratchpads, NocSpec noc, SearchParameters search,
            List<OtherComponentSpec> otherComponents) {
        this(origin, clockGhz, clockProvenance, precision, crossbars, adcs, dacs, alus, scratchpads, noc, search,
                otherComponents, PhysicalLimits.NONE);
    }

    /** This library with other limits (every figure else the same). */
    public HardwareLibrary withLimits(PhysicalLimits other) {
        return new HardwareLibrary(origin, clockGhz, clockProvenance, precision, crossbars, adcs, dacs, alus,
                scratchpads, noc, search, otherComponents, other);
    }

    /** A library whose macros hold only the components the timing rules read. */
    public HardwareLibrary(String origin, double clockGhz, Provenance clockProvenance, Precision precision,
            List<CrossbarSpec> crossbars, List<AdcSpec> adcs, List<DacSpec> dacs, List<AluSpec> alus,
            List<ScratchpadSpec> scratchpads, NocSpec noc, SearchParameters search) {
        this(origin, clockGhz, clockProvenance, precision, crossbars, adcs, dacs, alus, scratchpads, noc, search,
                List.of(), PhysicalLimits.NONE);
    }

    /** The library shipped in the jar, {@code configs/hardware/default.json}. */
    public static HardwareLibrary builtIn() {
        return HardwareLibraryReader.builtIn();
    }

    /** Reads and checks a library file; any mistake is an {@link org.pimsyn.synth.InputException}. */
    public static HardwareLibrary load(Path file) {
        return HardwareLibraryReader.read(file);
    }

    /** Reads and checks library text; {@code origin} names it in messages. */
    public static HardwareLibrary parse(String json, String origin) {
        return HardwareLibraryReader.parse(json, origin);
    }

    /**
     * The least ADC resolution that reads a crossbar column without loss, by ISAAC's rule as the paper applies
     * it: log2(XbSize) + ResDAC + ResRram - 1, or - 2 where either the DAC or the cell resolution is 1 bit.
     */
    public static int requiredAdcBits(int xbSizeRows, int cellBits, int dacBits) {
        if (xbSizeRows < 2 || Integer.bitCount(xbSizeRows) != 1 || cellBits < 1 || dacBits < 1) {
            throw new IllegalArgumentException("need a power-of-two crossbar size and resolutions >= 1, got "
                    + xbSizeRows + ", " + cellBits + ", " + dacBits);
        }
        int log2 = Integer.numberOfTrailingZeros(xbSizeRows);
        return log2 + dacBits + cellBits - (dacBits > 1 && cellBits > 1 ? 1 : 2);
    }

    /** The crossbar of this size and cell resolution; the library lists every pair of its sizes and resolutions. */
    public CrossbarSpec crossbar(int sizeRows, int cellBits) {
        for (CrossbarSpec xb : crossbars) {
            if (xb.sizeRows() == sizeRows && xb.cellBits() == cellBits) {
                return xb;
            }
        }
        throw new IllegalArgumentException("no " + sizeRows + "x" + sizeRows + " crossbar with " + cellBits
                + "-bit cells in " + origin);
    }

    public Optional<AdcSpec> adc(int resolutionBits) {
        for (AdcSpec adc : adcs) {
            if (adc.resolutionBits() == resolutionBits) {
                return Optional.of(adc);
            }
        }
        return Optional.empty();
    }

    /** The ADC a combination needs ({@link #requiredAdcBits}), where the library has one. */
    public Optional<AdcSpec> adcFor(int xbSizeRows, int cellBits, int dacBits) {
        return adc(requiredAdcBits(xbSizeRows, cellBits, dacBits));
    }

    public DacSpec dac(int resolutionBits) {
        for (DacSpec dac : dacs) {
            if (dac.resolutionBits() == resolutionBits) {
                return dac;
            }
        }
        throw new IllegalArgumentException("no " + resolutionBits + "-bit DAC in " + origin);
    }

    /** The unit of this kind; the library lists every kind once. */
    public AluSpec alu(AluKind kind) {
        for (AluSpec alu : alus) {
            if (alu.kind() == kind) {
                return alu;
            }
        }
        throw new IllegalArgumentException("no " + kind.label() + " unit in " + origin);
    }

    /** The smallest scratchpad of at least {@code capacityKb}, or empty where even the largest is too small. */
    public Optional<ScratchpadSpec> smallestScratchpadHolding(double capacityKb) {
        for (ScratchpadSpec s : scratchpads) {
            if (s.capacityKb() >= capacityKb) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * Every combination of the design space's crossbar sizes, cell resolutions and DAC resolutions, in loop
     * order (size, then cell bits, then DAC bits), with the ADC each needs.
     */
    public List<ConverterCombination> converterCombinations() {
        return combinations(search.designSpace(), adcs);
    }

    static List<ConverterCombination> combinations(DesignSpace space, List<AdcSpec> adcs) {
        List<ConverterCombination> out = new ArrayList<>();
        for (int size : space.xbSizeRows()) {
            for (int cellBits : space.resRramBits()) {
                for (int dacBits : space.resDacBits()) {
                    int adcBits = requiredAdcBits(size, cellBits, dacBits);
                    boolean available = adcs.stream().anyMatch(a -> a.resolutionBits() == adcBits);
                    out.add(new ConverterCombination(size, cellBits, dacBits, adcBits, available));
                }
            }
        }
        return List.copyOf(out);
    }
}
