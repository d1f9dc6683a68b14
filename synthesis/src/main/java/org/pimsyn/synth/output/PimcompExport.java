package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.component.ActionCost;
import org.pimsyn.sim.component.ComponentClass;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.timing.TimingRules;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.PimcompNetworkJson;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * A synthesized design as PIMCOMP-NN (github.com/sunxt99/PIMCOMP-NN, commit 2ed10c8) compiles it and as the
 * pimsim-nn simulator runs PIMCOMP's instruction stream. The files, laid out as PIMCOMP's own tree so that it runs
 * from {@code build/} with no copying ({@code main.cpp} reads {@code ../config.json} and
 * {@code ../models/JSON/NAME.json} and writes {@code ../output/}):
 * <ul>
 * <li>{@code config.json}: the architecture in pimsim-nn's layout, which PIMCOMP's {@code LoadHardwareConfiguration}
 * (backend/Preparation.cpp) reads: {@code chip_config.core_config.matrix_config.adc_count} as its
 * ArithmeticPrecision, {@code cell_precision}, {@code xbar_size[0]} and {@code [1]} as CrossbarH and CrossbarW,
 * {@code xbar_array_count} as CoreH (logical crossbars per core; CoreW is fixed at 1) and
 * {@code chip_config.network_config.layout[0]} and {@code [1]} as ChipH and ChipW. The other keys are pimsim-nn's
 * ({@code src/config/Config.hpp}), each from the design or its component library.</li>
 * <li>{@code pimsim-config.json}: the same for pimsim-nn, but for {@code adc_count}, which pimsim-nn reads as the
 * ADCs of each crossbar array and PIMCOMP as the data precision.</li>
 * <li>{@code network_config.json}: pimsim-nn's NoC file ({@code net_config_file_path}): per source and destination
 * core, and the global memory ({@code -10}), a flit's latency in ns and energy in pJ.</li>
 * <li>{@code models/JSON/NAME.json}: the network ({@link PimcompNetworkJson}).</li>
 * <li>{@code mapping.json}: what our design maps per weight layer, in PIMCOMP's units, to hold PIMCOMP's
 * {@code output/MappingResult.txt} against.</li>
 * </ul>
 *
 * <p>Logical crossbars: PIMCOMP maps weights onto logical crossbars of CrossbarH x CrossbarW weights of full
 * precision ({@code CrossbarPartition::Partition}: "For logical Crossbar"), where a pimsim design counts physical
 * crossbars, one per weight slice of {@code cellBits}: one logical crossbar is ceil(weightBits / cellBits) physical
 * ones. A core holds {@code xbar_array_count} logical crossbars: the most that any of our macros holds, counting
 * every logical crossbar of which the macro holds a slice.
 */
public final class PimcompExport {
    public static final String CONFIG_FILE = "config.json";
    public static final String PIMSIM_CONFIG_FILE = "pimsim-config.json";
    public static final String NOC_FILE = "network_config.json";
    public static final String MAPPING_FILE = "mapping.json";
    /** Where PIMCOMP-NN reads its models, relative to the export's directory. */
    public static final String MODELS_DIR = "models/JSON";
    /** The directories PIMCOMP-NN runs in ({@code build/}) and writes into ({@code output/}). */
    public static final List<String> RUN_DIRS = List.of("build", "output");
    /** pimsim-nn's switch id of the global memory ({@code global_memory_switch_id}). */
    static final int GLOBAL_MEMORY = -10;
    /** PIMCOMP-NN's static arrays hold at most this many cores ({@code configure.h} MAX_CORE). */
    static final int MAX_CORES = 1000;
    /** PIMCOMP-NN's static arrays hold at most this many nodes ({@code configure.h} MAX_NODE). */
    static final int MAX_NODES = 1000;

    /**
     * One weight layer: our duplication and crossbars, and the weight matrix PIMCOMP maps.
     *
     * @param crossbars                physical crossbars of all copies
     * @param logicalCrossbarsPerCopy  our copy in logical crossbars: groups x row tiles x column tiles
     * @param pimcompCrossbarsPerCopy  PIMCOMP's copy: ceil(H / CrossbarH) x ceil(W / CrossbarW) of its matrix
     */
    public record LayerMapping(String name, int pimcompNode, String operation, int groups, int height, int width,
            int duplication, int crossbars, int crossbarsPerCopy, int slices, int logicalCrossbarsPerCopy,
            int pimcompCrossbarsPerCopy, int macros, List<String> sharesMacrosWith) {
        /** Our logical crossbars: duplication x our copy. */
        public int logicalCrossbars() {
            return duplication * logicalCrossbarsPerCopy;
        }
    }

