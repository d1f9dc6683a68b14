package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.engine.RunPlan;
import org.pimsyn.sim.report.Performance;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.io.AtomicFiles;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonObjectFields;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import org.pimsyn.synth.objective.Objective;
import org.pimsyn.synth.objective.Objectives;
import org.pimsyn.synth.stage.dataflow.DataflowSkeleton;
import org.pimsyn.synth.stage.dataflow.DataflowSpec;
import org.pimsyn.synth.stage.dataflow.LayerPlacement;
import org.pimsyn.synth.stage.dataflow.Placement;

/**
 * {@code design.json}: a synthesized design, self-contained. It holds the network (PIMSYN network JSON nodes), the
 * design point, the dataflow spec, the macro placement, the accelerator and the component library as the simulator
 * takes them, the number of images and the performance of the fitness simulation, and a summary in the original
 * PIMSYN tool's terms. Reading rebuilds exactly the {@link Design} written: compiling its spec onto its placement
 * gives the same IR program, so simulating it gives the same figures.
 */
public final class DesignJson {
    public static final String FORMAT = "pimsyn-design";
    /**
     * Version 2: the component library as one table of (class, variant) entries; macros list other components.
     * Version 3: ALU kinds, component classes and the summary under the names every other output uses.
     * Version 4: {@code fitnessRun} (how the fitness simulation streamed images, and in which arbitration order)
     * in place of {@code fitnessImages}; the performance states the interval's bound, the stream latency and the
     * images run.
     * Version 5: the fitness run's {@code inputRegisterSlots} and {@code outputRegisterSlots}; its performance is
     * simulated with finite input and output registers.
     * Version 6: the same fields; its performance is simulated with images arriving as the image an admission window
     * before them ends (version 5's arrived paced at the bound).
     */
    public static final int FORMAT_VERSION = 6;

    private static final String[] ROOT_KEYS = {"format", "formatVersion", "network", "designPoint", "dataflow",
            "placement", "fitnessRun", "performance", "accelerator", "componentLibrary", "summary", "objective"};
    /**
     * What a synthesis optimised, where it is not the default: {@code name} and the design's value under the
     * objective's JSON key. Derived from the rest, as the summary is.
     */
    private static final String OBJECTIVE = "objective";
    /**
     * The keys of any version, to read the version by: versions 1 to 3 said {@code fitnessImages} where version 4
     * says {@code fitnessRun}.
     */
    private static final String[] ANY_VERSION_ROOT_KEYS = {"format", "formatVersion", "network", "designPoint",
        "dataflow", "placement", "fitnessImages", "fitnessRun", "performance", "accelerator", "componentLibrary",
        "summary", "objective"};

    private DesignJson() {
    }

    public static String toJson(Design design) {
        return OutputJson.text(tree(design));
    }

    /**
     * The design as a synthesis that optimised {@code objective} writes it: where that is not the default, with
     * its {@code objective}, the name and the design's value (the default's value is the summary's
     * {@code gopsPerWatt}).
     */
    public static String toJson(Design design, Objective objective) {
        ObjectNode root = tree(design);
        if (objective != Objectives.DEFAULT) {
            ObjectNode o = root.putObject(OBJECTIVE);
            o.put("name", objective.name());
            o.put(objective.jsonKey(), objective.value(design));
        }
        return OutputJson.text(root);
    }

    /** The design as a JSON tree, for files that hold designs among other things. */
    static ObjectNode tree(Design design) {
        Network network = design.spec().network();
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        ObjectNode net = root.putObject("network");
        net.put("name", network.name());
        net.set("nodes", nodes(network));
        root.set("designPoint", OutputJson.tree(design.point()));
        DataflowSpec spec = design.spec();
        ObjectNode dataflow = root.putObject("dataflow");
        ArrayNode dups = dataflow.putArray("wtDup");
        for (int d : spec.wtDup()) {
            dups.add(d);
        }
        dataflow.put("resDacBits", spec.resDacBits());
        dataflow.put("xbSizeRows", spec.xbSize());
        dataflow.put("cellBits", spec.cellBits());
        dataflow.put("weightBits", spec.weightBits());
        dataflow.put("activationBits", spec.activationBits());
        ArrayNode placement = root.putArray("placement");
        List<Layer> weightLayers = network.weightLayers();
        for (int k = 0; k < design.placement().size(); k++) {
            LayerPlacement where = design.placement().layer(k);
            ObjectNode layer = placement.addObject();
            layer.put("layer", weightLayers.get(k).name());
            ArrayNode macros = layer.putArray("macros");
            ArrayNode crossbars = layer.putArray("crossbars");
            for (int i = 0; i < where.macroCount(); i++) {
                macros.add(where.macro(i));
                crossbars.add(where.crossbars(i));
            }
        }
        root.set("fitnessRun", FitnessRunJson.tree(design.fitnessRun()));
        root.set("performance", OutputJson.tree(design.performance()));
        root.set("accelerator", OutputJson.tree(design.accelerator()));
        root.set("componentLibrary", OutputJson.tree(design.library()));
        root.set("summary", summary(design));
        return root;
    }

