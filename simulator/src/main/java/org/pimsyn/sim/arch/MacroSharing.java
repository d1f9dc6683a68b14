package org.pimsyn.sim.arch;

import java.util.List;

/** A macro serving several layers, which then take turns on its ADC bank, ALUs and scratchpad. */
public record MacroSharing(int macro, List<Integer> layers) {
    public MacroSharing {
        layers = List.copyOf(layers);
    }
}
