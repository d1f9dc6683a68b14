package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.sim.ir.IrProgram;

/**
 * The dataflow of one design point: the IR program for the simulator, the map from its layer indices (weight
 * layers 0..K-1) to network layers, each network layer's owner, and the per-layer workload summary.
 */
public final class CompiledDataflow {
    private final DataflowSkeleton skeleton;
    private final Placement placement;
    private final IrProgram program;
    private final DataflowWorkload workload;
    private final long[] blockFootprint;

    CompiledDataflow(DataflowSkeleton skeleton, Placement placement, IrProgram program, DataflowWorkload workload,
            long[] blockFootprint) {
        this.skeleton = skeleton;
        this.placement = placement;
        this.program = program;
        this.workload = workload;
        this.blockFootprint = blockFootprint;
    }

    /**
     * Elements a macro's scratchpad holds when one block of every layer it serves is in it at once: at a layer's
     * home its largest block input, merged partial sums and stored outputs; at the layer's other macros their
     * largest input share. Where blocks or images overlap, the simulated high-water mark can exceed it.
     */
    public long blockFootprintElements(int macro) {
        return blockFootprint[macro];
    }

    public IrProgram program() {
        return program;
    }

    public DataflowWorkload workload() {
        return workload;
    }

    public DataflowSkeleton skeleton() {
        return skeleton;
    }

    public Placement placement() {
        return placement;
    }

    /** K: the simulator's layers. */
    public int weightLayerCount() {
        return skeleton.weightLayerCount();
    }

    /** Network layer id of the simulator's layer k. */
    public int weightLayerId(int k) {
        return skeleton.weightLayerId(k);
    }

    /** Weight layer (simulator layer) that runs a network layer's work; -1 for the network input. */
    public int ownerOf(int layerId) {
        return skeleton.ownerOf(layerId);
    }
}