    /** Writes the design atomically. */
    public static void write(Design design, Path file) {
        AtomicFiles.writeString(file, toJson(design));
    }

    /**
     * Reads and checks a design file.
     *
     * @throws InputException naming the file and the JSON path of the first mistake
     */
    public static Design read(Path file) {
        return parse(InputFiles.readJson(file, "design"), file.toString());
    }

    /** Parses design text; {@code source} names it in messages. */
    public static Design parse(String text, String source) {
        return parse(JsonObjectFields.parse(text, source), source);
    }

    /** Reads a design from its JSON tree; {@code source} names it in messages. */
    static Design parse(JsonNode tree, String source) {
        JsonObjectFields root = JsonObjectFields.root(source, tree, ANY_VERSION_ROOT_KEYS);
        String format = root.text("format");
        if (!format.equals(FORMAT)) {
            throw root.error("format", "expected \"" + FORMAT + "\", found \"" + format + "\"");
        }
        int version = root.integer("formatVersion", 1, FORMAT_VERSION);
        // Older versions' performance was simulated under an earlier model: it is simulated anew, not read.
        boolean olderVersion = version < FORMAT_VERSION;
        if (version == FORMAT_VERSION) {
            root = JsonObjectFields.root(source, tree, ROOT_KEYS);
        } else {
            ObjectNode upgraded = ((ObjectNode) tree).deepCopy();
            if (version == 1) {
                DesignFormatV1.upgrade(upgraded, source);
            }
            if (version <= 2) {
                DesignFormatV2.upgrade(upgraded);
            }
            if (version <= 3) {
                DesignFormatV3.upgrade(upgraded);
            } else {
                // Version 5 is version 6 with figures simulated under arrivals paced at the bound: the registers it
                // names stay, and its performance is dropped, as version 4's is.
                DesignFormatV4.upgrade(upgraded);
            }
            root = JsonObjectFields.root(source, upgraded, ROOT_KEYS);
        }
        Network network = network(root);
        root.object("designPoint", "ratioRram", "resRramBits", "xbSizeRows", "resDacBits", "adcBits");
        DesignPoint point = OutputJson.read(root.node("designPoint", "an object"), DesignPoint.class, source,
                root.pathOf("designPoint"));
        DataflowSpec spec = spec(root, network, point);
        Placement placement = placement(root, network);
        RunPlan fitnessRun = FitnessRunJson.read(root.object("fitnessRun", FitnessRunJson.KEYS));
        Performance performance = olderVersion ? null : OutputJson.read(root.node("performance",
                "an object"), Performance.class, source, root.pathOf("performance"));
        Accelerator accelerator = OutputJson.read(root.node("accelerator", "an object"), Accelerator.class, source,
                root.pathOf("accelerator"));
        ComponentLibrary library = OutputJson.read(withAreas(root.node("componentLibrary", "an object")),
                ComponentLibrary.class, source, root.pathOf("componentLibrary"));
        JsonNode summary = root.node("summary", "an object");
        IrProgram program;
        try {
            program = DataflowSkeleton.of(spec).compile(placement).program();
        } catch (IllegalArgumentException e) {
            throw root.error("placement", e.getMessage());
        }
        if (olderVersion) {
            try {
                performance = DesignFormatV3.simulated(program, accelerator, library, fitnessRun);
            } catch (InvalidSimulationInputException e) {
                throw new InputException(source + ": " + e.getMessage(), e);
            }
        }
        Design design = new Design(point, spec, placement, accelerator, library, fitnessRun, performance);
        // Older versions wrote their summaries under other names; what they summarise is read, not the summary.
        if (version == FORMAT_VERSION) {
            // The one figure the summary copies from the performance: which of the two changed cannot be told here.
            JsonNode gopsPerWatt = summary.get("gopsPerWatt");
            if (gopsPerWatt != null && gopsPerWatt.isFloatingPointNumber()
                    && Double.compare(gopsPerWatt.doubleValue(), performance.gopsPerWatt()) != 0) {
                throw new InputException(source + ": " + root.pathOf("summary") + ".gopsPerWatt: found "
                        + gopsPerWatt + ", where $.performance.gopsPerWatt has " + performance.gopsPerWatt()
                        + "; one of the two was changed after the file was written");
            }
            String difference = difference(summary(design), summary, root.pathOf("summary"), "the design gives");
            if (difference != null) {
                throw new InputException(source + ": " + difference + "; the summary follows from the rest of the "
                        + "design, which it no longer matches: the file was changed after it was written");
            }
            checkObjective(root, design);
        }
        return design;
    }

