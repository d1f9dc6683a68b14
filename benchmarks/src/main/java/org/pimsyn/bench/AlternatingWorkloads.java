package org.pimsyn.bench;

/**
 * Two equal workloads, built apart, handed out in turn. The engine repeats a run of the program it last ran on the
 * same binding without its event loop; the search never asks for that (each gene compiles a program of its own),
 * so alternating, every call runs the event loop.
 */
final class AlternatingWorkloads {
    private final Workload[] workloads;
    private int calls;

    /** @param name a workload of {@link DataflowGenerator#named} */
    AlternatingWorkloads(String name) {
        workloads = new Workload[] {DataflowGenerator.named(name), DataflowGenerator.named(name)};
    }

    /** The other workload than the last call's. */
    Workload next() {
        return workloads[calls++ & 1];
    }

    /** Always the same one: a run the engine can answer from its last. */
    Workload first() {
        return workloads[0];
    }
}
