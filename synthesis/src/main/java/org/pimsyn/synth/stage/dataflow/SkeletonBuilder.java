package org.pimsyn.synth.stage.dataflow;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;

/**
 * Works out the partition-independent dataflow of a network, owner by owner in weight-layer order.
 *
 * <p>Every layer that yields data (a weight layer, a costed follower, a leading layer) completes its output
 * positions in raster order and gets a {@code lastPos} array over its owner's blocks: the last of its positions
 * complete once that block is done. A weight layer completes {@code min((b + 1) D, P) - 1}; a follower completes
 * every position whose need on its owner's outputs (through the {@link ReceptiveField} of the layers in between)
 * is met; a leading layer completes what its owner's block needs of it (and everything by the last block). The
 * block in which a position of such a layer is produced is then a binary search in that array.
 *
 * <p>Dependencies come from walks back from the two corners of an op's completed positions in a block, through
 * free layers, stopping at the first layer that yields data. Another owner's data becomes a record "wait for
 * source s in its block beta"; an earlier block of one of the owner's own ops becomes a record only where the
 * in-block chain does not already imply it.
 */
final class SkeletonBuilder {
    private final DataflowSpec spec;
    private final Network network;
    private final LayerRoles roles;
    private final int weightCount;
    private final int[] copies;
    /** Provider ids per layer id, unboxed once for the walks. */
    private final int[][] providers;
    /** Per layer id, see the class comment; null for layers that yield no data of their own. */
    private final int[][] lastPos;
    /** Op slot per layer id within its owner (valid for costed layers of the owner being built). */
    private final int[] slotOf;
    private final int[] sourceOfLeading;
    private final int[] sourceOwner;
    private final int[] sourceSlot;
    private final List<IntArrayList> sourceConsumers = new ArrayList<>();

    // Walk state for the owner being built.
    private int owner;
    private int walkBlock;
    private boolean targetIsLeading;
    private boolean recordDeps;
    private boolean recordFrontier;
    /** Walking only to measure {@link #ownerNeed}: the owner's output a follower needs. */
    private boolean measuringOwner;
    private int ownerNeed;
    private final int[] foreignBeta;
    private final IntArrayList foreignTouched = new IntArrayList();
    private final int[] internalBeta;
    private final IntArrayList internalTouched = new IntArrayList();
    private final int[][] rawFrontier;

    /** Per (op slot, data) of the owner being built: the block last waited for. */
    private final Long2IntOpenHashMap lastWaited = new Long2IntOpenHashMap();

    // Dependency records of the owner being built, in the order found.
    private final IntArrayList depBlockOf = new IntArrayList();
    private final IntArrayList depTarget = new IntArrayList();
    private final IntArrayList depFrom = new IntArrayList();
    private final IntArrayList depSource = new IntArrayList();
    private final IntArrayList depLink = new IntArrayList();
    private final IntArrayList depBeta = new IntArrayList();

    SkeletonBuilder(DataflowSpec spec) {
        this.spec = spec;
        this.network = spec.network();
        this.roles = LayerRoles.of(network);
        this.weightCount = roles.weightCount();
        int n = network.size();
        copies = new int[weightCount];
        for (int k = 0; k < weightCount; k++) {
            copies[k] = spec.wtDup(k);
        }
        lastWaited.defaultReturnValue(-1);
        lastPos = new int[n][];
        providers = new int[n][];
        for (Layer layer : network.layers()) {
            providers[layer.id()] = layer.providers().stream().mapToInt(Integer::intValue).toArray();
        }
        slotOf = new int[n];
        rawFrontier = new int[n][];
        sourceOfLeading = new int[n];
        Arrays.fill(sourceOfLeading, -1);
        IntArrayList owners = new IntArrayList();
        for (int k = 0; k < weightCount; k++) {
            owners.add(k);
            sourceConsumers.add(new IntArrayList());
        }
        for (int id = 0; id < n; id++) {
            if (roles.leading[id] && !roles.isFree(id)) {
                sourceOfLeading[id] = owners.size();
                owners.add(roles.owner[id]);
                sourceConsumers.add(new IntArrayList());
            }
        }
        sourceOwner = owners.toIntArray();
        sourceSlot = new int[sourceOwner.length];
        foreignBeta = new int[sourceOwner.length];
        Arrays.fill(foreignBeta, -1);
        internalBeta = new int[n];
        Arrays.fill(internalBeta, -1);
    }

    DataflowSkeleton build() {
        LayerSkeleton[] layers = new LayerSkeleton[weightCount];
        for (int k = 0; k < weightCount; k++) {
            layers[k] = buildOwner(k);
        }
        int[][] consumers = new int[sourceConsumers.size()][];
        for (int s = 0; s < consumers.length; s++) {
            consumers[s] = sourceConsumers.get(s).toIntArray();
        }
        return new DataflowSkeleton(spec, roles.weightLayerIds, roles.owner.clone(), layers, sourceOwner,
                sourceSlot, consumers);
    }

