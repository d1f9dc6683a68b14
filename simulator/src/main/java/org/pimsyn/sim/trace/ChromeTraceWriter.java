package org.pimsyn.sim.trace;

import java.io.OutputStream;
import java.util.Arrays;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.engine.ResourceKind;
import org.pimsyn.sim.engine.SimulationStart;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;

/**
 * Writes a run as Chrome trace-event JSON (the JSON object form), which ui.perfetto.dev and chrome://tracing
 * open. A process per macro and one for the NoC; a thread per unit of each resource (one for an exclusive
 * server, one per unit of a pool, a running IR taking the lowest-numbered free unit); per IR execution one
 * complete event ({@code "ph":"X"}) on each unit it holds; queue depths as counter events ({@code "ph":"C"}).
 *
 * <p>{@code ts} and {@code dur} are microseconds, as the format defines them, written to the nanosecond: cycle c
 * lies at round(c / clock GHz) ns. Rounding every cycle edge (rather than every duration) keeps back-to-back
 * slices of one thread back to back; the exact cycles are in each slice's args. IRs holding no resource (a
 * TRANSFER within one macro) have no slice.
 */
public final class ChromeTraceWriter extends ResourceStateWriter {
    /** By code, so that a slice costs no enum lookup. */
    private static final String[] KIND_NAMES = new String[IrKind.values().length];
    private static final String[] ALU_LABELS = new String[AluKind.COUNT];

    static {
        for (IrKind k : IrKind.values()) {
            KIND_NAMES[k.code()] = k.name();
        }
        for (AluKind k : AluKind.values()) {
            ALU_LABELS[k.code()] = k.label();
        }
    }

    private IrProgram program;
    private double clockGhz;
    /** Whole nanoseconds per cycle, or 0 when a cycle is not a whole number of them. */
    private long nsPerCycle;
    private int[] pid;
    /** Index of a resource's first unit in {@link #unitFreeAt}; its thread id is that index + 1. */
    private int[] firstUnit;
    private long[] unitFreeAt;
    private String[] names;
    private boolean firstEvent = true;

    /** @param window the cycles kept; null for the whole run */
    public ChromeTraceWriter(OutputStream out, CycleWindow window) {
        super(out, window, false);
    }

    @Override
    void begin(SimulationStart s) {
        Accelerator acc = s.accelerator();
        program = s.program();
        clockGhz = acc.clockGhz();
        double period = 1.0 / clockGhz;
        long whole = Math.round(period);
        nsPerCycle = whole >= 1 && Math.abs(period - whole) <= 1e-9 * whole ? whole : 0;
        int macros = acc.macros().size();
        pid = new int[resourceCount];
        firstUnit = new int[resourceCount];
        names = new String[resourceCount];
        int units = 0;
        boolean noc = false;
        for (int r = 0; r < resourceCount; r++) {
            boolean link = resources.kind(r) == ResourceKind.NOC_LINK;
            noc |= link;
            pid[r] = link ? macros + 1 : resources.macro(r) + 1;
            firstUnit[r] = units;
            units += resources.capacity(r);
            names[r] = resources.name(r);
        }
        unitFreeAt = new long[units];
        Arrays.fill(unitFreeAt, Long.MIN_VALUE);

        out.put("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"pimsyn simulator\",\"clock_ghz\":")
                .put(Double.toString(clockGhz)).put(",\"images\":").put(s.images()).put(",\"irs\":")
                .put(program.size()).put(",\"resources\":").put(resourceCount).put(",\"window\":")
                .putJsonString(window.toString()).put("},\"traceEvents\":[");
        for (int m = 0; m < macros; m++) {
            Macro macro = acc.macros().get(m);
            process(m + 1, "macro " + m + " (row " + macro.row() + ", col " + macro.col() + ")");
        }
        if (noc) {
            process(macros + 1, "NoC");
        }
        for (int r = 0; r < resourceCount; r++) {
            int capacity = resources.capacity(r);
            for (int u = 0; u < capacity; u++) {
                int tid = firstUnit[r] + u + 1;
                metadata("thread_name", pid[r], tid).putJsonString(capacity == 1 ? names[r] : names[r] + "[" + u + "]")
                        .put("}}");
                metadata("thread_sort_index", pid[r], tid).put(tid).put("}}");
            }
        }
    }

    private void process(int id, String name) {
        metadata("process_name", id, 0).putJsonString(name).put("}}");
        metadata("process_sort_index", id, 0).put(id).put("}}");
    }

    private AsciiSink metadata(String what, int processId, int threadId) {
        return event().put("\"name\":\"").put(what).put("\",\"ph\":\"M\",\"pid\":").put(processId).put(",\"tid\":")
                .put(threadId).put(",\"args\":{\"").put(what.endsWith("name") ? "name" : "sort_index").put("\":");
    }

