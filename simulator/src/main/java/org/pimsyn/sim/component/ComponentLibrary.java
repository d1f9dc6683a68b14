package org.pimsyn.sim.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.AluKind;

/**
 * The component table: every (class, variant) a design may instantiate, with the energy and latency of each
 * action, static and peak power, and source. The simulator takes latencies from it, and energy, peak power and
 * the bounds price its counts with it; a design simulated once can be re-priced under another library whose
 * entries its instances name (latencies stay those simulated). The built-in classes ({@link ComponentClass#builtIn})
 * are always there; {@link #classes()} are the library's own additions.
 *
 * <p>Units: energies in pJ per action, latencies in ns, powers in mW (mW x ns = pJ). Construction
 * checks every entry, naming it: its class is known, it prices exactly its class's actions, latencies are positive,
 * energies and powers non-negative, and it names its source.
 *
 * <p>Areas ({@link #areas()}, mm2 per instance) are a table of their own beside the entries: optional per entry, so
 * that a library without them, and every design written before they existed, reads as it did. Each names an
 * entry of the table, once, with a finite area >= 0 and a source.
 */
public final class ComponentLibrary {
    private final List<ComponentClass> classes;
    private final List<ComponentEntry> entries;
    private final List<ComponentArea> areas;
    private final List<ComponentClass> allClasses;
    private final Map<String, ComponentClass> classByName = new HashMap<>();
    private final Map<String, Map<String, ComponentEntry>> entryByClassAndVariant = new HashMap<>();
    private final Map<String, Map<String, ComponentArea>> areaByClassAndVariant = new HashMap<>();

    /**
     * @param classes classes beyond the built-in ones, each with new name
     * @param entries the priced variants, in the library's order
     */
    public ComponentLibrary(List<ComponentClass> classes, List<ComponentEntry> entries) {
        this(classes, entries, List.of());
    }

    /**
     * @param classes classes beyond the built-in ones, each with new name
     * @param entries the priced variants, in the library's order
     * @param areas   the area of those entries whose area the library gives
     */
    @JsonCreator
    public ComponentLibrary(@JsonProperty("classes") List<ComponentClass> classes,
            @JsonProperty("entries") List<ComponentEntry> entries,
            @JsonProperty("areas") List<ComponentArea> areas) {
        this.classes = classes == null ? List.of() : List.copyOf(classes);
        this.entries = entries == null ? List.of() : List.copyOf(entries);
        this.areas = areas == null ? List.of() : List.copyOf(areas);
        List<ComponentClass> all = new ArrayList<>(ComponentClass.builtIn());
        all.addAll(this.classes);
        this.allClasses = List.copyOf(all);
        for (ComponentClass c : allClasses) {
            checkClass(c);
            if (classByName.putIfAbsent(c.name(), c) != null) {
                throw bad("class " + c.name() + (ComponentClass.isBuiltIn(c.name()) ? " is built in" : " appears twice")
                        + "; give a new class another name");
            }
        }
        for (ComponentEntry e : this.entries) {
            checkEntry(e);
            if (entryByClassAndVariant.computeIfAbsent(e.componentClass(), c -> new HashMap<>())
                    .putIfAbsent(e.variant(), e) != null) {
                throw bad(e.label() + " appears twice");
            }
        }
        for (ComponentArea a : this.areas) {
            checkArea(a);
            if (areaByClassAndVariant.computeIfAbsent(a.componentClass(), c -> new HashMap<>())
                    .putIfAbsent(a.variant(), a) != null) {
                throw bad("the area of " + a.label() + " appears twice");
            }
        }
    }

    /** A library of the built-in classes only. */
    public static ComponentLibrary of(List<ComponentEntry> entries) {
        return new ComponentLibrary(List.of(), entries);
    }

    /** The library's own classes, beyond the built-in ones. */
    @JsonProperty("classes")
    public List<ComponentClass> classes() {
        return classes;
    }

    @JsonProperty("entries")
    public List<ComponentEntry> entries() {
        return entries;
    }

    /** The areas the library gives, in its order; written only where there are some. */
    @JsonProperty("areas")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<ComponentArea> areas() {
        return areas;
    }

    /** The area of one instance of (class, variant), or null where the library does not give it. */
    public ComponentArea area(String componentClass, String variant) {
        Map<String, ComponentArea> variants = areaByClassAndVariant.get(componentClass);
        return variants == null ? null : variants.get(variant);
    }

