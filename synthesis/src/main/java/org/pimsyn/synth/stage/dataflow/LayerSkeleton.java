package org.pimsyn.synth.stage.dataflow;

import org.pimsyn.synth.mapping.CrossbarSet;

/**
 * The partition-independent program of one weight layer, block by block, in primitive arrays. Op slots number
 * the layer's block-level operations: 0 is the LOAD; 1..leadCount the leading ALU ops (layers computed from the
 * network input, before the LOAD); then the follower ALU ops (activation, pooling, element-wise... after the
 * crossbar work), each group in network order. Per-slot, per-block arrays are indexed {@code (slot - 1) x
 * blocks + block}.
 */
final class LayerSkeleton {
    static final int LOAD_SLOT = 0;

    final int weightIndex;
    final int layerId;
    final String name;
    final CrossbarSet set;
    /** WtDup: crossbar-set copies, hence output positions per full block. */
    final int copies;
    /** Output positions H_out x W_out (1 for FC). */
    final int positions;
    final int blocks;
    final int outChannels;
    /** Inputs one output position reads: K_h x K_w x C_in (FC: input features). */
    final int loadPerPosition;
    /** Row-tile partial sums one output position adds: C_out x (rowTiles - 1). */
    final int addPerPosition;

    final int leadCount;
    final int followerCount;
    /** Network layer id per ALU slot (index slot - 1). */
    final int[] opLayerIds;
    /** {@link org.pimsyn.sim.ir.AluKind} code per ALU slot (index slot - 1). */
    final byte[] opAluKind;
    /** ALU vec_width per ALU slot and block; 0 where the op has nothing to do in that block. */
    final int[] opVec;
    /** Output elements of each leading op per block (what a TRANSFER of them carries), index i x blocks + b. */
    final int[] leadOutElems;
    /** Source id of each leading op (index i), for layers of other owners that read it. */
    final int[] leadSource;
    /** Elements the block's STORE writes (0 when nothing leaves the layer in that block). */
    final int[] stored;

    /** Dependency records of block b are {@code depStart[b] .. depStart[b + 1] - 1}. */
    final int[] depStart;
    /** Slot of the op that waits. */
    final int[] depTarget;
    /** Slot of an earlier-block op of this layer the target waits for, or -1 for another owner's data. */
    final int[] depFrom;
    /** Source id of another owner's data (when depFrom is -1). */
    final int[] depSource;
    /** Position of this layer in the source's consumer list. */
    final int[] depLink;
    /** Block of the op or source the target waits for. */
    final int[] depBlock;

    LayerSkeleton(int weightIndex, int layerId, String name, CrossbarSet set, int copies, int positions,
            int outChannels, int loadPerPosition, int leadCount, int followerCount, int[] opLayerIds,
            byte[] opAluKind, int[] opVec, int[] leadOutElems, int[] leadSource, int[] stored, int[] depStart,
            int[] depTarget, int[] depFrom, int[] depSource, int[] depLink, int[] depBlock) {
        this.weightIndex = weightIndex;
        this.layerId = layerId;
        this.name = name;
        this.set = set;
        this.copies = copies;
        this.positions = positions;
        this.blocks = (positions + copies - 1) / copies;
        this.outChannels = outChannels;
        this.loadPerPosition = loadPerPosition;
        this.addPerPosition = outChannels * (set.rowTiles() - 1);
        this.leadCount = leadCount;
        this.followerCount = followerCount;
        this.opLayerIds = opLayerIds;
        this.opAluKind = opAluKind;
        this.opVec = opVec;
        this.leadOutElems = leadOutElems;
        this.leadSource = leadSource;
        this.stored = stored;
        this.depStart = depStart;
        this.depTarget = depTarget;
        this.depFrom = depFrom;
        this.depSource = depSource;
        this.depLink = depLink;
        this.depBlock = depBlock;
    }

    int aluSlots() {
        return leadCount + followerCount;
    }

    /** Output positions block b computes: the copies active in it. */
    int activeCopies(int block) {
        return Math.min(copies, positions - block * copies);
    }

    /** Crossbars of all copies: what a placement must distribute. */
    int totalCrossbars() {
        return copies * set.size();
    }
}
