package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonObjectFields;

/**
 * Reads a hardware library file (format version 1, see {@code configs/hardware/default.json}) with Jackson's tree
 * model and checks every field: no unknown keys, no missing fields, no defaults other than the documented
 * energy per action, every number of the right type and range. A mistake is an {@link InputException} whose
 * message reads {@code <file>: <JSON path>: <what is wrong and what is allowed>}.
 */
final class HardwareLibraryReader {
    static final String BUILT_IN_RESOURCE = "/configs/hardware/default.json";
    static final String BUILT_IN_LABEL = "built-in configs/hardware/default.json";
    /** Version 2: ALU kinds by the names every output uses ({@code add}, {@code pool}). */
    static final int FORMAT_VERSION = 2;
    /** Version 1's ALU kind names, in {@link AluKind} order. */
    private static final List<String> VERSION_1_ALU_NAMES = List.of("shiftAdd", "adder", "pooling", "relu",
            "sigmoid", "eltwise");

    /** Area of one instance in mm2 and its source: optional on every entry ({@link AreaSpec}). */
    static final String AREA = "areaMm2";
    static final String AREA_SOURCE = "areaSource";
    static final String ROUTER_AREA = "routerAreaMm2";
    static final String LINK_AREA = "linkAreaMm2";
    /** The NoC's optional split of its peak powers into leakage and energy per flit ({@link NocSpec}). */
    static final String ROUTER_STATIC = "routerStaticPowerMw";
    static final String ROUTER_FLIT_ENERGY = "routerEnergyPerFlitPj";
    static final String LINK_STATIC = "linkStaticPowerMw";
    /** A bound far beyond any chip, so that sums of areas stay finite: 1,000,000 mm2 per instance. */
    static final double MAX_AREA_MM2 = 1e6;
    private static final String[] POWER_KEYS = {"staticPowerMw", "dynamicPowerMw", "peakPowerMw"};
    private static final int MAX_CROSSBAR_ROWS = 1 << 16;
    private static final int MAX_ADC_BITS = 32;
    private static final int MAX_PRECISION_BITS = 32;
    private static final int MAX_COUNT = 1_000_000_000;
    /** The physical limits section and its keys ({@link PhysicalLimits}). */
    static final String LIMITS = "limits";
    static final String[] LIMIT_KEYS = {"crossbarsPerMacro", "columnsPerAdc", "meshRows", "meshCols", "note"};
    /** The largest mesh side a limit may name: 2^15, so that rows x columns stays within an int. */
    static final int MAX_MESH_SIDE = 1 << 15;
    /**
     * The clock's range, 1 MHz to 100 GHz. The simulator counts whole cycles, rounding every action up to one:
     * below 1 MHz every latency of a library is one cycle and the figures are meaningless; above 100 GHz the
     * cycle counts of actions grow past what an IR's 31-bit duration holds.
     */
    static final double MIN_CLOCK_GHZ = 1e-3;
    static final double MAX_CLOCK_GHZ = 100;
    /**
     * Longest latency of one action (a crossbar read, a conversion, a vector operation, a scratchpad access, a NoC
     * hop or flit): 10 us, thousands of times any published component's. With the fastest clock one action is then
     * at most 10^6 cycles, so that an IR of a few thousand actions stays within the simulator's 2^31 - 1 cycles.
     */
    static final double MAX_LATENCY_NS = 1e4;
    /** Slowest rate (conversions or vector operations per ns): one action per {@link #MAX_LATENCY_NS}. */
    static final double MIN_RATE_PER_NS = 1 / MAX_LATENCY_NS;

    private HardwareLibraryReader() {
    }

    static HardwareLibrary builtIn() {
        return BuiltIn.LIBRARY;
    }

    static HardwareLibrary read(Path file) {
        String label = file.toString();
        String text = InputFiles.readJson(file, "hardware library JSON");
        return parse(text, label);
    }

    private static Optional<AluKind> version1Kind(String name) {
        int i = VERSION_1_ALU_NAMES.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(AluKind.ofCode(i));
    }

