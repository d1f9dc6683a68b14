package org.pimsyn.sim.count;

/**
 * Components of one library entry in one place: a macro's crossbar set (its {@code crossbarSet} number), a
 * macro's other parts ({@code crossbarSet} -1), or the mesh's routers and links ({@code macro} -1).
 *
 * @param where the accelerator field that holds it, for messages ({@code accelerator.macros[3].adcs})
 */
public record InventoryItem(int macro, int crossbarSet, String componentClass, String variant, int count,
        String where) {
}
