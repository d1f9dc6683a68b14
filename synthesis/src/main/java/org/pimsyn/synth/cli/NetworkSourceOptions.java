package org.pimsyn.synth.cli;

import java.nio.file.Path;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.json.NetworkJsonReader;
import org.pimsyn.synth.network.onnx.OnnxImporter;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.network.zoo.ZooNetwork;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Mixed into the commands that take a network: a zoo model, an ONNX file or a PIMSYN network JSON file (at
 * most one of them; the zoo's AlexNet when none is given) and an input shape for the first two. Commands call
 * {@link #load()}.
 */
public final class NetworkSourceOptions {
    /** The zoo network taken when no source is given. */
    public static final String DEFAULT_MODEL = "alexnet";

    // Plain options checked by hand rather than an exclusive @ArgGroup: picocli 4.7.6 lists the options of
    // an argument group declared in a mixin twice in the usage help.
    @Option(names = "--model", paramLabel = "NAME",
            description = "A network of the built-in zoo: alexnet, vgg11, vgg13, vgg16, vgg19, resnet18, resnet34, "
                    + "resnet50, msra-a, cifar10-vgg (any case; see 'pimsyn network --list'). Without a network "
                    + "option, synthesize and network take " + DEFAULT_MODEL + "; simulate needs one only with "
                    + "--original.")
    String model;

    @Option(names = "--onnx", paramLabel = "FILE", description = "An ONNX model file (instead of --model).")
    Path onnx;

    @Option(names = "--network", paramLabel = "FILE",
            description = "A network in the PIMSYN network JSON format, such as the original PIMSYN tool's "
                    + "models/*.json (instead of --model).")
    Path network;

    @Option(names = "--input-shape", paramLabel = "NxCxHxW", converter = ShapeConverter.class,
            description = "Input shape, such as 1x3x224x224: builds a --model for that input, or fixes the dynamic "
                    + "dimensions of an --onnx model. Not with --network, whose file fixes every shape.")
    Shape inputShape;

    /** Whether any of these options was given. */
    public boolean given() {
        return model != null || onnx != null || network != null || inputShape != null;
    }

    /**
     * Loads the network the options name.
     *
     * @throws InputException for more than one source, an unknown model, a missing or malformed file, or a
     *                        shape that does not fit
     */
    public Network load() {
        checkOneSource();
        if (inputShape != null && inputShape.n() != 1) {
            // Layers, weights and MACs are per image and a design streams images one by one, so a batch would only
            // be ignored.
            throw new InputException("--input-shape " + inputShape + ": the batch N must be 1: pimsyn counts MACs "
                    + "and builds pipelines per image (simulate --images N streams N images through a design)");
        }
        if (network != null) {
            if (inputShape != null) {
                throw new InputException("--input-shape cannot be combined with --network: the network file fixes its shapes");
            }
            return NetworkJsonReader.read(network);
        }
        if (onnx != null) {
            InputFiles.requireRegularFile(onnx, "ONNX model");
            return OnnxImporter.read(onnx, inputShape);
        }
        ZooNetwork zoo = zooNetwork();
        return inputShape == null ? zoo.build() : zoo.build(inputShape);
    }

    /** Where the network comes from, for titles: "zoo model vgg16", "ONNX file m.onnx", "network file n.json". */
    public String origin() {
        checkOneSource();
        if (network != null) {
            return "network file " + network;
        }
        if (onnx != null) {
            return "ONNX file " + onnx;
        }
        return "zoo model " + zooNetwork().name();
    }

    private ZooNetwork zooNetwork() {
        return NetworkZoo.get(model != null ? model : DEFAULT_MODEL);
    }

    private void checkOneSource() {
        int sources = (model != null ? 1 : 0) + (onnx != null ? 1 : 0) + (network != null ? 1 : 0);
        if (sources > 1) {
            throw new InputException("--model, --onnx and --network are mutually exclusive: give one network source");
        }
    }

    /** Parses NxCxHxW for picocli, so that a malformed shape is a usage error (exit 2). */
    static final class ShapeConverter implements ITypeConverter<Shape> {
        @Override
        public Shape convert(String value) {
            try {
                return Shape.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
