package org.pimsyn.synth.stage.allocation;

import java.util.Optional;
import org.pimsyn.synth.EnumLabels;

/** How stage 4 spends the power left for ADC and ALU units ({@code synthesize --allocation}). */
public enum AllocationMode {
    /**
     * Units up to the slowest layer's crossbar time, the latency floor no interval goes below: power past it buys
     * no throughput and only adds leakage, so it suits power efficiency.
     */
    FLOOR,
    /**
     * The paper's Eq. 6: the whole power left spent on units in proportion to each one's work over its rate, so
     * every unit kind of every group gets the same latency; faster peripherals, at the cost of their leakage. (As in
     * both modes, no macro gets more units of a kind than its widest operation of that kind can use at once: those
     * would never work.)
     */
    BALANCED;

    /** The command-line and file spelling: {@code floor}, {@code balanced}. */
    public String label() {
        return EnumLabels.of(this);
    }

    /** The mode spelled {@code label} (any case), if there is one. */
    public static Optional<AllocationMode> fromLabel(String label) {
        return EnumLabels.parse(AllocationMode.class, label);
    }

    /** The labels, for messages listing what is allowed. */
    public static String labels() {
        return EnumLabels.all(AllocationMode.class);
    }
}
