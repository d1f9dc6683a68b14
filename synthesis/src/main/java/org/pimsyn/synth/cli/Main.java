package org.pimsyn.synth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.NoFeasibleDesignException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code pimsyn} command line. Exit codes: 0 success, 1 internal error, 2 bad input,
 * 3 no feasible design under the power budget.
 */
@Command(name = "pimsyn",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Synthesizes processing-in-memory (ReRAM crossbar) CNN accelerators under a power budget "
                + "and validates them with a cycle-accurate IR-level simulator.",
        subcommands = {SynthesizeCommand.class, SimulateCommand.class, ExportCommand.class, NetworkCommand.class,
                ConfigCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INFEASIBLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line with the given streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Main::badParameters);
        cli.setExecutionExceptionHandler(Main::failed);
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // The input limits keep known inputs within the default heap; this is the one line for what they miss.
            err.println("pimsyn: out of memory with a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB; give the JVM more (PIMSYN_JAVA_OPTS=-Xmx16g ./pimsyn ...) or a smaller problem");
            code = EXIT_INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Without a command there is nothing to do: that is a usage error, with the usage on the error stream. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("pimsyn: missing command; give one of synthesize, simulate, export, network, config");
        spec.commandLine().usage(err);
        return EXIT_BAD_INPUT;
    }

    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_BAD_INPUT;
    }

    private static int failed(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        Throwable t = e;
        if (t instanceof InputException || t instanceof InvalidSimulationInputException) {
            err.println(who + ": " + oneLine(t.getMessage()));
            return EXIT_BAD_INPUT;
        }
        if (t instanceof NoFeasibleDesignException) {
            err.println(who + ": " + oneLine(t.getMessage()));
            return EXIT_INFEASIBLE;
        }
        if (t instanceof UncheckedIOException) {
            // Input files are checked by the readers (exit 2); what remains is an output that cannot be written.
            err.println(who + ": " + oneLine(t.getMessage()));
            return EXIT_INTERNAL;
        }
        err.println(who + ": internal error: " + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()))
                + (verbose(parsed) ? "" : " (re-run with --verbose for details)"));
        if (verbose(parsed)) {
            t.printStackTrace(err);
        }
        return EXIT_INTERNAL;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.replace('\r', ' ').replace('\n', ' ').replaceAll(" {2,}", " ").trim();
    }

    /** Reads the version Maven filtered into the jar. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/org/pimsyn/synth/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"pimsyn " + p.getProperty("version", "unknown")};
        }
    }
}
