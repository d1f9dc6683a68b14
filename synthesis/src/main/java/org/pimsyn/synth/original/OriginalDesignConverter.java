package org.pimsyn.synth.original;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.AcceleratorBuilder;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.design.PeakPower;
import org.pimsyn.synth.design.PeakPowerModel;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.stage.allocation.PeripheralUnits;
import org.pimsyn.synth.stage.dataflow.CompiledDataflow;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.partition.MacroGene;
import org.pimsyn.synth.stage.partition.MacroLayout;

/**
 * Makes a {@link Design} of a design of the original PIMSYN tool ({@link OriginalDesign}), so that it simulates as
 * any synthesized design does.
 *
 * <p>Assumptions. The design point is the file's ({@code rram_ratio}, {@code rram_res}, {@code xbar_size},
 * {@code dac_res}, {@code adc_res}) and every weight layer keeps the file's {@code duplication}, so the dataflow is
 * that of its stated duplications; a layer's crossbars are what Eq. 1 gives for them (WtDup x set), spread as
 * evenly as possible over its {@code macro_num} macros ({@link MacroLayout}, the search's own layout), and
 * {@code macro_size} is only compared with that spread: in the shipped ResNet18 design the product
 * macro_num x macro_size of 11 of the 21 weight layers fits other duplications than the stated ones (conv1: 3 x 267
 * = 801, about 100 copies of 8 crossbars, where 65 are stated), so it cannot describe the crossbars of the stated
 * dataflow, and a spread above it is a note, not an error. {@code macro_sharing} names the partner of a pair, which
 * must name the layer back and state the same macro count; the pair holds both layers on the same macros, as the
 * search's genes do. Macros are numbered in layer order and placed in serpentine order on the file's
 * {@code macro_h} x {@code macro_w} mesh (which must hold them; for AlexNet and ResNet18 it is the near-square mesh
 * the search would take), every macro with the library's scratchpad of {@code spm_capacity} KB. The component
 * counts {@code ADC}, {@code SHIFTADD}, {@code ADDITION}, {@code POOL}, {@code RELU}, {@code SIGMOID},
 * {@code ELTWISE} are read per layer by default ({@link CountReading#PER_LAYER}: the paper's CompAlloc of component
 * c for layer i, Eq. 5, whose power sums over layers; read so, both shipped designs come out near their 49 W
 * budget, 43.5 and 46.3 W at peak, where per macro AlexNet's 64 macros x 432 ADCs alone take 62 W): a weight layer's
 * ADCs and shift-add units spread evenly over its macros, its other units (an adder) sit in its home macro, as
 * stage 4 places them; a pooling, ReLU, sigmoid or element-wise entry's units go to the home macro of the weight
 * layer whose blocks run it (pimsyn's owner, the latest weight layer before it), added to any already there. The
 * other reading ({@link CountReading#PER_MACRO}) puts a weight layer's stated counts in each of its macros. A macro
 * that runs work of a component it got no unit of gets one, the least that runs it, with a note: the ReLUs of
 * convolutions with a fused activation, which the original counts nowhere, and a layer with fewer units than
 * macros (ResNet18's FC layer states one ADC for two macros). Component figures are the library's (by default
 * pimsyn's {@code configs/hardware/default.json}, which is the original's {@code config.json} in other units with
 * two stated corrections, plus the clock, NoC and areas the original does not give; {@link OriginalConfig} checks
 * the library against an original config). The power budget, which the original's file does not state, is given.
 */
public final class OriginalDesignConverter {
    private static final int KINDS = PeripheralUnits.COUNT;

    /** How the original's component counts are read. */
    public enum CountReading {
        /** Units of the layer in all: spread over its macros (the default). */
        PER_LAYER("per-layer"),
        /** Units in each macro of the layer. */
        PER_MACRO("per-macro");

        private final String label;

        CountReading(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The reading of a label, or null. */
        public static CountReading of(String label) {
            for (CountReading r : values()) {
                if (r.label.equalsIgnoreCase(label)) {
                    return r;
                }
            }
            return null;
        }
    }

    /**
     * A converted design.
     *
     * @param notes what the conversion assumed or added beyond the file, one line each
     * @param peak  its peak power by part, as the power budget rule counts it
     */
    public record Conversion(Design design, OriginalDesign original, CountReading reading, PeakPower peak,
            List<String> notes) {
    }

