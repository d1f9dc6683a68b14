package org.pimsyn.synth.spark;

import java.io.Serializable;
import org.pimsyn.sim.engine.Arbitration;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SteadyStateRule;
import java.util.OptionalDouble;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.HardwareLibraryWriter;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.stage.allocation.AllocationMode;
import org.pimsyn.synth.stage.duplication.DuplicationMode;

/**
 * A synthesis request as executors receive it: the network as network JSON, the library as library JSON, the
 * request's scalars (its area limit 0 for none), its objective and its stage 1 and stage 4 modes by name. Text rather than serialized objects, so that what crosses the wire is
 * a documented format whose readers check it, and rebuilding gives a request equal to the driver's.
 */
record RequestText(String networkName, String networkJson, String libraryOrigin, String libraryJson,
        double totalPowerMw, String macroMode, boolean macroSharing, int genes, int generations, int fitnessImages,
        Integer windowImages, int warmupImages, double tolerance, String arbitration, int sampleHoldSlots,
        int inputRegisterSlots, int outputRegisterSlots, String objective, double areaLimitMm2, String duplication,
        String allocation) implements Serializable {
    private static final long serialVersionUID = 1L;

    static RequestText of(SynthesisRequest request) {
        return new RequestText(request.network().name(), NetworkJsonWriter.toJson(request.network()),
                request.library().origin(), HardwareLibraryWriter.toJson(request.library()), request.totalPowerMw(),
                request.macroMode().name(), request.macroSharing(), request.genes(), request.generations(),
                request.fitnessRun().images(), window(request.fitnessRun()), request.fitnessRun().rule().warmupImages(),
                request.fitnessRun().rule().tolerance(), request.fitnessRun().arbitration().label(),
                request.fitnessRun().sampleHoldSlots(), request.fitnessRun().inputRegisterSlots(),
                request.fitnessRun().outputRegisterSlots(),
                request.objective().name(), request.areaLimitMm2().orElse(0), request.duplication().label(),
                request.allocation().label());
    }

    SynthesisRequest toRequest() {
        return new SynthesisRequest(
                NetworkJsonReader.parse(networkJson, "network " + networkName + " sent by the driver", networkName),
                HardwareLibrary.parse(libraryJson, libraryOrigin), totalPowerMw, MacroMode.valueOf(macroMode),
                macroSharing, genes, generations, fitnessRun(), Objectives.named(objective),
                areaLimitMm2 == 0 ? OptionalDouble.empty() : OptionalDouble.of(areaLimitMm2),
                DuplicationMode.fromLabel(duplication).orElseThrow(), AllocationMode.fromLabel(allocation).orElseThrow());
    }

    /** The window of a steady-state run's rule; null for a run of a fixed number of images. */
    private static Integer window(RunPlan plan) {
        return plan.streamsToSteadyState() ? plan.steadyState().windowImages() : null;
    }

    private RunPlan fitnessRun() {
        SteadyStateRule rule = windowImages == null ? null
                : new SteadyStateRule(warmupImages, windowImages, tolerance, fitnessImages);
        return new RunPlan(fitnessImages, rule, Arbitration.fromLabel(arbitration).orElseThrow(), sampleHoldSlots,
                inputRegisterSlots, outputRegisterSlots);
    }
}
