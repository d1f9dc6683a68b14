package org.pimsyn.synth.design;

import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.ScratchpadCost;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowWorkload;

/**
 * A bound no design of a (design point, duplication candidate) can beat, whatever its partition and allocation.
 *
 * <p>The simulator scores a design by {@code GOPS/W = 2 x MACs x 1000 / E}, where {@code E = D + S x T} is the
 * energy per image: D its dynamic energy, S its static power, T the interval between images. A design with a
 * positive fitness is within the budget B, so its steady-state power {@code E / T} is at most B, that is
 * {@code T >= E / B}; hence {@code E >= D + S x E / B} and {@code E >= D / (1 - S / B)}. With lower bounds
 * D' <= D and S' <= S that hold for every gene:
 *
 * <pre>  fitness <= 2 x MACs x 1000 x (1 - S' / B) / D'     (and no design fits where S' >= B)</pre>
 *
 * <p>D' counts what the partition cannot change: one image's crossbar reads, DAC conversions (reads x XbSize), ADC
 * conversions, ALU operations (elements / vector width, rounded up), and scratchpad accesses of its LOADs and
 * STOREs (bits / the widest bus, rounded up) at the cheapest scratchpad's energies; NoC traffic counts 0. S' counts
 * the crossbars and their DACs, and per macro the least any design holds: one router, the least leaky scratchpad,
 * one ADC and one shift-and-add unit, over at least K macros (K weight layers), or ceil(K / 2) where pairs may
 * share, and for unified macros at least ceil(crossbars / largest size); plus one unit of every other ALU kind per
 * layer (or pair) that uses it. Only the bound of the steady-state check is used, not the interval itself, since
 * the interval measured over a few images can fall below any per-resource busy time.
 */
public final class FitnessUpperBound {
    /** Keeps the bound above a design at exactly its lower bounds despite rounding. */
    private static final double ROUNDING_MARGIN = 1e-9;

    private FitnessUpperBound() {
    }

    /** The bound in GOPS/W; 0 where the static power every design holds reaches the budget. */
    public static double of(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        DataflowWorkload work = workload(skeleton);
        double staticMw = staticPowerLowerBoundMw(request, point, skeleton, work, components);
        if (staticMw >= request.totalPowerMw()) {
            return 0;
        }
        double dynamicPj = dynamicEnergyLowerBoundPj(request.library(), point, work, components);
        return 2.0 * skeleton.network().totalMacs() * 1000 * (1 - staticMw / request.totalPowerMw()) / dynamicPj
                * (1 + ROUNDING_MARGIN);
    }

    /** D': dynamic energy of one image that every design of the candidate spends, in pJ. */
    static double dynamicEnergyLowerBoundPj(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components) {
        long reads = 0;
        long conversions = 0;
        long loadedBits = 0;
        long storedBits = 0;
        for (int k = 0; k < work.layerCount(); k++) {
            reads += work.crossbarActivations(k);
            conversions += work.adcConversions(k);
            loadedBits += work.loadedBits(k);
            storedBits += work.storedBits(k);
        }
        double pj = reads * components.crossbar(point.xbSizeRows(), point.resRramBits()).readEnergyPj()
                + (double) reads * point.xbSizeRows() * components.dac(point.resDacBits()).energyPj()
                + conversions * components.adc(point.adcBits()).energyPj();
        for (AluKind kind : AluKind.values()) {
            long elements = work.totalAluElements(kind);
            if (elements > 0) {
                int width = library.alu(ComponentLibraries.libraryKind(kind)).vectorWidthElements();
                pj += ceilDiv(elements, width) * components.alu(kind).energyPj();
            }
        }
        int widestBus = 1;
        double cheapestRead = Double.POSITIVE_INFINITY;
        double cheapestWrite = Double.POSITIVE_INFINITY;
        for (int i = 0; i < library.scratchpads().size(); i++) {
            widestBus = Math.max(widestBus, library.scratchpads().get(i).busWidthBits());
            ScratchpadCost cost = components.scratchpads().get(i);
            cheapestRead = Math.min(cheapestRead, cost.readEnergyPj());
            cheapestWrite = Math.min(cheapestWrite, cost.writeEnergyPj());
        }
        pj += ceilDiv(loadedBits, widestBus) * cheapestRead + ceilDiv(storedBits, widestBus) * cheapestWrite;
        return pj;
    }

    /** S': static power every design of the candidate draws, in mW. */
    static double staticPowerLowerBoundMw(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            DataflowWorkload work, ComponentLibrary components) {
        int layers = skeleton.weightLayerCount();
        long crossbars = 0;
        for (int k = 0; k < layers; k++) {
            crossbars += skeleton.crossbarsOf(k);
        }
        boolean sharing = request.macroSharing();
        long macros = sharing ? (layers + 1) / 2 : layers;
        if (request.macroMode() == MacroMode.UNIFIED) {
            macros = Math.max(macros, ceilDiv(crossbars,
                    request.library().search().evolution().macroSizeMaxCrossbars()));
        }
        double leastLeakage = Double.POSITIVE_INFINITY;
        for (ScratchpadCost s : components.scratchpads()) {
            leastLeakage = Math.min(leastLeakage, s.leakagePowerMw());
        }
        double mw = crossbars * components.crossbar(point.xbSizeRows(), point.resRramBits()).staticPowerMw()
                + (double) crossbars * point.xbSizeRows() * components.dac(point.resDacBits()).staticPowerMw()
                + macros * (components.noc().routerStaticPowerMw() + leastLeakage
                        + components.adc(point.adcBits()).staticPowerMw()
                        + components.alu(AluKind.SHIFT_ADD).staticPowerMw());
        for (AluKind kind : AluKind.values()) {
            if (kind == AluKind.SHIFT_ADD) {
                continue;
            }
            long using = 0;
            for (int k = 0; k < layers; k++) {
                if (work.aluElements(k, kind) > 0) {
                    using++;
                }
            }
            long groups = sharing ? (using + 1) / 2 : using;
            if (groups > 0) {
                mw += groups * components.alu(kind).staticPowerMw();
            }
        }
        return mw;
    }

    /** The placement-independent workload: that of one macro per layer. */
    static DataflowWorkload workload(DataflowSkeleton skeleton) {
        return skeleton.compile(skeleton.oneMacroPerLayer()).workload();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
