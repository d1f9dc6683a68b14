package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.pimsyn.sim.component.ComponentAction;
import org.pimsyn.sim.component.Trigger;

/**
 * Writes a library in the file format {@link HardwareLibraryReader} reads, so that reading the text back (with the
 * same origin) gives an equal library: every figure, provenance and search setting. An energy per action is
 * written only where the library states it; a derived one is derived again on reading. The file's description
 * is not part of the library and is not written.
 */
public final class HardwareLibraryWriter {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private HardwareLibraryWriter() {
    }

    public static String toJson(HardwareLibrary library) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", HardwareLibraryReader.FORMAT_VERSION);
        ObjectNode clock = root.putObject("clock");
        clock.put("frequencyGhz", library.clockGhz());
        clock.put("source", library.clockProvenance().source());
        Precision precision = library.precision();
        ObjectNode p = root.putObject("precision");
        p.put("weightBits", precision.weightBits());
        p.put("activationBits", precision.activationBits());
        p.put("source", precision.provenance().source());
        ArrayNode crossbars = root.putArray("crossbars");
        for (CrossbarSpec c : library.crossbars()) {
            ObjectNode n = crossbars.addObject();
            n.put("sizeRows", c.sizeRows());
            n.put("cellBits", c.cellBits());
            power(n, c.power(), "readLatencyNs");
            provenance(n, c.provenance());
            area(n, HardwareLibraryReader.AREA, c.area());
        }
        ArrayNode adcs = root.putArray("adcs");
        for (AdcSpec a : library.adcs()) {
            converter(adcs.addObject(), a.resolutionBits(), a.sampleRateGsps(), a.power(), a.provenance(), a.area());
        }
        ArrayNode dacs = root.putArray("dacs");
        for (DacSpec d : library.dacs()) {
            converter(dacs.addObject(), d.resolutionBits(), d.sampleRateGsps(), d.power(), d.provenance(), d.area());
        }
        ArrayNode alus = root.putArray("alus");
        for (AluSpec a : library.alus()) {
            ObjectNode n = alus.addObject();
            n.put("kind", a.kind().label());
            n.put("vectorWidthElements", a.vectorWidthElements());
            n.put("frequencyGhz", a.frequencyGhz());
            power(n, a.power(), "latencyNs");
            provenance(n, a.provenance());
            area(n, HardwareLibraryReader.AREA, a.area());
        }
        ArrayNode scratchpads = root.putArray("scratchpads");
        for (ScratchpadSpec s : library.scratchpads()) {
            ObjectNode n = scratchpads.addObject();
            n.put("capacityKb", s.capacityKb());
            n.put("leakagePowerMw", s.leakagePowerMw());
            n.put("readLatencyNs", s.readLatencyNs());
            n.put("writeLatencyNs", s.writeLatencyNs());
            n.put("readEnergyPj", s.readEnergyPj());
            n.put("writeEnergyPj", s.writeEnergyPj());
            n.put("busWidthBits", s.busWidthBits());
            provenance(n, s.provenance());
            area(n, HardwareLibraryReader.AREA, s.area());
        }
        NocSpec noc = library.noc();
        ObjectNode n = root.putObject("noc");
        n.put("flitWidthBits", noc.flitWidthBits());
        n.put("ports", noc.ports());
        n.put("routerPowerMw", noc.routerPowerMw());
        n.put("linkPowerMw", noc.linkPowerMw());
        if (noc.routerStaticPowerMw() != null) {
            n.put(HardwareLibraryReader.ROUTER_STATIC, noc.routerStaticPowerMw());
            n.put(HardwareLibraryReader.ROUTER_FLIT_ENERGY, noc.routerEnergyPerFlitPj());
        }
        if (noc.linkStaticPowerMw() != null) {
            n.put(HardwareLibraryReader.LINK_STATIC, noc.linkStaticPowerMw());
        }
        n.put("hopLatencyNs", noc.hopLatencyNs());
        n.put("flitLatencyNs", noc.flitLatencyNs());
        provenance(n, noc.provenance());
        area(n, HardwareLibraryReader.ROUTER_AREA, noc.routerArea());
        area(n, HardwareLibraryReader.LINK_AREA, noc.linkArea());
        search(root.putObject("search"), library.search());
        if (!library.otherComponents().isEmpty()) {
            otherComponents(root.putArray("otherComponents"), library.otherComponents());
        }
        if (library.limits().any() || !library.limits().note().isEmpty()) {
            limits(root.putObject(HardwareLibraryReader.LIMITS), library.limits());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void converter(ObjectNode n, int resolutionBits, double sampleRateGsps, ComponentPower power,
            Provenance provenance, AreaSpec area) {
        n.put("resolutionBits", resolutionBits);
        n.put("sampleRateGsps", sampleRateGsps);
        power(n, power, "latencyNs");
        provenance(n, provenance);
        area(n, HardwareLibraryReader.AREA, area);
    }

    /** An area where the library gives one, under {@code key}, with its source (one source for the NoC's two). */
    private static void area(ObjectNode n, String key, AreaSpec area) {
        if (area != null) {
            n.put(key, area.areaMm2());
            n.put(HardwareLibraryReader.AREA_SOURCE, area.source());
        }
    }

    private static void power(ObjectNode n, ComponentPower power, String latencyKey) {
        n.put("staticPowerMw", power.staticPowerMw());
        n.put("dynamicPowerMw", power.dynamicPowerMw());
        n.put("peakPowerMw", power.peakPowerMw());
        n.put(latencyKey, power.latencyNs());
        if (power.energyGiven()) {
            n.put("energyPerActionPj", power.energyPerActionPj());
        }
    }

    private static void provenance(ObjectNode n, Provenance provenance) {
        n.put("source", provenance.source());
        if (provenance.hasNote()) {
            n.put("note", provenance.note());
        }
    }

    private static void search(ObjectNode s, SearchParameters search) {
        AnnealingParameters a = search.annealing();
        ObjectNode annealing = s.putObject("annealing");
        annealing.put("iterationsPerTemperature", a.iterationsPerTemperature());
        annealing.put("initialTemperature", a.initialTemperature());
        annealing.put("finalTemperature", a.finalTemperature());
        annealing.put("coolingFactor", a.coolingFactor());
        annealing.put("alpha", a.alpha());
        annealing.put("candidatesKept", a.candidatesKept());
        annealing.put("source", a.provenance().source());
        EvolutionParameters e = search.evolution();
        ObjectNode evolution = s.putObject("evolution");
        evolution.put("genes", e.genes());
        evolution.put("generations", e.generations());
        evolution.put("eliteRatio", e.eliteRatio());
        evolution.put("macroCountMutationProbability", e.macroCountMutationProbability());
        evolution.put("macroSharingMutationProbability", e.macroSharingMutationProbability());
        evolution.put("macroSizeMinCrossbars", e.macroSizeMinCrossbars());
        evolution.put("macroSizeMaxCrossbars", e.macroSizeMaxCrossbars());
        evolution.put("macroSizeStepCrossbars", e.macroSizeStepCrossbars());
        evolution.put("source", e.provenance().source());
        DesignSpace d = search.designSpace();
        ObjectNode space = s.putObject("designSpace");
        numbers(space.putArray("ratioRram"), d.ratioRram());
        numbers(space.putArray("resRramBits"), d.resRramBits());
        numbers(space.putArray("xbSizeRows"), d.xbSizeRows());
        numbers(space.putArray("resDacBits"), d.resDacBits());
        space.put("source", d.provenance().source());
    }

    private static void otherComponents(ArrayNode array, List<OtherComponentSpec> others) {
        for (OtherComponentSpec o : others) {
            ObjectNode n = array.addObject();
            n.put("componentClass", o.componentClass().name());
            n.put("variant", o.variant());
            n.put(o.placement().key(), o.count());
            ArrayNode actions = o.costs().isEmpty() ? null : n.putArray("actions");
            for (int i = 0; i < o.costs().size(); i++) {
                ComponentAction action = o.componentClass().actions().get(i);
                ObjectNode a = actions.addObject();
                a.put("name", action.name());
                ArrayNode countedOn = a.putArray("countedOn");
                for (Trigger t : action.countedOn()) {
                    ObjectNode c = countedOn.addObject();
                    c.put("ir", t.ir().name());
                    if (!t.aluKinds().isEmpty()) {
                        c.put("alu", t.aluKinds().get(0).label());
                    }
                    c.put("per", t.per().name());
                }
                a.put("energyPj", o.costs().get(i).energyPj());
                a.put("latencyNs", o.costs().get(i).latencyNs());
            }
            n.put("staticPowerMw", o.staticPowerMw());
            n.put("peakPowerMw", o.peakPowerMw());
            provenance(n, o.provenance());
            area(n, HardwareLibraryReader.AREA, o.area());
        }
    }

    private static void limits(ObjectNode n, PhysicalLimits limits) {
        limit(n, "crossbarsPerMacro", limits.crossbarsPerMacro());
        limit(n, "columnsPerAdc", limits.columnsPerAdc());
        limit(n, "meshRows", limits.meshRows());
        limit(n, "meshCols", limits.meshCols());
        if (!limits.note().isEmpty()) {
            n.put("note", limits.note());
        }
    }

    private static void limit(ObjectNode n, String key, PhysicalLimit limit) {
        if (limit != null) {
            ObjectNode l = n.putObject(key);
            l.put("max", limit.max());
            l.put("source", limit.source());
        }
    }

    private static void numbers(ArrayNode array, List<? extends Number> values) {
        for (Number v : values) {
            if (v instanceof Double d) {
                array.add(d);
            } else {
                array.add(v.intValue());
            }
        }
    }
}
