package org.pimsyn.synth.design;

import java.util.Objects;
import java.util.OptionalDouble;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;

/**
 * What a synthesis run is asked for: the network, the hardware library, the total power budget, the macro
 * scenario, whether layers may share macros, the sizes of the evolutionary search, what it optimises, and how
 * stages 1 and 4 work.
 *
 * @param genes         population of the macro-partitioning search (the library's value unless overridden)
 * @param generations   generations of that search
 * @param fitnessRun    how each fitness simulation streams images: by default until the interval converges
 * @param objective     what the search optimises
 * @param areaLimitMm2  the most chip area a design may take ({@code --area}); empty for no limit. A design over it
 *                      scores 0, as one over the power budget does
 * @param duplication   how stage 1 chooses the duplication candidates ({@code --duplication}); annealing by default
 * @param allocation    how stage 4 spends the power left on ADC and ALU units ({@code --allocation}); up to the
 *                      crossbars' latency floor by default
 */
public record SynthesisRequest(
        Network network,
        HardwareLibrary library,
        double totalPowerMw,
        MacroMode macroMode,
        boolean macroSharing,
        int genes,
        int generations,
        RunPlan fitnessRun,
        Objective objective,
        OptionalDouble areaLimitMm2,
        DuplicationMode duplication,
        AllocationMode allocation) {

    public SynthesisRequest {
        Objects.requireNonNull(duplication, "duplication");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(macroMode, "macroMode");
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(fitnessRun, "fitnessRun");
        Objects.requireNonNull(areaLimitMm2, "areaLimitMm2");
        if (areaLimitMm2.isPresent() && !(areaLimitMm2.getAsDouble() > 0 && Double.isFinite(
                areaLimitMm2.getAsDouble()))) {
            throw new IllegalArgumentException("an area limit must be a positive number of mm2, got "
                    + areaLimitMm2.getAsDouble());
        }
        if (!(totalPowerMw > 0) || Double.isInfinite(totalPowerMw)) {
            throw new IllegalArgumentException("total power must be a positive number of mW, got " + totalPowerMw);
        }
        if (genes < 2 || generations < 1) {
            throw new IllegalArgumentException("genes must be >= 2, generations >= 1");
        }
    }

    /** Annealed duplication candidates, units up to the latency floor. */
    public SynthesisRequest(Network network, HardwareLibrary library, double totalPowerMw, MacroMode macroMode,
            boolean macroSharing, int genes, int generations, RunPlan fitnessRun, Objective objective,
            OptionalDouble areaLimitMm2) {
        this(network, library, totalPowerMw, macroMode, macroSharing, genes, generations, fitnessRun, objective,
                areaLimitMm2, DuplicationMode.SA, AllocationMode.FLOOR);
    }

    /** No area limit. */
    public SynthesisRequest(Network network, HardwareLibrary library, double totalPowerMw, MacroMode macroMode,
            boolean macroSharing, int genes, int generations, RunPlan fitnessRun, Objective objective) {
        this(network, library, totalPowerMw, macroMode, macroSharing, genes, generations, fitnessRun, objective,
                OptionalDouble.empty());
    }

    /** Fitness runs of exactly {@code fitnessImages} images, oldest image first; the default objective. */
    public SynthesisRequest(Network network, HardwareLibrary library, double totalPowerMw, MacroMode macroMode,
            boolean macroSharing, int genes, int generations, int fitnessImages) {
        this(network, library, totalPowerMw, macroMode, macroSharing, genes, generations,
                RunPlan.images(fitnessImages), Objectives.DEFAULT);
    }

    /** The default objective, no area limit. */
    public SynthesisRequest(Network network, HardwareLibrary library, double totalPowerMw, MacroMode macroMode,
            boolean macroSharing, int genes, int generations, RunPlan fitnessRun) {
        this(network, library, totalPowerMw, macroMode, macroSharing, genes, generations, fitnessRun,
                Objectives.DEFAULT);
    }

    /** The library's search sizes, fitness runs until the interval converges, the default objective. */
    public static SynthesisRequest of(Network network, HardwareLibrary library, double totalPowerMw, MacroMode mode,
            boolean macroSharing) {
        return new SynthesisRequest(network, library, totalPowerMw, mode, macroSharing,
                library.search().evolution().genes(), library.search().evolution().generations(),
                RunPlan.untilSteady(), Objectives.DEFAULT);
    }

    public SynthesisRequest withSearchSize(int newGenes, int newGenerations) {
        return new SynthesisRequest(network, library, totalPowerMw, macroMode, macroSharing, newGenes, newGenerations,
                fitnessRun, objective, areaLimitMm2, duplication, allocation);
    }

    /** The objective, with its stage 4 mode ({@link #defaultAllocation}); {@link #withAllocation} after it overrides. */
    public SynthesisRequest withObjective(Objective newObjective) {
        return new SynthesisRequest(network, library, totalPowerMw, macroMode, macroSharing, genes, generations,
                fitnessRun, newObjective, areaLimitMm2, duplication, defaultAllocation(newObjective));
    }

    /**
     * The stage 4 mode an objective gets unless asked otherwise: throughput wants the whole budget spent (the paper's
     * Eq. 6), the others stop at the crossbars' latency floor, past which units only add leakage.
     */
    public static AllocationMode defaultAllocation(Objective objective) {
        return objective.equals(Objectives.THROUGHPUT) ? AllocationMode.BALANCED : AllocationMode.FLOOR;
    }

    public SynthesisRequest withAreaLimitMm2(double limitMm2) {
        return new SynthesisRequest(network, library, totalPowerMw, macroMode, macroSharing, genes, generations,
                fitnessRun, objective, OptionalDouble.of(limitMm2), duplication, allocation);
    }

    public SynthesisRequest withDuplication(DuplicationMode mode) {
        return new SynthesisRequest(network, library, totalPowerMw, macroMode, macroSharing, genes, generations,
                fitnessRun, objective, areaLimitMm2, mode, allocation);
    }

    public SynthesisRequest withAllocation(AllocationMode mode) {
        return new SynthesisRequest(network, library, totalPowerMw, macroMode, macroSharing, genes, generations,
                fitnessRun, objective, areaLimitMm2, duplication, mode);
    }
}