    private OriginalDesignConverter() {
    }

    /**
     * Converts and simulates (its fitness run is {@link RunPlan#untilSteady()}).
     *
     * @param networkSource names the network in messages
     * @throws InputException naming the design file and field where the design does not fit the network or the
     *                        library
     */
    public static Conversion convert(OriginalDesign original, Network network, String networkSource,
            HardwareLibrary library, double totalPowerMw, CountReading reading) {
        String src = original.source();
        List<String> notes = new ArrayList<>();
        List<Layer> weightLayers = network.weightLayers();
        // Every entry must be a layer of the network, weight layers with a partition, others without.
        for (OriginalDesign.Entry e : original.layers().values()) {
            Layer layer = network.layer(e.name());
            if (layer == null) {
                throw new InputException(src + ": " + e.path() + ": no layer of that name in " + networkSource);
            }
            if (layer.hasWeights() != e.partitioned()) {
                throw new InputException(src + ": " + e.path() + (layer.hasWeights()
                        ? ".macro_num: missing; layer '" + e.name() + "' is a weight layer, whose entry has "
                                + "macro_num, macro_sharing and macro_size"
                        : ".macro_num: layer '" + e.name() + "' has no weights, so no macros of its own"));
            }
        }
        int k = weightLayers.size();
        OriginalDesign.Entry[] entries = new OriginalDesign.Entry[k];
        int[] wtDup = new int[k];
        for (int i = 0; i < k; i++) {
            Layer layer = weightLayers.get(i);
            OriginalDesign.Entry e = original.layers().get(layer.name());
            if (e == null) {
                throw new InputException(src + ": $['" + layer.name() + "']: missing; weight layer '" + layer.name()
                        + "' of " + networkSource + " is absent from the design");
            }
            if (e.duplication() > layer.outputPositions()) {
                throw new InputException(src + ": " + e.pathOf("duplication") + ": must be in 1.."
                        + layer.outputPositions() + " (the layer's output positions), found " + e.duplication());
            }
            entries[i] = e;
            wtDup[i] = e.duplication();
        }
        DesignPoint point = point(original, library, notes);
        DataflowSpec spec = DataflowSpec.of(network, wtDup, original.resDacBits(), original.xbSizeRows(),
                original.resRramBits(), library.precision());
        DataflowSkeleton skeleton = DataflowSkeleton.of(spec);
        int[] crossbars = new int[k];
        for (int i = 0; i < k; i++) {
            crossbars[i] = skeleton.crossbarsOf(i);
        }
        MacroGene gene = gene(original, entries, crossbars);
        if ((long) original.meshRows() * original.meshCols() < gene.totalMacros()) {
            throw new InputException(src + ": $.macro_h: a mesh of " + original.meshRows() + " x "
                    + original.meshCols() + " (macro_h x macro_w) cannot hold the " + gene.totalMacros()
                    + " macros its layers' macro_num give");
        }
        MacroLayout layout = MacroLayout.of(gene, crossbars, original.meshRows(), original.meshCols());
        for (int i = 0; i < k; i++) {
            int most = Arrays.stream(layout.crossbarsOf(i)).max().orElse(0);
            int held = most;
            if (gene.shares(i)) {
                for (int m : layout.macrosOf(i)) {
                    held = Math.max(held, layout.crossbarsIn(m, i) + layout.crossbarsIn(m, gene.partner(i)));
                }
            }
            if (held > entries[i].macroSize()) {
                notes.add(String.format(Locale.ROOT, "%s: %d crossbars (%d copies of %d) over %d macros put up to %d "
                        + "in a macro, above its macro_size of %d", entries[i].name(), crossbars[i], wtDup[i],
                        skeleton.crossbarSet(i).size(), gene.macros(i), held, entries[i].macroSize()));
            }
        }
        CompiledDataflow compiled = skeleton.compile(layout.placement());
        int[][] units = units(original, entries, skeleton, layout, gene, reading);
        fillMissing(units, compiled.program(), layout, skeleton, notes);
        int[] scratchpads = new int[layout.macroCount()];
        Arrays.fill(scratchpads, scratchpad(original, library));
        Accelerator accelerator = new AcceleratorBuilder(library, point, skeleton, totalPowerMw)
                .build(layout, units, scratchpads);
        ComponentLibrary components = ComponentLibraries.from(library);
        RunPlan plan = RunPlan.untilSteady();
        Performance performance = new Simulator().fitness(accelerator, components, compiled.program(), plan);
        Design design = new Design(point, spec, compiled.placement(), accelerator, components, plan, performance);
        return new Conversion(design, original, reading, PeakPowerModel.of(design), List.copyOf(notes));
    }

