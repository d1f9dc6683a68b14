package org.pimsyn.synth.stage.dataflow;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.mapping.CrossbarSet;
import org.pimsyn.synth.network.Network;

/**
 * The partition-independent half of the dataflow compiler (synthesis stage 2): blocks, bit iterations, each
 * block's op chain and element counts, and the receptive-field dependencies between layers. It depends only on a
 * {@link DataflowSpec}; build it once per spec and call {@link #compile(Placement)} for every macro placement the
 * search tries, which only lays the chains onto macros and adds the TRANSFER and MERGE IRs.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class DataflowSkeleton {
    private final DataflowSpec spec;
    private final int[] weightLayerIds;
    private final int[] owner;
    final LayerSkeleton[] layers;
    /** Weight layer whose block yields each source: sources 0..K-1 are the STOREs of weight layer k. */
    final int[] sourceOwner;
    /** 0 for a STORE source; the leading op's slot in its owner otherwise. */
    final int[] sourceSlot;
    /** Weight layers that wait for each source, ascending. */
    final int[][] sourceConsumers;

    DataflowSkeleton(DataflowSpec spec, int[] weightLayerIds, int[] owner, LayerSkeleton[] layers, int[] sourceOwner,
            int[] sourceSlot, int[][] sourceConsumers) {
        this.spec = spec;
        this.weightLayerIds = weightLayerIds;
        this.owner = owner;
        this.layers = layers;
        this.sourceOwner = sourceOwner;
        this.sourceSlot = sourceSlot;
        this.sourceConsumers = sourceConsumers;
    }

    /**
     * Works out the skeleton of a spec.
     *
     * @throws IllegalArgumentException when the network has several inputs or no weight layer (naming them)
     */
    public static DataflowSkeleton of(DataflowSpec spec) {
        return new SkeletonBuilder(spec).build();
    }

    /**
     * Lays the skeleton onto a placement: MVM, ADC and shift-add per macro, TRANSFERs of block inputs to the
     * layer's other macros each read out there by a LOAD, a MERGE where a layer spans several followed by a LOAD
     * of the merged partial sums at home, and TRANSFERs of stored outputs to consumers homed elsewhere.
     *
     * @throws IllegalArgumentException naming the layer when the placement does not fit the skeleton
     */
    public CompiledDataflow compile(Placement placement) {
        return DataflowEmitter.emit(this, placement);
    }

    public DataflowSpec spec() {
        return spec;
    }

    public Network network() {
        return spec.network();
    }

    /** K: the number of weight layers, which are the simulator's layers 0..K-1. */
    public int weightLayerCount() {
        return weightLayerIds.length;
    }

    /** Network layer id of weight layer k. */
    public int weightLayerId(int k) {
        return weightLayerIds[k];
    }

    /**
     * Weight layer whose blocks run a network layer's work: a weight layer's own index, the owner of a
     * non-weight layer (see {@link LayerRoles}), -1 for the network input.
     */
    public int ownerOf(int layerId) {
        return owner[layerId];
    }

    /** Input bit slices per block (T). */
    public int bitIterations() {
        return spec.bitIterations();
    }

    public CrossbarSet crossbarSet(int k) {
        return layers[k].set;
    }

    /** Computation blocks of weight layer k: ceil(P / WtDup). */
    public int blocks(int k) {
        return layers[k].blocks;
    }

    /** Output positions of weight layer k that block b computes (its active copies). */
    public int activeCopies(int k, int block) {
        return layers[k].activeCopies(block);
    }

    /** Crossbars weight layer k needs in all: WtDup x set size; a placement distributes exactly these. */
    public int crossbarsOf(int k) {
        return layers[k].totalCrossbars();
    }

    /** Elements the LOAD of block b reads: its active copies x the inputs one output position reads. */
    public int loadedElements(int k, int block) {
        return layers[k].activeCopies(block) * layers[k].loadPerPosition;
    }

    /**
     * The fewest input elements weight layer k's home macro sends its other macros in block b (TRANSFERs of
     * their input shares) where the home holds at most {@code homeCrossbars} of the layer's crossbars; 0 where
     * the home can hold the block's.
     */
    public long leastRemoteInputElements(int k, int block, long homeCrossbars) {
        return MacroShares.leastRemoteInputs(layers[k].set, spec.xbSize(), layers[k].activeCopies(block),
                homeCrossbars);
    }

    /** Likewise the fewest partial outputs the other macros send the home in block b (its MERGE). */
    public long leastRemotePartialElements(int k, int block, long homeCrossbars) {
        return MacroShares.leastRemotePartials(layers[k].set, spec.xbSize(), layers[k].activeCopies(block),
                homeCrossbars);
    }

    /** Elements the STORE of block b writes (the IR's vec_width is at least 1). */
    public int storedElements(int k, int block) {
        return layers[k].stored[block];
    }

    /** Network layer ids of the non-weight layers whose ALU work runs in weight layer k's blocks, network order. */
    public List<Integer> ownedAluLayers(int k) {
        List<Integer> ids = new ArrayList<>();
        for (int id : layers[k].opLayerIds) {
            ids.add(id);
        }
        return ids;
    }

    /**
     * The ALU kind a non-weight layer's work runs on (in its owner's blocks), or null for weight layers, the
     * input and layers that cost no ALU work.
     */
    public AluKind aluKindOf(int layerId) {
        int k = owner[layerId];
        if (k < 0) {
            return null;
        }
        LayerSkeleton layer = layers[k];
        for (int slot = 0; slot < layer.opLayerIds.length; slot++) {
            if (layer.opLayerIds[slot] == layerId) {
                return AluKind.ofCode(layer.opAluKind[slot]);
            }
        }
        return null;
    }

    /** Each weight layer alone in its own macro (macro k), holding all its crossbars. */
    public Placement oneMacroPerLayer() {
        int[] crossbars = new int[layers.length];
        for (int k = 0; k < layers.length; k++) {
            crossbars[k] = crossbarsOf(k);
        }
        return Placement.oneMacroPerLayer(crossbars);
    }
}
