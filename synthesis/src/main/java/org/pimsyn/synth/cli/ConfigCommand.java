package org.pimsyn.synth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "config", mixinStandardHelpOptions = true, description = "(being built)")
public final class ConfigCommand implements Callable<Integer> {
    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("config is being built");
    }
}
