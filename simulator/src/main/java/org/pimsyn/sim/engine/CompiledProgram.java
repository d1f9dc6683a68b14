package org.pimsyn.sim.engine;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.component.Quantity;
import org.pimsyn.sim.count.IrTallies;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.timing.TimingRules;

/**
 * An IR program bound to a design: per IR its duration in cycles and the set of resources it holds, the
 * resource table (the design's fixed resources plus the NoC links the program's routes use), and every
 * count that does not depend on timing (actions per component, busy cycles per resource), per image.
 *
 * <p>Resource sets are stored once in CSR form: set {@code r} for a fixed resource r is {r}; after them come one
 * set per distinct TRANSFER (source, destination) and MERGE (destination, sources) route.
 */
final class CompiledProgram {
    static final int MVM = IrKind.MVM.code();
    static final int ADC = IrKind.ADC.code();
    static final int ALU = IrKind.ALU.code();
    static final int LOAD = IrKind.LOAD.code();
    static final int STORE = IrKind.STORE.code();
    static final int MERGE = IrKind.MERGE.code();
    static final int TRANSFER = IrKind.TRANSFER.code();
    static final int STRIDE = 2;
    static final int SET = 0;
    static final int DURATION = 1;
    static final int KIND_SHIFT = 28;
    private static final int MVM_SLOT = IrTallies.slot(IrKind.MVM, null);
    private static final int ADC_SLOT = IrTallies.slot(IrKind.ADC, null);
    private static final int LOAD_SLOT = IrTallies.slot(IrKind.LOAD, null);
    private static final int STORE_SLOT = IrTallies.slot(IrKind.STORE, null);
    static final int SET_MASK = (1 << KIND_SHIFT) - 1;

    private static final int EAST = 0;
    private static final int WEST = 1;
    private static final int SOUTH = 2;
    private static final int NORTH = 3;

    final DesignTables design;
    final IrProgram program;
    final int images;
    final ResourceTable resources;
    /** The design's own resources (before NoC links); set r below this is {r}. */
    final int fixedResources;
    /**
     * What the event loop reads of IR i, side by side so that one cache line serves eight IRs:
     * {@code [STRIDE i + SET]} = resource set | kind << KIND_SHIFT, {@code [STRIDE i + DURATION]} in cycles.
     * A reused buffer; only the first STRIDE x size entries count.
     */
    final int[] nodes;
    int[] setStart;
    int[] setMembers;

    /** What one image's IRs measure, for every action count. */
    final IrTallies tallies;
    long[] busyCycles;
    /**
     * The bound interval: the largest per-image busy time of any resource, per unit for pools (rounded up), at
     * least 1. No run streams images faster; it sizes the admission window.
     */
    long boundCycles() {
        long worst = 1;
        for (int r = 0; r < resources.size(); r++) {
            worst = Math.max(worst, TimingRules.ceilDiv(busyCycles[r], resources.capacity(r)));
        }
        return worst;
    }

    /** The longest IR duration: events are never scheduled further ahead. */
    int maxDuration;

    private final BindingProblems problems;

    CompiledProgram(DesignTables design, IrProgram program, int images, int[] nodeBuffer) {
        this.design = design;
        this.program = program;
        this.images = images;
        this.resources = design.resources;
        this.fixedResources = design.resources.size();
        this.nodes = nodeBuffer;
        this.tallies = new IrTallies(design.macros, design.crossbarSets);
        this.problems = new BindingProblems(design, program);
        compile();
        // The built-in classes count from what the binding measures anyway; IR and element counts cost a pass of
        // their own, taken only where the library's own classes may count them.
        if (!design.library.classes().isEmpty()) {
            tallies.countIrsAndElements(program, design.dataBits);
        }
    }

