package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void numbersKeepSixSignificantDigitsWithoutTrailingZeros() {
        assertEquals("108", TextTable.number(1.08 * 100));
        assertEquals("0.3", TextTable.number(0.1 + 0.2));
        assertEquals("0.0001", TextTable.number(1e-4));
        assertEquals("0.583333", TextTable.number(7.0 * 32 / 384));
        assertEquals("25000000000", TextTable.number(2.5e10));
        assertEquals("13.6025", TextTable.number(13.6025));
        assertEquals("-2", TextTable.number(-2.0));
    }

    @Test
    void columnsAreAlignedToTheWidestCell() {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        TextTable.withHeader("a", "bb", "c").row("xxx", 1, 2.5).row("y", 22.0, "z").print(out, "  ");
        out.flush();
        assertEquals("  a    bb  c\n  xxx  1   2.5\n  y    22  z\n", text.toString().replace("\r\n", "\n"));
    }

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
    void plainTablesHaveNoHeaderLine() {
        assertEquals("a    1\nbcd  22\n", TextTable.plain().row("a", 1).row("bcd", 22).render());
    }

    @Test
    void countsUseCommasWhateverTheLocale() {
        assertEquals("15,470,264,320", TextTable.count(15_470_264_320L));
        assertEquals("-1,000", TextTable.count(-1000));
        assertEquals("0", TextTable.count(0));
    }

    @Test
    void rowsWithAHeaderMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new TextTable("a", "b").row("only one"));
    }
}
