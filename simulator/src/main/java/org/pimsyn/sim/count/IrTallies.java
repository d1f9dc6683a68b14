package org.pimsyn.sim.count;

import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;

/**
 * The {@link Quantity} measures of one image's IRs, summed per macro and IR kind (ALU IRs per unit kind), and for
 * MVMs also per crossbar set: what every action count is read from. Filled while a program is bound to a design,
 * so the event loop never touches it.
 */
public final class IrTallies {
    private static final int QUANTITIES = Quantity.values().length;
    private static final int ALU_SLOT = 2;
    private static final int SLOTS = ALU_SLOT + AluKind.COUNT + IrKind.values().length - 3;
    private static final int[] SLOT_OF_KIND = slotsOfKinds();

    private final int macros;
    private final long[] perMacro;
    private final long[] perCrossbarSet;

    /** @param crossbarSets the design's crossbar groups, numbered macro by macro in each macro's order */
    public IrTallies(int macros, int crossbarSets) {
        this.macros = macros;
        this.perMacro = new long[macros * SLOTS * QUANTITIES];
        this.perCrossbarSet = new long[crossbarSets * QUANTITIES];
    }

    /** The slot of an IR kind; {@code aluKind} counts for ALU IRs only. */
    public static int slot(int kindCode, int aluKindCode) {
        int s = SLOT_OF_KIND[kindCode];
        return s == ALU_SLOT ? ALU_SLOT + aluKindCode : s;
    }

    public static int slot(IrKind kind, AluKind alu) {
        return slot(kind.code(), alu == null ? 0 : alu.code());
    }

    /** Adds to a quantity of a macro's IRs of a slot. */
    public void add(int macro, int slot, Quantity q, long amount) {
        perMacro[(macro * SLOTS + slot) * QUANTITIES + q.ordinal()] += amount;
    }

    /** Adds to a quantity of one crossbar set's MVMs (which also count for its macro). */
    public void addCrossbarSet(int set, Quantity q, long amount) {
        perCrossbarSet[set * QUANTITIES + q.ordinal()] += amount;
    }

    public int macros() {
        return macros;
    }

    public long ofMacro(int macro, int slot, Quantity q) {
        return perMacro[(macro * SLOTS + slot) * QUANTITIES + q.ordinal()];
    }

    public long ofCrossbarSet(int set, Quantity q) {
        return perCrossbarSet[set * QUANTITIES + q.ordinal()];
    }

    private static int[] slotsOfKinds() {
        int[] slots = new int[IrKind.values().length];
        int next = ALU_SLOT + AluKind.COUNT;
        for (IrKind k : IrKind.values()) {
            slots[k.code()] = switch (k) {
                case MVM -> 0;
                case ADC -> 1;
                case ALU -> ALU_SLOT;
                default -> next++;
            };
        }
        return slots;
    }
}