    private void compile() {
        final IrProgram p = program;
        final DesignTables d = design;
        final int n = p.size();
        final int fixed = resources.size();
        final int layers = d.layers;
        final int macros = d.macros;
        long[] busy = new long[fixed];
        boolean[] badMergeSet = checkMergeSets();
        // Distinct NoC routes, numbered in first-use order; the IR keeps -(route + 1) until links get ids.
        Long2IntOpenHashMap routeIndex = new Long2IntOpenHashMap();
        routeIndex.defaultReturnValue(-1);
        IntArrayList routeDst = new IntArrayList();
        IntArrayList routeSrc = new IntArrayList(); // TRANSFER source macro, or -(merge set + 1)
        // Blocks repeat the same widths: remembering the last width per unit saves most divisions.
        int[] adcWidth = new int[macros];
        long[] adcTime = new long[macros];
        int[] aluWidth = new int[macros * DesignTables.ALU_KINDS];
        long[] aluTime = new long[aluWidth.length];
        long[] aluUnitOps = new long[aluWidth.length];
        int[] spmWidth = new int[macros];
        long[] spmAccesses = new long[macros];
        for (int i = 0; i < n; i++) {
            int k = p.kindCode(i);
            int m = p.macro(i);
            int layer = p.layer(i);
            int w = p.width(i);
            if (layer >= layers) {
                problems.add(i, BindingProblems.UNKNOWN_LAYER);
                continue;
            }
            if (m >= macros) {
                problems.add(i, BindingProblems.UNKNOWN_MACRO);
                continue;
            }
            long cycles;
            int set;
            if (k == MVM) {
                set = d.crossbarResource[m * layers + layer];
                if (set < 0) {
                    problems.add(i, BindingProblems.NO_CROSSBARS);
                    continue;
                }
                if (w > d.crossbarCount[set]) {
                    problems.add(i, BindingProblems.TOO_FEW_CROSSBARS);
                    continue;
                }
                if (d.dacCount[m] == 0) {
                    problems.add(i, BindingProblems.NO_DACS);
                    continue;
                }
                cycles = d.mvmCycles[set];
                long rows = (long) w * d.crossbarRows[set];
                int crossbarSet = d.crossbarSet[set];
                tallies.add(m, MVM_SLOT, Quantity.ROW, rows);
                tallies.addCrossbarSetElements(crossbarSet, w);
            } else if (k == ADC) {
                set = d.adcResource[m];
                if (set < 0) {
                    problems.add(i, BindingProblems.NO_ADCS);
                    continue;
                }
                if (adcWidth[m] != w) {
                    adcWidth[m] = w;
                    adcTime[m] = TimingRules.vectorCycles(w, d.adcCount[m], d.adcCycles[m]);
                }
                cycles = adcTime[m];
                tallies.add(m, ADC_SLOT, Quantity.ELEMENT, w);
            } else if (k == ALU) {
                int slot = m * DesignTables.ALU_KINDS + p.aluKindCode(i);
                set = d.aluResource[slot];
                if (set < 0) {
                    problems.add(i, BindingProblems.NO_ALUS);
                    continue;
                }
                if (aluWidth[slot] != w) {
                    aluWidth[slot] = w;
                    aluTime[slot] = TimingRules.vectorCycles(w, d.aluLanes[slot], d.aluCycles[p.aluKindCode(i)]);
                    aluUnitOps[slot] = TimingRules.unitOperations(w, d.aluVectorWidth[slot]);
                }
                cycles = aluTime[slot];
                tallies.add(m, IrTallies.slot(k, p.aluKindCode(i)), Quantity.VECTOR, aluUnitOps[slot]);
            } else if (k == LOAD || k == STORE) {
                set = d.scratchpadResource[m];
                if (spmWidth[m] != w) {
                    spmWidth[m] = w;
                    spmAccesses[m] = TimingRules.busAccesses(w, d.dataBits, d.busWidthBits[m]);
                }
                long accesses = spmAccesses[m];
                cycles = accesses * (k == LOAD ? d.readCycles[m] : d.writeCycles[m]);
                tallies.add(m, k == LOAD ? LOAD_SLOT : STORE_SLOT, Quantity.BUS_ACCESS, accesses);
            } else {
                long key;
                int src;
                if (k == TRANSFER) {
                    int dst = p.auxField(i);
                    if (dst >= macros) {
                        problems.add(i, BindingProblems.UNKNOWN_DESTINATION);
                        continue;
                    }
                    src = m;
                    key = (long) m * macros + dst;
                } else {
                    int mergeSet = p.mergeSet(i);
                    if (badMergeSet[mergeSet]) {
                        problems.add(i, BindingProblems.UNKNOWN_SOURCE);
                        continue;
                    }
                    src = -(mergeSet + 1);
                    key = -1 - ((long) mergeSet * macros + m);
                }
                int route = routeIndex.get(key);
                if (route < 0) {
                    route = routeDst.size();
                    routeIndex.put(key, route);
                    routeDst.add(k == TRANSFER ? p.auxField(i) : m);
                    routeSrc.add(src);
                }
                nodes[STRIDE * i + SET] = -(route + 1);
                continue;
            }
            if (cycles > Integer.MAX_VALUE) {
                problems.add(i, BindingProblems.TOO_LONG);
                continue;
            }
            nodes[STRIDE * i + SET] = set | k << KIND_SHIFT;
            nodes[STRIDE * i + DURATION] = (int) cycles;
            maxDuration = Math.max(maxDuration, (int) cycles);
            busy[set] += cycles;
        }
        problems.throwIfAny();
        busyCycles = busy;
        if (fixed + routeDst.size() > SET_MASK) {
            throw new InvalidSimulationInputException("the program needs " + (fixed + routeDst.size())
                    + " distinct resource sets, beyond the simulator's limit of " + SET_MASK);
        }
        bindRoutes(fixed, routeSrc, routeDst);
    }

