package org.pimsyn.sim.engine;

/**
 * The simulator's future-event list. Events come out in (time, priority, sequence number) order: earliest
 * time first, then lower priority value, then the order they were pushed, so equal inputs always replay
 * identically. Payloads are ints (the engine's IR execution ids); nothing is boxed.
 */
public interface EventQueue {
    /** @param priority 0..2^22-1; lower runs first among events of the same time */
    void push(long time, int priority, int payload);

    boolean isEmpty();

    int size();

    /** Time of the next event; undefined when empty. */
    long peekTime();

    /** Removes the next event and returns its payload. */
    int pop();

    void clear();
}
