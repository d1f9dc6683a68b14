package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.ir.AluKind;

/**
 * Reads design files of format versions 1 and 2, which spelled the ALU kinds in upper case ({@code SHIFT_ADD}) and
 * their component classes in lower case ({@code alu.shift_add}). The tree is brought to the names of version 3 before
 * it is read; names that are not of version 2 are left for the reader to judge.
 */
final class DesignFormatV2 {
    /** Version 2's ALU kind names, in {@link AluKind} order. */
    private static final List<String> KIND_NAMES = List.of("SHIFT_ADD", "ADD", "POOL", "RELU", "SIGMOID", "ELTWISE");

    private DesignFormatV2() {
    }

    /** The kind a version 1 or 2 file names, or null. */
    static AluKind kind(String name) {
        int i = KIND_NAMES.indexOf(name);
        return i < 0 ? null : AluKind.ofCode(i);
    }

    /** Renames the ALU kinds and classes of a version 2 design tree, in place. */
    static void upgrade(ObjectNode root) {
        for (JsonNode macro : root.path("accelerator").path("macros")) {
            for (JsonNode alu : macro.path("alus")) {
                renameKind(alu, "kind");
            }
        }
        JsonNode library = root.path("componentLibrary");
        for (JsonNode entry : library.path("entries")) {
            renameClass(entry, "componentClass");
        }
        for (JsonNode c : library.path("classes")) {
            renameClass(c, "name");
            for (JsonNode action : c.path("actions")) {
                for (JsonNode trigger : action.path("countedOn")) {
                    renameKind(trigger, "alu");
                    if (trigger instanceof ObjectNode t) {
                        // Version 2 named one ALU kind or null (any); version 3 lists the kinds, empty for any.
                        JsonNode alu = t.remove("alu");
                        ArrayNode kinds = t.putArray("aluKinds");
                        if (alu != null && alu.isTextual()) {
                            kinds.add(alu.textValue());
                        }
                    }
                }
            }
        }
    }

    private static void renameKind(JsonNode node, String field) {
        AluKind kind = kind(node.path(field).asText());
        if (kind != null && node instanceof ObjectNode o) {
            o.put(field, kind.label());
        }
    }

    private static void renameClass(JsonNode node, String field) {
        String name = node.path(field).asText();
        for (int i = 0; i < KIND_NAMES.size(); i++) {
            if (name.equals("alu." + KIND_NAMES.get(i).toLowerCase(Locale.ROOT)) && node instanceof ObjectNode o) {
                o.put(field, "alu." + AluKind.ofCode(i).label());
            }
        }
    }
}
