package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.json.NetworkJsonWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pimsyn network}: shows a network layer by layer, lists the zoo, converts to PIMSYN network JSON. */
@Command(name = "network", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Shows a network layer by layer (operation, input and output shapes, kernel/stride/padding, weights, "
                    + "MACs) with totals, and writes it in the PIMSYN network JSON format.",
            "The network comes from the built-in zoo (--model, default alexnet), an ONNX file (--onnx) or a PIMSYN "
                    + "network JSON file (--network)."
        })
public final class NetworkCommand implements Callable<Integer> {
    @Mixin
    NetworkSourceOptions source;

    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the network to FILE in the PIMSYN network JSON format, which the original "
                    + "PIMSYN tool reads (for the PIMCOMP-NN compiler, 'pimsyn export' writes a design's network in "
                    + "the layout its backend reads).")
    Path json;

    @Option(names = "--list", description = "List the zoo's networks (name, layers, MACs, description, source).")
    boolean list;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            if (source.given() || json != null) {
                throw new InputException("--list shows the zoo and takes no network source, --input-shape or --json");
            }
            out.print(NetworkTable.zoo());
            return Main.EXIT_OK;
        }
        Network network = source.load();
        out.print(NetworkTable.of(network, source.origin()));
        if (json != null) {
            NetworkJsonWriter.write(network, json);
            out.println();
            out.println("wrote " + json);
        }
        return Main.EXIT_OK;
    }
}
