package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The fuzzing tests' means: how a command line must end on a damaged input, and damaged copies of valid input files: cut short, bytes flipped, a number or string replaced
 * by an extreme value or another type, a key dropped, or a value buried under thousands of brackets.
 */
public final class Fuzzing {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEST = "@@nest@@";
    /** Values put in place of a number or string: extremes, wrong signs, not-a-number, other types. */
    private static final String[] REPLACEMENTS = {"1e308", "-1e308", "1e-308", "0", "-1", "-2147483649",
        "2147483648", "99999999999999999999999", "1.5", "NaN", "Infinity", "\"x\"", "\"\"", "null", "true", "[]",
        "{}", "[1, 2]", "4.9e-324"};

    private Fuzzing() {
    }

    /** Per case: the readers answer in milliseconds; this only catches a hang or a runaway allocation. */
    public static final Duration PER_CASE = Duration.ofSeconds(10);

    /** Runs one command line on one damaged file: exit code 0, or 2 with one line of the user's words. */
    public static void endsCleanly(String what, String... args) {
        CliRun run = assertTimeoutPreemptively(PER_CASE, () -> CliRun.of(args), what);
        if (run.exitCode() == Main.EXIT_OK) {
            assertFalse(run.err().contains("\tat "), what + ": " + run.err());
            return;
        }
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), what + ": " + run.err());
        assertEquals(1, run.err().strip().lines().count(), what + ": " + run.err());
        assertTrue(run.err().startsWith("pimsyn " + args[0] + ": "), what + ": " + run.err());
        assertLeaksNothing(what, run.err());
    }

    /** Words of the libraries underneath, which mean nothing to a user. */
    public static void assertLeaksNothing(String what, String message) {
        for (String internal : new String[] {"Exception", "com.fasterxml", "JsonReadFeature", "StreamReadFeature",
                "StreamReadConstraints", "protobuf.", "java.lang", "\tat "}) {
            assertFalse(message.contains(internal), what + ": " + message);
        }
    }

    /** Cut at a random byte. */
    public static byte[] truncate(byte[] bytes, Random random) {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }

    /** One to four random bytes set to random values. */
    public static byte[] flipBytes(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    /** A random one of the mutations of JSON text, the byte-level ones included. */
    public static byte[] json(String text, Random random) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return switch (random.nextInt(6)) {
            case 0 -> truncate(bytes, random);
            case 1 -> flipBytes(bytes, random);
            case 2, 3 -> replaceValue(text, random).getBytes(StandardCharsets.UTF_8);
            case 4 -> dropKey(text, random).getBytes(StandardCharsets.UTF_8);
            default -> nest(text, random).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** A number, string or boolean of the document replaced by one of {@link #REPLACEMENTS}. */
    static String replaceValue(String text, Random random) {
        JsonNode root = tree(text);
        List<Slot> leaves = new ArrayList<>();
        collect(root, leaves, false);
        if (leaves.isEmpty()) {
            return text;
        }
        leaves.get(random.nextInt(leaves.size())).set(new TextNode(NEST));
        return write(root).replace("\"" + NEST + "\"", REPLACEMENTS[random.nextInt(REPLACEMENTS.length)]);
    }

    /** A key of some object removed. */
    static String dropKey(String text, Random random) {
        JsonNode root = tree(text);
        List<Slot> fields = new ArrayList<>();
        collect(root, fields, true);
        fields.removeIf(s -> s.key == null);
        if (fields.isEmpty()) {
            return text;
        }
        Slot s = fields.get(random.nextInt(fields.size()));
        ((ObjectNode) s.parent).remove(s.key);
        return write(root);
    }

    /** Some value, container or leaf, put under 100 to 20,000 levels of arrays. */
    static String nest(String text, Random random) {
        JsonNode root = tree(text);
        List<Slot> all = new ArrayList<>();
        collect(root, all, true);
        if (all.isEmpty()) {
            return text;
        }
        all.get(random.nextInt(all.size())).set(new TextNode(NEST));
        int depth = 100 + random.nextInt(20_000);
        return write(root).replace("\"" + NEST + "\"", "[".repeat(depth) + "1" + "]".repeat(depth));
    }

    /** A place in a container: a key of an object or an index of an array. */
    private record Slot(ContainerNode<?> parent, String key, int index) {
        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> out, boolean containersToo) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (containersToo || e.getValue().isValueNode()) {
                    out.add(new Slot(o, e.getKey(), -1));
                }
                collect(e.getValue(), out, containersToo);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (containersToo || a.get(i).isValueNode()) {
                    out.add(new Slot(a, null, i));
                }
                collect(a.get(i), out, containersToo);
            }
        }
    }

    private static JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the seed file is not JSON", e);
        }
    }

    private static String write(JsonNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
