package org.pimsyn.sim.arch;

/** The DACs driving a macro's crossbar rows. */
public record DacArray(int count, int resolutionBits) {
}
