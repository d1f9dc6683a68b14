package org.pimsyn.synth.stage.dataflow;

import java.util.Arrays;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/**
 * The placement-dependent pass of the dataflow compiler: one walk over the skeleton's layers and blocks, in
 * (layer, block) order, adding IRs and edges and counting the workload as it goes. All bookkeeping is in int
 * arrays of IR ids.
 */
final class DataflowEmitter {
    private static final byte SHIFT_ADD = AluKind.SHIFT_ADD.code();
    private static final byte ADD = AluKind.ADD.code();

    private final DataflowSkeleton skeleton;
    private final Placement placement;
    private final IrProgramBuilder builder;
    private final int bits;
    private final long activationBits;
    private final int xbSize;

    /** Per weight layer: IR id of each block's STORE. */
    private final int[][] storeIr;
    /** Per weight layer: IR id of each ALU op, index (slot - 1) x blocks + block; -1 where it does not run. */
    private final int[][] opIr;
    /** Per source: distinct home macros of its consumers other than its own home. */
    private final int[][] sourceHomes;
    /** Per source and consumer link: index into sourceHomes, or -1 when the consumer shares the source's home. */
    private final int[][] linkHome;
    /** Per source: TRANSFER ids, index block x homes + home index. */
    private final int[][] transferIr;
    private final int[][] lastTransfer;

    private final DataflowWorkload workload;
    /** Per macro: elements one block of each layer it serves holds at once (see CompiledDataflow). */
    private final long[] blockFootprint;

    private DataflowEmitter(DataflowSkeleton skeleton, Placement placement) {
        this.skeleton = skeleton;
        this.placement = placement;
        this.bits = skeleton.bitIterations();
        this.activationBits = skeleton.spec().activationBits();
        this.xbSize = skeleton.spec().xbSize();
        LayerSkeleton[] layers = skeleton.layers;
        int k = layers.length;
        checkPlacement(layers);
        storeIr = new int[k][];
        opIr = new int[k][];
        int expected = 0;
        for (int i = 0; i < k; i++) {
            LayerSkeleton layer = layers[i];
            storeIr[i] = new int[layer.blocks];
            opIr[i] = new int[layer.aluSlots() * layer.blocks];
            Arrays.fill(opIr[i], -1);
            int macros = placement.layer(i).macroCount();
            expected += layer.blocks * (5 + 3 * macros + 3 * bits * macros + layer.aluSlots());
        }
        int sources = skeleton.sourceOwner.length;
        sourceHomes = new int[sources][];
        linkHome = new int[sources][];
        transferIr = new int[sources][];
        lastTransfer = new int[sources][];
        for (int s = 0; s < sources; s++) {
            routeSource(s);
            expected += sourceHomes[s].length * layers[skeleton.sourceOwner[s]].blocks;
        }
        builder = new IrProgramBuilder(expected);
        workload = new DataflowWorkload(k);
        blockFootprint = new long[placement.macroCount()];
    }

    static CompiledDataflow emit(DataflowSkeleton skeleton, Placement placement) {
        DataflowEmitter emitter = new DataflowEmitter(skeleton, placement);
        for (int k = 0; k < skeleton.layers.length; k++) {
            emitter.emitLayer(k);
        }
        IrProgram program = emitter.builder.build();
        return new CompiledDataflow(skeleton, placement, program, emitter.workload, emitter.blockFootprint);
    }

    private void checkPlacement(LayerSkeleton[] layers) {
        if (placement.size() != layers.length) {
            throw new IllegalArgumentException("placement has " + placement.size() + " layers but network '"
                    + skeleton.network().name() + "' has " + layers.length + " weight layers");
        }
        for (LayerSkeleton layer : layers) {
            int placed = placement.layer(layer.weightIndex).totalCrossbars();
            if (placed != layer.totalCrossbars()) {
                throw new IllegalArgumentException("placement of layer '" + layer.name + "' (weight layer "
                        + layer.weightIndex + ") holds " + placed + " crossbars; it needs WtDup " + layer.copies
                        + " x set " + layer.set.size() + " = " + layer.totalCrossbars());
            }
        }
    }

