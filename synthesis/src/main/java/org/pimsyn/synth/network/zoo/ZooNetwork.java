package org.pimsyn.synth.network.zoo;

import java.util.Objects;
import java.util.function.BiFunction;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;

/** One network of the built-in zoo: its command-line name, what it is, where it comes from, and how to build it. */
public final class ZooNetwork {
    private final String name;
    private final String description;
    private final String source;
    private final Shape defaultInput;
    private final BiFunction<String, Shape, Network> factory;

    ZooNetwork(String name, String description, String source, Shape defaultInput,
               BiFunction<String, Shape, Network> factory) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.defaultInput = Objects.requireNonNull(defaultInput, "defaultInput");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /** The command-line name, such as {@code vgg16}; also the name of the network built. */
    public String name() {
        return name;
    }

    /** One line: what the network is. */
    public String description() {
        return description;
    }

    /** One line: the publication (and variant) it follows. */
    public String source() {
        return source;
    }

    public Shape defaultInput() {
        return defaultInput;
    }

    /** The network for its usual input ({@link #defaultInput()}). */
    public Network build() {
        return factory.apply(name, defaultInput);
    }

    /**
     * The network for another input shape (batch size, channels or image size).
     *
     * @throws InputException when the layers do not fit that input
     */
    public Network build(Shape input) {
        try {
            return factory.apply(name, input);
        } catch (IllegalArgumentException e) {
            throw new InputException("model '" + name + "' does not fit input shape " + input + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