    static HardwareLibrary parse(String json, String origin) {
        JsonNode root = JsonObjectFields.parse(json, origin);
        JsonObjectFields top = JsonObjectFields.root(origin, root, "formatVersion", "description", "clock",
                "precision", "crossbars", "adcs", "dacs", "alus", "scratchpads", "noc", "search",
                "otherComponents", LIMITS);
        int version = top.integer("formatVersion", 0, Integer.MAX_VALUE);
        if (version != FORMAT_VERSION && version != 1) {
            throw top.error("formatVersion", "unsupported version " + version + "; this pimsyn reads versions 1 and "
                    + FORMAT_VERSION);
        }
        top.optionalText("description");

        JsonObjectFields clock = top.object("clock", "frequencyGhz", "source");
        double clockGhz = within(clock, "frequencyGhz", MIN_CLOCK_GHZ, MAX_CLOCK_GHZ,
                "the simulator counts whole cycles of this clock");
        Provenance clockProvenance = Provenance.of(clock.text("source"));
        Precision precision = precision(top.object("precision", "weightBits", "activationBits", "source"));

        List<CrossbarSpec> crossbars = new ArrayList<>();
        for (JsonObjectFields f : top.objects("crossbars", withPowerKeys("sizeRows", "cellBits", "readLatencyNs"))) {
            int size = f.integer("sizeRows", 2, MAX_CROSSBAR_ROWS);
            if (Integer.bitCount(size) != 1) {
                throw f.error("sizeRows", size + " is not a power of two; crossbars are 2^k rows square");
            }
            int cellBits = f.integer("cellBits", 1, precision.weightBits());
            crossbars.add(new CrossbarSpec(size, cellBits, power(f, "readLatencyNs"), provenance(f), area(f)));
        }
        List<AdcSpec> adcs = new ArrayList<>();
        for (JsonObjectFields f : top.objects("adcs", withPowerKeys("resolutionBits", "sampleRateGsps", "latencyNs"))) {
            adcs.add(new AdcSpec(f.integer("resolutionBits", 1, MAX_ADC_BITS), power(f, "latencyNs"),
                    rate(f, "sampleRateGsps"), provenance(f), area(f)));
        }
        List<DacSpec> dacs = new ArrayList<>();
        for (JsonObjectFields f : top.objects("dacs", withPowerKeys("resolutionBits", "sampleRateGsps", "latencyNs"))) {
            dacs.add(new DacSpec(f.integer("resolutionBits", 1, precision.activationBits()), power(f, "latencyNs"),
                    rate(f, "sampleRateGsps"), provenance(f), area(f)));
        }
        List<AluSpec> alus = new ArrayList<>();
        for (JsonObjectFields f : top.objects("alus",
                withPowerKeys("kind", "vectorWidthElements", "frequencyGhz", "latencyNs"))) {
            String name = f.text("kind");
            AluKind kind = (version == 1 ? version1Kind(name) : AluKind.fromLabel(name)).orElseThrow(() ->
                    f.error("kind", "unknown kind '" + name + "'; allowed: "
                            + (version == 1 ? String.join(", ", VERSION_1_ALU_NAMES) : AluKind.labels())));
            alus.add(new AluSpec(kind, f.integer("vectorWidthElements", 1, MAX_COUNT), power(f, "latencyNs"),
                    rate(f, "frequencyGhz"), provenance(f), area(f)));
        }
        List<ScratchpadSpec> scratchpads = new ArrayList<>();
        for (JsonObjectFields f : top.objects("scratchpads", "capacityKb", "leakagePowerMw", "readLatencyNs",
                "writeLatencyNs", "readEnergyPj", "writeEnergyPj", "busWidthBits", "source", "note", AREA, AREA_SOURCE)) {
            int capacityKb = f.integer("capacityKb", 1, 1 << 30);
            if (Integer.bitCount(capacityKb) != 1) {
                throw f.error("capacityKb", capacityKb + " is not a power of two");
            }
            scratchpads.add(new ScratchpadSpec(capacityKb, f.positive("leakagePowerMw"), latency(f, "readLatencyNs"),
                    latency(f, "writeLatencyNs"), f.positive("readEnergyPj"), f.positive("writeEnergyPj"),
                    f.integer("busWidthBits", 1, MAX_COUNT), provenance(f), area(f)));
        }
        JsonObjectFields n = top.object("noc", "flitWidthBits", "ports", "routerPowerMw", "linkPowerMw",
                "hopLatencyNs", "flitLatencyNs", "source", "note", ROUTER_AREA, LINK_AREA, AREA_SOURCE,
                ROUTER_STATIC, ROUTER_FLIT_ENERGY, LINK_STATIC);
        double routerMw = n.positive("routerPowerMw");
        double linkMw = n.nonNegative("linkPowerMw");
        if (n.has(ROUTER_STATIC) != n.has(ROUTER_FLIT_ENERGY)) {
            String missing = n.has(ROUTER_STATIC) ? ROUTER_FLIT_ENERGY : ROUTER_STATIC;
            throw n.error(missing, "missing; the router's power splits into " + ROUTER_STATIC + " and "
                    + ROUTER_FLIT_ENERGY + " (pJ per flit per hop), both or neither");
        }
        Double routerStatic = n.has(ROUTER_STATIC) ? atMost(n, ROUTER_STATIC, routerMw, "routerPowerMw") : null;
        Double routerFlit = n.has(ROUTER_FLIT_ENERGY) ? n.nonNegative(ROUTER_FLIT_ENERGY) : null;
        Double linkStatic = n.has(LINK_STATIC) ? atMost(n, LINK_STATIC, linkMw, "linkPowerMw") : null;
        NocSpec noc = new NocSpec(n.integer("flitWidthBits", 1, MAX_COUNT), n.integer("ports", 1, MAX_COUNT),
                routerMw, linkMw, latency(n, "hopLatencyNs"),
                latency(n, "flitLatencyNs"), provenance(n), area(n, ROUTER_AREA), area(n, LINK_AREA), routerStatic,
                routerFlit, linkStatic);
        SearchParameters search = search(top.object("search", "annealing", "evolution", "designSpace"), precision);
        List<OtherComponentSpec> others = top.has("otherComponents")
                ? OtherComponentsReader.read(top.objects("otherComponents", OtherComponentsReader.KEYS))
                : List.of();
        PhysicalLimits limits = top.has(LIMITS) ? limits(top.object(LIMITS, LIMIT_KEYS)) : PhysicalLimits.NONE;
        try {
            return new HardwareLibrary(origin, clockGhz, clockProvenance, precision, crossbars, adcs, dacs, alus,
                    scratchpads, noc, search, others, limits);
        } catch (LibraryRuleException e) {
            throw new InputException(origin + ": " + e.path() + ": " + e.problem(), e);
        }
    }

