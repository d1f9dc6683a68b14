package org.pimsyn.sim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Value change dumps of hand-worked runs from {@link TraceDesigns}, compared line by line and read back. */
class VcdWriterTest {
    /** The part after the declarations. */
    private static String values(String vcd) {
        String marker = "$enddefinitions $end\n";
        return vcd.substring(vcd.indexOf(marker) + marker.length());
    }

    @Test
    void aChainDeclaresAScopePerResourceAndDumpsEveryChangedCycleOnce() {
        TraceRun run = TraceRun.vcd(TraceDesigns.singleChain(), null);

        assertEquals("""
                $version pimsyn simulator $end
                $comment clock 1.0 GHz, one cycle = 1 time unit of 1 ns; images 1; cycles 0: $end
                $timescale 1 ns $end
                $scope module accelerator $end
                $scope module m0 $end
                $scope module crossbar_L0 $end
                $var wire 1 ! busy $end
                $var integer 32 " queue $end
                $upscope $end
                $scope module adc $end
                $var wire 1 # busy $end
                $var integer 32 $ queue $end
                $upscope $end
                $scope module alu_shiftAdd $end
                $var wire 1 % busy $end
                $var integer 32 & queue $end
                $upscope $end
                $scope module scratchpad $end
                $var wire 1 ' busy $end
                $var integer 32 ( queue $end
                $upscope $end
                $upscope $end
                $upscope $end
                $enddefinitions $end
                #0
                $dumpvars
                0!
                b0 "
                0#
                b0 $
                0%
                b0 &
                1'
                b0 (
                $end
                #4
                1!
                0'
                #16
                0!
                1#
                #48
                0#
                1%
                #64
                0%
                1'
                #72
                0'
                """, run.text());
    }

    @Test
    void changesWithinACycleCollapseToTheValueAtItsEnd() {
        // At 12 the bank takes the first ADC and keeps the second queued; at 22 it hands itself over (stays busy).
        TraceRun run = TraceRun.vcd(TraceDesigns.sharedAdcBank(), null);

        assertEquals("""
                #0
                $dumpvars
                1!
                b0 "
                1#
                b0 $
                0%
                b0 &
                0'
                b0 (
                $end
                #12
                0!
                0#
                1%
                b1 &
                #22
                b0 &
                #32
                0%
                """, values(run.text()));
    }

    @Test
    void aPoolsBusySignalCountsUnitsAndIntegratesToItsBusyUnitCycles() {
        // Two ports: both busy 0..6 (the third LOAD waits 0..4, then takes the first port), one busy 6..8.
        TraceRun run = TraceRun.vcd(TraceDesigns.poolOfTwoPorts(), null);

        assertEquals("""
                #0
                $dumpvars
                b10 !
                b1 "
                $end
                #4
                b0 "
                #6
                b1 !
                #8
                b0 !
                """, values(run.text()));
        VcdFile vcd = VcdFile.parse(run.text());
        assertEquals("integer", vcd.byPath.get("accelerator.m0.scratchpad.busy").type());
        assertEquals(14, vcd.integral("accelerator.m0.scratchpad.busy"));
        assertEquals(run.activity().busyCycles(0), vcd.integral("accelerator.m0.scratchpad.busy"));
    }

    @Test
    void aWindowStartsWithTheStateAtItsFirstCycleAndEndsWithATimeLineAtItsLast() {
        TraceRun run = TraceRun.vcd(TraceDesigns.singleChain(), CycleWindow.parse("20:60"));

        assertEquals("""
                #20
                $dumpvars
                0!
                b0 "
                1#
                b0 $
                0%
                b0 &
                0'
                b0 (
                $end
                #48
                0#
                1%
                #60
                """, values(run.text()));
        VcdFile vcd = VcdFile.parse(run.text());
        assertEquals(28, vcd.integral("accelerator.m0.adc.busy"), "ADC busy 16..48 seen from 20");
        assertEquals(12, vcd.integral("accelerator.m0.alu_shiftAdd.busy"), "ALU busy 48..64 seen until 60");
    }

    @Test
    void aWindowAfterTheRunHoldsTheIdleStateOnly() {
        TraceRun run = TraceRun.vcd(TraceDesigns.singleChain(), CycleWindow.parse("100:"));

        assertEquals("""
                #100
                $dumpvars
                0!
                b0 "
                0#
                b0 $
                0%
                b0 &
                0'
                b0 (
                $end
                """, values(run.text()));
    }

    @Test
    void theTimescaleIsTheLargestAllowedUnitDividingTheClockPeriod() {
        assertTimescale(1.0, "1 ns", 1);
        assertTimescale(0.5, "1 ns", 2);
        assertTimescale(0.1, "10 ns", 1);
        assertTimescale(1.25, "100 ps", 8);
        assertTimescale(4.0, "10 ps", 25);
        VcdTimescale inexact = VcdTimescale.of(1.2);
        assertEquals("1 ps", inexact.unit());
        assertFalse(inexact.exact());
        assertEquals(833, inexact.time(1), "833.33 ps");
        assertEquals(2500, inexact.time(3));
        assertEquals(8333, inexact.time(10), "rounded per edge, not per cycle");
    }

    private static void assertTimescale(double clockGhz, String unit, long unitsPerCycle) {
        VcdTimescale ts = VcdTimescale.of(clockGhz);
        assertEquals(unit, ts.unit(), clockGhz + " GHz");
        assertTrue(ts.exact());
        assertEquals(unitsPerCycle, ts.time(1), clockGhz + " GHz");
        assertEquals(1000 * unitsPerCycle, ts.time(1000));
    }

    @Test
    void identifiersArePrintableDistinctAndShort() {
        assertEquals("!", VcdWriter.identifier(0));
        assertEquals("~", VcdWriter.identifier(93));
        assertEquals("!!", VcdWriter.identifier(94));
        assertEquals("~~", VcdWriter.identifier(94 + 94 * 94 - 1));
        assertEquals("!!!", VcdWriter.identifier(94 + 94 * 94));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = VcdWriter.identifier(i);
            assertTrue(seen.add(id), "identifier of " + i + " repeats");
            assertTrue(id.chars().allMatch(ch -> ch >= '!' && ch <= '~'));
            assertTrue(id.length() <= 3);
        }
    }

    @Test
    void resourceScopesAreVcdNames() {
        assertEquals("crossbar_L2", VcdWriter.scopeName("m3.crossbar.L2"));
        assertEquals("alu_shiftAdd", VcdWriter.scopeName("m3.alu.shiftAdd"));
        assertEquals("r0c1_to_r0c2", VcdWriter.scopeName("noc.r0c1>r0c2"));
    }
}
