package org.pimsyn.synth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "network", mixinStandardHelpOptions = true, description = "(being built)")
public final class NetworkCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("network is being built");
    }
}