    /**
     * The optional {@code limits} section: each limit an object of {@code max} (an integer >= 1) and its
     * {@code source}; a limit left out does not limit.
     */
    private static PhysicalLimits limits(JsonObjectFields f) {
        return new PhysicalLimits(limit(f, "crossbarsPerMacro", MAX_COUNT), limit(f, "columnsPerAdc", MAX_COUNT),
                limit(f, "meshRows", MAX_MESH_SIDE), limit(f, "meshCols", MAX_MESH_SIDE),
                f.optionalText("note").orElse(""));
    }

    private static PhysicalLimit limit(JsonObjectFields section, String key, int largest) {
        if (!section.has(key)) {
            return null;
        }
        JsonObjectFields f = section.object(key, "max", "source");
        return new PhysicalLimit(f.integer("max", 1, largest), f.text("source"));
    }

    private static Precision precision(JsonObjectFields f) {
        return new Precision(f.integer("weightBits", 1, MAX_PRECISION_BITS),
                f.integer("activationBits", 1, MAX_PRECISION_BITS), Provenance.of(f.text("source")));
    }

    private static ComponentPower power(JsonObjectFields f, String latencyKey) {
        double staticMw = f.positive("staticPowerMw");
        double dynamicMw = f.positive("dynamicPowerMw");
        double peakMw = f.positive("peakPowerMw");
        if (!ComponentPower.peakCovers(staticMw, dynamicMw, peakMw)) {
            throw f.error("peakPowerMw", peakMw + " is below staticPowerMw + dynamicPowerMw = "
                    + (staticMw + dynamicMw) + "; the peak must cover both");
        }
        double latencyNs = latency(f, latencyKey);
        Optional<Double> energyPj = f.optionalPositive("energyPerActionPj");
        if (energyPj.isEmpty() && !(dynamicMw * latencyNs > 0)) {
            // Numbers near the smallest double multiply to 0, which no component's energy is.
            throw f.error("dynamicPowerMw", "x " + latencyKey + " gives an energy per action of 0 pJ (found "
                    + dynamicMw + " mW x " + latencyNs + " ns); give larger figures or energyPerActionPj");
        }
        return energyPj.map(e -> new ComponentPower(staticMw, dynamicMw, peakMw, latencyNs, e, true))
                .orElseGet(() -> ComponentPower.derived(staticMw, dynamicMw, peakMw, latencyNs));
    }