    /** Decides which home macros each source's blocks travel to. */
    private void routeSource(int s) {
        int owner = skeleton.sourceOwner[s];
        int from = placement.layer(owner).home();
        int[] consumers = skeleton.sourceConsumers[s];
        int[] homes = new int[consumers.length];
        int[] links = new int[consumers.length];
        int count = 0;
        for (int i = 0; i < consumers.length; i++) {
            int home = placement.layer(consumers[i]).home();
            int found = -1;
            if (home != from) {
                for (int h = 0; h < count; h++) {
                    if (homes[h] == home) {
                        found = h;
                    }
                }
                if (found < 0) {
                    homes[count] = home;
                    found = count++;
                }
            }
            links[i] = found;
        }
        sourceHomes[s] = Arrays.copyOf(homes, count);
        linkHome[s] = links;
        transferIr[s] = count == 0 ? null : new int[skeleton.layers[owner].blocks * count];
        lastTransfer[s] = new int[count];
        Arrays.fill(lastTransfer[s], -1);
    }

    private void emitLayer(int k) {
        LayerSkeleton layer = skeleton.layers[k];
        LayerPlacement where = placement.layer(k);
        int home = where.home();
        int blocks = layer.blocks;
        MacroShares full = new MacroShares(layer.set, xbSize, where, layer.activeCopies(0));
        MacroShares last = layer.activeCopies(blocks - 1) == layer.activeCopies(0) ? full
                : new MacroShares(layer.set, xbSize, where, layer.activeCopies(blocks - 1));
        int macros = full.count;
        int[] prevMvm = new int[macros];
        Arrays.fill(prevMvm, -1);
        int[] firstIr = new int[macros];
        int[] mvm = new int[macros];
        int[] shiftAdd = new int[macros];
        int slots = layer.aluSlots();
        int[] prevOp = new int[slots];
        Arrays.fill(prevOp, -1);
        int[] ops = opIr[k];
        int prevLoad = -1;
        int prevTail = -1;
        int prevStore = -1;
        int aluBase = k * AluKind.COUNT;
        long mostLoaded = 0;
        long mostMerged = 0;
        long mostStored = 0;
        int[] mostShare = new int[macros];

        for (int b = 0; b < blocks; b++) {
            MacroShares shares = b == blocks - 1 ? last : full;
            int active = layer.activeCopies(b);
            int chain = -1;
            for (int i = 0; i < layer.leadCount; i++) {
                int vec = layer.opVec[i * blocks + b];
                if (vec == 0) {
                    continue;
                }
                int id = aluOp(layer, i, b, vec, home, chain, prevOp, ops, aluBase);
                chain = id;
                sendSource(layer.leadSource[i], b, layer.leadOutElems[i * blocks + b], id, home);
            }
            int loadVec = active * layer.loadPerPosition;
            mostLoaded = Math.max(mostLoaded, loadVec);
            int load = builder.addLoad(k, b, loadVec, home);
            workload.loadedBits[k] += loadVec * activationBits;
            edge(chain, load);
            edge(prevLoad, load);
            prevLoad = load;
            firstIr[0] = load;
            for (int m = 1; m < shares.count; m++) {
                // The share lands in the other macro's scratchpad; its own LOAD reads it out to the crossbars.
                int transfer = builder.addTransfer(k, b, shares.inputs[m], home, shares.macroIds[m]);
                mostShare[m] = Math.max(mostShare[m], shares.inputs[m]);
                workload.transferredBits[k] += shares.inputs[m] * activationBits;
                builder.addEdge(load, transfer);
                firstIr[m] = builder.addLoad(k, b, shares.inputs[m], shares.macroIds[m]);
                workload.loadedBits[k] += shares.inputs[m] * activationBits;
                builder.addEdge(transfer, firstIr[m]);
            }
            for (int t = 0; t < bits; t++) {
                for (int m = 0; m < shares.count; m++) {
                    int macro = shares.macroIds[m];
                    int op = builder.addMvm(k, b, t, shares.crossbars[m], macro);
                    if (t == 0) {
                        builder.addEdge(firstIr[m], op);
                        edge(prevMvm[m], op);
                    } else {
                        builder.addEdge(mvm[m], op);
                    }
                    mvm[m] = op;
                    int adc = builder.addAdc(k, b, t, shares.conversions[m], macro);
                    builder.addEdge(op, adc);
                    int sa = builder.addAlu(AluKind.SHIFT_ADD, k, b, t, shares.conversions[m], macro);
                    builder.addEdge(adc, sa);
                    if (t > 0) {
                        builder.addEdge(shiftAdd[m], sa);
                    }
                    shiftAdd[m] = sa;
                    workload.crossbarActivations[k] += shares.crossbars[m];
                }
            }
            workload.adcConversions[k] += shares.conversionsTotal * bits;
            workload.aluElements[aluBase + SHIFT_ADD] += shares.conversionsTotal * bits;
            System.arraycopy(mvm, 0, prevMvm, 0, shares.count);
            int tail = shiftAdd[0];
            if (shares.count > 1) {
                tail = builder.addMerge(k, b, shares.mergeVec, home, shares.macroIds);
                workload.mergedBits[k] += (long) shares.mergeVec * (shares.count - 1) * activationBits;
                for (int m = 0; m < shares.count; m++) {
                    builder.addEdge(shiftAdd[m], tail);
                }
                // The merged partial sums land in the home scratchpad; reading them out frees it again.
                int mergedVec = shares.mergeVec * (shares.count - 1);
                mostMerged = Math.max(mostMerged, mergedVec);
                int readMerged = builder.addLoad(k, b, mergedVec, home);
                workload.loadedBits[k] += (long) mergedVec * activationBits;
                builder.addEdge(tail, readMerged);
                tail = readMerged;
            }
            if (layer.addPerPosition > 0) {
                int vec = active * layer.addPerPosition;
                int add = builder.addAlu(AluKind.ADD, k, b, IrProgram.NO_BIT, vec, home);
                workload.aluElements[aluBase + ADD] += vec;
                builder.addEdge(tail, add);
                tail = add;
            }
            edge(prevTail, tail);
            prevTail = tail;
            chain = tail;
            for (int i = layer.leadCount; i < slots; i++) {
                int vec = layer.opVec[i * blocks + b];
                if (vec != 0) {
                    chain = aluOp(layer, i, b, vec, home, chain, prevOp, ops, aluBase);
                }
            }
            int storeVec = Math.max(1, layer.stored[b]);
            mostStored = Math.max(mostStored, storeVec);
            int store = builder.addStore(k, b, storeVec, home);
            workload.storedBits[k] += storeVec * activationBits;
            builder.addEdge(chain, store);
            edge(prevStore, store);
            prevStore = store;
            storeIr[k][b] = store;
            sendSource(k, b, layer.stored[b], store, home);
            addDependencies(layer, b, load, ops);
        }
        blockFootprint[home] += mostLoaded + mostMerged + mostStored;
        for (int m = 1; m < macros; m++) {
            blockFootprint[full.macroIds[m]] += mostShare[m];
        }
    }

