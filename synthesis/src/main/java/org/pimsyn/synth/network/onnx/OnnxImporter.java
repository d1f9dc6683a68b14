package org.pimsyn.synth.network.onnx;

import java.nio.file.Path;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/** Imports an ONNX model file into a {@link Network}, with pimsyn's own shape inference. */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /**
     * Reads {@code file}. {@code inputShape}, when not null, overrides the graph input's dynamic dimensions.
     *
     * @throws org.pimsyn.synth.InputException with a one-line message naming the file and the node
     */
    public static Network read(Path file, Shape inputShape) {
        throw new UnsupportedOperationException("ONNX import is being built");
    }
}
