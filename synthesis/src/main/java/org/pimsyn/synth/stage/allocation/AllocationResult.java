package org.pimsyn.synth.stage.allocation;

/** What component allocation makes of a power budget: unit counts, or how far the budget falls short. */
public sealed interface AllocationResult permits ComponentAllocation, AllocationShortfall {
}
