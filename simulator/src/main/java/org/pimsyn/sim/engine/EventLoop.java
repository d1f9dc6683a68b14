package org.pimsyn.sim.engine;

import java.util.Arrays;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.IrProgram;

/**
 * The discrete-event loop. It jumps from one IR end to the next; at each such cycle it first retires every
 * IR ending then (releasing resources, readying successors), then dispatches waiting IRs in arbitration order.
 *
 * <p>Each waiting IR sits in the queue of one resource it needs: first the first resource of its set, later
 * whichever resource it last found busy. Queues are ordered by the arbitration key, packed into one long: image,
 * ready cycle and rank in (layer, block, id) order for {@link Arbitration#OLDEST_IMAGE_FIRST}, ready cycle before
 * image for {@link Arbitration#EARLIEST_READY}. A queue is examined only when its resource may have a
 * free unit, so an IR never waits while every resource it needs is free (the schedule is work-conserving) and
 * acquires all its resources at once (no hold-and-wait, hence no deadlock).
 *
 * <p>No more than a window of images are in flight: the first window arrives at cycle 0, and image {@code k} at the
 * end of image {@code k - window}; its source IRs, those without predecessors, become ready at its arrival. The
 * window lets in as many images as the pipeline holds at the bound's pace (the busiest resource's busy cycles per
 * image) plus one, so arrivals never hold back a steady state, while the first layers cannot race ahead of the
 * rest and pile up images in the scratchpads; an image's latency in the stream is counted from its arrival.
 * Arrivals that follow the ends repeat whenever the ends do, so a schedule can repeat exactly (below).
 *
 * <p>Sample-and-hold: with {@code sampleHoldSlots} > 0, an MVM whose results one ADC IR converts (its only ADC
 * successor, of which it is the only predecessor) also takes a slot of its crossbar set's sample-and-hold from its
 * start to the end of that ADC IR; it waits while every slot holds unconverted results. The slots act as one more
 * resource per crossbar set, numbered after the design's resources, which the MVM takes and its ADC IR gives back.
 *
 * <p>Input and output registers ({@link PeRegisters}): with {@code S} registers, the {@code k}-th use of a crossbar
 * set's registers (counted in program order, image after image) waits for the IR that gives back use {@code k - S}:
 * one more predecessor of its taker, a LOAD for input registers, a block's first MVM for output registers. Those
 * dependencies point forward in (image, program order) like every other, so they cannot close a cycle, and no
 * ADC IR gets one, so sample-and-hold slots are still always given back.
 *
 * <p>A run streaming to a steady state ({@link SteadyStateRule}) stops at the end of the image after which the
 * interval has converged, or at the end of the plan's most images; the later images it had started are abandoned.
 * It streams a window of images beyond the most, so none it ends runs differently for lack of the images after. It
 * converges in one of two ways: by the rule's two windows of gaps, or exactly, when the schedule repeats itself,
 * with a period of {@code p} images (1 to {@value #MAX_PERIOD}) and a shift of {@code S} cycles: image {@code k},
 * with {@code k - p} at least the rule's warm-up, ended {@code S} cycles after image {@code k-p} (at {@code t});
 * image {@code k} and the {@code reach - 1} before it (whose IRs can give back registers that images in flight
 * take) each arrived {@code S} cycles after the image {@code p} before it, and every IR of each started as long
 * after its arrival as the same IR of that image; and every image arrived after {@code k} arrived {@code S} cycles
 * after the image {@code p} before it, and had started before {@code t} the same IRs, as long after their
 * arrivals, as that image had started before {@code t - S}.
 *
 * <p>Then the loop's state at the start of cycle {@code t} is its state at the start of {@code t - S}, shifted by
 * {@code S} cycles and {@code p} images: images up to {@code k} and {@code k-p} have ended but for the IRs ending at
 * {@code t} and {@code t - S} (image {@code k}'s and {@code k-p}'s, which match); which IRs of the images in
 * flight have started, when, and so which hold their resources, slots and registers, which ends are due, and which
 * IRs wait and since when (their arbitration keys: an IR became ready at the end of a predecessor of its own image,
 * of the image before, or of a register's giver at most {@code reach - 1} images before {@code k}), all follow
 * from those starts; no other image has arrived but
 * the one arriving at {@code t} (and at {@code t - S}), since each arrives at an end. The loop is deterministic and
 * blind to such a shift (keys compare images and ready cycles only with each other), so from {@code t} on it
 * repeats what it did from {@code t - S}, for ever: the interval is {@code S / p}.
 *
 * <p>The repetition counts only images that ended before the first image the run lacks would have arrived (the
 * image a window before it ends later): up to there the run is the endless stream. A run of a fixed number of
 * images looks for the repetition the same way, notes the first, and goes on to its last image.
 *
 * <p>Buffers grow to the largest program seen and are reused; one loop serves one thread.
 */
final class EventLoop {
    private static final int END_PRIORITY = 0;
    /** An image's arrival is handled after the ends of its cycle, before the dispatch. */
    private static final int ARRIVAL_PRIORITY = 1;
    private static final int SMALL_ROUND = 16;

