package org.pimsyn.synth.stage.dataflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The macro placement of every weight layer, in weight-layer order (stage 3's MacAlloc made concrete). */
public record Placement(List<LayerPlacement> layers) {
    public Placement {
        Objects.requireNonNull(layers, "layers");
        for (int k = 0; k < layers.size(); k++) {
            if (layers.get(k) == null) {
                throw new IllegalArgumentException("placement of weight layer " + k + " is missing");
            }
        }
        layers = List.copyOf(layers);
    }

    public LayerPlacement layer(int k) {
        return layers.get(k);
    }

    public int size() {
        return layers.size();
    }

    /** One more than the highest macro id used. */
    public int macroCount() {
        int max = -1;
        for (LayerPlacement layer : layers) {
            for (int i = 0; i < layer.macroCount(); i++) {
                max = Math.max(max, layer.macro(i));
            }
        }
        return max + 1;
    }

    /** Weight layer k alone in macro k, holding all its crossbars. */
    public static Placement oneMacroPerLayer(int... crossbarsPerLayer) {
        List<LayerPlacement> layers = new ArrayList<>(crossbarsPerLayer.length);
        for (int k = 0; k < crossbarsPerLayer.length; k++) {
            layers.add(LayerPlacement.single(k, crossbarsPerLayer[k]));
        }
        return new Placement(layers);
    }
}
