package org.pimsyn.synth.design;

import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.objective.Direction;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.ScoreBounds;
import org.pimsyn.synth.stage.allocation.UnitAllocation;
import org.pimsyn.synth.stage.dataflow.CompiledDataflow;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.partition.GeneScore;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.MacroLayout;
import org.pimsyn.synth.stage.partition.PartitionEvolution;
import org.pimsyn.synth.stage.partition.PartitionRules;

/**
 * The fitness function of one (design point, duplication candidate): a macro gene made into a complete accelerator
 * and simulated.
 *
 * <ol>
 * <li>A gene with more macros than the library's largest mesh holds ({@link PhysicalLimits}): fitness 0. Otherwise
 * lay it out ({@link MacroLayout}, within that mesh) and compile the dataflow onto it (stage 2's placement
 * pass). The partitioning rules keep every macro within the library's crossbars per macro.</li>
 * <li>Give every macro the smallest library scratchpad that holds one block of each layer it serves
 * ({@link CompiledDataflow#blockFootprintElements}): at a layer's home the largest block input, merged partial
 * sums and stored outputs, at its other macros the largest input share.</li>
 * <li>Peak power of crossbars, DACs, scratchpads and NoC ({@link PeakPowerModel}); stage 4
 * ({@link UnitAllocation}) allocates ADCs and ALUs with the rest of the budget, in the request's mode: up to the
 * slowest layer's crossbar time ({@link FitnessUpperBound#crossbarTimeLowerBoundNs}), or all of it as Eq. 6 does,
 * every macro with at least one ADC per the library's crossbar columns per ADC. Fixed parts over the budget, or an allocation shortfall (the least ADCs included):
 * fitness 0.</li>
 * <li>Simulate the request's fitness run (by default: stream images until the interval converges). A macro whose scratchpad high-water mark exceeds its capacity gets the
 * smallest scratchpad that holds it, and the design is allocated and simulated again, at most
 * {@value #SIMULATION_ROUNDS} simulations in all; still overflowing: fitness 0.</li>
 * <li>Where the request limits the area ({@link DesignArea}), a design over it: fitness 0.</li>
 * <li>Fitness = the request's objective's score ({@link Direction#score} of {@link Objective#value}), 0 where the
 * simulated power exceeds the budget.</li>
 * </ol>
 * <p>Asked with a floor ({@link #score(MacroGene, double)}), it may answer a bound instead of simulating, where the
 * objective has bounds: the first round's design counted without timing, with any number of ADC and ALU units
 * ({@link ScoreBounds#gene}), bounds every round's score, since later rounds only grow
 * scratchpads and change unit counts, provided the library's scratchpads never get cheaper, faster or wider as
 * they grow. The physical limits keep it admissible: every round gives each macro at least the ADCs its columns
 * need, which the bound counts as leaking through the whole interval, and the design it counts is laid out on the
 * same limited mesh as the one simulated.
 *
 * <p>Reuses one {@link Simulator} and the candidate's skeleton: not thread-safe, one per search.
 */
public final class DesignEvaluator implements PartitionEvolution.Fitness {
    static final int SIMULATION_ROUNDS = 4;

    /** A gene's evaluation: its score and, where it was asked for and could be built, the design. */
    public record Evaluation(GeneScore score, Design design, PeakPower peakPower) {
    }

    private final SynthesisRequest request;
    private final Objective objective;
    /** The objective's gene bound, null where it has none. */
    private final ScoreBounds bounds;
    private final DesignPoint point;
    private final HardwareLibrary library;
    private final DataflowSkeleton skeleton;
    private final ComponentLibrary components;
    private final PartitionRules rules;
    private final PhysicalLimits limits;
    private final PeakPowerModel power;
    private final UnitAllocation stage4;
    private final int[] crossbars;
    private final long totalCrossbars;
    private final AcceleratorBuilder builder;
    private final Simulator simulator = new Simulator();
    private final boolean scratchpadsGrowCostlier;

