package org.pimsyn.synth.original;

import static org.pimsyn.synth.io.JsonObjectFields.describe;
import static org.pimsyn.synth.io.JsonObjectFields.integerAt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonObjectFields;

/**
 * A design written by the original PIMSYN tool (its {@code --output} file, such as PIMSYN-NN's
 * {@code output/alexnet.json}), read as it is: the design point ({@code rram_ratio}, {@code rram_res},
 * {@code xbar_size}, {@code dac_res}, {@code adc_res}), the mesh ({@code macro_h} x {@code macro_w}), the scratchpad
 * size ({@code spm_capacity}, KB), its own power-efficiency estimate, and one entry per layer keyed by the layer's
 * name, in the file's order. What the figures mean is for {@link OriginalDesignConverter} to decide.
 *
 * <p>Every mistake is an {@link InputException} of one line naming the file and the field as a JSON path, such as
 * {@code alexnet.json: $['/features/features.0/Conv_output_0'].macro_num: expected an integer, found ...}.
 *
 * @param layers the layer entries by name, in the file's order
 */
public record OriginalDesign(String source, double ratioRram, int resRramBits, int xbSizeRows, int resDacBits,
        int adcBits, int meshRows, int meshCols, int scratchpadKb, double statedGopsPerWatt,
        Map<String, Entry> layers) {

    /** The keys of the design as a whole; every other key is a layer. */
    static final List<String> DESIGN_KEYS = List.of("rram_ratio", "rram_res", "xbar_size", "power_efficiency",
            "dac_res", "adc_res", "macro_h", "macro_w", "spm_capacity");
    /** The keys of a weight layer's partition. */
    static final List<String> PARTITION_KEYS = List.of("macro_num", "macro_sharing", "macro_size");
    /** The original's component names, in its order, with the ALU kind each names (null: the ADC). */
    static final Map<String, AluKind> COMPONENTS;

    static {
        Map<String, AluKind> c = new LinkedHashMap<>();
        c.put("ADC", null);
        c.put("SHIFTADD", AluKind.SHIFT_ADD);
        c.put("ADDITION", AluKind.ADD);
        c.put("POOL", AluKind.POOL);
        c.put("RELU", AluKind.RELU);
        c.put("SIGMOID", AluKind.SIGMOID);
        c.put("ELTWISE", AluKind.ELTWISE);
        COMPONENTS = Collections.unmodifiableMap(c);
    }

    /** Most units of one component a layer entry may state: far beyond any chip (AlexNet's states 432). */
    static final int MAX_UNITS = 1 << 24;

    public OriginalDesign {
        layers = Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /**
     * One layer of the design.
     *
     * @param macroSharing the layer sharing its macros, empty for {@code "None"}; absent (null) with the partition
     * @param units        the stated units by the original's component name ({@code ADC}, {@code SHIFTADD}, ...), in
     *                     the file's order
     */
    public record Entry(String name, String path, int duplication, Integer macroNum, String macroSharing,
            Integer macroSize, Map<String, Integer> units) {
        public Entry {
            units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        }

        /** Whether the entry has a macro partition, as the original writes for weight layers. */
        public boolean partitioned() {
            return macroNum != null;
        }

        /** The layer it shares its macros with, if any. */
        public Optional<String> partner() {
            return macroSharing == null || macroSharing.isEmpty() ? Optional.empty() : Optional.of(macroSharing);
        }

        /** JSON path of one of its fields. */
        public String pathOf(String field) {
            return path + "." + field;
        }
    }

    /** Reads and checks the file's shape (not yet against a network or a library). */
    public static OriginalDesign read(Path file) {
        String source = file.toString();
        return parse(InputFiles.readJson(file, "original PIMSYN design"), source);
    }

    /** Parses design text; {@code source} names it in messages. */
    public static OriginalDesign parse(String text, String source) {
        JsonNode root = JsonObjectFields.parse(text, source);
        if (!root.isObject()) {
            throw new InputException(source + ": $: expected an object (the original PIMSYN tool's design), found "
                    + (root.isArray() ? "an array"
                            : "a " + root.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        for (String key : DESIGN_KEYS) {
            if (!root.has(key)) {
                throw new InputException(source + ": $." + key + ": missing; an original PIMSYN design has "
                        + String.join(", ", DESIGN_KEYS) + " and one entry per layer");
            }
        }
        double ratio = number(source, "$.rram_ratio", root.get("rram_ratio"));
        if (!(ratio > 0 && ratio < 1)) {
            throw new InputException(source + ": $.rram_ratio: must be > 0 and < 1, found " + ratio);
        }
        double efficiency = number(source, "$.power_efficiency", root.get("power_efficiency"));
        Map<String, Entry> layers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (DESIGN_KEYS.contains(field.getKey())) {
                continue;
            }
            layers.put(field.getKey(), entry(source, field.getKey(), field.getValue()));
        }
        if (layers.isEmpty()) {
            throw new InputException(source + ": $: no layer entries; the original PIMSYN tool writes one per layer");
        }
        return new OriginalDesign(source, ratio, integer(source, root, "rram_res", 1, 32),
                integer(source, root, "xbar_size", 1, 1 << 16), integer(source, root, "dac_res", 1, 32),
                integer(source, root, "adc_res", 1, 32), integer(source, root, "macro_h", 1, 4096),
                integer(source, root, "macro_w", 1, 4096), integer(source, root, "spm_capacity", 1, 1 << 24),
                efficiency, layers);
    }

    private static Entry entry(String source, String name, JsonNode node) {
        String path = "$['" + name.replace("'", "\\'") + "']";
        if (!node.isObject()) {
            throw new InputException(source + ": " + path + ": expected a layer entry (an object), found "
                    + describe(node) + "; the design's own keys are " + String.join(", ", DESIGN_KEYS));
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("duplication") && !PARTITION_KEYS.contains(key) && !COMPONENTS.containsKey(key)) {
                throw new InputException(source + ": " + path + "." + key + ": unknown key; allowed: duplication, "
                        + String.join(", ", PARTITION_KEYS) + ", " + String.join(", ", COMPONENTS.keySet()));
            }
        }
        if (!node.has("duplication")) {
            throw new InputException(source + ": " + path + ".duplication: missing; expected an integer >= 1");
        }
        int duplication = integerAt(source, path + ".duplication", node.get("duplication"), 1, Integer.MAX_VALUE);
        long partitionKeys = PARTITION_KEYS.stream().filter(node::has).count();
        Integer macroNum = null;
        String sharing = null;
        Integer macroSize = null;
        if (partitionKeys > 0) {
            for (String key : PARTITION_KEYS) {
                if (!node.has(key)) {
                    throw new InputException(source + ": " + path + "." + key + ": missing; a weight layer's entry "
                            + "has all of " + String.join(", ", PARTITION_KEYS));
                }
            }
            macroNum = integerAt(source, path + ".macro_num", node.get("macro_num"), 1, 1 << 24);
            macroSize = integerAt(source, path + ".macro_size", node.get("macro_size"), 1, Integer.MAX_VALUE);
            JsonNode s = node.get("macro_sharing");
            if (!s.isTextual() || s.textValue().isBlank()) {
                throw new InputException(source + ": " + path + ".macro_sharing: expected \"None\" or the name of "
                        + "a layer, found " + describe(s));
            }
            sharing = s.textValue().equals("None") ? "" : s.textValue();
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        for (String component : COMPONENTS.keySet()) {
            if (node.has(component)) {
                units.put(component, integerAt(source, path + "." + component, node.get(component), 0, MAX_UNITS));
            }
        }
        return new Entry(name, path, duplication, macroNum, sharing, macroSize, units);
    }

    private static int integer(String source, JsonNode root, String key, int min, int max) {
        return integerAt(source, "$." + key, root.get(key), min, max);
    }

    private static double number(String source, String path, JsonNode value) {
        if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new InputException(source + ": " + path + ": expected a finite number, found " + describe(value));
        }
        return value.doubleValue();
    }
}
