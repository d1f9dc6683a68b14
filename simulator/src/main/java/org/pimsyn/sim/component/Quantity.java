package org.pimsyn.sim.component;

/**
 * What the simulator measures of an IR, for counting a component's actions: the measures are fixed by the IR
 * kinds (the dataflow's Table II), so a component class counts its actions in any of them without code.
 */
public enum Quantity {
    /** One per IR. */
    IR,
    /** The IR's vec_width: crossbars an MVM activates, conversions of an ADC IR, elements of an ALU IR, LOAD/STORE. */
    ELEMENT,
    /** An MVM's crossbars x the rows of each: one DAC conversion per driven row. */
    ROW,
    /** An ALU IR's elements over its units' vector width, rounded up: one unit operation per vector. */
    VECTOR,
    /** A LOAD's or STORE's bits over the scratchpad bus width, rounded up. */
    BUS_ACCESS,
    /** A TRANSFER's or MERGE's flits x the hops each travels. */
    FLIT_HOP,
    /** The IR's elements x the accelerator's activation bits: the bits a LOAD, STORE, TRANSFER or MERGE moves. */
    BIT,
    /**
     * The bits (elements x activation bits) of the IRs without a predecessor: the LOADs of the network's input,
     * which no IR of the program produced. A part that holds the network's input (a global buffer, an input port)
     * is read this many bits per image.
     */
    INPUT_BIT
}
