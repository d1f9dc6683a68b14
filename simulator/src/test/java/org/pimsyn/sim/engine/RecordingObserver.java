package org.pimsyn.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps every callback of a run, for tests. */
final class RecordingObserver implements SimulationObserver {
    SimulationStart start;
    long[] startCycle;
    long[] endCycle;
    int[] startCount;
    int[][] held;
    final List<long[]> queueDepths = new ArrayList<>();
    long finishedCycles = -1;
    final List<String> order = new ArrayList<>();
    private int n;

    @Override
    public void started(SimulationStart s) {
        start = s;
        n = s.program().size();
        int executions = n * s.images();
        startCycle = new long[executions];
        endCycle = new long[executions];
        startCount = new int[executions];
        held = new int[executions][];
        Arrays.fill(startCycle, -1);
        Arrays.fill(endCycle, -1);
    }

    @Override
    public void irStarted(long cycle, long end, int image, int ir, int[] resources, int offset, int count) {
        int e = image * n + ir;
        startCycle[e] = cycle;
        startCount[e]++;
        held[e] = Arrays.copyOfRange(resources, offset, offset + count);
        order.add("start " + image + ":" + ir + "@" + cycle + "-" + end);
    }

    @Override
    public void irFinished(long cycle, int image, int ir) {
        endCycle[image * n + ir] = cycle;
        order.add("end " + image + ":" + ir + "@" + cycle);
    }

    @Override
    public void queueDepthChanged(long cycle, int resource, int depth) {
        queueDepths.add(new long[] {cycle, resource, depth});
    }

    @Override
    public void finished(long cycles) {
        finishedCycles = cycles;
    }

    long start(int ir) {
        return startCycle[ir];
    }

    long end(int ir) {
        return endCycle[ir];
    }

    long start(int image, int ir) {
        return startCycle[image * n + ir];
    }

    long end(int image, int ir) {
        return endCycle[image * n + ir];
    }
}
