package org.pimsyn.synth.design;

import java.util.List;
import java.util.function.IntToLongFunction;
import java.util.function.ToDoubleFunction;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentInstance;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowWorkload;

/**
 * A bound no design of a (design point, duplication candidate) can beat, whatever its partition and allocation.
 *
 * <p>The simulator scores a design by {@code GOPS/W = 2 x MACs x 1000 / E}, where {@code E = D + S x T} is the
 * energy per image: D its dynamic energy, S its static power, T the interval between images. Three lower bounds
 * on E hold for every gene, and the largest is used:
 * <ol>
 * <li>Within the budget B (a design over it scores 0) the steady-state power {@code E / T} is at most B, so
 * {@code T >= E / B} and {@code E >= D' / (1 - S' / B)}, with D' and S' below.</li>
 * <li>Split S into the ADC and ALU units and the rest R. Every layer's crossbars serve each of its blocks once per
 * bit iteration, one MVM each (read and DAC latency, in whole cycles), at least on the macro holding its first
 * crossbars, so {@code T >= T'}, the largest such time per image. Stage 4 buys units with at most the budget left
 * over the fixed parts' least peak power, so {@code T >= T_u} ({@link #unitPeakWorkPj}), and T is at least the
 * larger of the two. A bank of u units serving w conversions is busy at least w / u conversion times (the
 * simulator's: the latency in whole cycles), so its u units leak at least their static power x w conversion times
 * per image whatever u is; likewise ALU units and their operations (elements / vector width). With U' that
 * leakage over all conversions and operations:
 * {@code E >= D' + R' x max(T', T_u) + U'}.</li>
 * <li>The same with {@code T >= E / B}: {@code E >= (D' + U') / (1 - R' / B)}.</li>
 * </ol>
 *
 * <p>D' counts what the partition cannot change: one image's crossbar reads, DAC conversions (reads x XbSize), ADC
 * conversions, ALU operations (elements / vector width, rounded up), and scratchpad accesses of its LOADs and
 * STOREs (bits / the widest bus, rounded up) at the cheapest scratchpad's energies; NoC traffic and the actions of
 * the library's other components count 0. R' counts the crossbars with the library's other components that follow
 * them (per crossbar, row or column) and their DACs, the chip's own other components, the cheapest mesh (routers and
 * links) with at least as many positions as macros, and per macro the least any design holds: the least leaky
 * scratchpad and the library's other components of every macro, over at least K macros
 * (K weight layers), or ceil(K / 2) where pairs may share, and for unified macros at least ceil(crossbars / largest
 * size). S' is R' plus, per macro, one ADC and one shift-and-add unit, and one unit of every other ALU kind per
 * layer (or pair) that uses it.
 *
 * <p>The library's physical limits ({@link PhysicalLimits}) only take designs away or add to what every design
 * holds, so the bound stays admissible, and it uses them to be tighter:
 * <ul>
 * <li>crossbars per macro: no macro holds more, so there are at least ceil(crossbars / limit) macros (without
 * sharing the sum of each layer's ceil(crossbars_i / limit)): K above is raised to it. Every term counted per
 * macro grows with the number of macros, so the least number stays a lower bound. And a layer of more crossbars than
 * the limit spreads evenly over several macros, whose home sends the others their input shares over its links
 * and gathers their partial outputs over one route for a whole merge, so {@code T >= T_noc}
 * ({@link #nocTimeLowerBoundNs}) too: T is at least the largest of T', T_u and T_noc.</li>
 * <li>crossbar columns per ADC: every macro has ceil(its columns / limit) ADCs, which add up to at least
 * ceil(all columns / limit): S' counts that many ADCs where it exceeds the macros. Stage 4 pays for them from the
 * budget left over the fixed parts, so where their peak alone exceeds the least of what is left, no design is
 * feasible and the bound is 0. These A ADCs leak through the whole interval, busy or not, so with the ADCs' share
 * of U' taken out (U'' the ALUs' alone) two more bounds hold: {@code E >= D' + (R' + A x s) x max(T', T_u) + U''}
 * and {@code E >= (D' + U'') / (1 - (R' + A x s) / B)}, s an ADC's static power.</li>
 * <li>the largest mesh: a design's mesh is some r x c >= its macros, limited or not, so the cheapest mesh over all
 * shapes still bounds its NoC from below; the time terms do not depend on the mesh.</li>
 * </ul>
 */
