package org.pimsyn.sim.component;

/** {@code count} components of a library entry, (class, variant), placed in a macro. */
public record ComponentInstance(String componentClass, String variant, int count) {
}
