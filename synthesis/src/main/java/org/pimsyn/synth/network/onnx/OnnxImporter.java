package org.pimsyn.synth.network.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.InputFiles;
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
        String label = file.toString();
        try {
            ModelProto model = parse(file, label);
            requireModel(model, label);
            return new GraphTranslator(label, networkName(file), model.getGraph(), inputShape).translate();
        } catch (InputException e) {
            String message = e.getMessage();
            if (message.indexOf('\n') >= 0 || message.indexOf('\r') >= 0) {
                throw new InputException(message.replaceAll("[\\r\\n]+", " "), e);
            }
            throw e;
        }
    }

    /** The file name without ".onnx". */
    static String networkName(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".onnx") && name.length() > ".onnx".length()) {
            return name.substring(0, name.length() - ".onnx".length());
        }
        return name;
    }

    /**
     * Parses the file from a memory mapping with aliasing, so that weight bytes (raw_data) stay views into
     * the file instead of being copied onto the heap.
     */
    private static ModelProto parse(Path file, String label) {
        InputFiles.requireRegularFile(file, "ONNX model");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) {
                throw new InputException(label + ": not an ONNX model: the file is empty");
            }
            if (size > Integer.MAX_VALUE) {
                throw new InputException(label + ": not an ONNX model: protobuf files cannot exceed 2 GB (" + size
                        + " bytes)");
            }
            CodedInputStream in = UnsafeByteOperations.unsafeWrap(channel.map(FileChannel.MapMode.READ_ONLY, 0, size))
                    .newCodedInput();
            in.enableAliasing(true);
            return ModelProto.parseFrom(in);
        } catch (NoSuchFileException e) {
            throw new InputException(label + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputException(label + ": cannot read the file (permission denied)", e);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(label + ": not a valid ONNX model: the file is truncated or is not ONNX"
                    + " protobuf data (" + firstSentence(e.getMessage()) + ")", e);
        } catch (IOException e) {
            throw new InputException(label + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Protobuf parses many non-ONNX byte sequences without error; a model needs a graph, an IR version and an opset. */
    private static void requireModel(ModelProto model, String label) {
        if (!model.hasGraph()) {
            throw new InputException(label + ": not an ONNX model: it has no graph");
        }
        if (model.getIrVersion() <= 0) {
            throw new InputException(label + ": not an ONNX model: it has no ir_version");
        }
        boolean opset = false;
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            opset |= OnnxOps.isDefaultDomain(o.getDomain());
        }
        if (!opset) {
            throw new InputException(label + ": not a complete ONNX model: no opset_import for the ai.onnx domain"
                    + " (the file may be truncated)");
        }
        if (model.getGraph().getNodeCount() == 0) {
            throw new InputException(label + ": the ONNX graph has no nodes");
        }
    }

    private static String firstSentence(String message) {
        if (message == null) {
            return "unreadable protobuf";
        }
        int end = message.indexOf(". ");
        return (end < 0 ? message : message.substring(0, end)).replaceAll("[\\r\\n]+", " ");
    }
}
