package org.pimsyn.synth.network.onnx;

/** A node that cannot be imported; the importer prefixes the file and the node to the message. */
final class OnnxNodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OnnxNodeException(String message) {
        super(message);
    }
}