public final class FitnessUpperBound {
    private static final String READ = ComponentClass.READ;
    private static final String CONVERT = ComponentClass.CONVERT;
    private static final String OPERATE = ComponentClass.OPERATE;
    /** The most links that leave, or enter, a mesh position: east, west, north and south. */
    private static final int HOME_LINKS = 4;
    /** Keeps the bound above a design at exactly its lower bounds despite rounding. */
    private static final double ROUNDING_MARGIN = 1e-9;
    /** Beyond stage 4's own slack on the budget (1e-9 relative), so that the least ADCs never prune a design. */
    private static final double BUDGET_SLACK = 1e-6;

    private FitnessUpperBound() {
    }

    /** The bound in GOPS/W; 0 where the static power every design holds reaches the budget. */
    public static double of(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        DesignFloors floors = floors(request, point, skeleton, components);
        return floors == null ? 0
                : 2.0 * floors.macsPerImage() * 1000 / floors.energyPerImagePj() * (1 + ROUNDING_MARGIN);
    }

    /**
     * The floors of every feasible design of the candidate (its busy time is max(T', T_u), which bounds the first
     * image's latency as it bounds the interval: that image needs one image's crossbar and unit work), or null
     * where none can be feasible: the static power every design holds reaches the budget, or the least ADCs do not
     * fit what the fixed parts leave.
     */
    public static DesignFloors floors(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        DataflowWorkload work = workload(skeleton);
        double budgetMw = request.totalPowerMw();
        PowerFloors power = PowerFloors.of(request, point, skeleton, work, components);
        if (infeasibility(request, point, skeleton, components, power) != null) {
            return null;
        }
        double restMw = power.restMw();
        double staticMw = power.staticMw();
        double unitsMw = power.unitsMw();
        double dynamicPj = dynamicEnergyLowerBoundPj(request.library(), point, work, components);
        double unitsPj = unitLeakageLowerBoundPj(request.library(), point, work, components);
        double intervalNs = Math.max(Math.max(crossbarTimeLowerBoundNs(point, skeleton, components,
                request.library().clockGhz()), nocTimeLowerBoundNs(request, skeleton, components)),
                unitPeakWorkPj(request.library(), point, work, components) / unitsMw);
        double energyPj = Math.max(dynamicPj / (1 - staticMw / budgetMw),
                Math.max(dynamicPj + restMw * intervalNs + unitsPj,
                        (dynamicPj + unitsPj) / (1 - restMw / budgetMw)));
        // The ADCs the columns-per-ADC limit forces leak through the whole interval, busy or not.
        double forcedAdcMw = leastAdcs(request, point, skeleton) * components.adc(point.adcBits()).staticPowerMw();
        if (forcedAdcMw > 0) {
            double aluPj = unitsPj - adcLeakageLowerBoundPj(request.library(), point, work, components);
            double heldMw = restMw + forcedAdcMw;
            energyPj = Math.max(energyPj, Math.max(dynamicPj + heldMw * intervalNs + aluPj,
                    (dynamicPj + aluPj) / (1 - heldMw / budgetMw)));
        }
        return new DesignFloors(energyPj, intervalNs, budgetMw,
                areaLowerBoundMm2(request, point, skeleton, work, components), skeleton.network().totalMacs());
    }