    private static DesignPoint point(OriginalDesign original, HardwareLibrary library, List<String> notes) {
        String src = original.source();
        int xb = original.xbSizeRows();
        int cell = original.resRramBits();
        if (library.crossbars().stream().noneMatch(c -> c.sizeRows() == xb && c.cellBits() == cell)) {
            throw new InputException(src + ": $.xbar_size: " + library.origin() + " has no " + xb + "x" + xb
                    + " crossbar with " + cell + "-bit cells (rram_res); it has "
                    + library.crossbars().stream().map(c -> c.sizeRows() + "_" + c.cellBits()).distinct()
                            .reduce((a, b) -> a + ", " + b).orElse("none"));
        }
        if (library.dacs().stream().noneMatch(d -> d.resolutionBits() == original.resDacBits())) {
            throw new InputException(src + ": $.dac_res: " + library.origin() + " has no " + original.resDacBits()
                    + "-bit DAC");
        }
        if (library.adc(original.adcBits()).isEmpty()) {
            throw new InputException(src + ": $.adc_res: " + library.origin() + " has no " + original.adcBits()
                    + "-bit ADC");
        }
        int needed = HardwareLibrary.requiredAdcBits(xb, cell, original.resDacBits());
        if (needed != original.adcBits()) {
            notes.add("adc_res " + original.adcBits() + " differs from the " + needed + " bits the crossbar and DAC "
                    + "need (log2(XbSize) + ResDAC + ResRram - 1, or - 2 with a 1-bit resolution); the file's is used");
        }
        return new DesignPoint(original.ratioRram(), cell, xb, original.resDacBits(), original.adcBits());
    }

    /** The file's partition as a gene: macro_num per layer, pairs from macro_sharing. */
    private static MacroGene gene(OriginalDesign original, OriginalDesign.Entry[] entries, int[] crossbars) {
        String src = original.source();
        int k = entries.length;
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            index.put(entries[i].name(), i);
        }
        int[] macros = new int[k];
        int[] partner = new int[k];
        Arrays.fill(partner, MacroGene.NO_PARTNER);
        for (int i = 0; i < k; i++) {
            OriginalDesign.Entry e = entries[i];
            macros[i] = e.macroNum();
            if (e.macroNum() > crossbars[i]) {
                throw new InputException(src + ": " + e.pathOf("macro_num") + ": " + e.macroNum() + " macros for the "
                        + crossbars[i] + " crossbars of " + e.duplication() + " copies; every macro holds at least "
                        + "one crossbar of the layer");
            }
            if (e.partner().isPresent()) {
                String name = e.partner().get();
                Integer p = index.get(name);
                if (p == null || p == i) {
                    throw new InputException(src + ": " + e.pathOf("macro_sharing") + ": \"" + name + "\" is not "
                            + "another weight layer of the design; expected \"None\" or the name of one");
                }
                OriginalDesign.Entry other = entries[p];
                if (!other.partner().map(e.name()::equals).orElse(false)) {
                    throw new InputException(src + ": " + e.pathOf("macro_sharing") + ": layer '" + name
                            + "' does not name '" + e.name() + "' back in its macro_sharing; a layer shares its "
                            + "macros with at most one other, both naming each other");
                }
                if (!other.macroNum().equals(e.macroNum())) {
                    throw new InputException(src + ": " + e.pathOf("macro_num") + ": " + e.macroNum()
                            + ", but the layer shares its macros with '" + name + "', whose macro_num is "
                            + other.macroNum() + "; a pair spans the same macros");
                }
                partner[i] = p;
            }
        }
        return new MacroGene(macros, partner, 0);
    }

