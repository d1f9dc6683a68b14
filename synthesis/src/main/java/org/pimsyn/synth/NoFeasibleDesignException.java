package org.pimsyn.synth;

/** No design point fits under the power budget; the command line exits with code 3. */
public class NoFeasibleDesignException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NoFeasibleDesignException(String message) {
        super(message);
    }
}
