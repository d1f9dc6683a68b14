package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * While a synthesis runs, a JVM shutdown hook that says how to continue it when the run is interrupted (Ctrl-C,
 * SIGTERM): one line on the error stream naming the checkpoint, where the checkpoint exists. Closing it removes
 * the hook, so a run that ends by itself says nothing of the kind.
 */
final class InterruptNotice implements AutoCloseable {
    private final Thread hook;

    private InterruptNotice(Thread hook) {
        this.hook = hook;
    }

    /** Installs the hook for the run whose checkpoint is {@code checkpoint}; {@code command} starts the line. */
    static InterruptNotice install(PrintWriter err, String command, Path checkpoint) {
        Thread hook = new Thread(() -> {
            if (Files.exists(checkpoint)) {
                // On a line of its own: a progress bar may hold the cursor mid-line.
                err.println();
                err.println(command + ": interrupted; --resume continues the run from " + checkpoint);
                err.flush();
            }
        }, "pimsyn-interrupt-notice");
        Runtime.getRuntime().addShutdownHook(hook);
        return new InterruptNotice(hook);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is going down and the hook runs, or has run, as it should.
        }
    }
}
