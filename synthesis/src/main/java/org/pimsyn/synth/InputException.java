package org.pimsyn.synth;

/**
 * Bad user input: a malformed file, an unknown field, an unsupported operator, an out-of-range value.
 * The message is one line that names the file, the field or node, and what is allowed; the command line
 * prints it as it is and exits with code 2.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
