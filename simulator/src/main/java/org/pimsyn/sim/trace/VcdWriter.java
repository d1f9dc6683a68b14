package org.pimsyn.sim.trace;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.io.OutputStream;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.SimulationStart;

/**
 * Writes a run as an IEEE 1364 value change dump, which GTKWave opens. Scopes {@code accelerator.m<k>} per macro
 * and {@code accelerator.noc}, in them one scope per resource with two variables: {@code busy} (a 1-bit wire for an
 * exclusive server, an integer count of units in use for a pool) and {@code queue} (an integer, IRs waiting for
 * it). Time: see {@link VcdTimescale}. Changes within one cycle are collapsed to the value at its end; a
 * {@code #time} line is written only when some value changes; the dump starts with every value at the window's
 * first cycle and ends with a time line at its last.
 */
public final class VcdWriter extends ResourceStateWriter {
    private static final int FIRST_ID_CHAR = '!';
    private static final int ID_CHARS = '~' - '!' + 1;

    private VcdTimescale timescale;
    private String[] busyId;
    private String[] queueId;
    private boolean[] pool;
    private long lastTimeCycle = -1;

    /** @param window the cycles kept; null for the whole run */
    public VcdWriter(OutputStream out, CycleWindow window) {
        super(out, window, true);
    }

    /** Short identifier codes: base 94 over the printable characters {@code !} to {@code ~}. */
    static String identifier(int index) {
        StringBuilder sb = new StringBuilder(4);
        int i = index;
        do {
            sb.append((char) (FIRST_ID_CHAR + i % ID_CHARS));
            i = i / ID_CHARS - 1;
        } while (i >= 0);
        return sb.toString();
    }

    @Override
    void begin(SimulationStart s) {
        timescale = VcdTimescale.of(s.accelerator().clockGhz());
        busyId = new String[resourceCount];
        queueId = new String[resourceCount];
        pool = new boolean[resourceCount];
        int macros = s.accelerator().macros().size();
        IntArrayList[] byScope = new IntArrayList[macros + 1];
        for (int i = 0; i <= macros; i++) {
            byScope[i] = new IntArrayList();
        }
        for (int r = 0; r < resourceCount; r++) {
            busyId[r] = identifier(2 * r);
            queueId[r] = identifier(2 * r + 1);
            pool[r] = resources.capacity(r) > 1;
            byScope[resources.kind(r) == ResourceKind.NOC_LINK ? macros : resources.macro(r)].add(r);
        }
        out.put("$version pimsyn simulator $end\n$comment clock ").put(Double.toString(s.accelerator().clockGhz()))
                .put(" GHz, ").put(timescale.describe()).put("; images ").put(s.images()).put("; cycles ")
                .put(window.toString()).put(" $end\n$timescale ").put(timescale.unit()).put(" $end\n")
                .put("$scope module accelerator $end\n");
        for (int m = 0; m <= macros; m++) {
            if (byScope[m].isEmpty()) {
                continue;
            }
            out.put("$scope module ").put(m == macros ? "noc" : "m" + m).put(" $end\n");
            for (int r : byScope[m]) {
                out.put("$scope module ").put(scopeName(resources.name(r))).put(" $end\n");
                out.put(pool[r] ? "$var integer 32 " : "$var wire 1 ").put(busyId[r]).put(" busy $end\n");
                out.put("$var integer 32 ").put(queueId[r]).put(" queue $end\n$upscope $end\n");
            }
            out.put("$upscope $end\n");
        }
        out.put("$upscope $end\n$enddefinitions $end\n");
    }

    /** {@code m0.crossbar.L2} is {@code crossbar_L2} inside scope m0; {@code noc.r0c1>r0c2} is {@code r0c1_to_r0c2}. */
    static String scopeName(String resourceName) {
        return resourceName.substring(resourceName.indexOf('.') + 1).replace(".", "_").replace(">", "_to_");
    }

    @Override
    void changedInWindow(long cycle, int[] changed, int count) {
        for (int i = 0; i < count; i++) {
            int r = changed[i];
            if (lastTimeCycle < cycle) {
                time(cycle);
            }
            if (busy(r) != previousBusy(r)) {
                busyValue(r);
            }
            if (queue(r) != previousQueue(r)) {
                integer(queue(r), queueId[r]);
            }
        }
    }

    /** Every value at the window's first cycle. */
    @Override
    void windowOpened() {
        time(window.startCycle());
        out.put("$dumpvars\n");
        for (int r = 0; r < resourceCount; r++) {
            busyValue(r);
            integer(queue(r), queueId[r]);
        }
        out.put("$end\n");
    }

    private void time(long cycle) {
        lastTimeCycle = cycle;
        out.put('#').put(timescale.time(cycle)).put('\n');
    }

    private void busyValue(int r) {
        if (pool[r]) {
            integer(busy(r), busyId[r]);
        } else {
            out.put(busy(r) > 0 ? '1' : '0').put(busyId[r]).put('\n');
        }
    }

    private void integer(int value, String id) {
        out.put('b');
        if (value == 0) {
            out.put('0');
        } else {
            for (int bit = 31 - Integer.numberOfLeadingZeros(value); bit >= 0; bit--) {
                out.put((value >>> bit & 1) == 0 ? '0' : '1');
            }
        }
        out.put(' ').put(id).put('\n');
    }

    @Override
    void ended(long cycles) {
        long end = Math.min(window.endCycle(), cycles);
        if (end > lastTimeCycle) {
            time(end);
        }
    }
}
