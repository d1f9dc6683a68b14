package org.pimsyn.synth.original;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.hardware.AdcSpec;
import org.pimsyn.synth.hardware.AluSpec;
import org.pimsyn.synth.hardware.ComponentPower;
import org.pimsyn.synth.hardware.CrossbarSpec;
import org.pimsyn.synth.hardware.DacSpec;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.hardware.ScratchpadSpec;
import org.pimsyn.synth.io.InputFiles;
import org.pimsyn.synth.io.JsonObjectFields;

/**
 * The original PIMSYN tool's {@code config.json} (powers in W, latencies in ns, frequencies in operations per ns,
 * scratchpad energies in nJ per access), held only to compare a hardware library with it: a converted design is
 * priced with the library, and {@link #differences} lists each figure of the design's components (its crossbar,
 * DAC, ADC and scratchpad, every ALU kind, the precision and widths) that the library gives otherwise, in the
 * library's units. The library's two stated corrections are no differences: a peak power below static + dynamic
 * (the original's 6-bit ADC) read as static + dynamic, and a static + dynamic above the peak (its 4-bit DAC) read
 * with the static power lowered to peak - dynamic. The NoC ({@code noc_bw}, {@code noc_power}) is not compared:
 * pimsyn's is the paper's Table III router with links, a model of its own.
 */
public final class OriginalConfig {
    private static final double TOLERANCE = 1e-9;
    private static final String[] ALU_KEYS = {"SHIFTADD", "ADDITION", "POOL", "RELU", "SIGMOID", "ELTWISE"};

    private final String source;
    private final JsonNode root;

    private OriginalConfig(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    public static OriginalConfig read(Path file) {
        String source = file.toString();
        JsonNode root = JsonObjectFields.parse(InputFiles.readJson(file, "original PIMSYN config"), source);
        if (!root.isObject()) {
            throw new InputException(source + ": $: expected an object (the original PIMSYN tool's config.json)");
        }
        return new OriginalConfig(source, root);
    }

    /** The figures of the design's components where the library differs from this config, one line each. */
    public List<String> differences(HardwareLibrary library, OriginalDesign design) {
        List<String> out = new ArrayList<>();
        same(out, "$.weight_res", number("weight_res"), library.precision().weightBits(), "weight bits");
        same(out, "$.data_res", number("data_res"), library.precision().activationBits(), "activation bits");
        String xbKey = design.xbSizeRows() + "_" + design.resRramBits();
        CrossbarSpec xb = library.crossbar(design.xbSizeRows(), design.resRramBits());
        power(out, "$.RRAM['" + xbKey + "']", object("RRAM", xbKey), xb.power(), false, false);
        same(out, "$.RRAM['" + xbKey + "'].latency", number(object("RRAM", xbKey), "$.RRAM['" + xbKey + "']",
                "latency"), xb.power().latencyNs(), "read latency ns");
        String adcKey = Integer.toString(design.adcBits());
        library.adc(design.adcBits()).ifPresent((AdcSpec adc) -> unit(out, "$.ADC['" + adcKey + "']",
                object("ADC", adcKey), adc.power(), true, false, adc.sampleRateGsps(), "GS/s"));
        String dacKey = Integer.toString(design.resDacBits());
        DacSpec dac = library.dac(design.resDacBits());
        unit(out, "$.DAC['" + dacKey + "']", object("DAC", dacKey), dac.power(), false, true, dac.sampleRateGsps(),
                "GS/s");
        String spmKey = Integer.toString(design.scratchpadKb());
        for (ScratchpadSpec s : library.scratchpads()) {
            if (s.capacityKb() != design.scratchpadKb()) {
                continue;
            }
            JsonNode m = object("memory", spmKey);
            String at = "$.memory['" + spmKey + "']";
            same(out, at + ".leak_power", number(m, at, "leak_power") * 1000, s.leakagePowerMw(), "leakage mW");
            same(out, at + ".read_latency", number(m, at, "read_latency"), s.readLatencyNs(), "read latency ns");
            same(out, at + ".write_latency", number(m, at, "write_latency"), s.writeLatencyNs(), "write latency ns");
            same(out, at + ".read_energy", number(m, at, "read_energy") * 1000, s.readEnergyPj(), "read energy pJ");
            same(out, at + ".write_energy", number(m, at, "write_energy") * 1000, s.writeEnergyPj(),
                    "write energy pJ");
            same(out, "$.memory_bw", number("memory_bw"), s.busWidthBits(), "scratchpad bus bits");
        }
        AluKind[] kinds = {AluKind.SHIFT_ADD, AluKind.ADD, AluKind.POOL, AluKind.RELU, AluKind.SIGMOID,
            AluKind.ELTWISE};
        for (int i = 0; i < kinds.length; i++) {
            AluSpec alu = library.alu(kinds[i]);
            String at = "$." + ALU_KEYS[i];
            unit(out, at, required(root, "$", ALU_KEYS[i]), alu.power(), false, false, alu.frequencyGhz(),
                    "vector operations per ns");
            same(out, "$.vfu_width", number("vfu_width"), alu.vectorWidthElements(),
                    kinds[i].label() + " vector width");
        }
        return out;
    }

    /** A converter's or ALU's power, frequency (the original's rate, against {@code rate}) and latency. */
    private void unit(List<String> out, String at, JsonNode node, ComponentPower p, boolean peakCorrection,
            boolean staticCorrection, double rate, String rateUnit) {
        power(out, at, node, p, peakCorrection, staticCorrection);
        same(out, at + ".frequency", number(node, at, "frequency"), rate, rateUnit);
        same(out, at + ".latency", number(node, at, "latency"), p.latencyNs(), "latency ns");
    }

    /** Static, dynamic and peak power (W in the config, mW in the library), with the two stated corrections. */
    private void power(List<String> out, String at, JsonNode node, ComponentPower p, boolean peakCorrection,
            boolean staticCorrection) {
        double st = number(node, at, "static_power") * 1000;
        double dy = number(node, at, "dynamic_power") * 1000;
        double pk = number(node, at, "peak_power") * 1000;
        if (peakCorrection && pk < st + dy) {
            pk = st + dy;
        }
        if (staticCorrection && st + dy > pk * (1 + TOLERANCE)) {
            st = pk - dy;
        }
        same(out, at + ".static_power", st, p.staticPowerMw(), "static mW");
        same(out, at + ".dynamic_power", dy, p.dynamicPowerMw(), "dynamic mW");
        same(out, at + ".peak_power", pk, p.peakPowerMw(), "peak mW");
    }

    private static void same(List<String> out, String at, double original, double library, String what) {
        if (Math.abs(original - library) > TOLERANCE * Math.max(Math.abs(original), Math.abs(library))) {
            out.add(String.format(Locale.ROOT, "%s: the original's %s is %s, the library's %s", at, what,
                    plain(original), plain(library)));
        }
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    private JsonNode object(String section, String key) {
        JsonNode s = required(root, "$", section);
        return required(s, "$." + section, key);
    }

    private JsonNode required(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isObject()) {
            throw new InputException(source + ": " + at + "['" + key + "']: " + (value == null ? "missing" : "not an "
                    + "object") + "; the original PIMSYN config lists it for this design's components");
        }
        return value;
    }

    private double number(String key) {
        return number(root, "$", key);
    }

    private double number(JsonNode node, String at, String key) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber() || !Double.isFinite(value.doubleValue())) {
            throw new InputException(source + ": " + at + "." + key + ": " + (value == null ? "missing" : "expected "
                    + "a finite number") + "; the original PIMSYN config gives it");
        }
        return value.doubleValue();
    }
}