    /**
     * Why no design of the candidate can be feasible, where {@link #floors} finds none, in words for a message
     * listing reasons (the same words for every candidate that fails so, figures aside); null where some design
     * might be.
     */
    public static String infeasibility(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        return infeasibility(request, point, skeleton, components,
                PowerFloors.of(request, point, skeleton, workload(skeleton), components));
    }

    /**
     * The static power every design of the candidate draws, in mW: R' (crossbars, DACs, scratchpads, NoC and the
     * other parts) and S' (R' with the least ADC and ALU units); and what the budget leaves at peak for units.
     */
    private record PowerFloors(double restMw, double staticMw, double unitsMw) {
        static PowerFloors of(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
                DataflowWorkload work, ComponentLibrary components) {
            double restMw = restStaticPowerLowerBoundMw(request, point, skeleton, components);
            return new PowerFloors(restMw,
                    restMw + unitStaticPowerLowerBoundMw(request, point, skeleton, work, components),
                    request.totalPowerMw() - fixedPeakLowerBoundMw(request, point, skeleton, components));
        }
    }

    private static String infeasibility(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components, PowerFloors power) {
        double budgetMw = request.totalPowerMw();
        double staticMw = power.staticMw();
        double unitsMw = power.unitsMw();
        if (staticMw >= budgetMw) {
            return "the static power every design must hold reaches the budget";
        }
        if (!(unitsMw > 0)) {
            return "crossbars, DACs, scratchpads and NoC need the whole budget at peak in every design, leaving "
                    + "nothing for ADCs and ALUs";
        }
        long adcs = leastAdcs(request, point, skeleton);
        if (adcs * components.adc(point.adcBits()).peakPowerMw() > unitsMw * (1 + BUDGET_SLACK)) {
            return "the ADCs the library's limits.columnsPerAdc asks for (one per "
                    + request.library().limits().maxColumnsPerAdc() + " crossbar columns) need more power at peak "
                    + "than the crossbars, DACs, scratchpads and NoC of any design leave";
        }
        return null;
    }

    /**
     * The least chip area of any design of the candidate, in mm2: what {@link #restStaticPowerLowerBoundMw} and
     * {@link #unitStaticPowerLowerBoundMw} count every design to hold (its crossbars, their DACs and the parts that
     * follow them, the fewest macros with the smallest scratchpad and the parts of every macro, the smallest mesh,
     * the chip's own parts, the least ADC and ALU units), each at its area per instance. An entry without an area
     * counts 0, which keeps the bound a bound.
     */
    static double areaLowerBoundMm2(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            DataflowWorkload work, ComponentLibrary components) {
        ToDoubleFunction<ComponentEntry> area = e -> {
            var a = components.area(e.componentClass(), e.variant());
            return a == null ? 0 : a.areaMm2();
        };
        return restLowerBound(request, point, skeleton, components, area)
                + unitLowerBound(request, point, skeleton, work, components, area);
    }

    /**
     * T': the longest time any layer's crossbars are busy per image, in ns: its home macro's share of the crossbars
     * takes part in every block, one MVM (crossbar read and DAC latency, in whole cycles as the simulator times it)
     * per bit iteration. No design's interval is shorter, so stage 4 buys no units beyond reaching it.
     */
    static double crossbarTimeLowerBoundNs(DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components, double clockGhz) {
        double mvmNs = TimingRules.mvmNs(components.dac(point.resDacBits()).latencyNs(CONVERT),
                components.crossbar(point.xbSizeRows(), point.resRramBits()).latencyNs(READ), clockGhz);
        return crossbarPassesPerImage(skeleton) * mvmNs;
    }