    private final Design design;
    private final String modelName;
    private final PimcompNetworkJson network;
    private final List<LayerMapping> layers;
    private final int[] logicalPerMacro;
    private final int xbarArrayCount;
    private final int slices;
    private final int adcsPerArray;

    private PimcompExport(Design design, String modelName, PimcompNetworkJson network, List<LayerMapping> layers,
            int[] logicalPerMacro, int xbarArrayCount, int slices, int adcsPerArray) {
        this.design = design;
        this.modelName = modelName;
        this.network = network;
        this.layers = List.copyOf(layers);
        this.logicalPerMacro = logicalPerMacro;
        this.xbarArrayCount = xbarArrayCount;
        this.slices = slices;
        this.adcsPerArray = adcsPerArray;
    }

    /**
     * @throws InputException where PIMCOMP-NN cannot compile the design: a layer it has no instruction for, more
     *                        nodes or cores than its static arrays hold
     */
    public static PimcompExport of(Design design) {
        DataflowSpec spec = design.spec();
        Network net = spec.network();
        Accelerator acc = design.accelerator();
        PimcompNetworkJson network = PimcompNetworkJson.of(net, spec.weightBits(), spec.activationBits());
        int nodes = network.json().get("node_list").size();
        if (nodes > MAX_NODES) {
            throw new InputException("network '" + net.name() + "' gives " + nodes + " PIMCOMP nodes; PIMCOMP-NN "
                    + "holds at most " + MAX_NODES + " (configure.h MAX_NODE)");
        }
        int cores = acc.meshRows() * acc.meshCols();
        if (cores > MAX_CORES) {
            throw new InputException("the design's " + acc.meshRows() + " x " + acc.meshCols() + " mesh has "
                    + cores + " macros' places; PIMCOMP-NN holds at most " + MAX_CORES + " cores (configure.h "
                    + "MAX_CORE)");
        }
        List<Layer> weightLayers = net.weightLayers();
        int xb = spec.xbSize();
        int sliceCount = CrossbarSet.of(weightLayers.get(0), xb, spec.cellBits(), spec.weightBits()).slices();
        int[] logical = logicalCrossbarsPerMacro(design.placement(), sliceCount, acc.macros().size());
        List<LayerMapping> layers = new ArrayList<>();
        for (int k = 0; k < weightLayers.size(); k++) {
            Layer layer = weightLayers.get(k);
            CrossbarSet set = CrossbarSet.of(layer, xb, spec.cellBits(), spec.weightBits());
            LayerPlacement p = design.placement().layer(k);
            Set<String> partners = new LinkedHashSet<>();
            for (int i = 0; i < p.macroCount(); i++) {
                for (int other = 0; other < weightLayers.size(); other++) {
                    if (other != k && contains(design.placement().layer(other).macros(), p.macro(i))) {
                        partners.add(weightLayers.get(other).name());
                    }
                }
            }
            PimcompNetworkJson.WeightNode node = network.weightNodes().get(k);
            if (!node.name().equals(layer.name())) {
                throw new IllegalStateException("weight layer " + k + " is '" + layer.name() + "' but PIMCOMP node '"
                        + node.name() + "'");
            }
            int pimcompPerCopy = (int) (ceilDiv(node.height(), xb) * ceilDiv(node.width(), xb));
            layers.add(new LayerMapping(layer.name(), node.nodeIndex(), node.operation(), layer.groups(),
                    node.height(), node.width(), spec.wtDup(k), p.totalCrossbars(), set.size(), set.slices(),
                    set.size() / set.slices(), pimcompPerCopy, p.macroCount(), List.copyOf(partners)));
        }
        int most = 0;
        long adcs = 0;
        long physical = 0;
        for (int m = 0; m < logical.length; m++) {
            most = Math.max(most, logical[m]);
            adcs += acc.macros().get(m).adcs().count();
            physical += acc.macros().get(m).crossbarCount();
        }
        int adcsPerArray = (int) Math.max(1, ceilDiv(adcs, Math.max(1, physical)));
        return new PimcompExport(design, modelName(net.name()), network, layers, logical, Math.max(1, most),
                sliceCount, adcsPerArray);
    }

    /**
     * Logical crossbars of each macro: a layer's crossbars are numbered copy by copy, each logical crossbar's
     * {@code slices} weight slices one after the other ({@link LayerPlacement}), and a macro counts every logical
     * crossbar of which it holds a slice.
     */
    static int[] logicalCrossbarsPerMacro(Placement placement, int slices, int macros) {
        int[] logical = new int[macros];
        for (LayerPlacement p : placement.layers()) {
            long start = 0;
            for (int i = 0; i < p.macroCount(); i++) {
                long stop = start + p.crossbars(i);
                logical[p.macro(i)] += (int) (ceilDiv(stop, slices) - start / slices);
                start = stop;
            }
        }
        return logical;
    }