    @Override
    void executionStarted(long cycle, long endCycle, int image, int ir, int[] held, int offset, int count) {
        long from = Math.max(cycle, window.startCycle());
        long to = Math.min(endCycle, window.endCycle());
        for (int k = offset, last = offset + count; k < last; k++) {
            int r = held[k];
            int unit = takeUnit(r, cycle, endCycle);
            if (from < to) {
                slice(r, unit, from, to, cycle, endCycle, image, ir);
            }
        }
    }

    private int takeUnit(int r, long cycle, long endCycle) {
        int first = firstUnit[r];
        int capacity = resources.capacity(r);
        for (int u = 0; u < capacity; u++) {
            if (unitFreeAt[first + u] <= cycle) {
                unitFreeAt[first + u] = endCycle;
                return u;
            }
        }
        throw new IllegalStateException("resource " + names[r] + " holds more IRs than its " + capacity
                + " units at cycle " + cycle);
    }

    private void slice(int r, int unit, long from, long to, long cycle, long endCycle, int image, int ir) {
        IrProgram p = program;
        int kind = p.kindCode(ir);
        int bit = p.bit(ir);
        long fromNs = nanoseconds(from);
        event().put("\"name\":\"").put(KIND_NAMES[kind]);
        if (kind == IrKind.ALU.code()) {
            out.put(' ').put(ALU_LABELS[p.aluKindCode(ir)]);
        }
        out.put(" L").put(p.layer(ir)).put(" b").put(p.block(ir));
        if (bit != IrProgram.NO_BIT) {
            out.put(" t").put(bit);
        }
        out.put("\",\"cat\":\"").put(KIND_NAMES[kind]).put("\",\"ph\":\"X\",\"pid\":").put(pid[r]).put(",\"tid\":")
                .put(firstUnit[r] + unit + 1).put(",\"ts\":");
        microseconds(fromNs).put(",\"dur\":");
        microseconds(nanoseconds(to) - fromNs).put(",\"args\":{\"ir\":").put(ir).put(",\"image\":").put(image)
                .put(",\"kind\":\"").put(KIND_NAMES[kind]).put("\",\"layer\":").put(p.layer(ir)).put(",\"block\":")
                .put(p.block(ir));
        if (bit != IrProgram.NO_BIT) {
            out.put(",\"bit\":").put(bit);
        }
        if (kind == IrKind.ALU.code()) {
            out.put(",\"aluop\":\"").put(ALU_LABELS[p.aluKindCode(ir)]).put('"');
        }
        out.put(kind == IrKind.MVM.code() ? ",\"xb_num\":" : ",\"vec_width\":").put(p.width(ir));
        if (kind == IrKind.TRANSFER.code()) {
            out.put(",\"src_macro\":").put(p.macro(ir)).put(",\"dst_macro\":").put(p.auxField(ir));
        } else if (kind == IrKind.MERGE.code()) {
            out.put(",\"dst_macro\":").put(p.macro(ir)).put(",\"src_macros\":[");
            int set = p.auxField(ir);
            for (int k = p.mergeSetStart(set); k < p.mergeSetStart(set + 1); k++) {
                if (k > p.mergeSetStart(set)) {
                    out.put(',');
                }
                out.put(p.mergeSetMacro(k));
            }
            out.put(']');
        }
        out.put(",\"start_cycle\":").put(cycle).put(",\"end_cycle\":").put(endCycle).put("}}");
    }

    /** The queues not empty at the window's start, so counter tracks start from the right value. */
    @Override
    void windowOpened() {
        for (int r = 0; r < resourceCount; r++) {
            if (queue(r) != 0) {
                counter(window.startCycle(), r);
            }
        }
    }

    @Override
    void changedInWindow(long cycle, int[] changed, int count) {
        for (int i = 0; i < count; i++) {
            int r = changed[i];
            if (queue(r) != previousQueue(r)) {
                counter(cycle, r);
            }
        }
    }

    private void counter(long cycle, int r) {
        event().put("\"name\":").putJsonString(names[r]).put(",\"ph\":\"C\",\"pid\":").put(pid[r]).put(",\"ts\":");
        microseconds(nanoseconds(cycle)).put(",\"args\":{\"queue\":").put(queue(r)).put("}}");
    }

    @Override
    void ended(long cycles) {
        out.put("\n]}\n");
    }

    /** Opens the next event on its own line, after a comma unless it is the first. */
    private AsciiSink event() {
        out.put(firstEvent ? "\n{" : ",\n{");
        firstEvent = false;
        return out;
    }

    private long nanoseconds(long cycle) {
        return nsPerCycle > 0 ? cycle * nsPerCycle : Math.round(cycle / clockGhz);
    }

    private AsciiSink microseconds(long ns) {
        return out.putFixed(ns, 3, true);
    }
}
