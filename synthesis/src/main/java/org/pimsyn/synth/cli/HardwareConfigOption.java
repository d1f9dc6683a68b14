package org.pimsyn.synth.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.pimsyn.synth.hardware.HardwareLibrary;
import picocli.CommandLine.Option;

/** Mixed into every command that needs the hardware library: {@code --config FILE}, else the built-in one. */
public final class HardwareConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Hardware component library and search defaults (JSON). "
                    + "Default: the built-in configs/hardware/default.json.")
    Path file;

    /** The library file given on the command line, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Reads and checks the chosen library; a mistake in it is an InputException (exit code 2). */
    public HardwareLibrary load() {
        return file == null ? HardwareLibrary.builtIn() : HardwareLibrary.load(file);
    }
}