    /** PIMCOMP's model name ({@code -m=NAME}, the file {@code models/JSON/NAME.json}): the network's, made safe. */
    static String modelName(String networkName) {
        String safe = networkName.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "network" + safe : safe;
    }

    public String modelName() {
        return modelName;
    }

    public PimcompNetworkJson network() {
        return network;
    }

    public List<LayerMapping> layers() {
        return layers;
    }

    /** Logical crossbars per core: {@code xbar_array_count}, PIMCOMP's CoreH. */
    public int xbarArrayCount() {
        return xbarArrayCount;
    }

    /** Physical crossbars per logical one: ceil(weightBits / cellBits). */
    public int slices() {
        return slices;
    }

    public int cores() {
        return design.accelerator().meshRows() * design.accelerator().meshCols();
    }

    /** Logical crossbars of each of our macros (by macro id). */
    public int[] logicalCrossbarsPerMacro() {
        return logicalPerMacro.clone();
    }

    /** What PIMCOMP may fill: cores x logical crossbars per core. */
    public long pimcompCapacity() {
        return (long) cores() * xbarArrayCount;
    }

    /** Our logical crossbars in all. */
    public long logicalCrossbars() {
        long total = 0;
        for (LayerMapping l : layers) {
            total += l.logicalCrossbars();
        }
        return total;
    }

    /** pimsim-nn's {@code adc_count}: ADC units per physical crossbar over the chip, rounded up, at least 1. */
    public int adcsPerArray() {
        return adcsPerArray;
    }

    /** The PIMCOMP-NN command, run from the export's {@code build/}. */
    public String command() {
        return "PIMCOMP-NN -m=" + modelName + " -r=balance -p=batch -o=YES -s=YES";
    }

    /** The files and directories written, in order, relative to the export's directory. */
    public List<String> files() {
        List<String> files = new ArrayList<>(List.of(CONFIG_FILE, PIMSIM_CONFIG_FILE, NOC_FILE,
                MODELS_DIR + "/" + modelName + ".json", MAPPING_FILE));
        RUN_DIRS.forEach(d -> files.add(d + "/"));
        return files;
    }