    private LayerSkeleton buildOwner(int k) {
        owner = k;
        int kId = roles.weightLayerIds[k];
        Layer kLayer = network.layer(kId);
        int d = copies[k];
        int positions = kLayer.outputPositions();
        int blocks = (positions + d - 1) / d;
        CrossbarSet set = CrossbarSet.of(kLayer, spec.xbSize(), spec.cellBits(), spec.weightBits());
        long widest = Math.max(Math.max((long) d * set.size(), (long) d * set.groups() * set.rowsPerGroup()),
                Math.max(d * set.conversionsPerCopy(), (long) d * kLayer.outChannels() * set.rowTiles()));
        if (widest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer '" + kLayer.name() + "' (weight layer " + k
                    + "): duplication " + d + " gives " + widest + " crossbars or elements in one block, more than"
                    + " an IR holds");
        }
        int[] own = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            own[b] = Math.min((b + 1) * d, positions) - 1;
        }
        lastPos[kId] = own;

        IntArrayList leads = new IntArrayList();
        IntArrayList followers = new IntArrayList();
        for (int id = 0; id < network.size(); id++) {
            if (roles.owner[id] == k && !network.layer(id).hasWeights() && !roles.isFree(id)) {
                (roles.leading[id] ? leads : followers).add(id);
            }
        }
        int leadCount = leads.size();
        int slots = leadCount + followers.size();
        int[] opLayerIds = new int[slots];
        byte[] opAluKind = new byte[slots];
        for (int i = 0; i < leadCount; i++) {
            int id = leads.getInt(i);
            opLayerIds[i] = id;
            slotOf[id] = 1 + i;
            sourceSlot[sourceOfLeading[id]] = 1 + i;
            rawFrontier[id] = new int[blocks];
            Arrays.fill(rawFrontier[id], -1);
        }
        for (int j = 0; j < followers.size(); j++) {
            int id = followers.getInt(j);
            opLayerIds[leadCount + j] = id;
            slotOf[id] = 1 + leadCount + j;
            lastPos[id] = followerLastPos(id, own);
        }
        for (int s = 0; s < slots; s++) {
            opAluKind[s] = roles.aluKind[opLayerIds[s]];
        }

