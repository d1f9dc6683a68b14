package org.pimsyn.synth.explore;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The exploration's workers: daemons, so that a failing run never keeps the JVM alive. */
final class WorkerThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "pimsyn-explore-" + next.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