    public DesignEvaluator(SynthesisRequest request, DesignPoint point, DataflowSkeleton skeleton,
            ComponentLibrary components) {
        this.request = request;
        this.objective = request.objective();
        this.bounds = objective.bounds().orElse(null);
        this.point = point;
        this.library = request.library();
        this.skeleton = skeleton;
        this.components = components;
        this.limits = library.limits();
        this.rules = PartitionRules.of(skeleton, request.macroMode() == MacroMode.UNIFIED, request.macroSharing(),
                library.search().evolution().macroSizesCrossbars(), limits);
        this.power = new PeakPowerModel(components, point, PeakPowerModel.otherPerMacro(library),
                PeakPowerModel.otherPerChip(library), PeakPowerModel.otherPerCrossbar(library, point.xbSizeRows()));
        this.scratchpadsGrowCostlier = scratchpadsGrowCostlier(library);
        this.stage4 = new UnitAllocation(components, library, point.adcBits(),
                FitnessUpperBound.crossbarTimeLowerBoundNs(point, skeleton, components, library.clockGhz()), limits,
                point.xbSizeRows(), request.allocation());
        this.crossbars = rules.crossbars();
        long total = 0;
        for (int c : crossbars) {
            total += c;
        }
        this.totalCrossbars = total;
        this.builder = new AcceleratorBuilder(library, point, skeleton, request.totalPowerMw());
    }

    /** The partitioning rules of this candidate. */
    public PartitionRules rules() {
        return rules;
    }

    public DataflowSkeleton skeleton() {
        return skeleton;
    }

    /** The fitness of a gene, with the reason where it is 0. */
    @Override
    public GeneScore score(MacroGene gene) {
        return evaluate(gene, 0).score();
    }

    /** The fitness of a gene, or a bound below {@code floor} where one is proved without simulating. */
    @Override
    public GeneScore score(MacroGene gene, double floor) {
        return evaluate(gene, floor).score();
    }

    /**
     * The gene's evaluation. The design is present where the gene could be built and simulated (even when it
     * then broke the budget or a scratchpad), absent where the power does not even allow its allocation or a
     * macro needs more than the largest scratchpad.
     *
     * @throws IllegalArgumentException where the gene breaks the candidate's partitioning rules
     */
    public Evaluation evaluate(MacroGene gene) {
        return evaluate(gene, 0);
    }

    private Evaluation evaluate(MacroGene gene, double floor) {
        String broken = rules.violation(gene);
        if (broken != null) {
            throw new IllegalArgumentException("gene " + gene + " breaks the partitioning rules: " + broken);
        }
        String overMesh = rules.meshExcess(gene);
        if (overMesh != null) {
            return failed(overMesh, null);
        }
        MacroLayout layout = MacroLayout.within(gene, crossbars, limits.maxMeshRows(), limits.maxMeshCols());
        CompiledDataflow compiled = skeleton.compile(layout.placement());
        UnitAllocation.ForGene allocation = stage4.of(gene, layout, compiled);
        IrProgram program = compiled.program();
        int[] scratchpads = initialScratchpads(compiled);
        String overflow = "";
        for (int round = 0; round < SIMULATION_ROUNDS; round++) {
            PeakPower fixed = power.of(totalCrossbars, scratchpads, layout.meshRows(), layout.meshCols(), 0);
            double fixedMw = fixed.fixedMw();
            double leftMw = request.totalPowerMw() - fixedMw;
            if (!(leftMw > 0)) {
                return failed(String.format(Locale.ROOT, "crossbars, DACs, scratchpads and NoC of %d macros need "
                        + "%.3f mW at peak, leaving nothing of the %.3f mW budget for ADCs and ALUs",
                        layout.macroCount(), fixedMw, request.totalPowerMw()), null);
            }
            UnitAllocation.Units units = allocation.allocate(leftMw);
            if (!units.fits()) {
                return failed(layout.macroCount() + " macros: " + units.shortfall(), null);
            }
            Accelerator accelerator = accelerator(layout, units.perMacro(), scratchpads);
            String overArea = DesignArea.overLimit(request, accelerator, components);
            if (overArea != null) {
                return failed(layout.macroCount() + " macros: " + overArea, null);
            }
            if (round == 0 && floor > 0 && bounds != null && scratchpadsGrowCostlier) {
                double bound = bounds.gene(simulator, accelerator, components, program, limits);
                if (bound < floor) {
                    return new Evaluation(GeneScore.below(bound), null, null);
                }
            }
            Activity activity = simulator.simulate(accelerator, components, program, request.fitnessRun(),
                    SimulationObserver.NONE);
            PeakPower peak = fixed.withPeripheralsMw(units.peakMw());
            overflow = growScratchpads(activity, scratchpads);
            if (overflow == null) {
                return failed(tooLarge(activity), null);
            }
            if (overflow.isEmpty() || round == SIMULATION_ROUNDS - 1) {
                Performance performance = Performance.of(activity, Simulator.price(activity, components));
                Design design = new Design(point, skeleton.spec(), compiled.placement(), accelerator, components,
                        request.fitnessRun(), performance);
                if (!overflow.isEmpty()) {
                    return new Evaluation(GeneScore.zero("scratchpads still overflow after " + SIMULATION_ROUNDS
                            + " simulations: " + overflow), design, peak);
                }
                if (!performance.withinPowerBudget()) {
                    return new Evaluation(GeneScore.zero(String.format(Locale.ROOT,
                            "simulated power %.3f mW (steady state) / %.3f mW (average) exceeds the %.3f mW budget",
                            performance.steadyStatePowerMw(), performance.averagePowerMw(),
                            performance.powerBudgetMw())), design, peak);
                }
                double value = objective.value(design);
                return new Evaluation(GeneScore.of(objective.direction().score(value), value), design, peak);
            }
        }
        throw new AssertionError("the last round always returns");
    }