    /** One leading or follower ALU op, chained after {@code chain} and after its own previous block. */
    private int aluOp(LayerSkeleton layer, int index, int b, int vec, int home, int chain, int[] prevOp, int[] ops,
            int aluBase) {
        byte kind = layer.opAluKind[index];
        int id = builder.addAlu(AluKind.ofCode(kind), layer.weightIndex, b, IrProgram.NO_BIT, vec, home);
        workload.aluElements[aluBase + kind] += vec;
        edge(chain, id);
        edge(prevOp[index], id);
        prevOp[index] = id;
        ops[index * layer.blocks + b] = id;
        return id;
    }

    /** TRANSFERs of a source's block to every other home that waits for it, each after the previous one. */
    private void sendSource(int s, int b, int vec, int ready, int from) {
        int[] homes = sourceHomes[s];
        if (homes.length == 0 || vec == 0) {
            return;
        }
        int owner = skeleton.sourceOwner[s];
        int[] last = lastTransfer[s];
        for (int h = 0; h < homes.length; h++) {
            int id = builder.addTransfer(owner, b, vec, from, homes[h]);
            workload.transferredBits[owner] += vec * activationBits;
            builder.addEdge(ready, id);
            edge(last[h], id);
            last[h] = id;
            transferIr[s][b * homes.length + h] = id;
        }
    }

    private void addDependencies(LayerSkeleton layer, int b, int load, int[] ops) {
        int blocks = layer.blocks;
        for (int d = layer.depStart[b]; d < layer.depStart[b + 1]; d++) {
            int target = layer.depTarget[d] == LayerSkeleton.LOAD_SLOT ? load
                    : ops[(layer.depTarget[d] - 1) * blocks + b];
            int beta = layer.depBlock[d];
            int from;
            if (layer.depFrom[d] >= 0) {
                from = ops[(layer.depFrom[d] - 1) * blocks + beta];
            } else {
                int s = layer.depSource[d];
                int h = linkHome[s][layer.depLink[d]];
                if (h >= 0) {
                    from = transferIr[s][beta * sourceHomes[s].length + h];
                } else {
                    int owner = skeleton.sourceOwner[s];
                    int slot = skeleton.sourceSlot[s];
                    from = slot == 0 ? storeIr[owner][beta]
                            : opIr[owner][(slot - 1) * skeleton.layers[owner].blocks + beta];
                }
            }
            builder.addEdge(from, target);
        }
    }

    private void edge(int from, int to) {
        if (from >= 0) {
            builder.addEdge(from, to);
        }
    }
}
