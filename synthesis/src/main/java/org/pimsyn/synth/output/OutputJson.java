package org.pimsyn.synth.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.StringJoiner;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.JsonProblems;

/**
 * The JSON conventions of the output files: records written in component order with Jackson's indented layout,
 * and records read back strictly (no unknown key, no missing or null field, no number given as text or a
 * fraction where an integer is expected), each mistake an {@link InputException} naming the file and JSON path.
 */
final class OutputJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** One JSON value per line, as the {@code .jsonl} files hold them. */
    private static final ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private OutputJson() {
    }

    /** Compact text on one line, without a final newline. */
    static String line(JsonNode tree) {
        try {
            return COMPACT.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented text with a final newline. */
    static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Binds a subtree to a type.
     *
     * @param path JSON path of the subtree, such as {@code $.accelerator}
     */
    static <T> T read(JsonNode node, Class<T> type, String file, String path) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new InputException(file + ": " + path + pathOf(e) + ": " + what(e, find(node, e)), e);
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + path + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    /** The value the exception is about, or a missing node where the path leads nowhere. */
    private static JsonNode find(JsonNode root, JsonMappingException e) {
        JsonNode at = root;
        for (JsonMappingException.Reference r : e.getPath()) {
            at = r.getFieldName() != null ? at.path(r.getFieldName()) : at.path(r.getIndex());
        }
        return at;
    }

    private static String what(JsonMappingException e, JsonNode found) {
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return firstLine(e.getCause().getMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            StringJoiner known = new StringJoiner(", ");
            if (u.getKnownPropertyIds() != null) {
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            }
            return "unknown key; allowed keys: " + known;
        }
        if (found.isMissingNode()) {
            return "missing";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + typeName(m.getTargetType()) + ", found " + describe(found);
        }
        return firstLine(e.getOriginalMessage());
    }

    private static String describe(JsonNode value) {
        if (value.isTextual()) {
            String t = value.textValue();
            return "the string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (value.isNumber() || value.isBoolean()) {
            return "the " + (value.isNumber() ? "number " : "boolean ") + value.asText();
        }
        if (value.isNull()) {
            return "null";
        }
        return value.isArray() ? "an array" : "an object";
    }

    private static String typeName(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            StringJoiner values = new StringJoiner(", ");
            for (Object c : type.getEnumConstants()) {
                values.add(MAPPER.valueToTree(c).asText());
            }
            return "one of " + values;
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == String.class) {
            return "a string";
        }
        return "an object";
    }

    private static String firstLine(String message) {
        return message == null ? "" : JsonProblems.plain(message);
    }
}
