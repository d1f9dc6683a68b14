package org.pimsyn.synth.spark;

import java.io.Serializable;
import org.pimsyn.synth.design.CandidateOutcome;
import org.pimsyn.synth.explore.DesignPointTask;
import org.pimsyn.synth.output.DesignJson;

/**
 * A candidate outcome on its way back to the driver: the figures, and the best design as design JSON (null when
 * there is none), whose reading rebuilds the design exactly. The task's point and duplication stay on the driver.
 */
record ShippedOutcome(double fitness, double[] bestFitnessPerGeneration, long evaluations, String reason,
        String designJson) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ShippedOutcome of(CandidateOutcome outcome) {
        return new ShippedOutcome(outcome.fitness(), outcome.bestFitnessPerGeneration(), outcome.evaluations(),
                outcome.reason(), outcome.found() ? DesignJson.toJson(outcome.best()) : null);
    }

    CandidateOutcome toOutcome(DesignPointTask task) {
        return new CandidateOutcome(task.point(), task.duplication(),
                designJson == null ? null : DesignJson.parse(designJson, "design of " + task.point() + " sent by Spark"),
                fitness, bestFitnessPerGeneration, evaluations, reason);
    }
}