    /** The built-in classes, then the library's own. */
    public List<ComponentClass> allClasses() {
        return allClasses;
    }

    /** The class of a name, or null. */
    public ComponentClass componentClass(String name) {
        return classByName.get(name);
    }

    /** The entry of (class, variant), or null. */
    public ComponentEntry find(String componentClass, String variant) {
        Map<String, ComponentEntry> variants = entryByClassAndVariant.get(componentClass);
        return variants == null ? null : variants.get(variant);
    }

    /** The entry of (class, variant). */
    public ComponentEntry entry(String componentClass, String variant) {
        ComponentEntry e = find(componentClass, variant);
        if (e == null) {
            StringJoiner has = new StringJoiner(", ");
            for (ComponentEntry other : entries) {
                if (other.componentClass().equals(componentClass)) {
                    has.add(other.variant());
                }
            }
            throw bad("has no " + componentClass + " " + variant + " (it has: "
                    + (has.length() == 0 ? "none" : has) + ")");
        }
        return e;
    }

    public ComponentEntry crossbar(int size, int cellBits) {
        return entry(ComponentClass.CROSSBAR, ComponentEntries.crossbarVariant(size, cellBits));
    }

    public ComponentEntry dac(int resolutionBits) {
        return entry(ComponentClass.DAC, ComponentEntries.converterVariant(resolutionBits));
    }

    public ComponentEntry adc(int resolutionBits) {
        return entry(ComponentClass.ADC, ComponentEntries.converterVariant(resolutionBits));
    }

    public ComponentEntry alu(AluKind kind) {
        return entry(ComponentClass.alu(kind), ComponentEntries.ALU_VARIANT);
    }

    public ComponentEntry scratchpad(int capacityKb) {
        return entry(ComponentClass.SCRATCHPAD, ComponentEntries.scratchpadVariant(capacityKb));
    }

    /** The scratchpad entries, in the library's order. */
    public List<ComponentEntry> scratchpads() {
        List<ComponentEntry> out = new ArrayList<>();
        for (ComponentEntry e : entries) {
            if (e.componentClass().equals(ComponentClass.SCRATCHPAD)) {
                out.add(e);
            }
        }
        return out;
    }

    public ComponentEntry router() {
        return entry(ComponentClass.NOC, ComponentEntries.ROUTER);
    }

    public ComponentEntry link() {
        return entry(ComponentClass.NOC, ComponentEntries.LINK);
    }

    /**
     * What of the PIMSYN paper's Fig. 2 this table leaves unpriced, in words, one line per part; empty where it
     * prices everything: every part of {@link ComponentClass#FIG2_PARTS} the table has no class of, a home of the
     * network's input (a class with an action counted on {@link Quantity#INPUT_BIT}), the routers' dynamic energy
     * (a router whose flit-hop costs 0) and the links' leakage (a link of static power 0).
     */
    public List<String> notPriced() {
        List<String> out = new ArrayList<>();
        for (List<String> part : ComponentClass.FIG2_PARTS) {
            if (!classByName.containsKey(part.get(0))) {
                out.add(part.get(0) + " (" + part.get(1) + "): the library has no such component");
            }
        }
        boolean inputHome = false;
        for (ComponentClass c : classes) {
            for (ComponentAction a : c.actions()) {
                for (Trigger t : a.countedOn()) {
                    inputHome |= t.per() == Quantity.INPUT_BIT;
                }
            }
        }
        if (!inputHome) {
            out.add("the network's input: no component holds it (none counts an action per INPUT_BIT)");
        }
        ComponentEntry router = find(ComponentClass.NOC, ComponentEntries.ROUTER);
        if (router != null && router.action(ComponentClass.FLIT_HOP) != null
                && router.energyPj(ComponentClass.FLIT_HOP) == 0) {
            out.add("noc router: no dynamic energy per flit-hop (its power is charged as static)");
        }
        ComponentEntry link = find(ComponentClass.NOC, ComponentEntries.LINK);
        if (link != null && link.staticPowerMw() == 0) {
            out.add("noc link: no leakage (static power 0)");
        }
        return out;
    }

