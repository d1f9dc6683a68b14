package org.pimsyn.synth.explore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A fake clock that moves a tick at every reading: every check of a deadline stands for the work done since the
 * last one, so a run that checks often stops soon after its deadline and one that does not runs on, whatever the
 * machine. It can also be moved on by hand, for work that reads no clock.
 */
public final class ReadTickingClock implements LongSupplier {
    private final AtomicLong nowNs = new AtomicLong(5 * TickingSearch.SECOND_NS);
    private final long tickNs;

    public ReadTickingClock(long tickNs) {
        this.tickNs = tickNs;
    }

    @Override
    public long getAsLong() {
        return nowNs.addAndGet(tickNs);
    }

    /** The time now, without moving the clock. */
    public long peek() {
        return nowNs.get();
    }

    public void advance(long ns) {
        nowNs.addAndGet(ns);
    }
}
