package org.pimsyn.sim.engine;

import java.util.Objects;

/**
 * How a simulation streams images: a fixed number of them, or until the interval between them has converged
 * ({@link SteadyStateRule}), and in which arbitration order.
 *
 * @param images      images streamed; with a steady-state rule, the most streamed (its {@code maxImages})
 * @param steadyState null for a run of exactly {@code images} images
 */
public record RunPlan(int images, SteadyStateRule steadyState, Arbitration arbitration) {
    public RunPlan {
        Objects.requireNonNull(arbitration, "arbitration");
        if (images < 1) {
            throw new IllegalArgumentException("images must be >= 1, got " + images);
        }
        if (steadyState != null && images != steadyState.maxImages()) {
            throw new IllegalArgumentException("a steady-state run streams up to its rule's " + steadyState.maxImages()
                    + " images, not " + images);
        }
    }

    /** Exactly {@code images} images, oldest image first. */
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
        return new RunPlan(images, steadyState, newArbitration);
    }

    public boolean streamsToSteadyState() {
        return steadyState != null;
    }

    /** The rule by which the interval is judged converged: the plan's own, or the default for a fixed run. */
    public SteadyStateRule rule() {
        return steadyState != null ? steadyState : SteadyStateRule.DEFAULT;
    }

    /** In words, for messages: "until steady (...)" or "8 images", with the arbitration. */
    public String describe() {
        String length = steadyState == null ? images + " image" + (images == 1 ? "" : "s")
                : "images until the interval converges (windows of " + steadyState.windowImages() + " gaps within "
                        + steadyState.tolerance() * 100 + " % after " + steadyState.warmupImages()
                        + " warm-up gaps, at most " + steadyState.maxImages() + " images)";
        return length + ", " + arbitration.label() + " arbitration";
    }
}