    /**
     * Runs a lookup for a part of macro {@code macro} ({@code "adcs"} names {@code accelerator.macros[3].adcs}).
     * The name is built only when the lookup fails: every simulation and every pricing looks up each macro's parts.
     */
    public static <T> T forComponent(int macro, String part, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InvalidSimulationInputException e) {
            throw new InvalidSimulationInputException(macroPart(macro, part) + ": " + e.getMessage());
        }
    }

    /** Runs a lookup for the component at {@code where}, prefixing a missing-entry message with it. */
    public static <T> T forComponent(String where, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InvalidSimulationInputException e) {
            throw new InvalidSimulationInputException(where + ": " + e.getMessage());
        }
    }

    /** {@code accelerator.macros[<macro>].<part>}, as validation messages name macro fields. */
    public static String macroPart(int macro, String part) {
        return "accelerator.macros[" + macro + "]." + part;
    }

    private static void checkClass(ComponentClass c) {
        if (c == null || c.name() == null || c.name().isBlank()) {
            throw bad("a class has no name");
        }
        Set<String> names = new HashSet<>();
        for (ComponentAction a : c.actions()) {
            if (a == null || a.name() == null || a.name().isBlank()) {
                throw bad("class " + c.name() + ": an action has no name");
            }
            if (!names.add(a.name())) {
                throw bad("class " + c.name() + ": action " + a.name() + " appears twice");
            }
        }
    }

    private void checkEntry(ComponentEntry e) {
        if (e == null || e.componentClass() == null || e.variant() == null) {
            throw bad("an entry has no class or variant");
        }
        ComponentClass c = classByName.get(e.componentClass());
        if (c == null) {
            throw bad(e.label() + ": class " + e.componentClass() + " is not declared; classes are "
                    + classByName.keySet().stream().sorted().toList());
        }
        Set<String> priced = new HashSet<>();
        for (ActionCost cost : e.actions()) {
            if (cost == null || c.actionIndex(cost.action()) < 0) {
                throw bad(e.label() + ": prices " + (cost == null ? "nothing" : "action " + cost.action())
                        + ", which class " + c.name() + " does not have; its actions are " + actionNames(c));
            }
            if (!priced.add(cost.action())) {
                throw bad(e.label() + ": prices action " + cost.action() + " twice");
            }
            if (!(cost.latencyNs() > 0) || Double.isInfinite(cost.latencyNs())) {
                throw bad(e.label() + ": " + cost.action() + " latency must be a positive number of ns, got "
                        + cost.latencyNs());
            }
            nonNegative(e, cost.action() + " energy", cost.energyPj());
        }
        if (priced.size() != c.actions().size()) {
            throw bad(e.label() + ": prices " + priced + " but class " + c.name() + " has the actions "
                    + actionNames(c));
        }
        nonNegative(e, "static power", e.staticPowerMw());
        nonNegative(e, "peak power", e.peakPowerMw());
        if (e.source() == null || e.source().isBlank()) {
            throw bad(e.label() + ": source is missing; every figure names where it comes from");
        }
    }

    private void checkArea(ComponentArea a) {
        if (a == null || a.componentClass() == null || a.variant() == null) {
            throw bad("an area has no class or variant");
        }
        if (find(a.componentClass(), a.variant()) == null) {
            throw bad("the area of " + a.label() + " names no entry of the library");
        }
        if (!(a.areaMm2() >= 0) || Double.isInfinite(a.areaMm2())) {
            throw bad(a.label() + ": area must be a non-negative number of mm2, got " + a.areaMm2());
        }
        if (a.source() == null || a.source().isBlank()) {
            throw bad(a.label() + ": the area's source is missing; every figure names where it comes from");
        }
    }

    private static List<String> actionNames(ComponentClass c) {
        return c.actions().stream().map(ComponentAction::name).toList();
    }

    private static void nonNegative(ComponentEntry e, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw bad(e.label() + ": " + field + " must be a non-negative number, got " + value);
        }
    }

    private static InvalidSimulationInputException bad(String message) {
        return new InvalidSimulationInputException("component library: " + message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComponentLibrary other && classes.equals(other.classes) && entries.equals(other.entries)
                && areas.equals(other.areas);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classes.hashCode() + entries.hashCode()) + areas.hashCode();
    }

    @Override
    public String toString() {
        return "ComponentLibrary[classes=" + classes + ", entries=" + entries + ", areas=" + areas + "]";
    }
}
