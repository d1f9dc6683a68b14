package org.pimsyn.synth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
