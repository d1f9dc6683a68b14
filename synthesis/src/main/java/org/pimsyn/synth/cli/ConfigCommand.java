package org.pimsyn.synth.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.component.ComponentAction;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.pimsyn.sim.component.ComponentArea;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.design.ComponentLibraries;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.AnnealingParameters;
import org.pimsyn.synth.hardware.ComponentPower;
import org.pimsyn.synth.hardware.ConverterCombination;
import org.pimsyn.synth.hardware.CrossbarSpec;
import org.pimsyn.synth.hardware.DacSpec;
import org.pimsyn.synth.hardware.DesignSpace;
import org.pimsyn.synth.hardware.EvolutionParameters;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.NocSpec;
import org.pimsyn.synth.hardware.OtherComponentSpec;
import org.pimsyn.synth.hardware.PhysicalLimit;
import org.pimsyn.synth.hardware.PhysicalLimits;
import org.pimsyn.synth.hardware.Provenance;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pimsyn config}: checks a hardware library and prints its tables with units and sources. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Checks the hardware component library and prints its tables (crossbars, ADCs, DACs, ALUs, "
                + "scratchpads, NoC, clock and precision, search parameters) with units and sources.",
                "Exit code 0 when the library is valid, 2 with a one-line message naming the file, the JSON path "
                        + "and what is allowed when it is not."})
public final class ConfigCommand implements Callable<Integer> {
    private static final String INDENT = "  ";

    @Mixin
    VerboseOption verbose;

