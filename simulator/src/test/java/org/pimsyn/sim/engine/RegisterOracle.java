package org.pimsyn.sim.engine;

import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.IrProgram;

/**
 * The register uses a run binds ({@link PeRegisters}), read back for tests: which IRs take and give back registers,
 * and when a recorded schedule gave back the register each execution waited for.
 */
final class RegisterOracle {
    final PeRegisters uses = new PeRegisters();
    private final IrProgram program;
    private final int inputSlots;
    private final int outputSlots;

    RegisterOracle(Accelerator acc, ComponentLibrary library, IrProgram p, RunPlan plan) {
        program = p;
        inputSlots = plan.inputRegisterSlots();
        outputSlots = plan.outputRegisterSlots();
        CompiledProgram c = new CompiledProgram(new DesignTables(acc, library), p, 1,
                new int[CompiledProgram.STRIDE * Math.max(1, p.size())]);
        int[] indegree = new int[p.size()];
        for (int k = 0; k < p.edgeCount(); k++) {
            indegree[p.successorAt(k)]++;
        }
        uses.bind(p, c.nodes, c.fixedResources, indegree, inputSlots > 0, outputSlots > 0);
    }

    /** Takers of input registers (LOADs), in ring order, ring after ring. */
    int[] inputTakers() {
        return side(true, true);
    }

    int[] inputGivers() {
        return side(true, false);
    }

    int[] outputTakers() {
        return side(false, true);
    }

    int[] outputGivers() {
        return side(false, false);
    }

    private int[] side(boolean input, boolean takers) {
        return java.util.stream.IntStream.range(0, uses.uses).filter(u -> uses.isInput(uses.ringOf[u]) == input)
                .map(u -> takers ? uses.taker[u] : uses.giver[u]).toArray();
    }

    /**
     * Per execution ({@code image * n + ir}) of a recorded run: the cycle the register it waited for was given back
     * (the end of the giver of the use S before it in its ring), or 0 where it waited for none.
     */
    long[] registerFree(int images, RecordingObserver obs) {
        int n = program.size();
        long[] free = new long[images * n];
        for (int ring = 0; ring < 2 * uses.fixed; ring++) {
            int count = uses.ringSize(ring);
            int slots = uses.isInput(ring) ? inputSlots : outputSlots;
            for (int image = 0; image < images; image++) {
                for (int local = 0; local < count; local++) {
                    long before = (long) image * count + local - slots;
                    if (slots == 0 || before < 0) {
                        continue;
                    }
                    int giver = uses.giver[uses.ringStart[ring] + (int) (before % count)];
                    int taker = uses.taker[uses.ringStart[ring] + local];
                    free[image * n + taker] = obs.end((int) (before / count), giver);
                }
            }
        }
        return free;
    }
}
