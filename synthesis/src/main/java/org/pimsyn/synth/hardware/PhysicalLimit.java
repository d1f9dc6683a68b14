package org.pimsyn.synth.hardware;

import java.util.Objects;

/**
 * One physical limit of the library's {@code limits} section: the largest value a design may have, and where the
 * figure comes from (a published design, or why it was chosen).
 *
 * @param max    the largest allowed value, >= 1
 * @param source the publication, or the reason for the number
 */
public record PhysicalLimit(int max, String source) {
    public PhysicalLimit {
        if (max < 1) {
            throw new IllegalArgumentException("a limit must be >= 1, got " + max);
        }
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a limit's source must not be blank");
        }
    }
}
