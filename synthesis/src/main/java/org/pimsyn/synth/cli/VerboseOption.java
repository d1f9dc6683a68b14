package org.pimsyn.synth.cli;

import picocli.CommandLine.Option;

/** Mixed into every subcommand: show stack traces of internal errors. */
public final class VerboseOption {
    @Option(names = "--verbose", description = "On an internal error, print the stack trace.")
    boolean verbose;
}
