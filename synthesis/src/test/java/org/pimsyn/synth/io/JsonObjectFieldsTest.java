package org.pimsyn.synth.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.InputException;

class JsonObjectFieldsTest {
    private static JsonObjectFields fields(String json, String... keys) {
        return JsonObjectFields.root("f.json", JsonObjectFields.parse(json, "f.json"), keys);
    }

    private static String message(Runnable r) {
        return assertThrows(InputException.class, r::run).getMessage();
    }

    @Test
    void readsTypedValuesOfDeclaredKeys() {
        JsonObjectFields f = fields("{\"a\": 2, \"b\": 0.5, \"c\": \"x\", \"d\": [1, 3, 8], \"e\": [0.1, 0.2]}",
                "a", "b", "c", "d", "e", "opt");
        assertEquals(2, f.integer("a", 1, 4));
        assertEquals(0.5, f.positive("b"));
        assertEquals(0.5, f.number("b", 0, 1, true));
        assertEquals("x", f.text("c"));
        assertArrayEquals(new int[] {1, 3, 8}, f.increasingIntegers("d", 1, 8));
        assertArrayEquals(new double[] {0.1, 0.2}, f.increasingNumbersBetween("e", 0, 1));
        assertEquals(Optional.empty(), f.optionalText("opt"));
        assertEquals(Optional.empty(), f.optionalPositive("opt"));
        assertEquals("$.b", f.pathOf("b"));
    }

    @Test
    void integersOutOfRangeNameTheRange() {
        JsonObjectFields f = fields("{\"a\": 5, \"big\": 3000000000}", "a", "big");
        assertEquals("f.json: $.a: must be an integer in [1, 4], found 5", message(() -> f.integer("a", 1, 4)));
        assertEquals("f.json: $.big: must be an integer in [1, 4], found 3000000000",
                message(() -> f.integer("big", 1, 4)));
    }

    @Test
    void listsMustIncreaseStrictly() {
        JsonObjectFields f = fields("{\"d\": [1, 3, 3]}", "d");
        assertEquals("f.json: $.d[2]: 3 does not follow 3; the list must be strictly increasing",
                message(() -> f.increasingIntegers("d", 1, 8)));
    }

    @Test
    void nonNegativeAcceptsZeroAndRejectsNegatives() {
        JsonObjectFields f = fields("{\"z\": 0, \"n\": -0.5}", "z", "n");
        assertEquals(0.0, f.nonNegative("z"));
        assertEquals("f.json: $.n: must be >= 0, found -0.5", message(() -> f.nonNegative("n")));
    }

    @Test
    void nestedObjectsCarryTheirPath() {
        JsonObjectFields f = fields("{\"o\": {\"list\": [{\"k\": true}]}}", "o");
        JsonObjectFields inner = f.object("o", "list").objects("list", "k").get(0);
        assertEquals("f.json: $.o.list[0].k: expected a number, found the boolean true",
                message(() -> inner.positive("k")));
    }

    @Test
    void malformedTextNamesLineAndColumn() {
        String m = message(() -> JsonObjectFields.parse("{\"a\": 1,\n \"b\" 2}", "f.json"));
        assertTrue(m.startsWith("f.json: line 2, column 6: malformed JSON: Unexpected character"), m);
    }

    @Test
    void unexpectedEndNamesWhereTheUnclosedObjectStarts() {
        String m = message(() -> JsonObjectFields.parse("{\"a\": 1", "f.json"));
        assertEquals("f.json: line 1, column 8: malformed JSON: Unexpected end-of-input: expected close marker "
                + "for Object (start marker at line: 1, column: 1)", m);
    }
}
