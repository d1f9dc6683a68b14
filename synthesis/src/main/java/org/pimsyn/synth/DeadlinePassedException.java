package org.pimsyn.synth;

/**
 * A computation stopped because its {@link Deadline} passed; what it had found is dropped, and the caller decides
 * what the stop means (no design yet, or a search to run again on resume).
 */
public class DeadlinePassedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeadlinePassedException() {
        // No stack trace: the stop is expected, and thrown from every worker thread at once.
        super("the time budget is spent", null, false, false);
    }
}