    static double latency(JsonObjectFields f, String key) {
        return within(f, key, 0, MAX_LATENCY_NS, "one action may take at most 10 us");
    }

    private static double rate(JsonObjectFields f, String key) {
        return within(f, key, MIN_RATE_PER_NS, Double.MAX_VALUE, "one action may take at most 10 us");
    }

    /** A number >= 0 and at most the peak power {@code peakKey} it is part of. */
    private static double atMost(JsonObjectFields f, String key, double peakMw, String peakKey) {
        double v = f.nonNegative(key);
        if (v > peakMw) {
            throw f.error(key, plain(v) + " is above " + peakKey + " " + plain(peakMw) + "; the peak must cover it");
        }
        return v;
    }

    /** A number > 0 in [min, max] (min 0: any positive number up to max); {@code why} explains the bounds. */
    private static double within(JsonObjectFields f, String key, double min, double max, String why) {
        double v = f.positive(key);
        if (v < min || v > max) {
            throw f.error(key, (max == Double.MAX_VALUE ? "must be >= " + plain(min)
                    : min == 0 ? "must be > 0 and <= " + plain(max)
                    : "must be in [" + plain(min) + ", " + plain(max) + "]") + ", found " + v + " (" + why + ")");
        }
        return v;
    }

    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The entry's {@code areaMm2} with its {@code areaSource}, or null where the entry gives no area. */
    static AreaSpec area(JsonObjectFields f) {
        return area(f, AREA);
    }

    /**
     * The area under {@code key} with the entry's {@code areaSource}, or null where the entry gives neither. The
     * NoC gives its router's and its link's areas both or neither, with one source.
     */
    static AreaSpec area(JsonObjectFields f, String key) {
        boolean noc = !key.equals(AREA);
        boolean any = noc ? f.has(ROUTER_AREA) || f.has(LINK_AREA) : f.has(AREA);
        if (!any && !f.has(AREA_SOURCE)) {
            return null;
        }
        if (!f.has(key)) {
            throw f.error(key, "missing; " + (noc ? "the NoC gives " + ROUTER_AREA + " and " + LINK_AREA
                    + " (mm2 per router and per one-way link) with their " + AREA_SOURCE + ", or none of them"
                    : "an " + AREA_SOURCE + " needs its " + AREA + " (mm2 per instance); give both or neither"));
        }
        double mm2 = f.nonNegative(key);
        if (mm2 > MAX_AREA_MM2) {
            throw f.error(key, "must be at most " + plain(MAX_AREA_MM2) + " mm2 per instance, found " + mm2
                    + " (a 300 mm wafer has 70,686 mm2)");
        }
        if (!f.has(AREA_SOURCE)) {
            throw f.error(AREA_SOURCE, "missing; an area names where it comes from (a publication, and how it was "
                    + "scaled)");
        }
        return new AreaSpec(mm2, f.text(AREA_SOURCE));
    }

