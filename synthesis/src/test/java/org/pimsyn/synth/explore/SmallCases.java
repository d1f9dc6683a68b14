package org.pimsyn.synth.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.pimsyn.synth.design.MacroMode;
import org.pimsyn.synth.design.SynthesisRequest;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

/**
 * A small network and a reduced design space that keep explorations to a fraction of a second: RatioRram 0.05 and
 * 0.3, ResRram 2 and 4, XbSize 256, ResDAC 2 and 4 (ResRram 4 with ResDAC 4 needs a 15-bit ADC, which the library
 * lacks), six duplication candidates per point and a short annealing.
 */
public final class SmallCases {
    /** A budget under which RatioRram 0.05 with 2-bit cells cannot hold the weights; the other points can. */
    public static final double POWER_MW = 300;

    private SmallCases() {
    }

    /** 1x3x16x16 input, two conv-relu-pool stages (8 and 16 channels), an FC layer of 10: three weight layers. */
    public static Network network() {
        NetworkBuilder b = new NetworkBuilder("small");
        int x = b.input("input", new Shape(1, 3, 16, 16));
        x = b.maxPool("pool1", b.relu("relu1", b.conv("conv1", x, 8, 3, 1, 1)), 2, 2, 0);
        x = b.maxPool("pool2", b.relu("relu2", b.conv("conv2", x, 16, 3, 1, 1)), 2, 2, 0);
        b.fc("fc", b.flatten("flat", x), 10);
        return b.build();
    }

    public static String libraryJson() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SmallCases.class.getResourceAsStream("/configs/hardware/default.json")) {
            ObjectNode root = (ObjectNode) json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode space = (ObjectNode) root.get("search").get("designSpace");
            space.set("ratioRram", array(json, 0.05, 0.3));
            space.set("resRramBits", array(json, 2, 4));
            space.set("xbSizeRows", array(json, 256));
            space.set("resDacBits", array(json, 2, 4));
            ObjectNode annealing = (ObjectNode) root.get("search").get("annealing");
            annealing.put("iterationsPerTemperature", 20);
            annealing.put("coolingFactor", 0.8);
            annealing.put("candidatesKept", 6);
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static HardwareLibrary library() {
        return HardwareLibrary.parse(libraryJson(), "small.json");
    }

    /** The small network and library at {@link #POWER_MW}, 3 genes for 4 generations. */
    public static SynthesisRequest request() {
        return new SynthesisRequest(network(), library(), POWER_MW, MacroMode.SPECIFIED, true, 3, 4, 2);
    }

    private static ArrayNode array(ObjectMapper json, Number... values) {
        ArrayNode a = json.createArrayNode();
        for (Number v : values) {
            if (v instanceof Double d) {
                a.add(d);
            } else {
                a.add(v.intValue());
            }
        }
        return a;
    }
}
