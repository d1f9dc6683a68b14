package org.pimsyn.synth.design;

import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.chip.ChipArea;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.InputException;

/**
 * The area limit of a synthesis ({@code --area}): a design whose chip area exceeds it scores 0 with the reason, as
 * one over the power budget does. The limit needs every component's area, so a library lacking one is refused before
 * the search starts.
 */
public final class DesignArea {
    private DesignArea() {
    }

    /** Why the accelerator breaks the request's area limit, or null where it keeps it (or there is none). */
    public static String overLimit(SynthesisRequest request, Accelerator accelerator, ComponentLibrary components) {
        if (request.areaLimitMm2().isEmpty()) {
            return null;
        }
        double limit = request.areaLimitMm2().getAsDouble();
        ChipArea area = AreaModel.of(accelerator, components);
        if (!area.known()) {
            throw new IllegalStateException("the area limit needs every area; the library was checked for them");
        }
        return area.areaMm2() > limit ? String.format(Locale.ROOT, "area %.3f mm2 exceeds the %.3f mm2 limit",
                area.areaMm2(), limit) : null;
    }

    /** Whether the library gives the area of every component a design can instantiate. */
    public static boolean allKnown(ComponentLibrary components) {
        return withoutArea(components).isEmpty();
    }

    private static List<String> withoutArea(ComponentLibrary components) {
        return components.entries().stream()
                .filter(e -> components.area(e.componentClass(), e.variant()) == null)
                .map(ComponentEntry::label).toList();
    }

    /**
     * Checks that a library gives the area of every component a design can instantiate, which an area limit needs.
     *
     * @throws InputException naming the option, the library and the entries without an area
     */
    public static void requireAreas(ComponentLibrary components, String origin) {
        requireAreas(components, origin, "--area", "an area limit");
    }

    /**
     * The same for what {@code option} asks, in words {@code what} (e.g. {@code --objective area-efficiency}, "area
     * efficiency").
     */
    public static void requireAreas(ComponentLibrary components, String origin, String option, String what) {
        List<String> missing = withoutArea(components);
        if (!missing.isEmpty()) {
            throw new InputException(option + ": " + origin + " gives no areaMm2 for " + String.join(", ", missing)
                    + "; " + what + " needs the area of every component");
        }
    }
}
