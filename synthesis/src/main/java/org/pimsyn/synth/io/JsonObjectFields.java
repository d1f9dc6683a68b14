package org.pimsyn.synth.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pimsyn.synth.InputException;

/**
 * Reads the fields of one JSON object strictly: every key must be declared, every declared required key
 * present, every value of the declared type and range. Each failure is an {@link InputException} whose one-line
 * message reads {@code <file>: <JSON path>: <what is wrong and what is allowed>}, for instance
 * {@code default.json: $.crossbars[3].dynamicPowerMw: must be > 0, found -1}.
 */
public final class JsonObjectFields {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;
    private final String path;
    private final JsonNode node;

    private JsonObjectFields(String file, String path, JsonNode node, Set<String> allowedKeys) {
        this.file = file;
        this.path = path;
        this.node = node;
        if (!node.isObject()) {
            throw new InputException(file + ": " + path + ": expected an object, found " + describe(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowedKeys.contains(key)) {
                throw new InputException(file + ": " + path + "." + key + ": unknown key"
                        + suggestion(key, allowedKeys) + "; allowed keys: " + String.join(", ", allowedKeys));
            }
        }
    }

    /**
     * Parses JSON text into a tree; duplicate keys and trailing content are errors, and so is malformed text,
     * reported with its line and column.
     */
    public static JsonNode parse(String text, String file) {
        try {
            JsonNode root = STRICT.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new InputException(file + ": empty file; expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            String what = JsonProblems.plain(e.getOriginalMessage());
            // Jackson names the input as "[Source: REDACTED ...; line: L, column: C]"; only the position helps.
            what = what.replaceAll("\\[Source: [^\\]]*?(line: \\d+, column: \\d+)\\]", "$1");
            throw new InputException(file + ": " + where + "malformed JSON: " + what, e);
        }
    }

    /** The root object of a document, which may hold only the given keys. */
    public static JsonObjectFields root(String file, JsonNode root, String... allowedKeys) {
        return new JsonObjectFields(file, "$", root, keySet(allowedKeys));
    }

    public String file() {
        return file;
    }

    /** The JSON path of a key of this object, such as {@code $.noc.routerPowerMw}. */
    public String pathOf(String key) {
        return path + "." + key;
    }

    /** An error about one key of this object. */
    public InputException error(String key, String what) {
        return new InputException(file + ": " + pathOf(key) + ": " + what);
    }

    /** An error about this object as a whole. */
    public InputException error(String what) {
        return new InputException(file + ": " + path + ": " + what);
    }

    public JsonObjectFields object(String key, String... allowedKeys) {
        return new JsonObjectFields(file, pathOf(key), required(key, "an object"), keySet(allowedKeys));
    }

    /** A non-empty array of objects, each of which may hold only the given keys. */
    public List<JsonObjectFields> objects(String key, String... allowedKeys) {
        JsonNode array = nonEmptyArray(key, "objects");
        Set<String> allowed = keySet(allowedKeys);
        List<JsonObjectFields> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(new JsonObjectFields(file, pathOf(key) + "[" + i + "]", array.get(i), allowed));
        }
        return out;
    }

    /** Whether this object holds the key (an optional field). */
    public boolean has(String key) {
        return node.has(key);
    }

    public String text(String key) {
        JsonNode value = required(key, "a string");
        if (!value.isTextual()) {
            throw error(key, "expected a string, found " + describe(value));
        }
        if (value.textValue().isBlank()) {
            throw error(key, "must not be blank");
        }
        return value.textValue();
    }

    public Optional<String> optionalText(String key) {
        return node.has(key) ? Optional.of(text(key)) : Optional.empty();
    }

    /** A finite number strictly greater than zero. */
    public double positive(String key) {
        return positiveValue(required(key, "a number > 0"), pathOf(key));
    }

    public Optional<Double> optionalPositive(String key) {
        return node.has(key) ? Optional.of(positive(key)) : Optional.empty();
    }

    /** A finite number >= 0. */
    public double nonNegative(String key) {
        JsonNode value = required(key, "a number >= 0");
        double v = finiteNumber(value, pathOf(key));
        if (!(v >= 0)) {
            throw error(key, "must be >= 0, found " + value.asText());
        }
        return v;
    }

    /** A finite number in [min, max], or in (min, max) where the bounds are exclusive. */
    public double number(String key, double min, double max, boolean exclusiveBounds) {
        JsonNode value = required(key, "a number");
        return numberIn(value, pathOf(key), min, max, exclusiveBounds);
    }

    /** An integer in [min, max]. */
    public int integer(String key, int min, int max) {
        return integerIn(required(key, "an integer"), pathOf(key), min, max);
    }

    /** A non-empty array of integers, each in [min, max], strictly increasing. */
    public int[] increasingIntegers(String key, int min, int max) {
        JsonNode array = nonEmptyArray(key, "integers");
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            String at = pathOf(key) + "[" + i + "]";
            out[i] = integerIn(array.get(i), at, min, max);
            if (i > 0 && out[i] <= out[i - 1]) {
                throw new InputException(file + ": " + at + ": " + out[i] + " does not follow " + out[i - 1]
                        + "; the list must be strictly increasing");
            }
        }
        return out;
    }

