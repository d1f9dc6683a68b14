package org.pimsyn.synth.stage.duplication;

import java.util.ArrayList;
import java.util.List;

/**
 * The best distinct duplication vectors offered so far, kept sorted by {@link DuplicationCandidate#ORDER}. An
 * offer that does not qualify costs a comparison and allocates nothing; a qualifying one reuses the array of the
 * entry it evicts. The same vector always has the same energy, so a repeat is found at its sorted position.
 */
final class TopCandidates {
    private final int capacity;
    private final double[] energies;
    private final int[][] vectors;
    private int size;

    TopCandidates(int capacity, int vectorLength) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.energies = new double[capacity];
        this.vectors = new int[capacity][];
        for (int i = 0; i < capacity; i++) {
            vectors[i] = new int[vectorLength];
        }
    }

    /** Keeps a copy of {@code vector} if it is new and ranks among the best; true where it was kept. */
    boolean offer(double energy, int[] vector) {
        if (size == capacity && DuplicationCandidate.compare(energy, vector, energies[size - 1], vectors[size - 1]) >= 0) {
            return false;
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = DuplicationCandidate.compare(energies[mid], vectors[mid], energy, vector);
            if (c == 0) {
                return false;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int last = size == capacity ? size - 1 : size;
        int[] slot = vectors[last];
        System.arraycopy(energies, lo, energies, lo + 1, last - lo);
        System.arraycopy(vectors, lo, vectors, lo + 1, last - lo);
        System.arraycopy(vector, 0, slot, 0, vector.length);
        energies[lo] = energy;
        vectors[lo] = slot;
        if (size < capacity) {
            size++;
        }
        return true;
    }

    /** A copy of the best vector; there is one once anything was offered. */
    int[] best() {
        if (size == 0) {
            throw new IllegalStateException("nothing offered yet");
        }
        return vectors[0].clone();
    }

    int size() {
        return size;
    }

    List<DuplicationCandidate> toList(DuplicationProblem problem) {
        List<DuplicationCandidate> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new DuplicationCandidate(vectors[i], energies[i], problem.crossbarsUsed(vectors[i])));
        }
        return List.copyOf(out);
    }
}