    /**
     * The event calendar's ring reaches at most this many cycles ahead: enough for nearly every IR, small enough to
     * stay in cache while simulated time sweeps over it. Longer IRs' ends wait in the calendar's heap.
     */
    private static final int MAX_RING_CYCLES = 4096;

    private BucketEventQueue events;
    /** Resources that may dispatch now, keyed by the arbitration key of their queue's head. */
    private final MinHeap candidates = new MinHeap(64);
    /** Per resource, the arbitration keys of the IRs waiting for it. */
    private KeyQueue[] queues = new KeyQueue[0];
    /**
     * Predecessors still to end, per IR of each image in flight: image {@code k}'s block starts at
     * {@code blockOf[k] * n}. Blocks form a ring of {@link #blocks} images (see {@link #ringBlocks}); image
     * {@code k + blocks}'s block is initialized when image {@code k} ends.
     */
    private int[] pending = new int[0];
    /** Image 0's predecessor counts without register waits (a later image's are one more: the image before). */
    private int[] firstPending = new int[0];
    /** Blocks of {@link #pending} and {@link #registerSince} in the ring; per image, its block. */
    private int blocks;
    /**
     * How many images ahead an IR's end can give back a register (at least 1; see {@link #ringBlocks}): an IR
     * waiting for a register may have become ready at the end of an IR {@code reach - 1} images before the last
     * ended one.
     */
    private int reach;
    private int[] blockOf = new int[0];
    /** Per block, the image it holds (checked by assertions only). */
    private int[] blockImage = new int[0];
    private int[] free = new int[0];
    private long[] queueSince = new long[0];
    private boolean[] touchedFlag = new boolean[0];
    private int[] touched = new int[0];
    private int touchedCount;

    private IrProgram program;
    private int n;
    private int images;
    /** See {@link CompiledProgram#nodes}. */
    private int[] nodes;
    private int[] setStart;
    private int[] setMembers;
    /** Sets below this id are the single fixed resource of the same id, so their members need no lookup. */
    private int singletonSets;
    /** IRs queued per resource (mirrors the queue sizes, without touching the queue objects). */
    private int[] waiting = new int[0];
    /** Candidate resources of a dispatch round when few: linear scans beat a heap. */
    private final long[] smallKeys = new long[SMALL_ROUND];
    private final int[] smallResources = new int[SMALL_ROUND];
    private int dataBits;
    private int rankBits;
    /** Where the ready cycle and the image sit in an arbitration key. */
    private int readyShift;
    private int imageShift;
    private long rankMask;
    private long imageMask;
    private long maxReadyCycle;
    /** IRs of each image still to end; an image has ended when its count reaches 0. */
    private int[] remaining = new int[0];
    private SteadyStateRule stopRule;
    private int completedImages;
    /** Sample-and-hold slots per crossbar set, 0 for none; see the class comment. */
    private int holdSlots;
    private boolean holding;
    /** The design's resources: queue indices from here on are sample-and-hold slots ({@code tableResources + r}). */
    private int tableResources;
    /** Per IR: the slot resource an MVM takes, or the one an ADC IR gives back; -1 for none. */
    private int[] holdTaken = new int[0];
    private int[] holdGiven = new int[0];
    /** Input and output registers per crossbar set, 0 for no limit; see the class comment. */
    private int inputSlots;
    private int outputSlots;
    private final PeRegisters registers = new PeRegisters();
    /** Whether {@link #registers} holds a binding with input and with output registers. */
    private boolean registersInput;
    private boolean registersOutput;
    /** Whether this run's program is the last run's, bound again: its register uses are the last run's. */
    private boolean sameProgram;
    /** Whether any IR takes a register: the fields below are then in use. */
    private boolean registering;
    /** Per IR: the register use it takes, or -1 (see {@link PeRegisters#takerUse}). */
    private int[] takerUse;
    /**
     * Per register use of each image in flight ({@code blockOf[image] * uses + use}, a ring as {@link #pending}): -2 where it waits for no register (the first
     * {@code S} of its ring, or the register already given back), else the cycle from which it waited for nothing
     * else, or -1 while it still waits for more.
     */
    private long[] registerSince = new long[0];
    private int registerUses;
    private long inputRegisterWait;
    private long outputRegisterWait;
    /**
     * Steady-state runs: each IR's start, less its image's arrival, for the last {@code shiftImages} images
     * ({@code (image % shiftImages) * n + node}), {@link #NOT_STARTED} from the image's arrival until the IR starts;
     * off ({@code shiftTracking} false) once an image arrives or starts so far ahead of the last ended one that it
     * would overwrite an image a period back, or a start lies an int's range after its arrival.
     */
    private int[] startSinceArrival = new int[0];
    private static final int NOT_STARTED = Integer.MAX_VALUE;
    /** The last image arrived (images arrive in order). */
    private int arrived;
    private boolean shiftTracking;
    /** Whether the run stops at its steady state; a fixed run only notes a repetition of its schedule. */
    private boolean stopAtSteady;
    /** Images a run until steady ends at most: the later ones it streams only keep the stream going until then. */
    private int endAfter;
    /** The interval of a run stopped because its schedule repeated, else 0: shift and period. */
    private long repeatedShift;
    private int repeatedPeriod;
    /**
     * Images of the ring of starts: a window of images in flight (an image arrives once the one a window before it
     * has ended, so none starts a window or more ahead of the last ended one), the last ended one and the
     * {@value #MAX_PERIOD} before it; at most {@value #MAX_SHIFT_IMAGES}, so that a wide window cannot take a large
     * share of the heap (tracking stops where images run further ahead).
     */
    private int shiftImages;
    private static final int MAX_SHIFT_IMAGES = 16;
    private static final int MAX_PERIOD = 6;
    /** Images in flight at most (0 only for a one-image run), and when each image arrived. */
    private int window;
    private long[] arrivalAt = new long[0];
    /** The IRs without predecessors, in id order, {@code sourceCount} of them. */
    private int[] sources = new int[0];
    private int sourceCount;
    private boolean stopped;
    private SimulationObserver observer;
    private boolean observing;
    private long executed;