    @Mixin
    HardwareConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HardwareLibrary lib = config.load();
        PrintWriter out = spec.commandLine().getOut();
        new Report(lib, out).print();
        out.flush();
        return Main.EXIT_OK;
    }

    /** One printing of a library; sources become numbered footnotes shared by equal entries. */
    private static final class Report {
        private final HardwareLibrary lib;
        private final PrintWriter out;
        private final Map<Provenance, Integer> footnotes = new LinkedHashMap<>();

        Report(HardwareLibrary lib, PrintWriter out) {
            this.lib = lib;
            this.out = out;
        }

        void print() {
            out.println("Hardware library " + lib.origin() + ": valid");
            out.println("Powers in mW, latencies in ns, energies in pJ; an energy marked * is dynamic power x "
                    + "latency (not given in the file).");
            section("Clock and precision", TextTable.withHeader("item", "value", "source")
                    .row("clock", TextTable.number(lib.clockGhz()) + " GHz", ref(lib.clockProvenance()))
                    .row("weights", lib.precision().weightBits() + " bits", ref(lib.precision().provenance()))
                    .row("activations", lib.precision().activationBits() + " bits",
                            ref(lib.precision().provenance())));
            TextTable crossbars = TextTable.withHeader("size", "cell bits", "static mW", "dynamic mW", "peak mW",
                    "read ns", "read pJ", "source");
            for (CrossbarSpec xb : lib.crossbars()) {
                ComponentPower p = xb.power();
                crossbars.row(xb.sizeRows() + "x" + xb.sizeRows(), xb.cellBits(), p.staticPowerMw(),
                        p.dynamicPowerMw(), p.peakPowerMw(), p.latencyNs(), energy(p), ref(xb.provenance()));
            }
            section("Crossbars", crossbars);
            TextTable adcs = converterTable();
            for (AdcSpec adc : lib.adcs()) {
                converterRow(adcs, adc.resolutionBits(), adc.power(), adc.sampleRateGsps(), adc.provenance());
            }
            section("ADCs", adcs);
            TextTable dacs = converterTable();
            for (DacSpec dac : lib.dacs()) {
                converterRow(dacs, dac.resolutionBits(), dac.power(), dac.sampleRateGsps(), dac.provenance());
            }
            section("DACs", dacs);
            TextTable alus = TextTable.withHeader("kind", "vector width", "static mW", "dynamic mW", "peak mW",
                    "ops per ns", "latency ns", "operation pJ", "source");
            for (AluSpec alu : lib.alus()) {
                ComponentPower p = alu.power();
                alus.row(alu.kind().label(), alu.vectorWidthElements(), p.staticPowerMw(), p.dynamicPowerMw(),
                        p.peakPowerMw(), alu.frequencyGhz(), p.latencyNs(), energy(p), ref(alu.provenance()));
            }
            section("ALUs", alus);
            TextTable pads = TextTable.withHeader("capacity KB", "leakage mW", "read ns", "write ns", "read pJ",
                    "write pJ", "bus bits", "source");
            for (ScratchpadSpec s : lib.scratchpads()) {
                pads.row(s.capacityKb(), s.leakagePowerMw(), s.readLatencyNs(), s.writeLatencyNs(), s.readEnergyPj(),
                        s.writeEnergyPj(), s.busWidthBits(), ref(s.provenance()));
            }
            section("Scratchpads (eDRAM; latency and energy per access of the bus width)", pads);
            NocSpec noc = lib.noc();
            String nocRef = ref(noc.provenance());
            section("NoC", TextTable.withHeader("item", "value", "source")
                    .row("flit width", noc.flitWidthBits() + " bits", nocRef)
                    .row("router ports", noc.ports(), nocRef)
                    .row("router power", TextTable.number(noc.routerPowerMw()) + " mW", nocRef)
                    .row("router static power", noc.routerStaticPowerMw() == null
                            ? "not split (all static)" : TextTable.number(noc.routerStaticPowerMw()) + " mW", nocRef)
                    .row("router energy per flit-hop", noc.routerEnergyPerFlitPj() == null
                            ? "not priced" : TextTable.number(noc.routerEnergyPerFlitPj()) + " pJ", nocRef)
                    .row("link power", TextTable.number(noc.linkPowerMw()) + " mW", nocRef)
                    .row("link static power", noc.linkStaticPowerMw() == null
                            ? "not priced (0)" : TextTable.number(noc.linkStaticPowerMw()) + " mW", nocRef)
                    .row("hop latency", TextTable.number(noc.hopLatencyNs()) + " ns", nocRef)
                    .row("flit latency", TextTable.number(noc.flitLatencyNs()) + " ns", nocRef));
            printOtherComponents();
            printLimits();
            printAreas();
            printSearch();
            printFootnotes();
        }

        /** One row per action: the component, how many a macro holds, what counts the action, its cost. */
        private void printOtherComponents() {
            if (lib.otherComponents().isEmpty()) {
                return;
            }
            TextTable others = TextTable.withHeader("class", "variant", "count", "action", "counted on",
                    "energy pJ", "latency ns", "static mW", "peak mW", "source");
            for (OtherComponentSpec o : lib.otherComponents()) {
                String count = o.count() + " " + switch (o.placement()) {
                    case MACRO -> "per macro";
                    case CHIP -> "per chip";
                    case CROSSBAR -> "per crossbar";
                    case CROSSBAR_ROW -> "per crossbar row";
                    case CROSSBAR_COLUMN -> "per crossbar column";
                };
                if (o.costs().isEmpty()) {
                    others.row(o.componentClass().name(), o.variant(), count, "none", "", "", "", o.staticPowerMw(),
                            o.peakPowerMw(), ref(o.provenance()));
                }
                for (int i = 0; i < o.costs().size(); i++) {
                    ComponentAction action = o.componentClass().actions().get(i);
                    String countedOn = action.countedOn().stream()
                            .map(t -> t.ir() + t.aluKinds().stream().map(k -> " " + k.label())
                                    .collect(Collectors.joining()) + " per " + t.per())
                            .collect(Collectors.joining(", "));
                    others.row(o.componentClass().name(), o.variant(), count, action.name(), countedOn,
                            o.costs().get(i).energyPj(), o.costs().get(i).latencyNs(), o.staticPowerMw(),
                            o.peakPowerMw(), ref(o.provenance()));
                }
            }
            section("Other components (in every macro, or once per chip in its first macro; counted, priced, no "
                    + "time of their own)", others);
        }

        /** The physical limits a design may not exceed, each with its source; what follows from them. */
        private void printLimits() {
            PhysicalLimits limits = lib.limits();
            if (!limits.any()) {
                out.println();
                out.println("Physical limits: none (the library has no limits section): macros of any size, any "
                        + "number of crossbar columns per ADC, a mesh of any size");
                return;
            }
            TextTable table = TextTable.withHeader("limit", "at most", "source");
            limitRow(table, "crossbars per macro", limits.crossbarsPerMacro());
            limitRow(table, "crossbar columns per ADC", limits.columnsPerAdc());
            limitRow(table, "mesh rows", limits.meshRows());
            limitRow(table, "mesh columns", limits.meshCols());
            section("Physical limits (every design keeps within them)", table);
            int largestXb = lib.crossbars().stream().mapToInt(CrossbarSpec::sizeRows).max().orElse(0);
            if (limits.crossbarsPerMacro() != null) {
                out.println(INDENT + "DACs follow crossbar rows: at most " + limits.maxCrossbarsPerMacro() + " x "
                        + "XbSize per macro (" + String.format(Locale.ROOT, "%,d",
                        (long) limits.maxCrossbarsPerMacro() * largestXb) + " with " + largestXb + "-row crossbars).");
            }
            if (limits.columnsPerAdc() != null) {
                out.println(INDENT + "A macro of c crossbars has at least ceil(c x XbSize / "
                        + limits.maxColumnsPerAdc() + ") ADCs, paid from the power budget.");
            }
            if (limits.meshLimited()) {
                out.println(INDENT + "Largest mesh: " + limits.describeMesh() + ".");
            }
            if (!limits.note().isEmpty()) {
                out.println(INDENT + "note: " + limits.note());
            }
        }

        private void limitRow(TextTable table, String what, PhysicalLimit limit) {
            if (limit == null) {
                table.row(what, "no limit", "");
            } else {
                table.row(what, limit.max(), ref(Provenance.of(limit.source())));
            }
        }

        /** Every component's area per instance, or unknown where the library gives none, with the area's source. */
        private void printAreas() {
            ComponentLibrary table = ComponentLibraries.from(lib);
            TextTable areas = TextTable.withHeader("class", "variant", "area mm2", "source");
            int unknown = 0;
            for (ComponentEntry e : table.entries()) {
                ComponentArea a = table.area(e.componentClass(), e.variant());
                unknown += a == null ? 1 : 0;
                areas.row(e.componentClass(), e.variant(), a == null ? "unknown" : TextTable.number(a.areaMm2()),
                        a == null ? "" : ref(Provenance.of(a.source())));
            }
            section("Areas (per instance" + (unknown == 0 ? "" : "; " + unknown + " unknown, so designs' areas are "
                    + "unknown") + ")", areas);
        }

        private void printSearch() {
            AnnealingParameters a = lib.search().annealing();
            String aRef = ref(a.provenance());
            section("Search: simulated annealing (weight duplication)", TextTable.withHeader("item", "value", "source")
                    .row("iterations per temperature", a.iterationsPerTemperature(), aRef)
                    .row("initial temperature", a.initialTemperature(), aRef)
                    .row("final temperature", a.finalTemperature(), aRef)
                    .row("cooling factor", a.coolingFactor(), aRef)
                    .row("alpha (access-volume weight)", a.alpha(), aRef)
                    .row("candidates kept", a.candidatesKept(), aRef));
            EvolutionParameters e = lib.search().evolution();
            String eRef = ref(e.provenance());
            section("Search: evolution (macro partitioning)", TextTable.withHeader("item", "value", "source")
                    .row("genes", e.genes(), eRef)
                    .row("generations", e.generations(), eRef)
                    .row("elite ratio", e.eliteRatio(), eRef)
                    .row("macro-count mutation probability", e.macroCountMutationProbability(), eRef)
                    .row("macro-sharing mutation probability", e.macroSharingMutationProbability(), eRef)
                    .row("macro size (crossbars)", e.macroSizeMinCrossbars() + " to " + e.macroSizeMaxCrossbars()
                            + " step " + e.macroSizeStepCrossbars(), eRef));
            DesignSpace d = lib.search().designSpace();
            String dRef = ref(d.provenance());
            section("Search: design space", TextTable.withHeader("variable", "values", "source")
                    .row("RatioRram", d.ratioRram().stream().map(TextTable::number).collect(Collectors.joining(", ")),
                            dRef)
                    .row("ResRram (bits)", join(d.resRramBits()), dRef)
                    .row("XbSize (rows)", join(d.xbSizeRows()), dRef)
                    .row("ResDAC (bits)", join(d.resDacBits()), dRef));
            List<ConverterCombination> skipped = lib.converterCombinations().stream()
                    .filter(c -> !c.adcAvailable()).toList();
            out.println(INDENT + "ADC resolution needed: log2(XbSize) + ResDAC + ResRram - 1, or - 2 where either "
                    + "resolution is 1 bit.");
            if (skipped.isEmpty()) {
                out.println(INDENT + "Every combination has its ADC.");
            } else {
                out.println(INDENT + "Combinations without an ADC, skipped by the search:");
                for (ConverterCombination c : skipped) {
                    out.println(INDENT + INDENT + "XbSize " + c.xbSizeRows() + ", ResRram " + c.resRramBits()
                            + ", ResDAC " + c.resDacBits() + ": needs a " + c.adcBits() + "-bit ADC");
                }
            }
        }

        private void printFootnotes() {
            out.println();
            out.println("Sources");
            for (Map.Entry<Provenance, Integer> f : footnotes.entrySet()) {
                out.println(INDENT + "[" + f.getValue() + "] " + f.getKey().source());
                if (f.getKey().hasNote()) {
                    out.println(INDENT + "    note: " + f.getKey().note());
                }
            }
        }

        private static TextTable converterTable() {
            return TextTable.withHeader("bits", "static mW", "dynamic mW", "peak mW", "GS/s", "latency ns",
                    "conversion pJ", "source");
        }

        private void converterRow(TextTable table, int bits, ComponentPower p, double sampleRateGsps,
                                  Provenance provenance) {
            table.row(bits, p.staticPowerMw(), p.dynamicPowerMw(), p.peakPowerMw(), sampleRateGsps, p.latencyNs(),
                    energy(p), ref(provenance));
        }

        private void section(String title, TextTable table) {
            out.println();
            out.println(title);
            table.print(out, INDENT);
        }

        private String ref(Provenance p) {
            return "[" + footnotes.computeIfAbsent(p, k -> footnotes.size() + 1) + "]";
        }

        private static String energy(ComponentPower p) {
            return TextTable.number(p.energyPerActionPj()) + (p.energyGiven() ? "" : "*");
        }

        private static String join(List<Integer> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
    }
}
