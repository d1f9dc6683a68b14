package org.pimsyn.sim.count;

import org.pimsyn.sim.component.ComponentLibrary;

/**
 * Components of one library entry in one place: a macro's crossbar set (its {@code crossbarSet} number), a
 * macro's other parts ({@code crossbarSet} -1), or the mesh's routers and links ({@code macro} -1).
 *
 * @param part the accelerator field that holds it, within its macro ({@code adcs}) or the accelerator ({@code noc})
 */
public record InventoryItem(int macro, int crossbarSet, String componentClass, String variant, int count,
        String part) {
    /** The field for messages, e.g. {@code accelerator.macros[3].adcs}; built only when a message needs it. */
    public String where() {
        return macro < 0 ? "accelerator." + part : ComponentLibrary.macroPart(macro, part);
    }
}
