package org.pimsyn.sim.engine;

import java.util.Objects;

/**
 * How a simulation streams images: a fixed number of them, or until the interval between them has converged
 * ({@link SteadyStateRule}); in which arbitration order; and the back-pressure the finite buffers of a processing
 * element put on it: its sample-and-hold circuits, its input registers and its output registers, each counted per
 * crossbar set (see {@code traces/README.md}, "Back-pressure").
 *
 * @param images              images streamed; with a steady-state rule, the most streamed (its {@code maxImages})
 * @param steadyState         null for a run of exactly {@code images} images
 * @param sampleHoldSlots     MVM results a crossbar set's sample-and-hold circuits keep until its ADCs have
 *                            converted them: an MVM may not start while that many of its set's results wait (2:
 *                            double-buffered, the default); 0 for no limit
 * @param inputRegisterSlots  blocks of inputs a crossbar set's input registers hold: the LOAD bringing a block's
 *                            inputs may not start before the block that many blocks earlier has left its register (2:
 *                            double-buffered, the default); 0 for no limit
 * @param outputRegisterSlots blocks of results a crossbar set's output registers hold until they leave the
 *                            processing element: a block's first MVM may not start before the results of the block
 *                            that many blocks earlier have left (2, the default); 0 for no limit
 */
public record RunPlan(int images, SteadyStateRule steadyState, Arbitration arbitration, int sampleHoldSlots,
        int inputRegisterSlots, int outputRegisterSlots) {
    /** Double-buffered: one set of held results being converted while the crossbars compute the next. */
    public static final int DEFAULT_SAMPLE_HOLD_SLOTS = 2;
    /** Double-buffered: one block's inputs feeding the crossbars while the next one's are loaded. */
    public static final int DEFAULT_INPUT_REGISTER_SLOTS = 2;
    /** Double-buffered: one block's results being written out while the next one's are computed. */
    public static final int DEFAULT_OUTPUT_REGISTER_SLOTS = 2;

    public RunPlan {
        Objects.requireNonNull(arbitration, "arbitration");
        if (images < 1) {
            throw new IllegalArgumentException("images must be >= 1, got " + images);
        }
        if (sampleHoldSlots < 0) {
            throw new IllegalArgumentException("sample-and-hold slots must be >= 0 (0: no limit), got "
                    + sampleHoldSlots);
        }
        if (inputRegisterSlots < 0) {
            throw new IllegalArgumentException("input register slots must be >= 0 (0: no limit), got "
                    + inputRegisterSlots);
        }
        if (outputRegisterSlots < 0) {
            throw new IllegalArgumentException("output register slots must be >= 0 (0: no limit), got "
                    + outputRegisterSlots);
        }
        if (steadyState != null && images != steadyState.maxImages()) {
            throw new IllegalArgumentException("a steady-state run streams up to its rule's " + steadyState.maxImages()
                    + " images, not " + images);
        }
    }

    /** Double-buffered input and output registers. */
    public RunPlan(int images, SteadyStateRule steadyState, Arbitration arbitration, int sampleHoldSlots) {
        this(images, steadyState, arbitration, sampleHoldSlots, DEFAULT_INPUT_REGISTER_SLOTS,
                DEFAULT_OUTPUT_REGISTER_SLOTS);
    }

    /** Double-buffered sample-and-hold, input and output registers. */
    public RunPlan(int images, SteadyStateRule steadyState, Arbitration arbitration) {
        this(images, steadyState, arbitration, DEFAULT_SAMPLE_HOLD_SLOTS);
    }

    /** Exactly {@code images} images, oldest image first, double-buffered sample-and-hold and registers. */
    public static RunPlan images(int images) {
        return new RunPlan(images, null, Arbitration.OLDEST_IMAGE_FIRST);
    }

    /** Until converged by the default rule, oldest image first: the search's fitness run. */
    public static RunPlan untilSteady() {
        return untilSteady(SteadyStateRule.DEFAULT);
    }

    public static RunPlan untilSteady(SteadyStateRule rule) {
        return new RunPlan(rule.maxImages(), rule, Arbitration.OLDEST_IMAGE_FIRST);
    }

    public RunPlan withArbitration(Arbitration newArbitration) {
        return new RunPlan(images, steadyState, newArbitration, sampleHoldSlots, inputRegisterSlots,
                outputRegisterSlots);
    }

    public RunPlan withSampleHoldSlots(int slots) {
        return new RunPlan(images, steadyState, arbitration, slots, inputRegisterSlots, outputRegisterSlots);
    }

    public RunPlan withInputRegisterSlots(int slots) {
        return new RunPlan(images, steadyState, arbitration, sampleHoldSlots, slots, outputRegisterSlots);
    }

    public RunPlan withOutputRegisterSlots(int slots) {
        return new RunPlan(images, steadyState, arbitration, sampleHoldSlots, inputRegisterSlots, slots);
    }

    /** Exactly {@code n} images under the same rules. */
    public RunPlan withImages(int n) {
        return new RunPlan(n, null, arbitration, sampleHoldSlots, inputRegisterSlots, outputRegisterSlots);
    }

    public boolean streamsToSteadyState() {
        return steadyState != null;
    }

    /** The rule by which the interval is judged converged: the plan's own, or the default for a fixed run. */
    public SteadyStateRule rule() {
        return steadyState != null ? steadyState : SteadyStateRule.DEFAULT;
    }

    /**
     * In words, for messages: "until steady (...)" or "8 images", with the arbitration and the buffers of a crossbar
     * set.
     */
    public String describe() {
        String length = steadyState == null ? images + " image" + (images == 1 ? "" : "s")
                : "images until the interval converges (windows of " + steadyState.windowImages() + " gaps within "
                        + steadyState.tolerance() * 100 + " % after " + steadyState.warmupImages()
                        + " warm-up gaps, at most " + steadyState.maxImages() + " images)";
        return length + ", " + arbitration.label() + " arbitration, " + (sampleHoldSlots == 0
                ? "unbounded sample-and-hold" : sampleHoldSlots + " sample-and-hold slot" + (sampleHoldSlots == 1 ? ""
                : "s") + " per crossbar set") + ", " + registers(inputRegisterSlots, "input") + ", "
                + registers(outputRegisterSlots, "output");
    }

    private static String registers(int slots, String side) {
        return slots == 0 ? "unbounded " + side + " registers"
                : slots + " " + side + " register" + (slots == 1 ? "" : "s") + " per crossbar set";
    }
}
