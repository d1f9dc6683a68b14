package org.pimsyn.synth.stage.duplication;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One weight-duplication solution: WtDup_i per weight layer (indexed as {@link DuplicationProblem}), its Eq. 4
 * energy and the crossbars it occupies. Immutable: the array is copied in and out.
 */
public record DuplicationCandidate(int[] duplications, double energy, long crossbars) {

    /** The filter's order: lower energy first, then lexicographically smaller duplications. */
    public static final Comparator<DuplicationCandidate> ORDER = (a, b) -> compare(a.energy, a.duplications,
            b.energy, b.duplications);

    public DuplicationCandidate {
        duplications = duplications.clone();
    }

    @Override
    public int[] duplications() {
        return duplications.clone();
    }

    /** WtDup of weight layer {@code i}, without a copy. */
    public int duplication(int i) {
        return duplications[i];
    }

    public int layers() {
        return duplications.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DuplicationCandidate other && Arrays.equals(duplications, other.duplications)
                && Double.compare(energy, other.energy) == 0 && crossbars == other.crossbars;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(duplications) + Double.hashCode(energy);
    }

    @Override
    public String toString() {
        return "DuplicationCandidate" + Arrays.toString(duplications) + "[energy=" + energy + ", crossbars="
                + crossbars + "]";
    }

    static int compare(double energyA, int[] dupA, double energyB, int[] dupB) {
        int byEnergy = Double.compare(energyA, energyB);
        return byEnergy != 0 ? byEnergy : Arrays.compare(dupA, dupB);
    }
}