    /** A non-empty array of integers, each in [min, max]. */
    public int[] integers(String key, int min, int max) {
        JsonNode array = nonEmptyArray(key, "integers");
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integerIn(array.get(i), pathOf(key) + "[" + i + "]", min, max);
        }
        return out;
    }

    /** The value of a required key as it is, for readers that bind it themselves. */
    public JsonNode node(String key, String expected) {
        return required(key, expected);
    }

    /** A non-empty array of numbers, each in (min, max) exclusive, strictly increasing. */
    public double[] increasingNumbersBetween(String key, double minExclusive, double maxExclusive) {
        JsonNode array = nonEmptyArray(key, "numbers");
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            String at = pathOf(key) + "[" + i + "]";
            out[i] = numberIn(array.get(i), at, minExclusive, maxExclusive, true);
            if (i > 0 && out[i] <= out[i - 1]) {
                throw new InputException(file + ": " + at + ": " + out[i] + " does not follow " + out[i - 1]
                        + "; the list must be strictly increasing");
            }
        }
        return out;
    }

    private JsonNode required(String key, String expected) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw error(key, "missing; expected " + expected);
        }
        return value;
    }

    private JsonNode nonEmptyArray(String key, String elements) {
        JsonNode array = required(key, "an array of " + elements);
        if (!array.isArray()) {
            throw error(key, "expected an array of " + elements + ", found " + describe(array));
        }
        if (array.isEmpty()) {
            throw error(key, "must not be empty");
        }
        return array;
    }

    private double positiveValue(JsonNode value, String at) {
        double v = finiteNumber(value, at);
        if (!(v > 0)) {
            throw new InputException(file + ": " + at + ": must be > 0, found " + value.asText());
        }
        return v;
    }

    private double numberIn(JsonNode value, String at, double min, double max, boolean exclusive) {
        double v = finiteNumber(value, at);
        boolean inside = exclusive ? v > min && v < max : v >= min && v <= max;
        if (!inside) {
            String range = exclusive
                    ? "> " + plain(min) + " and < " + plain(max)
                    : "in [" + plain(min) + ", " + plain(max) + "]";
            throw new InputException(file + ": " + at + ": must be " + range + ", found " + value.asText());
        }
        return v;
    }

    private double finiteNumber(JsonNode value, String at) {
        if (!value.isNumber()) {
            throw new InputException(file + ": " + at + ": expected a number, found " + describe(value));
        }
        double v = value.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InputException(file + ": " + at + ": number out of range: " + value.asText());
        }
        return v;
    }

    private int integerIn(JsonNode value, String at, int min, int max) {
        return integerAt(file, at, value, min, max);
    }

    /**
     * An integer in [min, max] at a JSON path of a file read without this class's object walk (files of other
     * tools); errors as {@link #integer} gives them.
     */
    public static int integerAt(String file, String path, JsonNode value, int min, int max) {
        if (!value.isIntegralNumber()) {
            throw new InputException(file + ": " + path + ": expected an integer, found " + describe(value));
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new InputException(file + ": " + path + ": must be an integer in [" + min + ", " + max
                    + "], found " + value.asText());
        }
        return value.intValue();
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A JSON value in words for messages: "the string "..."", "the number 3", "an array", .... */
    public static String describe(JsonNode value) {
        if (value.isTextual()) {
            String t = value.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }

    private static String suggestion(String key, Set<String> allowed) {
        for (String candidate : allowed) {
            if (candidate.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return " (did you mean " + candidate + "?)";
            }
        }
        return "";
    }

    private static Set<String> keySet(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