    /** Units per macro and component as the file states them, under the reading. */
    private static int[][] units(OriginalDesign original, OriginalDesign.Entry[] entries, DataflowSkeleton skeleton,
            MacroLayout layout, MacroGene gene, CountReading reading) {
        int[][] units = new int[layout.macroCount()][KINDS];
        for (int i = 0; i < entries.length; i++) {
            int[] macros = layout.macrosOf(i);
            for (Map.Entry<String, Integer> u : entries[i].units().entrySet()) {
                int c = component(u.getKey());
                int count = u.getValue();
                boolean everyMacro = c == PeripheralUnits.ADC || c == PeripheralUnits.indexOf(AluKind.SHIFT_ADD);
                if (reading == CountReading.PER_MACRO) {
                    for (int m : macros) {
                        units[m][c] += count;
                    }
                } else if (everyMacro) {
                    int n = macros.length;
                    for (int j = 0; j < n; j++) {
                        units[macros[j]][c] += count / n + (j < count % n ? 1 : 0);
                    }
                } else {
                    units[macros[0]][c] += count;
                }
            }
        }
        for (OriginalDesign.Entry e : original.layers().values()) {
            if (e.partitioned()) {
                continue;
            }
            Layer layer = skeleton.network().layer(e.name());
            int owner = skeleton.ownerOf(layer.id());
            if (owner < 0) {
                if (e.units().values().stream().anyMatch(v -> v > 0)) {
                    throw new InputException(original.source() + ": " + e.path() + ": layer '" + e.name()
                            + "' runs in no weight layer's blocks (it reads the network's input directly), so its "
                            + "units have no macro");
                }
                continue;
            }
            int home = layout.home(owner);
            for (Map.Entry<String, Integer> u : e.units().entrySet()) {
                units[home][component(u.getKey())] += u.getValue();
            }
        }
        return units;
    }

    private static int component(String name) {
        AluKind kind = OriginalDesign.COMPONENTS.get(name);
        return kind == null ? PeripheralUnits.ADC : PeripheralUnits.indexOf(kind);
    }

    /** One unit wherever the program runs work of a component a macro has none of. */
    private static void fillMissing(int[][] units, IrProgram program, MacroLayout layout, DataflowSkeleton skeleton,
            List<String> notes) {
        boolean[][] needed = new boolean[units.length][KINDS];
        int adcCode = IrKind.ADC.code();
        int aluCode = IrKind.ALU.code();
        for (int id = 0; id < program.size(); id++) {
            int kind = program.kindCode(id);
            if (kind == adcCode) {
                needed[program.macro(id)][PeripheralUnits.ADC] = true;
            } else if (kind == aluCode) {
                needed[program.macro(id)][PeripheralUnits.indexOf(AluKind.ofCode(program.aluKindCode(id)))] = true;
            }
        }
        Map<String, List<Integer>> added = new LinkedHashMap<>();
        for (int m = 0; m < units.length; m++) {
            for (int c = 0; c < KINDS; c++) {
                if (needed[m][c] && units[m][c] == 0) {
                    units[m][c] = 1;
                    AluKind kind = PeripheralUnits.aluKind(c);
                    added.computeIfAbsent(kind == null ? "adc" : kind.label(), x -> new ArrayList<>()).add(m);
                }
            }
        }
        for (Map.Entry<String, List<Integer>> a : added.entrySet()) {
            List<String> where = new ArrayList<>();
            for (int m : a.getValue()) {
                List<String> names = new ArrayList<>();
                for (int k : layout.layersOf(m)) {
                    names.add(skeleton.network().layer(skeleton.weightLayerId(k)).name());
                }
                where.add("m" + m + " (" + String.join(", ", names) + ")");
            }
            notes.add("one " + a.getKey() + " unit added in " + a.getValue().size() + " macro"
                    + (a.getValue().size() == 1 ? "" : "s") + " that run" + (a.getValue().size() == 1 ? "s" : "")
                    + " its work and got none from the file: " + String.join("; ", where));
        }
    }

    private static int scratchpad(OriginalDesign original, HardwareLibrary library) {
        List<ScratchpadSpec> all = library.scratchpads();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).capacityKb() == original.scratchpadKb()) {
                return i;
            }
        }
        throw new InputException(original.source() + ": $.spm_capacity: " + library.origin() + " has no "
                + original.scratchpadKb() + " KB scratchpad; it has "
                + all.stream().map(s -> s.capacityKb() + "").reduce((a, b) -> a + ", " + b).orElse("none") + " KB");
    }
}