    static Provenance provenance(JsonObjectFields f) {
        return new Provenance(f.text("source"), f.optionalText("note").orElse(""));
    }

    private static String[] withPowerKeys(String... keys) {
        List<String> all = new ArrayList<>(Arrays.asList(keys));
        all.addAll(List.of(POWER_KEYS));
        all.addAll(List.of("energyPerActionPj", "source", "note", AREA, AREA_SOURCE));
        return all.toArray(String[]::new);
    }

    private static SearchParameters search(JsonObjectFields s, Precision precision) {
        JsonObjectFields a = s.object("annealing", "iterationsPerTemperature", "initialTemperature",
                "finalTemperature", "coolingFactor", "alpha", "candidatesKept", "source");
        int iterations = a.integer("iterationsPerTemperature", 1, MAX_COUNT);
        double initial = a.positive("initialTemperature");
        double last = a.positive("finalTemperature");
        if (!(last < initial)) {
            throw a.error("finalTemperature", last + " is not below initialTemperature " + initial
                    + "; annealing cools from the initial to the final temperature");
        }
        AnnealingParameters annealing = new AnnealingParameters(iterations, initial, last,
                a.number("coolingFactor", 0, 1, true), a.nonNegative("alpha"),
                a.integer("candidatesKept", 1, MAX_COUNT), Provenance.of(a.text("source")));

        JsonObjectFields e = s.object("evolution", "genes", "generations", "eliteRatio",
                "macroCountMutationProbability", "macroSharingMutationProbability", "macroSizeMinCrossbars",
                "macroSizeMaxCrossbars", "macroSizeStepCrossbars", "source");
        int genes = e.integer("genes", EvolutionParameters.MIN_GENES, EvolutionParameters.MAX_GENES);
        int generations = e.integer("generations", 1, EvolutionParameters.MAX_GENERATIONS);
        double elite = e.number("eliteRatio", 0, 1, false);
        if (elite == 0) {
            throw e.error("eliteRatio", "must be > 0 and <= 1, found 0");
        }
        double countProbability = e.number("macroCountMutationProbability", 0, 1, false);
        double sharingProbability = e.number("macroSharingMutationProbability", 0, 1, false);
        int min = e.integer("macroSizeMinCrossbars", 1, MAX_COUNT);
        int max = e.integer("macroSizeMaxCrossbars", min, MAX_COUNT);
        int step = e.integer("macroSizeStepCrossbars", 1, MAX_COUNT);
        if ((max - min) % step != 0) {
            throw e.error("macroSizeStepCrossbars", step + " does not divide macroSizeMaxCrossbars - "
                    + "macroSizeMinCrossbars = " + (max - min) + "; the sizes must run from min to max in whole steps");
        }
        EvolutionParameters evolution = new EvolutionParameters(genes, generations, elite, countProbability,
                sharingProbability, min, max, step, Provenance.of(e.text("source")));

        JsonObjectFields d = s.object("designSpace", "ratioRram", "resRramBits", "xbSizeRows", "resDacBits",
                "source");
        DesignSpace space = new DesignSpace(
                Arrays.stream(d.increasingNumbersBetween("ratioRram", 0, 1)).boxed().toList(),
                Arrays.stream(d.increasingIntegers("resRramBits", 1, precision.weightBits())).boxed().toList(),
                Arrays.stream(d.increasingIntegers("xbSizeRows", 2, MAX_CROSSBAR_ROWS)).boxed().toList(),
                Arrays.stream(d.increasingIntegers("resDacBits", 1, precision.activationBits())).boxed().toList(),
                Provenance.of(d.text("source")));
        return new SearchParameters(annealing, evolution, space);
    }

    /** Read once, on first use: the jar's copy never changes while the program runs. */
    private static final class BuiltIn {
        static final HardwareLibrary LIBRARY = load();

        private static HardwareLibrary load() {
            try (InputStream in = HardwareLibraryReader.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks " + BUILT_IN_RESOURCE);
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN_LABEL);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + BUILT_IN_RESOURCE, e);
            }
        }
    }
}
