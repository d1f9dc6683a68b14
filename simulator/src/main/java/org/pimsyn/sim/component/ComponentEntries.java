package org.pimsyn.sim.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pimsyn.sim.ir.AluKind;

/**
 * Entries of the built-in classes, with the variant names the simulator looks them up by: a crossbar
 * {@code 128x128-2bit}, a DAC or ADC {@code 8bit}, a scratchpad {@code 64KB}, the NoC's {@code router} and
 * {@code link}; an ALU kind has one variant, {@code unit}.
 */
public final class ComponentEntries {
    public static final String ALU_VARIANT = "unit";
    public static final String ROUTER = "router";
    public static final String LINK = "link";

    private ComponentEntries() {
    }

    // Every simulation names the variants of its design's parts: the names are made once.
    private static final Map<Long, String> CROSSBAR_VARIANTS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> CONVERTER_VARIANTS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> SCRATCHPAD_VARIANTS = new ConcurrentHashMap<>();

    public static String crossbarVariant(int size, int cellBits) {
        return CROSSBAR_VARIANTS.computeIfAbsent((long) size << 32 | cellBits,
                k -> size + "x" + size + "-" + cellBits + "bit");
    }

    public static String converterVariant(int resolutionBits) {
        return CONVERTER_VARIANTS.computeIfAbsent(resolutionBits, k -> resolutionBits + "bit");
    }

    public static String scratchpadVariant(int capacityKb) {
        return SCRATCHPAD_VARIANTS.computeIfAbsent(capacityKb, k -> capacityKb + "KB");
    }

    /** One crossbar: a read activates it for one input bit slice. */
    public static ComponentEntry crossbar(int size, int cellBits, double readLatencyNs, double readEnergyPj,
            double staticPowerMw, double peakPowerMw, String source) {
        return new ComponentEntry(ComponentClass.CROSSBAR, crossbarVariant(size, cellBits),
                List.of(new ActionCost(ComponentClass.READ, readEnergyPj, readLatencyNs)), staticPowerMw,
                peakPowerMw, source);
    }

    /** One DAC: a conversion drives one crossbar row for one bit slice. */
    public static ComponentEntry dac(int resolutionBits, double latencyNs, double energyPj, double staticPowerMw,
            double peakPowerMw, String source) {
        return converter(ComponentClass.DAC, resolutionBits, latencyNs, energyPj, staticPowerMw, peakPowerMw, source);
    }

    /** One ADC: a conversion reads one column output. */
    public static ComponentEntry adc(int resolutionBits, double latencyNs, double energyPj, double staticPowerMw,
            double peakPowerMw, String source) {
        return converter(ComponentClass.ADC, resolutionBits, latencyNs, energyPj, staticPowerMw, peakPowerMw, source);
    }

    /** One ALU unit of a kind: an operation on up to its vector width of elements. */
    public static ComponentEntry alu(AluKind kind, double latencyNs, double energyPj, double staticPowerMw,
            double peakPowerMw, String source) {
        return new ComponentEntry(ComponentClass.alu(kind), ALU_VARIANT,
                List.of(new ActionCost(ComponentClass.OPERATE, energyPj, latencyNs)), staticPowerMw, peakPowerMw,
                source);
    }

    /** A macro's scratchpad: bus-wide reads and writes; its leakage is its static power. */
    public static ComponentEntry scratchpad(int capacityKb, double readLatencyNs, double writeLatencyNs,
            double readEnergyPj, double writeEnergyPj, double leakagePowerMw, double peakPowerMw, String source) {
        return new ComponentEntry(ComponentClass.SCRATCHPAD, scratchpadVariant(capacityKb),
                List.of(new ActionCost(ComponentClass.READ, readEnergyPj, readLatencyNs),
                        new ActionCost(ComponentClass.WRITE, writeEnergyPj, writeLatencyNs)),
                leakagePowerMw, peakPowerMw, source);
    }

    /** One router of the mesh (one per position): a flit through it per hop, in the hop latency. */
    public static ComponentEntry router(double hopLatencyNs, double flitEnergyPj, double staticPowerMw,
            double peakPowerMw, String source) {
        return new ComponentEntry(ComponentClass.NOC, ROUTER,
                List.of(new ActionCost(ComponentClass.FLIT_HOP, flitEnergyPj, hopLatencyNs)), staticPowerMw,
                peakPowerMw, source);
    }

    /** One directional link between neighbouring routers: a flit over it per hop, in the flit latency. */
    public static ComponentEntry link(double flitLatencyNs, double flitEnergyPj, double staticPowerMw,
            double peakPowerMw, String source) {
        return new ComponentEntry(ComponentClass.NOC, LINK,
                List.of(new ActionCost(ComponentClass.FLIT_HOP, flitEnergyPj, flitLatencyNs)), staticPowerMw,
                peakPowerMw, source);
    }

    private static ComponentEntry converter(String componentClass, int resolutionBits, double latencyNs,
            double energyPj, double staticPowerMw, double peakPowerMw, String source) {
        return new ComponentEntry(componentClass, converterVariant(resolutionBits),
                List.of(new ActionCost(ComponentClass.CONVERT, energyPj, latencyNs)), staticPowerMw, peakPowerMw,
                source);
    }
}
