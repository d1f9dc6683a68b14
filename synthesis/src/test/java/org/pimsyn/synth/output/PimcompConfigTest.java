package org.pimsyn.synth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PimcompConfigTest {
    @Test
    void gridRowsIsTheCeilingOfTheSquareRoot() {
        assertEquals(1, PimcompConfig.gridRows(1));
        assertEquals(2, PimcompConfig.gridRows(2));
        assertEquals(2, PimcompConfig.gridRows(4));
        assertEquals(3, PimcompConfig.gridRows(5));
        assertEquals(16, PimcompConfig.gridRows(256));
        assertEquals(15, PimcompConfig.gridRows(200));
        assertEquals(46341, PimcompConfig.gridRows(Integer.MAX_VALUE));
        for (int n = 1; n < 5000; n++) {
            int r = PimcompConfig.gridRows(n);
            int c = (n + r - 1) / r;
            assertTrue((long) r * r >= n && (long) (r - 1) * (r - 1) < n, "n " + n);
            assertTrue(c <= r && (long) r * c >= n, "n " + n);
        }
    }

    @Test
    void smallDesignHoldsItsLargestMacroOf32CrossbarsInASixBySixGrid() {
        PimcompConfig c = PimcompConfig.of(SmallDesign.design());
        assertEquals(new PimcompConfig(2, 256, 256, 2, 2, 6, 6), c);
        assertEquals("""
                {
                  "CellPrecision" : 2,
                  "CrossbarH" : 256,
                  "CrossbarW" : 256,
                  "ChipH" : 2,
                  "ChipW" : 2,
                  "CoreH" : 6,
                  "CoreW" : 6
                }
                """, c.toJson());
    }
}
