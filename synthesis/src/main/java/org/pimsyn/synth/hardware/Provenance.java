package org.pimsyn.synth.hardware;

import java.util.Objects;

/**
 * Where a library figure comes from (a publication, the original tool's config.json, or a derivation with its
 * rule), and an optional note on a correction or a caveat.
 *
 * @param note empty where there is none
 */
public record Provenance(String source, String note) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source must not be blank");
        }
    }

    public static Provenance of(String source) {
        return new Provenance(source, "");
    }

    public boolean hasNote() {
        return !note.isEmpty();
    }
}
