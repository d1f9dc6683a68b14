package org.pimsyn.sim.count;

import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;

/**
 * The {@link Quantity} measures of one image's IRs, summed per macro and IR kind (ALU IRs per unit kind), and the
 * crossbars each crossbar set's MVMs activate: what every action count is read from. Filled while a program is
 * bound to a design, so the event loop never touches it.
 *
 * <p>The binding measures what the built-in classes count anyway (an MVM's rows, an ADC IR's elements, an ALU IR's
 * vectors, a LOAD's or STORE's bus accesses, a transfer's flit-hops); the IRs and elements of every kind take a
 * pass of their own ({@link #countIrsAndElements}), made only where a library's own classes may count them.
 */
public final class IrTallies {
    private static final int QUANTITIES = Quantity.values().length;
    private static final int ALU_SLOT = 2;
    private static final int SLOTS = ALU_SLOT + AluKind.COUNT + IrKind.values().length - 3;
    private static final int[] SLOT_OF_KIND = slotsOfKinds();

    private final int macros;
    private final long[] perMacro;
    private final long[] perCrossbarSet;
    private boolean irsAndElements;

    /** @param crossbarSets the design's crossbar groups, numbered macro by macro in each macro's order */
    public IrTallies(int macros, int crossbarSets) {
        this.macros = macros;
        this.perMacro = new long[macros * SLOTS * QUANTITIES];
        this.perCrossbarSet = new long[crossbarSets];
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

    /** Adds to the crossbars one crossbar set's MVMs activate. */
    public void addCrossbarSetElements(int set, long crossbars) {
        perCrossbarSet[set] += crossbars;
    }

    /**
     * Counts every IR, its elements and its bits (elements x {@code dataBits}) per macro and slot, and the bits of
     * the IRs without a predecessor ({@link Quantity#INPUT_BIT}), once; the ADC IRs' elements are the binding's
     * already. An MVM's width is its crossbars, not data: its bits are counted as for any other IR, and mean nothing.
     */
    public void countIrsAndElements(IrProgram program, int dataBits) {
        if (irsAndElements) {
            return;
        }
        irsAndElements = true;
        int n = program.size();
        boolean[] hasPredecessor = new boolean[n];
        for (int e = 0; e < program.edgeCount(); e++) {
            hasPredecessor[program.successorAt(e)] = true;
        }
        int adc = slot(IrKind.ADC, null);
        for (int i = 0; i < n; i++) {
            int k = program.kindCode(i);
            int s = slot(k, k == IrKind.ALU.code() ? program.aluKindCode(i) : 0);
            int at = (program.macro(i) * SLOTS + s) * QUANTITIES;
            int w = program.width(i);
            perMacro[at + Quantity.IR.ordinal()]++;
            if (s != adc) {
                perMacro[at + Quantity.ELEMENT.ordinal()] += w;
            }
            long bits = (long) w * dataBits;
            perMacro[at + Quantity.BIT.ordinal()] += bits;
            if (!hasPredecessor[i]) {
                perMacro[at + Quantity.INPUT_BIT.ordinal()] += bits;
            }
        }
    }

    /** Whether a quantity was measured: IRs, elements and bits need {@link #countIrsAndElements}. */
    public boolean measured(IrKind kind, Quantity q) {
        return irsAndElements || builtIn(kind, q);
    }

    private static boolean builtIn(IrKind kind, Quantity q) {
        return switch (kind) {
            case MVM -> q == Quantity.ROW;
            case ADC -> q == Quantity.ELEMENT;
            case ALU -> q == Quantity.VECTOR;
            case LOAD, STORE -> q == Quantity.BUS_ACCESS;
            case MERGE, TRANSFER -> q == Quantity.FLIT_HOP;
        };
    }

    public int macros() {
        return macros;
    }

    public long ofMacro(int macro, int slot, Quantity q) {
        return perMacro[(macro * SLOTS + slot) * QUANTITIES + q.ordinal()];
    }

    /** The crossbars a crossbar set's MVMs activated. */
    public long ofCrossbarSet(int set) {
        return perCrossbarSet[set];
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
