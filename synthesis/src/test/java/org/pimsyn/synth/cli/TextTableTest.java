package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsArePaddedAndNumbersRightAligned() {
        String table = new TextTable("name", "MACs", "note").alignRight(1)
                .row("a", TextTable.count(1234567), "x")
                .row("longer", "5", "")
                .render();
        assertEquals("""
                name         MACs  note
                a       1,234,567  x
                longer          5
                """, table);
    }

    @Test
    void countsUseCommasWhateverTheLocale() {
        assertEquals("15,470,264,320", TextTable.count(15_470_264_320L));
        assertEquals("-1,000", TextTable.count(-1000));
        assertEquals("0", TextTable.count(0));
    }

    @Test
    void rowsMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("only one"));
    }
}
