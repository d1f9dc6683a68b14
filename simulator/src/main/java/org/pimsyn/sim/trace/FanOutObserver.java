package org.pimsyn.sim.trace;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.engine.SimulationObserver;
import org.pimsyn.sim.engine.SimulationStart;

/** Hands every callback to several observers, in the order given. */
public final class FanOutObserver implements SimulationObserver {
    private final SimulationObserver[] targets;

    private FanOutObserver(SimulationObserver[] targets) {
        this.targets = targets;
    }

    /**
     * One observer for all of them: nulls and {@link SimulationObserver#NONE} are left out, so with none left this
     * is NONE (and the engine makes no calls), and with one left that one itself.
     */
    public static SimulationObserver of(SimulationObserver... observers) {
        List<SimulationObserver> kept = new ArrayList<>();
        for (SimulationObserver o : observers) {
            if (o != null && o != SimulationObserver.NONE) {
                kept.add(o);
            }
        }
        if (kept.isEmpty()) {
            return SimulationObserver.NONE;
        }
        return kept.size() == 1 ? kept.get(0) : new FanOutObserver(kept.toArray(new SimulationObserver[0]));
    }

    @Override
    public void started(SimulationStart start) {
        for (SimulationObserver o : targets) {
            o.started(start);
        }
    }

    @Override
    public void irStarted(long cycle, long endCycle, int image, int ir, int[] resources, int offset, int count) {
        for (SimulationObserver o : targets) {
            o.irStarted(cycle, endCycle, image, ir, resources, offset, count);
        }
    }

    @Override
    public void irFinished(long cycle, int image, int ir) {
        for (SimulationObserver o : targets) {
            o.irFinished(cycle, image, ir);
        }
    }

    @Override
    public void queueDepthChanged(long cycle, int resource, int depth) {
        for (SimulationObserver o : targets) {
            o.queueDepthChanged(cycle, resource, depth);
        }
    }

    @Override
    public void finished(long cycles) {
        for (SimulationObserver o : targets) {
            o.finished(cycles);
        }
    }
}
