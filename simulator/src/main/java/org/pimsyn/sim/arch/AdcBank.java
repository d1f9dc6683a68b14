package org.pimsyn.sim.arch;

/** A macro's ADC bank, shared by every layer the macro serves. */
public record AdcBank(int count, int resolutionBits) {
}
