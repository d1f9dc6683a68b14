package org.pimsyn.synth.explore;

/**
 * Starts a {@link DesignPointExecutor} that another module supplies. The command line finds providers with
 * {@link java.util.ServiceLoader}, so that this module compiles and runs without what they need: pimsyn-spark
 * provides {@code spark}, and only its jar carries Spark's code.
 */
public interface DesignPointExecutorProvider {
    /** The name that {@code --executor} selects it by. */
    String name();

    /**
     * Starts the executor.
     *
     * @throws IllegalStateException when it cannot start, such as when a library it needs is missing; the message
     *     says why
     */
    Started start();

    /**
     * A started executor, and what its searches run on as the run's summary names it after the driver's threads,
     * such as {@code Spark (master spark://host:7077)}.
     */
    record Started(DesignPointExecutor executor, String where) {
    }
}