    /** Gives the used links resource ids, builds the resource sets, and times every TRANSFER and MERGE. */
    private void bindRoutes(int fixed, IntArrayList routeSrc, IntArrayList routeDst) {
        final DesignTables d = design;
        final IrProgram p = program;
        int routes = routeDst.size();
        int[] routeLinkStart = new int[routes + 1];
        IntArrayList routeLinks = new IntArrayList();
        int[] routeMaxHops = new int[routes];
        int[] routeHopSum = new int[routes];
        int[] routeRemoteSources = new int[routes];
        IntArrayList scratch = new IntArrayList();
        for (int r = 0; r < routes; r++) {
            int dst = routeDst.getInt(r);
            int src = routeSrc.getInt(r);
            scratch.clear();
            if (src >= 0) {
                addSource(r, src, dst, scratch, routeMaxHops, routeHopSum, routeRemoteSources);
            } else {
                int set = -src - 1;
                for (int s = p.mergeSetStart(set); s < p.mergeSetStart(set + 1); s++) {
                    addSource(r, p.mergeSetMacro(s), dst, scratch, routeMaxHops, routeHopSum, routeRemoteSources);
                }
            }
            int[] links = scratch.toIntArray();
            Arrays.sort(links);
            int last = -1;
            for (int link : links) {
                if (link != last) {
                    routeLinks.add(link);
                    last = link;
                }
            }
            routeLinkStart[r + 1] = routeLinks.size();
        }
        // Link keys (position * 4 + direction) become resource ids in key order.
        int meshCols = d.accelerator.meshCols();
        int[] linkKeys = routeLinks.toIntArray();
        int[] distinct = linkKeys.clone();
        Arrays.sort(distinct);
        int count = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[count++] = distinct[i];
            }
        }
        int[] linkResource = new int[count];
        for (int i = 0; i < count; i++) {
            int pos = distinct[i] >> 2;
            int dir = distinct[i] & 3;
            int to = switch (dir) {
                case EAST -> pos + 1;
                case WEST -> pos - 1;
                case SOUTH -> pos + meshCols;
                default -> pos - meshCols;
            };
            linkResource[i] = resources.addLink(pos, to);
        }
        int total = resources.size();
        setStart = new int[fixed + routes + 1];
        setMembers = new int[fixed + linkKeys.length];
        for (int r = 0; r < fixed; r++) {
            setStart[r] = r;
            setMembers[r] = r;
        }
        for (int r = 0; r < routes; r++) {
            setStart[fixed + r] = fixed + routeLinkStart[r];
            for (int k = routeLinkStart[r]; k < routeLinkStart[r + 1]; k++) {
                setMembers[fixed + k] = linkResource[Arrays.binarySearch(distinct, 0, count, linkKeys[k])];
            }
        }
        setStart[fixed + routes] = setMembers.length;
        long[] busy = Arrays.copyOf(busyCycles, total);
        int n = p.size();
        for (int i = 0; i < n; i++) {
            int marker = nodes[STRIDE * i + SET];
            if (marker >= 0) {
                continue;
            }
            int r = -marker - 1;
            long flits = TimingRules.ceilDiv((long) p.width(i) * d.dataBits, d.flitWidthBits);
            long cycles = TimingRules.transferCycles(routeMaxHops[r], d.hopCycles, flits, d.cyclesPerFlit,
                    routeRemoteSources[r]);
            if (cycles > Integer.MAX_VALUE) {
                throw new InvalidSimulationInputException(p.describe(i) + " would take " + cycles
                        + " cycles, beyond the simulator's limit of " + Integer.MAX_VALUE);
            }
            nodes[STRIDE * i + SET] = (fixed + r) | p.kindCode(i) << KIND_SHIFT;
            nodes[STRIDE * i + DURATION] = (int) cycles;
            maxDuration = Math.max(maxDuration, (int) cycles);
            tallies.add(p.macro(i), IrTallies.slot(p.kindCode(i), 0), Quantity.FLIT_HOP, flits * routeHopSum[r]);
            for (int k = setStart[fixed + r]; k < setStart[fixed + r + 1]; k++) {
                busy[setMembers[k]] += cycles;
            }
        }
        busyCycles = busy;
    }

    private void addSource(int route, int src, int dst, IntArrayList links, int[] maxHops, int[] hopSum,
            int[] remote) {
        if (src == dst) {
            return;
        }
        int cols = design.accelerator.meshCols();
        int pos = design.position[src];
        int target = design.position[dst];
        int row = pos / cols;
        int col = pos % cols;
        int targetRow = target / cols;
        int targetCol = target % cols;
        int hops = 0;
        // Dimension-ordered routing: along the row first, then along the column.
        while (col != targetCol) {
            int dir = targetCol > col ? EAST : WEST;
            links.add((row * cols + col) * 4 + dir);
            col += dir == EAST ? 1 : -1;
            hops++;
        }
        while (row != targetRow) {
            int dir = targetRow > row ? SOUTH : NORTH;
            links.add((row * cols + col) * 4 + dir);
            row += dir == SOUTH ? 1 : -1;
            hops++;
        }
        maxHops[route] = Math.max(maxHops[route], hops);
        hopSum[route] += hops;
        remote[route]++;
    }

    private boolean[] checkMergeSets() {
        IrProgram p = program;
        boolean[] bad = new boolean[p.mergeSetCount()];
        for (int s = 0; s < bad.length; s++) {
            for (int k = p.mergeSetStart(s); k < p.mergeSetStart(s + 1); k++) {
                bad[s] |= p.mergeSetMacro(k) >= design.macros;
            }
        }
        return bad;
    }
}
