package org.pimsyn.synth.spark;

import java.io.Serializable;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.explore.DesignPointTask;
import org.pimsyn.synth.output.DesignJson;
import org.pimsyn.synth.stage.partition.PartitionEvolution;

/**
 * A candidate outcome on its way back to the driver: the figures, and the best design as design JSON (null when
 * there is none), whose reading rebuilds the design exactly. The task's point and duplication stay on the driver.
 */
record ShippedOutcome(double fitness, double[] bestFitnessPerGeneration, long evaluations, String reason,
        String designJson, int[] childrenPerGeneration, int[] childrenBeatingParentPerGeneration,
        double[] layersFromBestPerGeneration, String bestGeneOrigin) implements Serializable {
    private static final long serialVersionUID = 2L;

    static ShippedOutcome of(CandidateOutcome outcome) {
        PartitionEvolution.Dynamics d = outcome.dynamics();
        return new ShippedOutcome(outcome.fitness(), outcome.bestFitnessPerGeneration(), outcome.evaluations(),
                outcome.reason(), outcome.found() ? DesignJson.toJson(outcome.best()) : null,
                d == null ? null : d.childrenPerGeneration(), d == null ? null : d.childrenBeatingParentPerGeneration(),
                d == null ? null : d.layersFromBestPerGeneration(), d == null ? null : d.bestOrigin());
    }

    CandidateOutcome toOutcome(DesignPointTask task) {
        return new CandidateOutcome(task.point(), task.duplication(),
                designJson == null ? null : DesignJson.parse(designJson, "design of " + task.point() + " sent by Spark"),
                fitness, bestFitnessPerGeneration, evaluations, reason, bestGeneOrigin == null ? null
                        : new PartitionEvolution.Dynamics(childrenPerGeneration, childrenBeatingParentPerGeneration,
                                layersFromBestPerGeneration, bestGeneOrigin));
    }
}