    /** Where the file names an objective: a known one, with the value the design gives it, digit for digit. */
    private static void checkObjective(JsonObjectFields root, Design design) {
        if (!root.has(OBJECTIVE)) {
            return;
        }
        List<String> keys = new ArrayList<>(List.of("name"));
        Objectives.all().forEach(o -> keys.add(o.jsonKey()));
        JsonObjectFields fields = root.object(OBJECTIVE, keys.toArray(String[]::new));
        Objective objective;
        try {
            objective = Objectives.named(fields.text("name"));
        } catch (IllegalArgumentException e) {
            throw fields.error("name", e.getMessage());
        }
        for (Objective other : Objectives.all()) {
            if (other != objective && fields.has(other.jsonKey())) {
                throw fields.error(other.jsonKey(), "is the key of objective " + other.name() + ", not of "
                        + objective.name());
            }
        }
        JsonNode value = fields.node(objective.jsonKey(), "a number");
        double expected = objective.value(design);
        if (!value.isFloatingPointNumber() || Double.compare(value.doubleValue(), expected) != 0) {
            throw fields.error(objective.jsonKey(), "found " + value + ", the design gives " + expected
                    + "; the file was changed after it was written");
        }
    }

    /**
     * The component library as the reader binds it: its {@code areas} are written only where the library gives
     * some, so a library without them (and every design written before they existed) reads with none.
     */
    private static JsonNode withAreas(JsonNode library) {
        if (library instanceof ObjectNode o && !o.has("areas")) {
            ObjectNode copy = o.deepCopy();
            copy.putArray("areas");
            return copy;
        }
        return library;
    }

    /**
     * Checks a design's recorded performance against a simulation of it at its fitness images, which gives the same
     * figures, digit for digit, for a design as written.
     *
     * @param source names the design file in messages
     * @throws InputException naming the first field of {@code $.performance} that differs
     */
    public static void requireSimulatedPerformance(String source, Design design, Performance simulated) {
        String difference = difference(OutputJson.tree(simulated), OutputJson.tree(design.performance()),
                "$.performance", "simulating the design's fitness run (" + design.fitnessRun().describe() + ") gives");
        if (difference != null) {
            throw new InputException(source + ": " + difference + "; the file was changed after it was written");
        }
    }

