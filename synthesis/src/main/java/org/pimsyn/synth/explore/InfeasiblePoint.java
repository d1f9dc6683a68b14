package org.pimsyn.synth.explore;

/** A crossbar point whose weights do not fit at duplication 1 under its share of the power budget, and why. */
public record InfeasiblePoint(double ratioRram, int resRramBits, int xbSizeRows, String reason) {
}
