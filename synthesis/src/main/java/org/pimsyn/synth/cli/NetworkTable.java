package org.pimsyn.synth.cli;

import java.util.stream.Collectors;
import org.pimsyn.synth.network.Layer;
import org.pimsyn.synth.network.LayerOp;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.Shape;
import org.pimsyn.synth.network.zoo.NetworkZoo;
import org.pimsyn.synth.network.zoo.ZooNetwork;

/** The text {@code pimsyn network} prints: a network layer by layer with totals, or the zoo. */
final class NetworkTable {
    private NetworkTable() {
    }

    /** A title line, the per-layer table and the totals. */
    static String of(Network network, String origin) {
        StringBuilder s = new StringBuilder();
        String inputs = network.inputs().stream().map(l -> l.outputShape().toString()).collect(Collectors.joining(", "));
        s.append("network ").append(network.name()).append(" (").append(origin).append("), input ").append(inputs)
                .append("\n\n");
        TextTable table = new TextTable("#", "layer", "op", "input", "output", "window", "weights", "MACs")
                .alignRight(0, 6, 7);
        for (Layer layer : network.layers()) {
            table.row(Integer.toString(layer.id()), layer.name(), layer.opLabel(), input(layer),
                    layer.outputShape().toString(), window(layer),
                    layer.hasWeights() ? TextTable.count(layer.weights()) : "-",
                    layer.hasWeights() ? TextTable.count(layer.macs()) : "-");
        }
        s.append(table.render()).append('\n');
        TextTable totals = new TextTable("totals", "").alignRight(1)
                .row("layers", TextTable.count(network.size()))
                .row("conv layers", TextTable.count(network.count(LayerOp.CONV)))
                .row("FC layers", TextTable.count(network.count(LayerOp.FC)))
                .row("weights", TextTable.count(network.totalWeights()))
                .row("conv MACs", TextTable.count(network.macs(LayerOp.CONV)))
                .row("FC MACs", TextTable.count(network.macs(LayerOp.FC)))
                .row("total MACs", TextTable.count(network.totalMacs()));
        s.append(totals.render());
        return s.toString();
    }

    /** The zoo: name, layers, MACs, description and source of every network. */
    static String zoo() {
        TextTable table = new TextTable("name", "layers", "MACs", "description", "source").alignRight(1, 2);
        for (ZooNetwork z : NetworkZoo.all()) {
            Network network = z.build();
            table.row(z.name(), TextTable.count(network.size()), TextTable.count(network.totalMacs()), z.description(),
                    z.source());
        }
        return table.render();
    }

    private static String input(Layer layer) {
        if (layer.op() == LayerOp.INPUT) {
            return "-";
        }
        Shape first = layer.inputShape();
        int more = layer.providers().size() - 1;
        return more > 0 ? first + " (+" + more + ")" : first.toString();
    }

    private static String window(Layer layer) {
        return switch (layer.op()) {
            case CONV -> layer.window() + (layer.groups() > 1 ? " g" + layer.groups() : "");
            case POOL -> layer.window() + (layer.ceilMode() ? " ceil" : "");
            case PAD -> "pad " + layer.window().padding();
            case COL2IM -> layer.window().toString();
            case SLICE -> "channels " + layer.channelOffset() + ".." + (layer.channelOffset() + layer.outChannels() - 1);
            default -> "-";
        };
    }
}
