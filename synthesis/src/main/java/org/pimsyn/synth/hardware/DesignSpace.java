package org.pimsyn.synth.hardware;

import java.util.List;
import java.util.Objects;

/**
 * The values the outer design-space loops visit: the share of the power budget given to crossbars (RatioRram),
 * ReRAM cell resolutions (ResRram), crossbar sizes (XbSize) and DAC resolutions (ResDAC). Each list is ascending
 * without repeats.
 */
public record DesignSpace(List<Double> ratioRram, List<Integer> resRramBits, List<Integer> xbSizeRows,
                          List<Integer> resDacBits, Provenance provenance) {
    public DesignSpace {
        ratioRram = List.copyOf(ratioRram);
        resRramBits = List.copyOf(resRramBits);
        xbSizeRows = List.copyOf(xbSizeRows);
        resDacBits = List.copyOf(resDacBits);
        Objects.requireNonNull(provenance, "provenance");
        if (ratioRram.isEmpty() || resRramBits.isEmpty() || xbSizeRows.isEmpty() || resDacBits.isEmpty()) {
            throw new IllegalArgumentException("design-space lists must not be empty");
        }
        for (double r : ratioRram) {
            if (!(r > 0 && r < 1)) {
                throw new IllegalArgumentException("RatioRram values must lie between 0 and 1, got " + r);
            }
        }
    }
}
