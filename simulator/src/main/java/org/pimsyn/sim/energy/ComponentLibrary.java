package org.pimsyn.sim.energy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Supplier;
import org.pimsyn.sim.InvalidSimulationInputException;
import org.pimsyn.sim.ir.AluKind;

/**
 * Latency, energy per action and static power of every component class, as tables keyed the way a hardware
 * configuration is (crossbar by size and cell bits, DAC and ADC by resolution, ALU by kind, scratchpad by
 * capacity). The synthesis side fills it from its hardware config; the simulator takes latencies from it and
 * {@link EnergyModel} prices activity with it. Only entries a design instantiates are needed.
 *
 * <p>Units: latencies in ns, energies in pJ per action, static power in mW (mW x ns = pJ). Construction checks
 * that latencies are positive and energies and powers non-negative, naming the entry.
 */
public record ComponentLibrary(
        List<CrossbarCost> crossbars,
        List<DacCost> dacs,
        List<AdcCost> adcs,
        List<AluCost> alus,
        List<ScratchpadCost> scratchpads,
        NocCost noc) {

    public ComponentLibrary {
        crossbars = crossbars == null ? List.of() : List.copyOf(crossbars);
        dacs = dacs == null ? List.of() : List.copyOf(dacs);
        adcs = adcs == null ? List.of() : List.copyOf(adcs);
        alus = alus == null ? List.of() : List.copyOf(alus);
        scratchpads = scratchpads == null ? List.of() : List.copyOf(scratchpads);
        Set<String> keys = new HashSet<>();
        for (CrossbarCost c : crossbars) {
            String at = "crossbar " + c.size() + "x" + c.size() + " " + c.cellBits() + "-bit";
            unique(keys, at);
            check(at, c.readLatencyNs(), c.readEnergyPj(), c.staticPowerMw());
        }
        for (DacCost c : dacs) {
            String at = "DAC " + c.resolutionBits() + "-bit";
            unique(keys, at);
            check(at, c.latencyNs(), c.energyPj(), c.staticPowerMw());
        }
        for (AdcCost c : adcs) {
            String at = "ADC " + c.resolutionBits() + "-bit";
            unique(keys, at);
            check(at, c.latencyNs(), c.energyPj(), c.staticPowerMw());
        }
        for (AluCost c : alus) {
            if (c.kind() == null) {
                throw bad("an ALU entry has no kind; kinds are " + List.of(AluKind.values()));
            }
            String at = "ALU " + c.kind();
            unique(keys, at);
            check(at, c.latencyNs(), c.energyPj(), c.staticPowerMw());
        }
        for (ScratchpadCost c : scratchpads) {
            String at = "scratchpad " + c.capacityKb() + " KB";
            unique(keys, at);
            check(at, c.readLatencyNs(), c.readEnergyPj(), c.leakagePowerMw());
            check(at + " write", c.writeLatencyNs(), c.writeEnergyPj(), 0);
        }
        if (noc == null) {
            throw bad("noc is missing");
        }
        check("noc", noc.hopLatencyNs(), noc.routerEnergyPj(), noc.routerStaticPowerMw());
        nonNegative("noc", "linkEnergyPj", noc.linkEnergyPj());
    }

    public CrossbarCost crossbar(int size, int cellBits) {
        for (CrossbarCost c : crossbars) {
            if (c.size() == size && c.cellBits() == cellBits) {
                return c;
            }
        }
        throw missing("crossbar " + size + "x" + size + " " + cellBits + "-bit", crossbars,
                c -> c.size() + "_" + c.cellBits());
    }

    public DacCost dac(int resolutionBits) {
        for (DacCost c : dacs) {
            if (c.resolutionBits() == resolutionBits) {
                return c;
            }
        }
        throw missing("DAC of " + resolutionBits + " bits", dacs, c -> String.valueOf(c.resolutionBits()));
    }

    public AdcCost adc(int resolutionBits) {
        for (AdcCost c : adcs) {
            if (c.resolutionBits() == resolutionBits) {
                return c;
            }
        }
        throw missing("ADC of " + resolutionBits + " bits", adcs, c -> String.valueOf(c.resolutionBits()));
    }

    public AluCost alu(AluKind kind) {
        for (AluCost c : alus) {
            if (c.kind() == kind) {
                return c;
            }
        }
        throw missing("ALU of kind " + kind, alus, c -> c.kind().name());
    }

    public ScratchpadCost scratchpad(int capacityKb) {
        for (ScratchpadCost c : scratchpads) {
            if (c.capacityKb() == capacityKb) {
                return c;
            }
        }
        throw missing("scratchpad of " + capacityKb + " KB", scratchpads, c -> String.valueOf(c.capacityKb()));
    }

    /**
     * Runs a lookup for the component at {@code where} (e.g. {@code accelerator.macros[3].adcs}), prefixing a
     * missing-entry message with it.
     */
    public static <T> T forComponent(String where, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InvalidSimulationInputException e) {
            throw new InvalidSimulationInputException(where + ": " + e.getMessage());
        }
    }

    /**
     * Runs a lookup for a part of macro {@code macro} ({@code "adcs"} names {@code accelerator.macros[3].adcs}).
     * The name is built only when the lookup fails: every simulation and every pricing looks up each macro's parts.
     */
    public static <T> T forComponent(int macro, String part, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (InvalidSimulationInputException e) {
            throw new InvalidSimulationInputException(macroPart(macro, part) + ": " + e.getMessage());
        }
    }

    /** {@code accelerator.macros[<macro>].<part>}, as validation messages name macro fields. */
    public static String macroPart(int macro, String part) {
        return "accelerator.macros[" + macro + "]." + part;
    }

    private static <T> InvalidSimulationInputException missing(String what, List<T> present,
            Function<T, String> key) {
        StringJoiner has = new StringJoiner(", ");
        present.forEach(p -> has.add(key.apply(p)));
        return bad("has no " + what + " (it has: " + (present.isEmpty() ? "none" : has) + ")");
    }

    private static void unique(Set<String> keys, String at) {
        if (!keys.add(at)) {
            throw bad(at + " appears twice");
        }
    }

    private static void check(String at, double latencyNs, double energyPj, double staticPowerMw) {
        if (!(latencyNs > 0) || Double.isInfinite(latencyNs)) {
            throw bad(at + ": latency must be a positive number of ns, got " + latencyNs);
        }
        nonNegative(at, "energy", energyPj);
        nonNegative(at, "static power", staticPowerMw);
    }

    private static void nonNegative(String at, String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw bad(at + ": " + field + " must be a non-negative number, got " + value);
        }
    }

    private static InvalidSimulationInputException bad(String message) {
        return new InvalidSimulationInputException("component library: " + message);
    }
}
