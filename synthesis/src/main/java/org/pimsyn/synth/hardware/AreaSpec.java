package org.pimsyn.synth.hardware;

import java.util.Objects;

/**
 * The silicon area of one instance of a library component, and where the figure comes from (the library file's
 * {@code areaMm2} and {@code areaSource} of the component's entry). Optional: an entry without it has an unknown
 * area, which every output states as unknown.
 *
 * @param areaMm2 per instance, >= 0 (0 where the part's area is counted in another entry)
 * @param source  the publication, and the scaling where the figure was scaled
 */
public record AreaSpec(double areaMm2, String source) {
    public AreaSpec {
        if (!(areaMm2 >= 0) || !Double.isFinite(areaMm2)) {
            throw new IllegalArgumentException("areaMm2 must be a finite number >= 0, got " + areaMm2);
        }
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("an area's source must not be blank");
        }
    }
}
