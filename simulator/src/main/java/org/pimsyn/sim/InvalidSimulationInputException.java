package org.pimsyn.sim;

/**
 * The accelerator, IR program or component library handed to the simulator is not valid: a cycle in the
 * DAG, an IR needing a resource the accelerator lacks, a non-positive latency. The message names the
 * offending ids; it is one line, fit for a command line that exits with code 2.
 */
public class InvalidSimulationInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSimulationInputException(String message) {
        super(message);
    }
}
