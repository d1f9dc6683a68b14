package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pimsyn.sim.engine.Arbitration;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.engine.SteadyStateRule;
import org.pimsyn.synth.io.JsonObjectFields;

/**
 * A fitness run as the outputs write it: {@code images} (the most ended, for a steady-state run), the
 * {@code arbitration} order's label, {@code sampleHoldSlots}, {@code inputRegisterSlots} and
 * {@code outputRegisterSlots} (0: no limit), and for a run streamed until the interval converges its
 * {@code steadyState} rule ({@code warmupImages}, {@code windowImages}, {@code tolerance}); a run of exactly
 * {@code images} images has no {@code steadyState}.
 */
public final class FitnessRunJson {
    /**
     * The most sample-and-hold slots, input or output registers a run may ask for: far beyond any circuit, small
     * enough to be a count.
     */
    public static final int MAX_SLOTS = 1 << 20;
    /** The keys of a fitness run object. */
    static final String[] KEYS = {"images", "arbitration", "sampleHoldSlots", "inputRegisterSlots",
        "outputRegisterSlots", "steadyState"};

    private FitnessRunJson() {
    }

    public static ObjectNode tree(RunPlan plan) {
        ObjectNode o = OutputJson.MAPPER.createObjectNode();
        o.put("images", plan.images());
        o.put("arbitration", plan.arbitration().label());
        o.put("sampleHoldSlots", plan.sampleHoldSlots());
        o.put("inputRegisterSlots", plan.inputRegisterSlots());
        o.put("outputRegisterSlots", plan.outputRegisterSlots());
        if (plan.streamsToSteadyState()) {
            SteadyStateRule rule = plan.steadyState();
            ObjectNode s = o.putObject("steadyState");
            s.put("warmupImages", rule.warmupImages());
            s.put("windowImages", rule.windowImages());
            s.put("tolerance", rule.tolerance());
        }
        return o;
    }

    /** Reads what {@link #tree} writes; errors name the file and the field. */
    static RunPlan read(JsonObjectFields run) {
        int images = run.integer("images", 1, Integer.MAX_VALUE);
        String label = run.text("arbitration");
        Arbitration arbitration = Arbitration.fromLabel(label).orElseThrow(() -> run.error("arbitration",
                "\"" + label + "\" is not an arbitration order; allowed: " + Arbitration.labels()));
        int slots = run.integer("sampleHoldSlots", 0, MAX_SLOTS);
        int inputs = run.integer("inputRegisterSlots", 0, MAX_SLOTS);
        int outputs = run.integer("outputRegisterSlots", 0, MAX_SLOTS);
        if (!run.has("steadyState")) {
            return new RunPlan(images, null, arbitration, slots, inputs, outputs);
        }
        JsonObjectFields s = run.object("steadyState", "warmupImages", "windowImages", "tolerance");
        int warmup = s.integer("warmupImages", 0, 1000);
        int window = s.integer("windowImages", 1, 1000);
        double tolerance = s.number("tolerance", 0, 1, false);
        if (tolerance >= 1) {
            throw s.error("tolerance", "must be below 1, got " + tolerance);
        }
        int least = SteadyStateRule.minImages(warmup, window);
        if (images < least) {
            throw run.error("images", "a steady-state run needs at least warm-up + 2 windows + 1 = " + least
                    + " images, got " + images);
        }
        return new RunPlan(images, new SteadyStateRule(warmup, window, tolerance, images), arbitration, slots, inputs,
                outputs);
    }
}
