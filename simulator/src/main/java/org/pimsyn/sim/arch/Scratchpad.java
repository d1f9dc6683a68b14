package org.pimsyn.sim.arch;

/**
 * A macro's scratchpad memory: capacity in KiB (1024 bytes), data bus width, and the number of identical
 * ports that may serve LOAD/STORE IRs at once.
 */
public record Scratchpad(int capacityKb, int busWidthBits, int ports) {
    public long capacityBits() {
        return capacityKb * 8192L;
    }
}
