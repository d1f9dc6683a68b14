package org.pimsyn.synth.objective;

import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.design.Design;

/**
 * What synthesis optimises: a figure of a simulated design, the way it improves, how outputs name it, and what
 * bounds on it the search may prune with.
 *
 * <p>Values and scores. An objective's <em>value</em> is its own figure in its unit, what the outputs report; a
 * design over the power budget, or whose scratchpads overflow, has none, written as 0. The search, the top designs
 * and pruning work on the <em>score</em> ({@link Direction#score}): the value where higher is better, its
 * reciprocal where lower is better, and 0 without a feasible design. So in every direction a higher score is a
 * better design, a score is finite and at least 0, 0 means infeasible, and bounds are upper bounds on the score.
 * Outcomes, checkpoints and logs keep values, and a value's score is a function of it alone, so a value read back
 * from a checkpoint ranks exactly as it did when found.
 *
 * @param name        the identifier a run fingerprint records, e.g. {@code efficiency}
 * @param displayName the objective in words, e.g. {@code power efficiency}
 * @param unit        the unit of its values, e.g. {@code GOPS/W}
 * @param jsonKey     the key of a design's value in the JSON outputs, e.g. {@code fitnessGopsPerWatt}
 * @param measure     the figure of a feasible design (its simulation, and for some objectives its hardware), above 0
 * @param bounds      admissible bounds on the score, or empty: then nothing is pruned for this objective
 * @param needsAreas  whether the measure needs the area of every component, which a library may leave out
 */
public record Objective(String name, String displayName, String unit, String jsonKey, Direction direction,
        ToDoubleFunction<Design> measure, Optional<ScoreBounds> bounds, boolean needsAreas) {
    public Objective {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(jsonKey, "jsonKey");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(bounds, "bounds");
    }

    /** An objective whose measure reads the simulation alone. */
    public Objective(String name, String displayName, String unit, String jsonKey, Direction direction,
            ToDoubleFunction<Design> measure, Optional<ScoreBounds> bounds) {
        this(name, displayName, unit, jsonKey, direction, measure, bounds, false);
    }

    /** The value of a simulated design: its figure, or 0 where it breaks the power budget or a scratchpad. */
    public double value(Design design) {
        Performance performance = design.performance();
        return performance.withinPowerBudget() && performance.scratchpadsFit()
                ? measure.applyAsDouble(design) : 0;
    }

    @Override
    public String toString() {
        return name;
    }
}
