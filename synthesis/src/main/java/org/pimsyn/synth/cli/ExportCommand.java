package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.design.Design;
import org.pimsyn.synth.io.OutputDirectory;
import org.pimsyn.synth.output.DesignJson;
import org.pimsyn.synth.output.PimcompExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pimsyn export}: writes a synthesized design for a downstream tool of the tool chain (PIMCOMP-NN). */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Writes a design of 'pimsyn synthesize' (design.json) for the PIMCOMP-NN compiler and the pimsim-nn "
                    + "simulator: config.json (the architecture, as PIMCOMP-NN reads it), pimsim-config.json and "
                    + "network_config.json (pimsim-nn's), models/JSON/NAME.json (the network as PIMCOMP-NN's "
                    + "backend reads it) and mapping.json (the design's crossbars per layer in PIMCOMP's units), "
                    + "with the build/ and output/ directories PIMCOMP-NN runs in.",
            "Then: cd DIR/build && PIMCOMP-NN -m=NAME -r=balance -p=batch -o=YES -s=YES",
            "Exit codes: 0 done, 1 internal error (re-run with --verbose for details), 2 bad input (a design file "
                    + "that does not read, or a network PIMCOMP-NN cannot compile)."
        })
public final class ExportCommand implements Callable<Integer> {
    /** The formats {@code --to} takes. */
    static final List<String> FORMATS = List.of("pimcomp");

    @Option(names = "--design", paramLabel = "FILE", required = true,
            description = "The design.json of a synthesis run.")
    Path design;

    @Option(names = "--to", paramLabel = "FORMAT", defaultValue = "pimcomp",
            description = "What to write: pimcomp (PIMCOMP-NN and pimsim-nn; the default).")
    String to;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output directory (default: pimcomp/ beside the design file).")
    Path out;

    @Mixin
    VerboseOption verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!FORMATS.contains(to)) {
            throw new InputException("--to: \"" + to + "\" is not a format; allowed: " + String.join(", ", FORMATS));
        }
        Path dir = out != null ? out : (design.getParent() != null ? design.getParent() : Path.of(""))
                .resolve("pimcomp");
        OutputDirectory.check(dir, "--out");
        Design d = DesignJson.read(design);
        PimcompExport export;
        try {
            export = PimcompExport.of(d);
        } catch (InputException e) {
            throw new InputException(design + ": " + e.getMessage(), e);
        }
        List<Path> written = export.write(dir);
        print(spec.commandLine().getOut(), d, export, written, dir);
        return Main.EXIT_OK;
    }

    private static void print(PrintWriter out, Design d, PimcompExport export, List<Path> written, Path dir) {
        Accelerator acc = d.accelerator();
        out.println("PIMCOMP-NN export of " + d.spec().network().name() + ": " + acc.macros().size() + " macros on a "
                + acc.meshRows() + " x " + acc.meshCols() + " mesh");
        out.println();
        TextTable facts = TextTable.plain();
        facts.row("crossbar", d.spec().xbSize() + " x " + d.spec().xbSize() + " cells of " + d.spec().cellBits()
                + " bits; a logical crossbar of " + d.spec().weightBits() + "-bit weights is " + export.slices()
                + " of them");
        facts.row("cores (layout)", export.cores() + " (" + acc.meshRows() + " x " + acc.meshCols() + ")");
        facts.row("xbar_array_count", export.xbarArrayCount() + " logical crossbars per core (our largest macro)");
        facts.row("PIMCOMP capacity", TextTable.count(export.pimcompCapacity()) + " logical crossbars; the design "
                + "uses " + TextTable.count(export.logicalCrossbars()));
        facts.row("activations merged", export.network().mergedActivations().size() + " into their CONV or FC node"
                + (export.network().unmergedActivations().isEmpty() ? ""
                : "; not merged: " + String.join(", ", export.network().unmergedActivations())));
        facts.row("adc_count", "config.json " + d.spec().activationBits() + " (PIMCOMP's ArithmeticPrecision), "
                + "pimsim-config.json " + export.adcsPerArray() + " (ADCs per crossbar array)");
        facts.print(out, "");
        out.println();
        TextTable table = TextTable.withHeader("layer", "node", "duplication", "crossbars", "per copy",
                "logical", "logical per copy", "PIMCOMP per copy", "macros", "shares macros with")
                .alignRight(1, 2, 3, 4, 5, 6, 7, 8);
        for (PimcompExport.LayerMapping l : export.layers()) {
            table.row(l.name(), l.pimcompNode(), l.duplication(), TextTable.count(l.crossbars()),
                    TextTable.count(l.crossbarsPerCopy()), TextTable.count(l.logicalCrossbars()),
                    TextTable.count(l.logicalCrossbarsPerCopy()), TextTable.count(l.pimcompCrossbarsPerCopy()),
                    l.macros(),
                    l.sharesMacrosWith().isEmpty() ? "-" : String.join(", ", l.sharesMacrosWith()));
        }
        table.print(out, "");
        for (String note : export.network().notes()) {
            out.println("note: " + note);
        }
        if (!export.network().unmergedActivations().isEmpty()) {
            out.println("note: PIMCOMP-NN at commit 2ed10c8 loops without end on an activation after a CONV or FC "
                    + "node that has other consumers (backend/Preparation.cpp line 520); compile this network with "
                    + "that line fixed");
        }
        out.println();
        for (Path p : written) {
            out.println("wrote " + p);
        }
        out.println();
        out.println("compile: cd " + dir.resolve("build") + " && " + export.command());
    }
}