    /**
     * True where each larger scratchpad of the library costs at least as much leakage, energy per access and
     * latency as every smaller one, on a bus no wider: growing a scratchpad can then only lower a design's bound.
     */
    private static boolean scratchpadsGrowCostlier(HardwareLibrary library) {
        List<ScratchpadSpec> all = library.scratchpads();
        for (int i = 1; i < all.size(); i++) {
            ScratchpadSpec a = all.get(i - 1);
            ScratchpadSpec b = all.get(i);
            if (b.leakagePowerMw() < a.leakagePowerMw() || b.readEnergyPj() < a.readEnergyPj()
                    || b.writeEnergyPj() < a.writeEnergyPj() || b.readLatencyNs() < a.readLatencyNs()
                    || b.writeLatencyNs() < a.writeLatencyNs() || b.busWidthBits() > a.busWidthBits()) {
                return false;
            }
        }
        return true;
    }

    private static Evaluation failed(String reason, PeakPower peak) {
        return new Evaluation(GeneScore.zero(reason), null, peak);
    }

    /** The smallest scratchpad holding each macro's block footprint, or the largest where none does. */
    private int[] initialScratchpads(CompiledDataflow compiled) {
        int[] index = new int[compiled.placement().macroCount()];
        long dataBits = skeleton.spec().activationBits();
        for (int m = 0; m < index.length; m++) {
            int fit = smallestHolding(compiled.blockFootprintElements(m) * dataBits);
            index[m] = fit < 0 ? library.scratchpads().size() - 1 : fit;
        }
        return index;
    }

    /**
     * Raises each overflowing macro to the smallest scratchpad holding its high-water mark. Returns "" where none
     * overflowed, a description of the overflows otherwise, and null where some mark exceeds the largest.
     */
    private String growScratchpads(Activity activity, int[] scratchpads) {
        StringBuilder grown = null;
        for (int m = 0; m < scratchpads.length; m++) {
            long high = activity.scratchpadHighWaterBits(m);
            if (high > capacityBits(scratchpads[m])) {
                int fit = smallestHolding(high);
                if (fit < 0) {
                    return null;
                }
                if (grown == null) {
                    grown = new StringBuilder();
                } else {
                    grown.append(", ");
                }
                grown.append("macro ").append(m).append(" held ").append(high).append(" bits in ")
                        .append(library.scratchpads().get(scratchpads[m]).capacityKb()).append(" KB");
                scratchpads[m] = fit;
            }
        }
        return grown == null ? "" : grown.toString();
    }

    private String tooLarge(Activity activity) {
        List<ScratchpadSpec> all = library.scratchpads();
        long largest = all.get(all.size() - 1).capacityBytes() * 8;
        for (int m = 0; m < activity.accelerator().macros().size(); m++) {
            long high = activity.scratchpadHighWaterBits(m);
            if (high > largest) {
                return "macro " + m + " holds up to " + high + " bits of data, more than the largest scratchpad ("
                        + all.get(all.size() - 1).capacityKb() + " KB)";
            }
        }
        throw new AssertionError("some macro overflows the largest scratchpad");
    }

    private int smallestHolding(long bits) {
        List<ScratchpadSpec> all = library.scratchpads();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).capacityBytes() * 8 >= bits) {
                return i;
            }
        }
        return -1;
    }

    private long capacityBits(int index) {
        return library.scratchpads().get(index).capacityBytes() * 8;
    }

    private Accelerator accelerator(MacroLayout layout, int[][] units, int[] scratchpads) {
        return builder.build(layout, units, scratchpads);
    }
}