    /**
     * Writes every file into {@code dir}, each atomically once all are ready, and creates {@code build/} and
     * {@code output/}.
     *
     * @return the paths written, in the order of {@link #files()}
     */
    public List<Path> write(Path dir) {
        List<String> texts = List.of(configJson(), pimsimConfigJson(), nocJson(), network.toJson(), mappingJson());
        List<String> names = files();
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve(names.get(i));
            AtomicFiles.writeString(file, texts.get(i));
            written.add(file);
        }
        for (String d : RUN_DIRS) {
            Path p = dir.resolve(d);
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + p + ": " + e.getMessage(), e);
            }
            written.add(p);
        }
        return written;
    }

    /** {@code config.json}: PIMCOMP-NN's reading of {@code adc_count}, the data precision. */
    public String configJson() {
        return OutputJson.text(config(design.spec().activationBits()));
    }

    /** {@code pimsim-config.json}: pimsim-nn's reading of {@code adc_count}, ADCs per crossbar array. */
    public String pimsimConfigJson() {
        return OutputJson.text(config(adcsPerArray));
    }

    private ObjectNode config(int adcCount) {
        Accelerator acc = design.accelerator();
        ComponentLibrary lib = design.library();
        DataflowSpec spec = design.spec();
        double clock = acc.clockGhz();
        double period = 1.0 / clock;
        int xb = spec.xbSize();
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        ObjectNode chip = root.putObject("chip_config");
        ObjectNode core = chip.putObject("core_config");
        core.put("period", period);
        ObjectNode matrix = core.putObject("matrix_config");
        matrix.put("xbar_array_count", xbarArrayCount);
        matrix.put("period", period);
        matrix.put("pipeline_mode", true);
        ComponentEntry dac = lib.dac(design.point().resDacBits());
        matrix.put("dac_resolution", design.point().resDacBits());
        putUnit(matrix, "dac", dac, ComponentClass.CONVERT, clock);
        matrix.put("dac_count", xb);
        ArrayNode size = matrix.putArray("xbar_size");
        size.add(xb);
        size.add(xb);
        matrix.put("cell_precision", spec.cellBits());
        ComponentEntry crossbar = lib.crossbar(xb, spec.cellBits());
        ActionCost read = crossbar.action(ComponentClass.READ);
        matrix.put("xbar_latency", read.latencyNs());
        matrix.put("xbar_read_power", read.latencyNs() > 0 ? read.energyPj() / read.latencyNs() : 0);
        ComponentEntry sampleHold = findClass(lib, "sampleHold");
        if (sampleHold != null && !sampleHold.actions().isEmpty()) {
            putUnit(matrix, "sample_hold", sampleHold, sampleHold.actions().get(0).action(), clock);
        }
        ComponentEntry adc = lib.adc(design.point().adcBits());
        matrix.put("adc_resolution", design.point().adcBits());
        putUnit(matrix, "adc", adc, ComponentClass.CONVERT, clock);
        matrix.put("adc_count", adcCount);
        putUnit(matrix, "shift_adder", lib.alu(AluKind.SHIFT_ADD), ComponentClass.OPERATE, clock);
        ComponentEntry input = findClass(lib, "inputRegister");
        if (input != null && input.action(ComponentClass.READ) != null) {
            putUnit(matrix, "input_buffer", input, ComponentClass.READ, clock);
        }
        ComponentEntry output = findClass(lib, "outputRegister");
        if (output != null && output.action(ComponentClass.WRITE) != null) {
            putUnit(matrix, "output_buffer", output, ComponentClass.WRITE, clock);
        }
        ComponentEntry vector = lib.alu(AluKind.ELTWISE);
        ActionCost op = vector.action(ComponentClass.OPERATE);
        core.put("vector_width", vectorWidth(acc));
        core.put("vector_latency_cycle", TimingRules.cycles(op.latencyNs(), clock));
        core.put("vector_alu_static_power", vector.staticPowerMw());
        core.put("vector_alu_dynamic_energy", op.energyPj());
        Macro largest = largestScratchpadMacro(acc);
        ComponentEntry spm = lib.scratchpad(largest.scratchpad().capacityKb());
        ObjectNode local = core.putObject("local_memory_config");
        local.put("memory_size", largest.scratchpad().capacityKb() * 1024L);
        local.put("data_width", Math.max(1, largest.scratchpad().busWidthBits() / 8));
        local.put("period", period);
        local.put("static_power", spm.staticPowerMw());
        local.put("write_latency_cycle", TimingRules.cycles(spm.latencyNs(ComponentClass.WRITE), clock));
        local.put("write_dynamic_energy", spm.energyPj(ComponentClass.WRITE));
        local.put("read_latency_cycle", TimingRules.cycles(spm.latencyNs(ComponentClass.READ), clock));
        local.put("read_dynamic_energy", spm.energyPj(ComponentClass.READ));
        core.put("global_memory_switch_id", GLOBAL_MEMORY);
        ObjectNode noc = chip.putObject("network_config");
        noc.put("bus_topology", "mesh");
        noc.put("bus_width", Math.max(1, acc.noc().flitWidthBits() / 8));
        ArrayNode layout = noc.putArray("layout");
        layout.add(acc.meshRows());
        layout.add(acc.meshCols());
        noc.put("net_config_file_path", NOC_FILE);
        chip.put("core_cnt", cores());
        chip.put("global_memory_switch_id", GLOBAL_MEMORY);
        ObjectNode sim = root.putObject("sim_config");
        sim.put("sim_mode", 0);
        sim.put("sim_time", design.performance().cycles() / clock / 1e6);
        sim.put("report_verbose_level", 0);
        return root;
    }

    /**
     * A unit's pimsim-nn figures: {@code PREFIX_latency_cycle} (the action's latency in whole cycles),
     * {@code PREFIX_static_power} (mW) and {@code PREFIX_dynamic_power} (mW, so that pimsim-nn's period x power x
     * cycles is the action's energy).
     */
    private static void putUnit(ObjectNode node, String prefix, ComponentEntry entry, String action, double clock) {
        ActionCost cost = entry.action(action);
        if (cost == null) {
            throw new IllegalStateException(entry.label() + " has no action " + action);
        }
        long cycles = TimingRules.cycles(cost.latencyNs(), clock);
        node.put(prefix + "_latency_cycle", cycles);
        node.put(prefix + "_static_power", entry.staticPowerMw());
        node.put(prefix + "_dynamic_power", cost.energyPj() / (cycles / clock));
    }

    private static ComponentEntry findClass(ComponentLibrary lib, String componentClass) {
        for (ComponentEntry e : lib.entries()) {
            if (e.componentClass().equals(componentClass)) {
                return e;
            }
        }
        return null;
    }

    private static int vectorWidth(Accelerator acc) {
        int width = 0;
        for (Macro m : acc.macros()) {
            for (AluUnits a : m.alus()) {
                if (a.kind() == AluKind.ELTWISE || width == 0) {
                    width = Math.max(width, a.vectorWidth());
                }
            }
        }
        return Math.max(1, width);
    }

    private static Macro largestScratchpadMacro(Accelerator acc) {
        Macro best = acc.macros().get(0);
        for (Macro m : acc.macros()) {
            if (m.scratchpad().capacityKb() > best.scratchpad().capacityKb()) {
                best = m;
            }
        }
        return best;
    }

    /**
     * pimsim-nn's NoC file: for every ordered pair of cores (row-major on the mesh, as PIMCOMP numbers them) and the
     * global memory ({@code -10}, at core 0's router, where pimsyn places chip-wide parts), a flit's latency (XY
     * hops x the router's hop latency, plus the link's flit latency, each in whole cycles) and energy (hops x a
     * flit-hop through a router and a link).
     */
    public String nocJson() {
        Accelerator acc = design.accelerator();
        ComponentLibrary lib = design.library();
        double clock = acc.clockGhz();
        ActionCost router = lib.router().action(ComponentClass.FLIT_HOP);
        ActionCost link = lib.link().action(ComponentClass.FLIT_HOP);
        double hopNs = TimingRules.clockedNs(router.latencyNs(), clock);
        double flitNs = TimingRules.clockedNs(link.latencyNs(), clock) * acc.noc().cyclesPerFlit();
        double hopPj = router.energyPj() + link.energyPj();
        int cores = cores();
        int cols = acc.meshCols();
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        ObjectNode latency = root.putObject("latency");
        ObjectNode energy = root.putObject("energy");
        for (int src = -1; src < cores; src++) {
            String s = Integer.toString(src < 0 ? GLOBAL_MEMORY : src);
            ObjectNode lat = latency.putObject(s);
            ObjectNode en = energy.putObject(s);
            for (int dst = -1; dst < cores; dst++) {
                if (dst == src) {
                    continue;
                }
                int a = Math.max(src, 0);
                int b = Math.max(dst, 0);
                int hops = Math.abs(a / cols - b / cols) + Math.abs(a % cols - b % cols);
                String d = Integer.toString(dst < 0 ? GLOBAL_MEMORY : dst);
                lat.put(d, hops * hopNs + flitNs);
                en.put(d, hops * hopPj);
            }
        }
        return OutputJson.line(root) + "\n";
    }

    /** {@code mapping.json}: our design per weight layer in PIMCOMP's units, with the core figures. */
    public String mappingJson() {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", "pimsyn-pimcomp-mapping");
        root.put("formatVersion", 1);
        root.put("network", design.spec().network().name());
        root.put("model", modelName);
        root.put("command", command());
        root.put("crossbarSize", design.spec().xbSize());
        root.put("cellBits", design.spec().cellBits());
        root.put("weightBits", design.spec().weightBits());
        root.put("physicalCrossbarsPerLogical", slices);
        root.put("cores", cores());
        root.put("xbarArrayCount", xbarArrayCount);
        root.put("pimcompCapacity", pimcompCapacity());
        root.put("logicalCrossbars", logicalCrossbars());
        ArrayNode perMacro = root.putArray("logicalCrossbarsPerMacro");
        for (int c : logicalPerMacro) {
            perMacro.add(c);
        }
        ArrayNode merged = root.putArray("mergedActivations");
        network.mergedActivations().forEach(merged::add);
        ArrayNode unmerged = root.putArray("unmergedActivations");
        network.unmergedActivations().forEach(unmerged::add);
        ArrayNode notes = root.putArray("notes");
        network.notes().forEach(notes::add);
        ArrayNode list = root.putArray("layers");
        for (LayerMapping l : layers) {
            ObjectNode o = list.addObject();
            o.put("name", l.name());
            o.put("pimcompNode", l.pimcompNode());
            o.put("operation", l.operation());
            o.put("groups", l.groups());
            o.put("height", l.height());
            o.put("width", l.width());
            o.put("duplication", l.duplication());
            o.put("crossbars", l.crossbars());
            o.put("crossbarsPerCopy", l.crossbarsPerCopy());
            o.put("logicalCrossbarsPerCopy", l.logicalCrossbarsPerCopy());
            o.put("pimcompCrossbarsPerCopy", l.pimcompCrossbarsPerCopy());
            o.put("logicalCrossbars", l.logicalCrossbars());
            o.put("macros", l.macros());
            ArrayNode partners = o.putArray("sharesMacrosWith");
            l.sharesMacrosWith().forEach(partners::add);
        }
        return OutputJson.text(root);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
