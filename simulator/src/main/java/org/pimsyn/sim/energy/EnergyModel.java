package org.pimsyn.sim.energy;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.engine.Activity;
import org.pimsyn.sim.ir.AluKind;

/**
 * Prices what a simulation counted: per component class, actions x energy per action, plus static power of
 * every instantiated component x run time. Any library with entries for the design's components will do, so
 * a design simulated once can be re-priced under other libraries (latencies stay those simulated).
 *
 * <p>Actions: crossbar = one crossbar read; DAC = one row input conversion; ADC = one conversion; ALU = one unit
 * operation; scratchpad = one bus-wide read or write; NoC = one flit over one hop (router plus link).
 * Static power: crossbars, DACs, ADCs and ALU units by count; one scratchpad leakage per macro; one router
 * per mesh position.
 */
public final class EnergyModel {
    private EnergyModel() {
    }

    public static EnergyBreakdown price(Activity activity, ComponentLibrary library) {
        Accelerator acc = activity.accelerator();
        double timeNs = activity.nanoseconds(activity.cycles());
        double[] alusDynamic = new double[AluKind.COUNT];
        double[] alusStatic = new double[AluKind.COUNT];
        boolean[] aluPresent = new boolean[AluKind.COUNT];
        double xbarDynamic = 0;
        double xbarStatic = 0;
        double dacDynamic = 0;
        double dacStatic = 0;
        double adcDynamic = 0;
        double adcStatic = 0;
        double spmDynamic = 0;
        double spmStatic = 0;
        for (int m = 0; m < acc.macros().size(); m++) {
            Macro macro = acc.macros().get(m);
            for (CrossbarGroup g : macro.crossbars()) {
                CrossbarCost c = ComponentLibrary.forComponent(m, "crossbars",
                        () -> library.crossbar(g.size(), g.cellBits()));
                xbarDynamic += activity.crossbarReads(m, g.layer()) * c.readEnergyPj();
                xbarStatic += g.count() * c.staticPowerMw();
            }
            if (macro.dacs().count() > 0) {
                DacCost c = ComponentLibrary.forComponent(m, "dacs",
                        () -> library.dac(macro.dacs().resolutionBits()));
                dacDynamic += activity.dacConversions(m) * c.energyPj();
                dacStatic += macro.dacs().count() * c.staticPowerMw();
            }
            if (macro.adcs().count() > 0) {
                AdcCost c = ComponentLibrary.forComponent(m, "adcs",
                        () -> library.adc(macro.adcs().resolutionBits()));
                adcDynamic += activity.adcConversions(m) * c.energyPj();
                adcStatic += macro.adcs().count() * c.staticPowerMw();
            }
            for (AluUnits units : macro.alus()) {
                AluCost c = ComponentLibrary.forComponent(m, "alus", () -> library.alu(units.kind()));
                int k = units.kind().ordinal();
                aluPresent[k] = true;
                alusDynamic[k] += activity.aluOps(m, units.kind()) * c.energyPj();
                alusStatic[k] += units.count() * c.staticPowerMw();
            }
            ScratchpadCost c = ComponentLibrary.forComponent(m, "scratchpad",
                    () -> library.scratchpad(macro.scratchpad().capacityKb()));
            spmDynamic += activity.scratchpadReads(m) * c.readEnergyPj()
                    + activity.scratchpadWrites(m) * c.writeEnergyPj();
            spmStatic += c.leakagePowerMw();
        }
        NocCost noc = library.noc();
        List<ComponentEnergy> components = new ArrayList<>();
        components.add(entry("crossbar", xbarDynamic, xbarStatic, timeNs));
        components.add(entry("dac", dacDynamic, dacStatic, timeNs));
        components.add(entry("adc", adcDynamic, adcStatic, timeNs));
        for (AluKind kind : AluKind.values()) {
            if (aluPresent[kind.ordinal()]) {
                components.add(entry("alu." + kind.label(), alusDynamic[kind.ordinal()], alusStatic[kind.ordinal()],
                        timeNs));
            }
        }
        components.add(entry("scratchpad", spmDynamic, spmStatic, timeNs));
        components.add(entry("noc", activity.nocFlitHops() * (noc.routerEnergyPj() + noc.linkEnergyPj()),
                (double) acc.meshRows() * acc.meshCols() * noc.routerStaticPowerMw(), timeNs));
        return new EnergyBreakdown(components, timeNs);
    }

    private static ComponentEnergy entry(String name, double dynamicPj, double staticMw, double timeNs) {
        return new ComponentEnergy(name, dynamicPj, staticMw, staticMw * timeNs);
    }
}
