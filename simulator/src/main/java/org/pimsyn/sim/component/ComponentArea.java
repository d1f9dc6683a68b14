package org.pimsyn.sim.component;

/**
 * The silicon area of one instance of a library entry, (class, variant), and where the figure comes from. Area is
 * a price of the inventory as peak power is, but optional: a library may leave an entry's area out, and every
 * figure that needs it is then unknown rather than 0.
 *
 * @param areaMm2 per instance, in mm2; 0 where a part's area is counted in another entry (a link inside its router)
 * @param source  the publication or derivation of the figure, with its scaling where it was scaled
 */
public record ComponentArea(String componentClass, String variant, double areaMm2, String source) {
    /** {@code class variant}, as messages name an entry. */
    public String label() {
        return componentClass + " " + variant;
    }
}
