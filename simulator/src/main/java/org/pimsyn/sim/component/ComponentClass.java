package org.pimsyn.sim.component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;

/**
 * A kind of component: what it is called in reports and the actions it performs. The library prices each
 * (class, variant); the simulator counts each action from the IRs of its triggers, so a new kind that the
 * dataflow already exercises (a register file read per converted element, say) is data alone.
 *
 * <p>The built-in classes are those the timing rules read: a layer's crossbar set ({@link #CROSSBAR}), the DACs,
 * the ADC bank, one class per ALU kind, the scratchpad and the mesh's routers and links ({@link #NOC}).
 */
public record ComponentClass(String name, List<ComponentAction> actions) {
    public static final String CROSSBAR = "crossbar";
    public static final String DAC = "dac";
    public static final String ADC = "adc";
    public static final String SCRATCHPAD = "scratchpad";
    public static final String NOC = "noc";
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String CONVERT = "convert";
    public static final String OPERATE = "operate";
    public static final String FLIT_HOP = "flitHop";

    /**
     * The parts of the PIMSYN paper's Fig. 2 that no timing rule reads, by the class name a library gives them
     * (its {@code otherComponents}), with what each is: a library without one of them does not price it, and the
     * reports say so ({@link ComponentLibrary#notPriced()}).
     */
    public static final List<List<String>> FIG2_PARTS = List.of(
            List.of("inputRegister", "the PEs' input registers"),
            List.of("sampleHold", "the PEs' sample-and-hold circuits"),
            List.of("outputMux", "the PEs' output multiplexers"),
            List.of("outputRegister", "the output registers"),
            List.of("registerFile", "the macros' register files"),
            List.of("macroBus", "the macros' bus between scratchpad and PEs"),
            List.of("controller", "the macros' controllers"));

    private static final List<ComponentClass> BUILT_IN = builtInClasses();
    private static final List<String> ALU_CLASSES = Arrays.stream(AluKind.values()).map(ComponentClass::alu).toList();

    public ComponentClass {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Index of an action, or -1. */
    public int actionIndex(String action) {
        for (int a = 0; a < actions.size(); a++) {
            if (actions.get(a).name().equals(action)) {
                return a;
            }
        }
        return -1;
    }

    /** The class of the ALU units of a kind: {@code alu.<kind label>}. */
    public static String alu(AluKind kind) {
        return "alu." + kind.label();
    }

    /** The classes the simulator's timing rules use, in report order. */
    public static List<ComponentClass> builtIn() {
        return BUILT_IN;
    }

    /** Whether a class is that of an ALU kind's units. */
    public static boolean isAlu(String name) {
        return ALU_CLASSES.contains(name);
    }

    public static boolean isBuiltIn(String name) {
        for (ComponentClass c : BUILT_IN) {
            if (c.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<ComponentClass> builtInClasses() {
        List<ComponentClass> classes = new ArrayList<>();
        classes.add(new ComponentClass(CROSSBAR, List.of(
                ComponentAction.of(READ, Trigger.of(IrKind.MVM, Quantity.ELEMENT)))));
        classes.add(new ComponentClass(DAC, List.of(
                ComponentAction.of(CONVERT, Trigger.of(IrKind.MVM, Quantity.ROW)))));
        classes.add(new ComponentClass(ADC, List.of(
                ComponentAction.of(CONVERT, Trigger.of(IrKind.ADC, Quantity.ELEMENT)))));
        for (AluKind kind : AluKind.values()) {
            classes.add(new ComponentClass(alu(kind), List.of(
                    ComponentAction.of(OPERATE, Trigger.of(kind, Quantity.VECTOR)))));
        }
        classes.add(new ComponentClass(SCRATCHPAD, List.of(
                ComponentAction.of(READ, Trigger.of(IrKind.LOAD, Quantity.BUS_ACCESS)),
                ComponentAction.of(WRITE, Trigger.of(IrKind.STORE, Quantity.BUS_ACCESS)))));
        classes.add(new ComponentClass(NOC, List.of(
                ComponentAction.of(FLIT_HOP, Trigger.of(IrKind.TRANSFER, Quantity.FLIT_HOP),
                        Trigger.of(IrKind.MERGE, Quantity.FLIT_HOP)))));
        return List.copyOf(classes);
    }
}