    /**
     * T_noc: where no macro holds more than L crossbars of a layer (the library's limit, and in unified mode the
     * largest macro size), a layer of C > L crossbars spreads over n >= ceil(C / L) macros, evenly
     * ({@link org.pimsyn.synth.stage.partition.MacroLayout}), so its home (the first) holds at most ceil(C / n) of
     * them and the others the rest of each block's crossbars. In each block the home sends the others their input
     * shares (a TRANSFER each) and gathers their partial outputs (one MERGE), in ns per image:
     * <ul>
     * <li>The MERGE holds every link of every route into the home for all its flits, and the home's second macro
     * takes part in every block with a remote part, so the last link of its route is busy the sum of the blocks'
     * merges: a hop and the remote partial outputs' flit cycles each. Fewer crossbars at home only add remote
     * partials, so n = ceil(C / L) gives the least.</li>
     * <li>Each TRANSFER holds a link out of the home, of which its n - 1 shares use at most min(4, n - 1): some
     * link is busy the shares' cycles over that many. Past n = 5 the divisor stays 4 and the shares only grow, so
     * the least over n is among n = ceil(C / L) to max(5, ceil(C / L)).</li>
     * </ul>
     * Which inputs and partials are remote follows from the home's crossbars
     * ({@link DataflowSkeleton#leastRemoteInputElements}). 0 without a limit: a layer may then sit in one macro.
     */
    static double nocTimeLowerBoundNs(SynthesisRequest request, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        HardwareLibrary library = request.library();
        long perMacro = library.limits().maxCrossbarsPerMacro();
        if (request.macroMode() == MacroMode.UNIFIED) {
            perMacro = Math.min(perMacro, library.search().evolution().macroSizeMaxCrossbars());
        }
        if (perMacro == Integer.MAX_VALUE) {
            return 0;
        }
        double clockGhz = library.clockGhz();
        double hopCycles = TimingRules.cycles(components.router().latencyNs(ComponentClass.FLIT_HOP), clockGhz);
        var noc = ComponentLibraries.noc(library);
        double cyclesPerBit = (double) noc.cyclesPerFlit() / noc.flitWidthBits();
        long dataBits = skeleton.spec().activationBits();
        double most = 0;
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            long crossbars = skeleton.crossbarsOf(k);
            if (crossbars <= perMacro) {
                continue;
            }
            int layer = k;
            long leastMacros = ceilDiv(crossbars, perMacro);
            long leastHome = ceilDiv(crossbars, leastMacros);
            double merges = blockTransfersCycles(skeleton.blocks(k), hopCycles, dataBits, cyclesPerBit,
                    b -> skeleton.leastRemotePartialElements(layer, b, leastHome));
            double shares = Double.POSITIVE_INFINITY;
            for (long n = leastMacros; n <= Math.max(leastMacros, HOME_LINKS + 1) && n <= crossbars; n++) {
                long home = ceilDiv(crossbars, n);
                double cycles = blockTransfersCycles(skeleton.blocks(k), hopCycles, dataBits, cyclesPerBit,
                        b -> skeleton.leastRemoteInputElements(layer, b, home));
                shares = Math.min(shares, cycles / Math.min(HOME_LINKS, n - 1));
            }
            most = Math.max(most, Math.max(merges, shares));
        }
        return most / clockGhz;
    }

    /**
     * The cycles a link holds the NoC transfers of a layer's blocks at the least: per block that moves any elements
     * ({@code elements} of the block), a hop and their bits' flit cycles.
     */
    private static double blockTransfersCycles(int blocks, double hopCycles, long dataBits, double cyclesPerBit,
            IntToLongFunction elements) {
        double cycles = 0;
        for (int b = 0; b < blocks; b++) {
            long moved = elements.applyAsLong(b);
            if (moved > 0) {
                cycles += hopCycles + moved * dataBits * cyclesPerBit;
            }
        }
        return cycles;
    }

    /** The most times one layer's crossbars work per image: its blocks x bit iterations, the largest over layers. */
    static long crossbarPassesPerImage(DataflowSkeleton skeleton) {
        long passes = 0;
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            passes = Math.max(passes, (long) skeleton.blocks(k) * skeleton.bitIterations());
        }
        return passes;
    }

    /**
     * The ADC and ALU units' work per image at their peak power, in pJ (mW x ns): conversions x conversion time x
     * ADC peak, plus per ALU kind operations (elements / vector width) x time x peak, each time the latency in whole
     * cycles as the simulator takes it. A pool of u units serving w operations is busy at least w / u such times
     * per image and the interval T is at least that, so u >= w x time / T; stage 4 buys units with at most the
     * budget left over the fixed parts' peak, P, so this work / P bounds T from below.
     */
    static double unitPeakWorkPj(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components) {
        return unitBusyTimesPowerPj(library, point, work, components,
                components.adc(point.adcBits()).peakPowerMw(), kind -> components.alu(kind).peakPowerMw());
    }

    /**
     * The least peak power of the parts stage 4 cannot spend on units, in mW ({@link PeakPowerModel}): all crossbars
     * and their DACs, and for the fewest macros any gene has the smallest scratchpad's peak each and the cheapest
     * mesh with that many positions.
     */
    static double fixedPeakLowerBoundMw(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        HardwareLibrary library = request.library();
        PeakPowerModel model = new PeakPowerModel(components, point, PeakPowerModel.otherPerMacro(library),
                PeakPowerModel.otherPerChip(library), PeakPowerModel.otherPerCrossbar(library, point.xbSizeRows()));
        long crossbars = totalCrossbars(skeleton);
        long macros = leastMacros(request, skeleton);
        double leastScratchpadMw = Double.POSITIVE_INFINITY;
        for (int i = 0; i < model.scratchpads(); i++) {
            leastScratchpadMw = Math.min(leastScratchpadMw, model.scratchpadMw(i));
        }
        // Any mesh of r x c >= macros positions costs at least the mesh of r rows and ceil(macros / r) columns;
        // past r = macros a mesh only grows.
        double leastNocMw = Double.POSITIVE_INFINITY;
        for (long r = 1; r <= macros; r++) {
            leastNocMw = Math.min(leastNocMw, model.nocMw((int) r, (int) ceilDiv(macros, r)));
        }
        return model.crossbarsMw(crossbars) + model.dacsMw(crossbars) + macros * (leastScratchpadMw
                + model.otherPerMacroMw()) + leastNocMw + model.otherPerChipMw();
    }

    /** U': what the ADC and ALU units leak while doing one image's work, however many there are, in pJ. */
    static double unitLeakageLowerBoundPj(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components) {
        return unitBusyTimesPowerPj(library, point, work, components,
                components.adc(point.adcBits()).staticPowerMw(), kind -> components.alu(kind).staticPowerMw());
    }

    /** The ADCs' share of U': what they leak while converting one image, however many there are, in pJ. */
    static double adcLeakageLowerBoundPj(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components) {
        return adcBusyNs(library, point, work, components) * components.adc(point.adcBits()).staticPowerMw();
    }

    /** One image's conversions x the conversion time in whole cycles, in ns: the ADCs' busy time per image. */
    private static double adcBusyNs(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components) {
        return work.totalAdcConversions()
                * TimingRules.clockedNs(components.adc(point.adcBits()).latencyNs(CONVERT), library.clockGhz());
    }

    /**
     * The ADC and ALU units' busy time per image, however many there are, each kind at a power per unit, in pJ:
     * conversions x conversion time x {@code adcMw}, plus per ALU kind operations (elements / vector width) x
     * operation time x {@code aluMw}, each time the library's latency rounded up to whole clock cycles.
     */
    private static double unitBusyTimesPowerPj(HardwareLibrary library, DesignPoint point, DataflowWorkload work,
            ComponentLibrary components, double adcMw, ToDoubleFunction<AluKind> aluMw) {
        double clockGhz = library.clockGhz();
        double pj = adcBusyNs(library, point, work, components) * adcMw;
        for (AluKind kind : AluKind.values()) {
            long elements = work.totalAluElements(kind);
            if (elements > 0) {
                int width = library.alu(kind).vectorWidthElements();
                pj += (double) elements / width
                        * TimingRules.clockedNs(components.alu(kind).latencyNs(OPERATE), clockGhz)
                        * aluMw.applyAsDouble(kind);
            }
        }
        return pj;
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
        double pj = reads * components.crossbar(point.xbSizeRows(), point.resRramBits()).energyPj(READ)
                + (double) reads * point.xbSizeRows() * components.dac(point.resDacBits()).energyPj(CONVERT)
                + conversions * components.adc(point.adcBits()).energyPj(CONVERT);
        for (AluKind kind : AluKind.values()) {
            long elements = work.totalAluElements(kind);
            if (elements > 0) {
                int width = library.alu(kind).vectorWidthElements();
                pj += ceilDiv(elements, width) * components.alu(kind).energyPj(OPERATE);
            }
        }
        int widestBus = 1;
        double cheapestRead = Double.POSITIVE_INFINITY;
        double cheapestWrite = Double.POSITIVE_INFINITY;
        for (int i = 0; i < library.scratchpads().size(); i++) {
            widestBus = Math.max(widestBus, library.scratchpads().get(i).busWidthBits());
            ComponentEntry cost = components.scratchpads().get(i);
            cheapestRead = Math.min(cheapestRead, cost.energyPj(READ));
            cheapestWrite = Math.min(cheapestWrite, cost.energyPj(ComponentClass.WRITE));
        }
        pj += ceilDiv(loadedBits, widestBus) * cheapestRead + ceilDiv(storedBits, widestBus) * cheapestWrite;
        return pj;
    }

    /**
     * R': static power of crossbars, DACs, routers, scratchpads and the other components of every macro that every
     * design of the candidate draws, in mW.
     */
    static double restStaticPowerLowerBoundMw(SynthesisRequest request, DesignPoint point,
            DataflowSkeleton skeleton, ComponentLibrary components) {
        return restLowerBound(request, point, skeleton, components, ComponentEntry::staticPowerMw);
    }

    /**
     * The instances behind R' (crossbars with the parts that follow them and their DACs, the fewest macros with
     * the least scratchpad by {@code perInstance} and the parts of every macro, the cheapest mesh by it, the
     * chip's own parts), each at {@code perInstance}.
     */
    private static double restLowerBound(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components, ToDoubleFunction<ComponentEntry> perInstance) {
        long crossbars = totalCrossbars(skeleton);
        double leastLeakage = Double.POSITIVE_INFINITY;
        for (ComponentEntry s : components.scratchpads()) {
            leastLeakage = Math.min(leastLeakage, perInstance.applyAsDouble(s));
        }
        HardwareLibrary library = request.library();
        double otherMw = sum(PeakPowerModel.otherPerMacro(library), components, perInstance);
        double perCrossbarMw = sum(PeakPowerModel.otherPerCrossbar(library, point.xbSizeRows()), components,
                perInstance);
        double chipMw = sum(PeakPowerModel.otherPerChip(library), components, perInstance);
        long macros = leastMacros(request, skeleton);
        // Any mesh of r x c >= macros positions costs at least what the mesh of r rows and ceil(macros / r)
        // columns does (routers and links); past r = macros a mesh only grows.
        double routerMw = perInstance.applyAsDouble(components.router());
        double linkMw = perInstance.applyAsDouble(components.link());
        double leastMeshMw = Double.POSITIVE_INFINITY;
        for (long r = 1; r <= macros; r++) {
            long c = ceilDiv(macros, r);
            leastMeshMw = Math.min(leastMeshMw, r * c * routerMw
                    + org.pimsyn.sim.count.ComponentInventory.directionalLinks((int) r, (int) c) * linkMw);
        }
        return crossbars * (perInstance.applyAsDouble(components.crossbar(point.xbSizeRows(), point.resRramBits()))
                        + perCrossbarMw)
                + (double) crossbars * point.xbSizeRows()
                        * perInstance.applyAsDouble(components.dac(point.resDacBits()))
                + macros * (leastLeakage + otherMw) + leastMeshMw + chipMw;
    }

    /** Some instances, each at {@code perInstance}. */
    private static double sum(List<ComponentInstance> instances, ComponentLibrary components,
            ToDoubleFunction<ComponentEntry> perInstance) {
        double mw = 0;
        for (ComponentInstance c : instances) {
            mw += c.count() * perInstance.applyAsDouble(components.entry(c.componentClass(), c.variant()));
        }
        return mw;
    }

    /** S' - R': the ADC and ALU units every design of the candidate holds, at their static power, in mW. */
    static double unitStaticPowerLowerBoundMw(SynthesisRequest request, DesignPoint point,
            DataflowSkeleton skeleton, DataflowWorkload work, ComponentLibrary components) {
        return unitLowerBound(request, point, skeleton, work, components, ComponentEntry::staticPowerMw);
    }

    /**
     * The ADC and ALU units every design of the candidate holds (an ADC and a shift-and-add unit per macro, at least
     * the ADCs the columns-per-ADC limit forces, a unit of every other kind per layer or pair using it), each at
     * {@code perInstance}.
     */
    private static double unitLowerBound(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            DataflowWorkload work, ComponentLibrary components, ToDoubleFunction<ComponentEntry> perInstance) {
        int layers = skeleton.weightLayerCount();
        boolean sharing = request.macroSharing();
        double mw = Math.max(leastMacros(request, skeleton), leastAdcs(request, point, skeleton))
                * perInstance.applyAsDouble(components.adc(point.adcBits()))
                + leastMacros(request, skeleton) * perInstance.applyAsDouble(components.alu(AluKind.SHIFT_ADD));
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
                mw += groups * perInstance.applyAsDouble(components.alu(kind));
            }
        }
        return mw;
    }

    /**
     * The fewest macros any gene of the candidate has: a layer or a pair per macro at least, every macro within
     * the library's crossbars per macro (without sharing, each layer on its own macros), unified macros within the
     * largest size.
     */
    static long leastMacros(SynthesisRequest request, DataflowSkeleton skeleton) {
        int layers = skeleton.weightLayerCount();
        long macros = request.macroSharing() ? (layers + 1) / 2 : layers;
        if (request.macroMode() == MacroMode.UNIFIED) {
            macros = Math.max(macros, ceilDiv(totalCrossbars(skeleton),
                    request.library().search().evolution().macroSizeMaxCrossbars()));
        }
        int perMacro = request.library().limits().maxCrossbarsPerMacro();
        if (perMacro < Integer.MAX_VALUE) {
            macros = Math.max(macros, ceilDiv(totalCrossbars(skeleton), perMacro));
            if (!request.macroSharing()) {
                long sum = 0;
                for (int k = 0; k < layers; k++) {
                    sum += ceilDiv(skeleton.crossbarsOf(k), perMacro);
                }
                macros = Math.max(macros, sum);
            }
        }
        return macros;
    }

    /**
     * The fewest ADCs any design of the candidate has under the library's crossbar columns per ADC:
     * ceil(crossbars x XbSize / limit); 0 without that limit (the macros' one ADC each is counted apart).
     */
    static long leastAdcs(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton) {
        int perAdc = request.library().limits().maxColumnsPerAdc();
        return perAdc == Integer.MAX_VALUE ? 0
                : ceilDiv(totalCrossbars(skeleton) * point.xbSizeRows(), perAdc);
    }

    private static long totalCrossbars(DataflowSkeleton skeleton) {
        long crossbars = 0;
        for (int k = 0; k < skeleton.weightLayerCount(); k++) {
            crossbars += skeleton.crossbarsOf(k);
        }
        return crossbars;
    }

    /** The placement-independent workload: that of one macro per layer. */
    static DataflowWorkload workload(DataflowSkeleton skeleton) {
        return skeleton.compile(skeleton.oneMacroPerLayer()).workload();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
