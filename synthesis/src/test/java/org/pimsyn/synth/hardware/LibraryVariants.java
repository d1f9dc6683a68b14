package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/** Edited copies of the built-in library file, for tests of what the reader rejects. */
final class LibraryVariants {
    static final ObjectMapper JSON = new ObjectMapper();

    private LibraryVariants() {
    }

    static String defaultText() {
        try (InputStream in = LibraryVariants.class.getResourceAsStream(HardwareLibraryReader.BUILT_IN_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode defaultTree() {
        try {
            return (ObjectNode) JSON.readTree(defaultText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The default library with one edit, as JSON text. */
    static String edited(Consumer<ObjectNode> edit) {
        ObjectNode root = defaultTree();
        edit.accept(root);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode at(ObjectNode root, String... steps) {
        JsonNode node = root;
        for (String step : steps) {
            node = step.matches("\\d+") ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return (ObjectNode) node;
    }

    static ArrayNode array(ObjectNode root, String... steps) {
        JsonNode node = root;
        for (String step : steps) {
            node = node.get(step);
        }
        return (ArrayNode) node;
    }

    /** A value somewhere in the tree: its JSON path, the object or array holding it, and its key or index. */
    record Leaf(String path, JsonNode parent, String key, int index, JsonNode value) {
        void set(JsonNode replacement) {
            if (parent instanceof ObjectNode o) {
                o.set(key, replacement);
            } else {
                ((ArrayNode) parent).set(index, replacement);
            }
        }
    }

    /** Every value of the tree that is not an object or array, depth first. */
    static List<Leaf> leaves(JsonNode root) {
        List<Leaf> out = new ArrayList<>();
        collect("$", root, out);
        return out;
    }

    /** Every key of every object of the tree, as (path of the key, holding object, key). */
    static List<Leaf> keys(JsonNode root) {
        List<Leaf> out = new ArrayList<>();
        collectKeys("$", root, out);
        return out;
    }

    private static void collect(String path, JsonNode node, List<Leaf> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                JsonNode child = node.get(key);
                if (child.isContainerNode()) {
                    collect(path + "." + key, child, out);
                } else {
                    out.add(new Leaf(path + "." + key, node, key, -1, child));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isContainerNode()) {
                    collect(path + "[" + i + "]", child, out);
                } else {
                    out.add(new Leaf(path + "[" + i + "]", node, null, i, child));
                }
            }
        }
    }

    private static void collectKeys(String path, JsonNode node, List<Leaf> out) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                out.add(new Leaf(path + "." + key, node, key, -1, node.get(key)));
                collectKeys(path + "." + key, node.get(key), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(path + "[" + i + "]", node.get(i), out);
            }
        }
    }
}
