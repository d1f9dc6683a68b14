package org.pimsyn.sim.engine;

/** What a simulated resource is; each is an exclusive server or a pool of identical units. */
public enum ResourceKind {
    /** One layer's crossbar set in one macro (exclusive; MVM). */
    CROSSBARS,
    /** One macro's ADC bank, shared by the layers the macro serves (exclusive; ADC). */
    ADC_BANK,
    /** One macro's ALU units of one kind (exclusive; ALU). */
    ALU,
    /** One macro's scratchpad ports (a pool of its port count; LOAD, STORE). */
    SCRATCHPAD,
    /** One directional link between neighbouring mesh positions (exclusive; TRANSFER, MERGE). */
    NOC_LINK
}
