package org.pimsyn.synth.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable CNN graph. Layers are in topological order and a layer's id is its index in {@link #layers()}.
 * Build one with {@link NetworkBuilder}.
 */
public final class Network {
    private final String name;
    private final List<Layer> layers;
    private final Map<String, Integer> idsByName;

    Network(String name, List<Layer> layers) {
        this.name = Objects.requireNonNull(name, "name");
        this.layers = List.copyOf(layers);
        this.idsByName = new HashMap<>();
        for (Layer layer : this.layers) {
            idsByName.put(layer.name(), layer.id());
        }
    }

    public String name() {
        return name;
    }

    public List<Layer> layers() {
        return layers;
    }

    public int size() {
        return layers.size();
    }

    public Layer layer(int id) {
        return layers.get(id);
    }

    /** The layer of that name, or null. */
    public Layer layer(String layerName) {
        Integer id = idsByName.get(layerName);
        return id == null ? null : layers.get(id);
    }

    public List<Layer> inputs() {
        return layers.stream().filter(l -> l.op() == LayerOp.INPUT).toList();
    }

    /** CONV and FC layers, in network order: the layers mapped onto crossbars. */
    public List<Layer> weightLayers() {
        List<Layer> result = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer.hasWeights()) {
                result.add(layer);
            }
        }
        return result;
    }

    public long count(LayerOp op) {
        return layers.stream().filter(l -> l.op() == op).count();
    }

    public long totalMacs() {
        return layers.stream().mapToLong(Layer::macs).sum();
    }

    public long macs(LayerOp op) {
        return layers.stream().filter(l -> l.op() == op).mapToLong(Layer::macs).sum();
    }

    public long totalWeights() {
        return layers.stream().mapToLong(Layer::weights).sum();
    }

    /** The same graph under another name. */
    public Network renamed(String newName) {
        return new Network(newName, layers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network other && name.equals(other.name) && layers.equals(other.layers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, layers);
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + layers.size() + " layers]";
    }
}