    // Results of the run under way; each run gets fresh arrays, handed over by results().
    private long cycles;
    private long[] imageEndCycles;
    /** Per (image, layer) at {@code image * layers + layer}: a stream's pipeline, image by image. */
    private long[] layerFirstStart;
    private long[] layerLastEnd;
    private int layers;
    private long[] waitCycles;
    private long[] highWaterBits;
    private long[] occupancyBits;

    /**
     * Runs the bound program and returns what it measured.
     *
     * @param stop        null to run all {@code runImages} (a repetition of the schedule is still recognized, by the
     *                    plan's rule's warm-up); else stop once the interval has converged by this rule, or once
     *                    the plan's images have ended
     * @param sameProgram whether {@code c} is the program the last run bound (a stream after its one-image run)
     */
    LoopResults run(CompiledProgram c, SimulationObserver obs, RunPlan plan, SteadyStateRule stop, int runImages,
            int admissionWindow, boolean sameProgram) {
        program = c.program;
        this.sameProgram = sameProgram;
        stopRule = stop != null ? stop : plan.rule();
        stopAtSteady = stop != null;
        endAfter = stop != null ? plan.images() : runImages;
        Arbitration arbitration = plan.arbitration();
        holdSlots = plan.sampleHoldSlots();
        inputSlots = plan.inputRegisterSlots();
        outputSlots = plan.outputRegisterSlots();
        window = admissionWindow;
        assert window > 0 || runImages == 1 : "no image after the first would ever arrive";
        n = program.size();
        images = runImages;
        nodes = c.nodes;
        setStart = c.setStart;
        setMembers = c.setMembers;
        singletonSets = c.fixedResources;
        dataBits = c.design.dataBits;
        observer = obs == null ? SimulationObserver.NONE : obs;
        observing = observer != SimulationObserver.NONE;
        long executions = (long) n * images;
        if (executions > Integer.MAX_VALUE) {
            String streamed = stopAtSteady ? images + " images (at most " + endAfter + " ended and a window of "
                    + window + " streamed beyond)" : images + " images";
            throw new InvalidSimulationInputException(streamed + " x " + n + " IRs = " + executions
                    + " IR executions, beyond the simulator's limit of " + Integer.MAX_VALUE);
        }
        rankBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(0, n - 1)));
        int imageBits = 32 - Integer.numberOfLeadingZeros(images - 1);
        int readyBits = 63 - rankBits - imageBits;
        if (arbitration == Arbitration.OLDEST_IMAGE_FIRST) {
            readyShift = rankBits;
            imageShift = rankBits + readyBits;
        } else {
            imageShift = rankBits;
            readyShift = rankBits + imageBits;
        }
        rankMask = (1L << rankBits) - 1;
        imageMask = (1L << imageBits) - 1;
        maxReadyCycle = (1L << readyBits) - 1;
        prepare(c, (int) executions);
        if (observing) {
            observer.started(new SimulationStart(c.design.accelerator, program, images, c.resources));
        }
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                makeReady(0, i, 0);
            }
        }
        long now = 0;
        dispatch(now);
        BucketEventQueue ev = events;
        while (!ev.isEmpty()) {
            now = ev.peekTime();
            do {
                int event = ev.pop();
                if (event >= 0) {
                    retire(event, now);
                } else {
                    arrive(-event - 1, now);
                }
            } while (!ev.isEmpty() && ev.peekTime() == now);
            if (stopped) {
                break;
            }
            dispatch(now);
        }
        cycles = now;
        if (!stopped && executed != executions) {
            StringBuilder stuck = new StringBuilder();
            for (int r = 0; r < c.resources.size() && stuck.length() < 400; r++) {
                if (waiting[r] > 0) {
                    stuck.append(' ').append(c.resources.name(r)).append(" (").append(waiting[r]).append(" waiting, ")
                            .append(free[r]).append(" of ").append(c.resources.capacity(r)).append(" free)");
                }
            }
            throw new IllegalStateException("simulation stalled at cycle " + now + ": " + executed + " of "
                    + executions + " IR executions ran; waiting:" + stuck);
        }
        if (observing) {
            observer.finished(now);
        }
        program = null;
        observer = null;
        int ran = stopped ? completedImages : images;
        return new LoopResults(cycles, ran, repeatedShift, repeatedPeriod, -1, Arrays.copyOf(arrivalAt, ran), Arrays.copyOf(imageEndCycles, ran),
                Arrays.copyOf(layerFirstStart, ran * layers), Arrays.copyOf(layerLastEnd, ran * layers), waitCycles,
                inputRegisterWait, outputRegisterWait, highWaterBits);
    }

    private void prepare(CompiledProgram c, int executions) {
        tableResources = c.resources.size();
        holding = holdSlots > 0;
        // With sample-and-hold, each fixed resource r gets a slot resource tableResources + r (used for crossbars).
        int resources = holding ? 2 * tableResources : tableResources;
        if (queues.length < resources) {
            KeyQueue[] grown = Arrays.copyOf(queues, resources);
            for (int r = queues.length; r < resources; r++) {
                grown[r] = new KeyQueue();
            }
            queues = grown;
            free = new int[resources];
            waiting = new int[resources];
            queueSince = new long[resources];
            touchedFlag = new boolean[resources];
            touched = new int[resources];
        }
        for (int r = 0; r < resources; r++) {
            queues[r].clear();
            waiting[r] = 0;
            free[r] = r < tableResources ? c.resources.capacity(r) : holdSlots;
            queueSince[r] = 0;
            // A run stopped at its steady state leaves the resources its last ends touched.
            touchedFlag[r] = false;
        }
        touchedCount = 0;
        int horizon = Math.min(c.maxDuration + 1, MAX_RING_CYCLES);
        if (events == null || events.horizon() < horizon) {
            events = new BucketEventQueue(horizon);
        }
        events.clear();
        candidates.clear();
        if (firstPending.length < n) {
            firstPending = new int[n];
        }
        final int[] first = firstPending;
        Arrays.fill(first, 0, n, 0);
        int edges = program.edgeCount();
        for (int k = 0; k < edges; k++) {
            first[program.successorAt(k)]++;
        }
        if (sources.length < n) {
            sources = new int[n];
        }
        sourceCount = 0;
        for (int i = 0; i < n; i++) {
            if (first[i] == 0) {
                sources[sourceCount++] = i;
            }
        }
        for (int image = 1; image < images; image++) {
            // The first window arrives at once; later images once the image a window before them has ended
            // (imageEnded).
            if (sourceCount > 0 && image < window) {
                events.push(0, ARRIVAL_PRIORITY, -image - 1);
            }
        }
        if (remaining.length < images) {
            remaining = new int[images];
        }
        arrivalAt = new long[images];
        Arrays.fill(remaining, 0, images, n);
        completedImages = 0;
        stopped = false;
        // A repetition counts from an image at least a period (>= 1) past the warm-up: fewer images never show one.
        shiftTracking = images >= stopRule.warmupImages() + 2;
        repeatedShift = 0;
        repeatedPeriod = 1;
        executed = 0;
        cycles = 0;
        imageEndCycles = new long[images];
        layers = c.design.layers;
        layerFirstStart = new long[images * layers];
        layerLastEnd = new long[images * layers];
        Arrays.fill(layerFirstStart, -1);
        Arrays.fill(layerLastEnd, -1);
        waitCycles = new long[resources];
        if (holding) {
            bindSampleHold(c);
        }
        bindRegisters(c);
        ringBlocks();
        // The images a repetition compares: a period back from the reach before the last ended one, to the window
        // ahead of it.
        shiftImages = window > 0 ? Math.min(MAX_SHIFT_IMAGES, window + MAX_PERIOD + reach) : MAX_SHIFT_IMAGES;
        if (shiftTracking && startSinceArrival.length < (long) shiftImages * n) {
            startSinceArrival = new int[shiftImages * n];
        }
        // Image 0 arrives at cycle 0 without an arrival event.
        arrived = 0;
        if (shiftTracking) {
            Arrays.fill(startSinceArrival, 0, n, NOT_STARTED);
        }
        occupancyBits = new long[c.design.macros];
        highWaterBits = new long[c.design.macros];
    }

    /**
     * Which MVM takes a sample-and-hold slot and which ADC IR gives it back: an MVM with exactly one ADC successor,
     * whose only predecessor it is. {@code firstPending} holds image 0's predecessor counts.
     */
    private void bindSampleHold(CompiledProgram c) {
        if (holdTaken.length < n) {
            holdTaken = new int[n];
            holdGiven = new int[n];
        }
        Arrays.fill(holdTaken, 0, n, -1);
        Arrays.fill(holdGiven, 0, n, -1);
        final IrProgram p = program;
        for (int i = 0; i < n; i++) {
            int word = nodes[CompiledProgram.STRIDE * i + CompiledProgram.SET];
            if (word >>> CompiledProgram.KIND_SHIFT != CompiledProgram.MVM) {
                continue;
            }
            int adc = -1;
            int adcs = 0;
            for (int k = p.successorStart(i), to = p.successorStart(i + 1); k < to; k++) {
                int s = p.successorAt(k);
                if (nodes[CompiledProgram.STRIDE * s + CompiledProgram.SET] >>> CompiledProgram.KIND_SHIFT
                        == CompiledProgram.ADC) {
                    adc = s;
                    adcs++;
                }
            }
            int crossbars = word & CompiledProgram.SET_MASK;
            if (adcs == 1 && firstPending[adc] == 1 && crossbars < singletonSets) {
                holdTaken[i] = tableResources + crossbars;
                holdGiven[adc] = tableResources + crossbars;
            }
        }
    }

    /**
     * Binds the register uses ({@link PeRegisters}); {@link #initBlock} adds each use's wait for the giver of the use
     * {@code S} before it in its ring to its taker's predecessor count, image by image.
     */
    private void bindRegisters(CompiledProgram c) {
        inputRegisterWait = 0;
        outputRegisterWait = 0;
        PeRegisters r = registers;
        // A stream's one-image run and the stream itself bind the same program: the second takes the first's uses.
        if (!sameProgram || registersInput != inputSlots > 0 || registersOutput != outputSlots > 0) {
            r.bind(program, nodes, c.fixedResources, firstPending, inputSlots > 0, outputSlots > 0);
            registersInput = inputSlots > 0;
            registersOutput = outputSlots > 0;
        }
        registerUses = r.uses;
        registering = registerUses > 0;
        takerUse = r.takerUse;
    }

    /**
     * Sizes the ring of per-image blocks of {@link #pending} and {@link #registerSince} and initializes its first
     * blocks. Every image's block is touched only between the end of the image {@code blocks} before it and its own
     * end, so one block serves images {@code k}, {@code k + blocks}, ... in turn:
     *
     * <ul>
     * <li>Once image {@code k} has ended, every IR of it has become ready, and nothing decrements its counts again:
     *     a count falls only while its IR waits (a register given back is one its taker still waits for).</li>
     * <li>While images up to {@code c - 1} have ended (and {@code c} has not), the newest image touched is at most
     *     {@code c + window - 1 + max(1, reach)}. Image {@code j} arrives only once image {@code j - window} has
     *     ended (or, for {@code j < window}, on its own), so {@code j <= c + window - 1} for every image arrived;
     *     none of its IRs runs before its arrival (each waits, through its predecessors, for a source, which waits
     *     for it). A count of image {@code j} falls at the arrival of {@code j}, at the end of one of {@code j}'s
     *     IRs, at the end of image {@code j - 1}'s same IR ({@code j - 1 <= c + window - 1}), and where an IR of
     *     image {@code i} gives back a register to use {@code S} later in its ring, of image
     *     {@code i + (local + S) / uses <= i + reach}, with {@code reach} the largest {@code (uses - 1 + S) / uses}
     *     of any ring.</li>
     * </ul>
     *
     * So {@code window + max(1, reach)} blocks hold every image that can be touched ({@code c} to
     * {@code c + window - 1 + max(1, reach)}), and image {@code k + blocks}'s block is initialized when image
     * {@code k} ends ({@link #imageEnded}), before anything can touch it. Without a window (a one-image run) every
     * image has a block of its own.
     */
    private void ringBlocks() {
        reach = 1;
        if (registering) {
            PeRegisters r = registers;
            for (int ring = 0, rings = 2 * r.fixed; ring < rings; ring++) {
                int uses = r.ringSize(ring);
                if (uses > 0) {
                    int slots = r.isInput(ring) ? inputSlots : outputSlots;
                    reach = Math.max(reach, (uses - 1 + slots) / uses);
                }
            }
        }
        blocks = window == 0 ? images : (int) Math.min(images, (long) window + reach);
        if (pending.length < blocks * n) {
            pending = new int[blocks * n];
        }
        if (registering && registerSince.length < (long) blocks * registerUses) {
            registerSince = new long[blocks * registerUses];
        }
        if (blockOf.length < images) {
            blockOf = new int[images];
        }
        for (int image = 0; image < images; image++) {
            blockOf[image] = image % blocks;
        }
        if (blockImage.length < blocks) {
            blockImage = new int[blocks];
        }
        for (int image = 0; image < blocks; image++) {
            initBlock(image);
        }
    }

    /**
     * Whether the block holds the image (for assertions; kept out of the callers, whose bytecode size decides their
     * inlining).
     */
    private boolean holds(int block, int image) {
        if (blockImage[block] != image) {
            throw new AssertionError("image " + image + "'s block holds image " + blockImage[block]);
        }
        return true;
    }

    /** Image {@code image}'s predecessor counts and register waits, in its block. */
    private void initBlock(int image) {
        int block = blockOf[image];
        blockImage[block] = image;
        int base = block * n;
        final int[] first = firstPending;
        if (image == 0) {
            System.arraycopy(first, 0, pending, base, n);
        } else {
            // Image k+1 runs each IR only after image k's run of the same IR: every IR serves images in order. Its
            // sources also wait for its arrival.
            for (int i = 0; i < n; i++) {
                int count = first[i];
                pending[base + i] = count == 0 ? 2 : count + 1;
            }
        }
        if (!registering) {
            return;
        }
        PeRegisters r = registers;
        int registerBase = block * registerUses;
        for (int ring = 0, rings = 2 * r.fixed; ring < rings; ring++) {
            int uses = r.ringSize(ring);
            int slots = r.isInput(ring) ? inputSlots : outputSlots;
            for (int local = 0; local < uses; local++) {
                int use = r.ringStart[ring] + local;
                int taker = r.taker[use];
                int at = registerBase + use;
                if ((long) image * uses + local < slots) {
                    registerSince[at] = -2;
                    continue;
                }
                // Image 0's IRs without predecessors wait for nothing but the register from cycle 0 on.
                registerSince[at] = image == 0 && firstPending[taker] == 0 ? 0 : -1;
                pending[base + taker]++;
            }
        }
    }

    /**
     * Whether the image lies so far ahead of the last ended one that its starts would overwrite, in the ring of
     * {@link #startSinceArrival}, an image a repetition still compares: the reach before the last ended one, a period
     * back from it.
     */
    private boolean beyondTheRing(int image) {
        return image - completedImages > shiftImages - MAX_PERIOD - reach;
    }

    /** Image {@code image} arrives: its sources no longer wait for it. */
    private void arrive(int image, long now) {
        arrivalAt[image] = now;
        arrived = image;
        if (shiftTracking) {
            if (beyondTheRing(image)) {
                shiftTracking = false;
            } else {
                Arrays.fill(startSinceArrival, (image % shiftImages) * n, (image % shiftImages + 1) * n, NOT_STARTED);
            }
        }
        for (int k = 0; k < sourceCount; k++) {
            satisfied(image, sources[k], now);
        }
    }

    private void makeReady(int image, int node, long now) {
        int word = nodes[CompiledProgram.STRIDE * node + CompiledProgram.SET];
        int set = word & CompiledProgram.SET_MASK;
        int r;
        if (set < singletonSets) {
            r = set;
        } else {
            int first = setStart[set];
            if (first == setStart[set + 1]) {
                start(image, node, now, word);
                return;
            }
            r = setMembers[first];
        }
        if (now > maxReadyCycle) {
            throw new IllegalStateException("simulated time passed " + maxReadyCycle
                    + " cycles, the most the arbitration key can hold for this program size");
        }
        long key = (now << readyShift) | ((long) image << imageShift) | program.rank(node);
        enqueue(r, key, now);
        touch(r);
    }

    private void enqueue(int r, long key, long now) {
        int depth = waiting[r];
        if (depth > 0) {
            waitCycles[r] += depth * (now - queueSince[r]);
        }
        queueSince[r] = now;
        queues[r].push(key);
        waiting[r] = depth + 1;
        if (observing && r < tableResources) {
            observer.queueDepthChanged(now, r, depth + 1);
        }
    }

    private void dequeue(int r, long now) {
        int depth = waiting[r];
        waitCycles[r] += depth * (now - queueSince[r]);
        queueSince[r] = now;
        queues[r].pop();
        waiting[r] = depth - 1;
        if (observing && r < tableResources) {
            observer.queueDepthChanged(now, r, depth - 1);
        }
    }

    private void touch(int r) {
        if (!touchedFlag[r]) {
            touchedFlag[r] = true;
            touched[touchedCount++] = r;
        }
    }

    private void dispatch(long now) {
        final KeyQueue[] qs = queues;
        final int[] freeUnits = free;
        final int[] depth = waiting;
        int count = touchedCount;
        touchedCount = 0;
        if (count == 1) {
            // One resource to serve: no other queue competes, so its own order is the whole arbitration.
            int r = touched[0];
            touchedFlag[r] = false;
            while (freeUnits[r] > 0 && depth[r] > 0) {
                serve(r, qs[r].peek(), now);
            }
            return;
        }
        if (count > SMALL_ROUND) {
            dispatchMany(count, now);
            return;
        }
        // Resources with a free unit and waiting IRs, each keyed by its best waiting IR; served best first.
        long[] keys = smallKeys;
        int[] res = smallResources;
        int size = 0;
        for (int i = 0; i < count; i++) {
            int r = touched[i];
            touchedFlag[r] = false;
            if (freeUnits[r] > 0 && depth[r] > 0) {
                keys[size] = qs[r].peek();
                res[size++] = r;
            }
        }
        while (size > 0) {
            int best = 0;
            for (int i = 1; i < size; i++) {
                if (keys[i] < keys[best]) {
                    best = i;
                }
            }
            int r = res[best];
            long key = keys[best];
            if (freeUnits[r] == 0 || depth[r] == 0 || qs[r].peek() != key) {
                // Full since it became a candidate, or its head moved: serve again only if still servable.
                if (freeUnits[r] > 0 && depth[r] > 0) {
                    keys[best] = qs[r].peek();
                } else {
                    keys[best] = keys[--size];
                    res[best] = res[size];
                }
                continue;
            }
            serve(r, key, now);
            if (freeUnits[r] > 0 && depth[r] > 0) {
                keys[best] = qs[r].peek();
            } else {
                keys[best] = keys[--size];
                res[best] = res[size];
            }
        }
    }

    /** The same rounds as {@link #dispatch} for many resources at once, with a heap of candidates. */
    private void dispatchMany(int count, long now) {
        final KeyQueue[] qs = queues;
        final int[] freeUnits = free;
        final int[] depth = waiting;
        final MinHeap cand = candidates;
        for (int i = 0; i < count; i++) {
            int r = touched[i];
            touchedFlag[r] = false;
            if (freeUnits[r] > 0 && depth[r] > 0) {
                cand.push(qs[r].peek(), 0, r);
            }
        }
        while (!cand.isEmpty()) {
            long key = cand.peekPrimary();
            int r = cand.pop();
            if (freeUnits[r] == 0 || depth[r] == 0) {
                continue;
            }
            if (qs[r].peek() != key) {
                cand.push(qs[r].peek(), 0, r);
                continue;
            }
            serve(r, key, now);
            if (freeUnits[r] > 0 && depth[r] > 0) {
                cand.push(qs[r].peek(), 0, r);
            }
        }
    }

    /** The head of r's queue (key) takes all its resources and starts, or moves to the queue of one that is full. */
    private void serve(int r, long key, long now) {
        final int[] freeUnits = free;
        int node = program.nodeAtRank((int) (key & rankMask));
        int image = (int) ((key >>> imageShift) & imageMask);
        int word = nodes[CompiledProgram.STRIDE * node + CompiledProgram.SET];
        int set = word & CompiledProgram.SET_MASK;
        if (holding && holdTaken[node] >= 0) {
            // An MVM: its crossbars (set) and a sample-and-hold slot, in either of whose queues it may wait.
            int slot = holdTaken[node];
            int blocked = freeUnits[set] == 0 ? set : freeUnits[slot] == 0 ? slot : -1;
            dequeue(r, now);
            if (blocked < 0) {
                freeUnits[set]--;
                freeUnits[slot]--;
                start(image, node, now, word);
            } else {
                enqueue(blocked, key, now);
            }
            return;
        }
        if (set < singletonSets) {
            // Its only resource is r, which has a free unit.
            dequeue(r, now);
            freeUnits[r]--;
            start(image, node, now, word);
            return;
        }
        int from = setStart[set];
        int to = setStart[set + 1];
        int blocked = -1;
        for (int k = from; k < to; k++) {
            if (freeUnits[setMembers[k]] == 0) {
                blocked = setMembers[k];
                break;
            }
        }
        dequeue(r, now);
        if (blocked < 0) {
            for (int k = from; k < to; k++) {
                freeUnits[setMembers[k]]--;
            }
            start(image, node, now, word);
        } else {
            enqueue(blocked, key, now);
        }
    }

    private void start(int image, int node, long now, int word) {
        long end = now + nodes[CompiledProgram.STRIDE * node + CompiledProgram.DURATION];
        events.push(end, END_PRIORITY, image * n + node);
        if (shiftTracking) {
            long since = now - arrivalAt[image];
            // The slots in use are those of the last ended image up to this one.
            if (beyondTheRing(image) || since >= NOT_STARTED) {
                shiftTracking = false;
            } else {
                startSinceArrival[(image % shiftImages) * n + node] = (int) since;
            }
        }
        int at = image * layers + program.layer(node);
        if (layerFirstStart[at] < 0) {
            layerFirstStart[at] = now;
        }
        int kind = word >>> CompiledProgram.KIND_SHIFT;
        if (kind >= CompiledProgram.LOAD) {
            moveData(kind, node, true);
        }
        if (observing) {
            int set = word & CompiledProgram.SET_MASK;
            observer.irStarted(now, end, image, node, setMembers, setStart[set], setStart[set + 1] - setStart[set]);
        }
    }

    private void retire(int execution, long now) {
        int image = images == 1 ? 0 : execution / n;
        int node = execution - image * n;
        int word = nodes[CompiledProgram.STRIDE * node + CompiledProgram.SET];
        int set = word & CompiledProgram.SET_MASK;
        if (set < singletonSets) {
            free[set]++;
            if (waiting[set] > 0) {
                touch(set);
            }
        } else {
            for (int k = setStart[set], to = setStart[set + 1]; k < to; k++) {
                int r = setMembers[k];
                free[r]++;
                if (waiting[r] > 0) {
                    touch(r);
                }
            }
        }
        if (--remaining[image] == 0) {
            imageEnded(image, now);
        }
        // Ends retire in time order, so the last write is the layer's last end in this image.
        layerLastEnd[image * layers + program.layer(node)] = now;
        if (holding && holdGiven[node] >= 0) {
            int slot = holdGiven[node];
            free[slot]++;
            if (waiting[slot] > 0) {
                touch(slot);
            }
        }
        int kind = word >>> CompiledProgram.KIND_SHIFT;
        if (kind >= CompiledProgram.LOAD) {
            moveData(kind, node, false);
        }
        executed++;
        if (observing) {
            observer.irFinished(now, image, node);
        }
        final IrProgram p = program;
        for (int k = p.successorStart(node), to = p.successorStart(node + 1); k < to; k++) {
            satisfied(image, p.successorAt(k), now);
        }
        if (image + 1 < images) {
            satisfied(image + 1, node, now);
        }
        if (registering) {
            giveBack(image, node, now);
        }
    }

    /** One predecessor of the IR's run for the image (not its register) has ended, or the image has arrived. */
    private void satisfied(int image, int node, long now) {
        int block = blockOf[image];
        assert holds(block, image);
        int left = --pending[block * n + node];
        if (left == 0) {
            makeReady(image, node, now);
        } else if (left == 1 && registering && takerUse[node] >= 0) {
            // Waiting for its register alone, if that is what is left.
            int at = block * registerUses + takerUse[node];
            if (registerSince[at] == -1) {
                registerSince[at] = now;
            }
        }
    }

    /** The IR's end gives back the registers of the uses it ends: the use S later in each ring may start. */
    private void giveBack(int image, int node, long now) {
        PeRegisters r = registers;
        for (int k = r.giverStart[node], to = r.giverStart[node + 1]; k < to; k++) {
            int use = r.giverUses[k];
            int ring = r.ringOf[use];
            int uses = r.ringSize(ring);
            long next = (long) image * uses + (use - r.ringStart[ring]) + (r.isInput(ring) ? inputSlots : outputSlots);
            int nextImage = (int) (next / uses);
            if (nextImage >= images) {
                continue;
            }
            int nextUse = r.ringStart[ring] + (int) (next % uses);
            int taker = r.taker[nextUse];
            int block = blockOf[nextImage];
            assert holds(block, nextImage);
            int at = block * registerUses + nextUse;
            long since = registerSince[at];
            registerSince[at] = -2;
            if (--pending[block * n + taker] == 0) {
                if (r.isInput(ring)) {
                    inputRegisterWait += now - since;
                } else {
                    outputRegisterWait += now - since;
                }
                makeReady(nextImage, taker, now);
            }
        }
    }

    /** Images end in order: each IR of an image starts only after the same IR of the image before has ended. */
    private void imageEnded(int image, long now) {
        imageEndCycles[image] = now;
        completedImages = image + 1;
        if (image + blocks < images) {
            // Its block is free: the image a ring later takes it (see ringBlocks).
            initBlock(image + blocks);
        }
        int next = image + window;
        if (window > 0 && sourceCount > 0 && next < images) {
            events.push(now, ARRIVAL_PRIORITY, -next - 1);
        }
        if (completedImages == images) {
            return;
        }
        if (shiftTracking && unaffectedByTheEnd(image)) {
            for (int p = 1; p <= MAX_PERIOD && image - p >= stopRule.warmupImages(); p++) {
                long shift = now - imageEndCycles[image - p];
                if (repeatsFrom(image, p, shift, now)) {
                    stopped = stopAtSteady;
                    repeatedShift = shift;
                    repeatedPeriod = p;
                    shiftTracking = false;
                    return;
                }
            }
        }
        if (stopAtSteady && (stopRule.converged(imageEndCycles, image) || completedImages == endAfter)) {
            stopped = true;
        }
    }

    /**
     * Whether everything up to the end of {@code image} is as it would be in an endless stream: the first image the
     * run lacks, {@code images}, would arrive after it, at the end of image {@code images - window}.
     */
    private boolean unaffectedByTheEnd(int image) {
        return images - window > image;
    }

    /**
     * Whether the schedule repeats from the end of {@code image} ({@code now}), with period p and shift S: the image
     * and the {@code reach - 1} before it (whose IRs' ends may have readied a register's taker in an image in flight)
     * each arrived S cycles after the image p before it and started every IR as long after its arrival; and every
     * image arrived after it arrived S cycles after the image p before it and started before {@code now} the same
     * IRs, as long after its arrival, as that image had started before {@code now - S}.
     */
    private boolean repeatsFrom(int image, int p, long shift, long now) {
        for (int g = image - reach + 1; g <= arrived; g++) {
            if (g - p < 0 || arrivalAt[g] - arrivalAt[g - p] != shift) {
                return false;
            }
            // Started before now, relative to the arrival: below this (NOT_STARTED is never below it); every IR of
            // an image that has ended.
            long before = g <= image ? Long.MAX_VALUE : now - arrivalAt[g];
            int at = (g % shiftImages) * n;
            int back = ((g - p) % shiftImages) * n;
            for (int i = 0; i < n; i++) {
                int x = startSinceArrival[at + i];
                int y = startSinceArrival[back + i];
                boolean started = x < before;
                if (started != y < before || started && x != y) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Scratchpad occupancy of LOAD, STORE, TRANSFER and MERGE: data arrive when the IR bringing them starts and
     * leave when the IR taking them away ends.
     */
    private void moveData(int kind, int node, boolean starting) {
        IrProgram p = program;
        long bits = (long) p.width(node) * dataBits;
        int here = p.macro(node);
        if (kind == CompiledProgram.STORE) {
            if (starting) {
                grow(here, bits);
            }
        } else if (kind == CompiledProgram.LOAD) {
            if (!starting) {
                shrink(here, bits);
            }
        } else if (kind == CompiledProgram.TRANSFER) {
            int dst = p.auxField(node);
            if (dst != here) {
                if (starting) {
                    grow(dst, bits);
                } else {
                    shrink(here, bits);
                }
            }
        } else {
            int mergeSet = p.auxField(node);
            for (int k = p.mergeSetStart(mergeSet); k < p.mergeSetStart(mergeSet + 1); k++) {
                int source = p.mergeSetMacro(k);
                if (source != here) {
                    if (starting) {
                        grow(here, bits);
                    } else {
                        shrink(source, bits);
                    }
                }
            }
        }
    }

    private void grow(int macro, long bits) {
        long now = occupancyBits[macro] + bits;
        occupancyBits[macro] = now;
        if (now > highWaterBits[macro]) {
            highWaterBits[macro] = now;
        }
    }

    /** Data read out leaves; input that was never stored here (the network's input) leaves nothing below 0. */
    private void shrink(int macro, long bits) {
        occupancyBits[macro] = Math.max(0, occupancyBits[macro] - bits);
    }
}