        clearDeps();
        collectBlockWaits(kId, own, followers);
        settleLeading(leads, blocks);
        collectLeadingWaits(leads, blocks);
        int[] opVec = new int[slots * blocks];
        int[] leadOutElems = new int[leadCount * blocks];
        int[] leadSource = new int[leadCount];
        for (int s = 0; s < slots; s++) {
            Layer layer = network.layer(opLayerIds[s]);
            long perOutput = (long) layer.outputShape().c() * LayerRoles.aluElementsPerOutput(layer);
            for (int b = 0; b < blocks; b++) {
                opVec[s * blocks + b] = toInt(produced(opLayerIds[s], b) * perOutput, layer);
                if (s < leadCount) {
                    leadOutElems[s * blocks + b] = toInt((long) produced(opLayerIds[s], b) * layer.outputShape().c(),
                            layer);
                }
            }
            if (s < leadCount) {
                leadSource[s] = sourceOfLeading[opLayerIds[s]];
            }
        }
        return groupDeps(k, kId, kLayer, set, d, positions, blocks, leadCount, followers.size(), opLayerIds,
                opAluKind, opVec, leadOutElems, leadSource, storedElements(kId, followers, blocks));
    }

    /** What the LOAD and the follower ops of each block wait for; what each block needs of the leading layers. */
    private void collectBlockWaits(int kId, int[] own, IntArrayList followers) {
        recordDeps = true;
        recordFrontier = true;
        targetIsLeading = false;
        for (int b = 0; b < own.length; b++) {
            walk(kId, LayerSkeleton.LOAD_SLOT, own[b], b);
            for (int j = 0; j < followers.size(); j++) {
                int id = followers.getInt(j);
                if (produced(id, b) > 0) {
                    walk(id, slotOf[id], lastPos[id][b], b);
                }
            }
        }
    }

    /** Fixes each leading layer's frontier, last to first: a leading layer adds to the needs of those it reads. */
    private void settleLeading(IntArrayList leads, int blocks) {
        recordDeps = false;
        recordFrontier = true;
        for (int i = leads.size() - 1; i >= 0; i--) {
            int id = leads.getInt(i);
            lastPos[id] = frontier(rawFrontier[id], network.layer(id).outputPositions());
            rawFrontier[id] = null;
            for (int b = 0; b < blocks; b++) {
                if (produced(id, b) > 0) {
                    walk(id, slotOf[id], lastPos[id][b], b);
                }
            }
        }
    }

    private void collectLeadingWaits(IntArrayList leads, int blocks) {
        recordDeps = true;
        recordFrontier = false;
        targetIsLeading = true;
        for (int i = 0; i < leads.size(); i++) {
            int id = leads.getInt(i);
            for (int b = 0; b < blocks; b++) {
                if (produced(id, b) > 0) {
                    walk(id, slotOf[id], lastPos[id][b], b);
                }
            }
        }
    }

    /** Elements each block's STORE writes: those of the owner's layers whose outputs are read elsewhere. */
    private int[] storedElements(int kId, IntArrayList followers, int blocks) {
        Layer kLayer = network.layer(kId);
        int[] stored = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            long elements = roles.stored[kId] ? (long) produced(kId, b) * kLayer.outChannels() : 0;
            for (int j = 0; j < followers.size(); j++) {
                int id = followers.getInt(j);
                if (roles.stored[id]) {
                    elements += (long) produced(id, b) * network.layer(id).outputShape().c();
                }
            }
            stored[b] = toInt(elements, kLayer);
        }
        return stored;
    }

    private LayerSkeleton groupDeps(int k, int kId, Layer kLayer, CrossbarSet set, int d, int positions, int blocks,
            int leadCount, int followerCount, int[] opLayerIds, byte[] opAluKind, int[] opVec, int[] leadOutElems,
            int[] leadSource, int[] stored) {
        int count = depBlockOf.size();
        int[] start = new int[blocks + 1];
        for (int i = 0; i < count; i++) {
            start[depBlockOf.getInt(i) + 1]++;
        }
        for (int b = 0; b < blocks; b++) {
            start[b + 1] += start[b];
        }
        int[] fill = Arrays.copyOf(start, blocks);
        int[] target = new int[count];
        int[] from = new int[count];
        int[] source = new int[count];
        int[] link = new int[count];
        int[] beta = new int[count];
        for (int i = 0; i < count; i++) {
            int at = fill[depBlockOf.getInt(i)]++;
            target[at] = depTarget.getInt(i);
            from[at] = depFrom.getInt(i);
            source[at] = depSource.getInt(i);
            link[at] = depLink.getInt(i);
            beta[at] = depBeta.getInt(i);
        }
        int loadPerPosition = set.groups() * set.rowsPerGroup();
        return new LayerSkeleton(k, kId, kLayer.name(), set, d, positions, kLayer.outChannels(), loadPerPosition,
                leadCount, followerCount, opLayerIds, opAluKind, opVec, leadOutElems, leadSource, stored, start,
                target, from, source, link, beta);
    }

    /** Positions of a data-yielding layer completed in block b of its owner. */
    private int produced(int id, int b) {
        int[] lp = lastPos[id];
        return lp[b] - (b > 0 ? lp[b - 1] : -1);
    }

    /** Block of the owner in which position q of a data-yielding layer is produced. */
    private int blockOf(int id, int q) {
        int[] lp = lastPos[id];
        int lo = 0;
        int hi = lp.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lp[mid] >= q) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Sweeps the follower's positions against the owner's completed positions, block by block. */
    private int[] followerLastPos(int id, int[] own) {
        int positions = network.layer(id).outputPositions();
        int[] lp = new int[own.length];
        int q = 0;
        for (int b = 0; b < own.length; b++) {
            while (q < positions && needOnOwner(id, q) <= own[b]) {
                q++;
            }
            lp[b] = q - 1;
        }
        return lp;
    }

    /** The last of the owner's output positions that positions 0..q of one of its followers need. */
    private int needOnOwner(int id, int q) {
        measuringOwner = true;
        ownerNeed = ReceptiveField.NOTHING;
        visitCorners(network.layer(id), q);
        measuringOwner = false;
        return ownerNeed;
    }

    /** Prefix maximum of what the owner's blocks need, and everything by the last block. */
    private static int[] frontier(int[] raw, int positions) {
        int[] lp = new int[raw.length];
        int max = -1;
        for (int b = 0; b < raw.length; b++) {
            max = Math.max(max, Math.min(raw[b], positions - 1));
            lp[b] = max;
        }
        lp[raw.length - 1] = positions - 1;
        return lp;
    }

    /** Walks back from positions 0..q of {@code start}, the data of op {@code slot} in block b. */
    private void walk(int start, int slot, int q, int b) {
        walkBlock = b;
        visitCorners(network.layer(start), q);
        if (recordDeps) {
            flush(slot, b);
        } else {
            resetAcc();
        }
    }

    /** The two corners of the raster prefix 0..q: the rows before q's in full, and q's row up to q. */
    private void visitCorners(Layer layer, int q) {
        int width = layer.outputShape().w();
        int row = q / width;
        if (row > 0) {
            visitProviders(layer, row - 1, width - 1);
        }
        visitProviders(layer, row, q % width);
    }

    private void visitProviders(Layer layer, int row, int col) {
        for (int p : providers[layer.id()]) {
            Layer provider = network.layer(p);
            int r = ReceptiveField.lastRow(layer, provider.outputShape(), row);
            int c = ReceptiveField.lastCol(layer, provider.outputShape(), col);
            if (r >= 0 && c >= 0 && provider.op() != LayerOp.INPUT) {
                visit(p, provider, r, c);
            }
        }
    }

    private void visit(int p, Layer provider, int row, int col) {
        int need = row * provider.outputShape().w() + col;
        boolean own = roles.owner[p] == owner;
        if (provider.hasWeights()) {
            if (own) {
                // The owner's own outputs: measured for its followers, otherwise covered by its chained tails.
                ownerNeed = Math.max(ownerNeed, need);
            } else {
                noteForeign(roles.weightIndex[p], need / copies[roles.weightIndex[p]]);
            }
        } else if (roles.isFree(p) || (measuringOwner && own && !roles.leading[p])) {
            visitProviders(provider, row, col);
        } else if (measuringOwner) {
            return;
        } else if (roles.leading[p]) {
            if (own) {
                if (recordFrontier) {
                    rawFrontier[p][walkBlock] = Math.max(rawFrontier[p][walkBlock], need);
                }
                // For the LOAD and followers, the chain of leading ops into each LOAD already orders them.
                if (targetIsLeading) {
                    noteInternal(p, blockOf(p, need));
                }
            } else {
                noteForeign(sourceOfLeading[p], blockOf(p, need));
            }
        } else if (own) {
            noteInternal(p, blockOf(p, need));
        } else {
            noteForeign(roles.owner[p], blockOf(p, need));
        }
    }

    private void noteForeign(int source, int beta) {
        note(foreignBeta, foreignTouched, source, beta);
    }

    private void noteInternal(int id, int beta) {
        note(internalBeta, internalTouched, id, beta);
    }

    /** Keeps the latest block needed of one data, remembering which entries to reset after the walk. */
    private void note(int[] latest, IntArrayList touched, int index, int beta) {
        if (!recordDeps || measuringOwner) {
            return;
        }
        if (latest[index] < 0) {
            touched.add(index);
        }
        latest[index] = Math.max(latest[index], beta);
    }

    private void flush(int slot, int b) {
        for (int i = 0; i < internalTouched.size(); i++) {
            int id = internalTouched.getInt(i);
            int beta = internalBeta[id];
            // An op that also runs in this block precedes the target in the block's chain, and its own earlier
            // blocks precede it: only an op idle in this block needs an edge from its last needed block.
            if (beta < b && produced(id, b) == 0 && firstWait(slot, sourceOwner.length + id, beta)) {
                addDep(b, slot, slotOf[id], -1, -1, beta);
            }
        }
        for (int i = 0; i < foreignTouched.size(); i++) {
            int s = foreignTouched.getInt(i);
            IntArrayList consumers = sourceConsumers.get(s);
            if (consumers.isEmpty() || consumers.getInt(consumers.size() - 1) != owner) {
                consumers.add(owner);
            }
            if (firstWait(slot, s, foreignBeta[s])) {
                addDep(b, slot, -1, s, consumers.size() - 1, foreignBeta[s]);
            }
        }
        resetAcc();
    }

    /**
     * Whether op {@code slot} did not already wait for the same block of the same data in its previous block: its
     * blocks are chained, so that earlier edge covers this one.
     */
    private boolean firstWait(int slot, int data, int beta) {
        long key = (long) slot << 32 | data;
        return lastWaited.put(key, beta) != beta;
    }

    private void resetAcc() {
        reset(internalBeta, internalTouched);
        reset(foreignBeta, foreignTouched);
    }

    private static void reset(int[] latest, IntArrayList touched) {
        for (int i = 0; i < touched.size(); i++) {
            latest[touched.getInt(i)] = -1;
        }
        touched.clear();
    }

    private void addDep(int b, int target, int from, int source, int link, int beta) {
        depBlockOf.add(b);
        depTarget.add(target);
        depFrom.add(from);
        depSource.add(source);
        depLink.add(link);
        depBeta.add(beta);
    }

    private void clearDeps() {
        lastWaited.clear();
        depBlockOf.clear();
        depTarget.clear();
        depFrom.clear();
        depSource.clear();
        depLink.clear();
        depBeta.clear();
    }

    private static int toInt(long value, Layer layer) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("layer '" + layer.name() + "': " + value
                    + " elements in one block is more than an IR's vec_width holds");
        }
        return (int) value;
    }
}