    /**
     * Where {@code found} first differs from {@code expected}, as its JSON path and both values, or null. Numbers
     * agree when they are equal and of one kind (integer or not), whatever width the parser chose.
     */
    private static String difference(JsonNode expected, JsonNode found, String path, String whence) {
        if (expected.isObject() && found.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> e = fields.next();
                String at = path + key(e.getKey());
                JsonNode value = found.get(e.getKey());
                if (value == null) {
                    return at + ": missing; expected " + e.getValue();
                }
                String inside = difference(e.getValue(), value, at, whence);
                if (inside != null) {
                    return inside;
                }
            }
            for (Iterator<String> names = found.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!expected.has(name)) {
                    return path + key(name) + ": unknown key";
                }
            }
            return null;
        }
        if (expected.isArray() && found.isArray() && expected.size() == found.size()) {
            for (int i = 0; i < expected.size(); i++) {
                String inside = difference(expected.get(i), found.get(i), path + "[" + i + "]", whence);
                if (inside != null) {
                    return inside;
                }
            }
            return null;
        }
        boolean same;
        if (expected.isNumber() && found.isNumber()) {
            same = expected.isIntegralNumber()
                    ? found.isIntegralNumber() && expected.bigIntegerValue().equals(found.bigIntegerValue())
                    : found.isFloatingPointNumber() && Double.compare(expected.doubleValue(), found.doubleValue()) == 0;
        } else {
            same = expected.equals(found);
        }
        return same ? null : path + ": found " + found + ", " + whence + " " + expected;
    }

    /** A key as a JSON path step: {@code .name}, or {@code ["name"]} where the name is not a plain word. */
    private static String key(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "[" + OutputJson.MAPPER.getNodeFactory()
                .textNode(name) + "]";
    }

    private static ArrayNode nodes(Network network) {
        try {
            return (ArrayNode) OutputJson.MAPPER.readTree(NetworkJsonWriter.toJson(network));
        } catch (IOException e) {
            throw new IllegalStateException("the network writer produced unreadable JSON", e);
        }
    }

    private static Network network(JsonObjectFields root) {
        JsonObjectFields net = root.object("network", "name", "nodes");
        String name = net.text("name");
        JsonNode nodes = net.node("nodes", "an array of network nodes");
        if (!nodes.isArray()) {
            throw net.error("nodes", "expected an array of network nodes");
        }
        return NetworkJsonReader.parse(OutputJson.text(nodes), root.file() + ": " + net.pathOf("nodes"), name);
    }

    private static DataflowSpec spec(JsonObjectFields root, Network network, DesignPoint point) {
        JsonObjectFields d = root.object("dataflow", "wtDup", "resDacBits", "xbSizeRows", "cellBits", "weightBits",
                "activationBits");
        int[] wtDup = d.integers("wtDup", 1, Integer.MAX_VALUE);
        int dac = sameAs(d, "resDacBits", point.resDacBits(), "designPoint.resDacBits");
        int xb = sameAs(d, "xbSizeRows", point.xbSizeRows(), "designPoint.xbSizeRows");
        int cell = sameAs(d, "cellBits", point.resRramBits(), "designPoint.resRramBits");
        int weightBits = d.integer("weightBits", 1, 64);
        int activationBits = d.integer("activationBits", 1, 64);
        try {
            return new DataflowSpec(network, wtDup, dac, xb, cell, weightBits, activationBits);
        } catch (IllegalArgumentException e) {
            throw d.error("wtDup", e.getMessage());
        }
    }

    private static int sameAs(JsonObjectFields d, String key, int expected, String other) {
        int value = d.integer(key, 1, Integer.MAX_VALUE);
        if (value != expected) {
            throw d.error(key, value + " differs from $." + other + " (" + expected + ")");
        }
        return value;
    }

    private static Placement placement(JsonObjectFields root, Network network) {
        List<Layer> weightLayers = network.weightLayers();
        List<JsonObjectFields> entries = root.objects("placement", "layer", "macros", "crossbars");
        if (entries.size() != weightLayers.size()) {
            throw root.error("placement", "has " + entries.size() + " entries; the network has "
                    + weightLayers.size() + " weight layers");
        }
        List<LayerPlacement> layers = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            JsonObjectFields e = entries.get(k);
            String name = e.text("layer");
            if (!name.equals(weightLayers.get(k).name())) {
                throw e.error("layer", "expected weight layer " + k + ", '" + weightLayers.get(k).name()
                        + "', found '" + name + "'");
            }
            int[] macros = e.integers("macros", 0, Integer.MAX_VALUE);
            int[] crossbars = e.integers("crossbars", 1, Integer.MAX_VALUE);
            try {
                layers.add(new LayerPlacement(macros, crossbars));
            } catch (IllegalArgumentException ex) {
                throw e.error(ex.getMessage());
            }
        }
        return new Placement(layers);
    }

    /**
     * The original tool's output, under pimsyn's names: the design point, mesh, largest scratchpad, power efficiency
     * and the layer table.
     */
    private static ObjectNode summary(Design design) {
        LayerTable table = LayerTable.of(design);
        ObjectNode s = OutputJson.MAPPER.createObjectNode();
        s.put("ratioRram", design.point().ratioRram());
        s.put("resRramBits", design.point().resRramBits());
        s.put("xbSizeRows", design.point().xbSizeRows());
        s.put("gopsPerWatt", design.performance().gopsPerWatt());
        s.put("resDacBits", design.point().resDacBits());
        s.put("adcBits", design.point().adcBits());
        s.put("meshRows", table.meshRows());
        s.put("meshCols", table.meshCols());
        s.put("largestScratchpadKb", table.scratchpadKb());
        ObjectNode layers = s.putObject("layers");
        for (LayerTable.Row row : table.rows()) {
            ObjectNode r = layers.putObject(row.name());
            r.put("duplication", row.duplication());
            if (row.weightLayer()) {
                r.put("macros", row.macros());
                ArrayNode partners = r.putArray("sharesMacrosWith");
                row.sharesMacrosWith().forEach(partners::add);
                r.put("crossbarsPerMacro", row.macroSizeCrossbars());
            }
            row.components().forEach(r::put);
        }
        return s;
    }
}
