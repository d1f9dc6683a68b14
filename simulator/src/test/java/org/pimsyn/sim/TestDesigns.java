package org.pimsyn.sim;

import java.util.ArrayList;
import java.util.List;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.component.ComponentEntries;
import org.pimsyn.sim.component.ComponentEntry;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/**
 * Small designs with round numbers, so tests can work cycle counts out by hand. At 1 GHz, with
 * {@link #library()}: MVM = 10 ns read + 2 ns DAC = 12 cycles; ADC 1 cycle per conversion round; ALU
 * shift-add 4, add 10, pool 20, relu 4, sigmoid 10, eltwise 4 cycles per round; scratchpad (64 KB) read 1
 * and write 2 cycles per bus-wide access; 1 cycle per NoC hop. Data are 16 bits.
 */
public final class TestDesigns {
    private TestDesigns() {
    }

    private static final String SOURCE = "round figures for worked examples";

    public static ComponentLibrary library() {
        return ComponentLibrary.of(entries());
    }

    /** {@link #library()} with some entries replaced (same class and variant) or added. */
    public static ComponentLibrary libraryWith(ComponentEntry... changed) {
        List<ComponentEntry> entries = new ArrayList<>(entries());
        for (ComponentEntry e : changed) {
            entries.removeIf(old -> old.componentClass().equals(e.componentClass())
                    && old.variant().equals(e.variant()));
            entries.add(e);
        }
        return ComponentLibrary.of(entries);
    }

    /** The entries of {@link #library()}; peak power is static power plus one action per latency. */
    public static List<ComponentEntry> entries() {
        return List.of(
                ComponentEntries.crossbar(128, 2, 10, 5.0, 0.01, 0.51, SOURCE),
                ComponentEntries.dac(1, 2, 0.5, 0.001, 0.251, SOURCE),
                ComponentEntries.adc(8, 1, 2.0, 0.2, 2.2, SOURCE),
                ComponentEntries.alu(AluKind.SHIFT_ADD, 4, 1.0, 0.02, 0.27, SOURCE),
                ComponentEntries.alu(AluKind.ADD, 10, 1.5, 0.02, 0.17, SOURCE),
                ComponentEntries.alu(AluKind.POOL, 20, 3.0, 0.02, 0.17, SOURCE),
                ComponentEntries.alu(AluKind.RELU, 4, 0.25, 0.02, 0.0825, SOURCE),
                ComponentEntries.alu(AluKind.SIGMOID, 10, 2.5, 0.02, 0.27, SOURCE),
                ComponentEntries.alu(AluKind.ELTWISE, 4, 0.75, 0.02, 0.2075, SOURCE),
                ComponentEntries.scratchpad(64, 1, 2, 4.0, 6.0, 10.0, 14.0, SOURCE),
                ComponentEntries.router(1, 0.5, 1.0, 1.5, SOURCE),
                ComponentEntries.link(1, 0.25, 0, 0.25, SOURCE));
    }

    /**
     * One macro serving one layer: 4 crossbars, 8 ADCs, 2 shift-add units of 32 lanes, the default scratchpad
     * (256-bit bus, one port). Resources: 0 crossbars, 1 ADC bank, 2 shift-add, 3 scratchpad.
     */
    public static Accelerator singleChainDesign() {
        return design(1, 1, 1)
                .macro(0, 0).serves(0).crossbars(0, 4).adcs(8).alu(AluKind.SHIFT_ADD, 2, 32).add().build();
    }

    /**
     * LOAD, MVM, ADC, shift-add, STORE one after the other on {@link #singleChainDesign()}: they run 0..4, 4..16,
     * 16..48, 48..64 and 64..72.
     */
    public static IrProgram singleChainProgram() {
        IrProgramBuilder b = new IrProgramBuilder();
        int load = b.addLoad(0, 0, 64, 0);              // 64 x 16 bits / 256-bit bus = 4 reads x 1 = 4
        int mvm = b.addMvm(0, 0, 0, 4, 0);              // 10 ns read + 2 ns DAC = 12
        int adc = b.addAdc(0, 0, 0, 256, 0);            // ceil(256 / 8 ADCs) x 1 = 32
        int alu = b.addAlu(AluKind.SHIFT_ADD, 0, 0, 0, 256, 0); // ceil(256 / (2 x 32)) x 4 = 16
        int store = b.addStore(0, 0, 64, 0);            // 4 writes x 2 = 8
        b.addEdge(load, mvm);
        b.addEdge(mvm, adc);
        b.addEdge(adc, alu);
        b.addEdge(alu, store);
        return b.build();
    }

    public static DesignBuilder design(int meshRows, int meshCols, int layerCount) {
        return new DesignBuilder(meshRows, meshCols, layerCount);
    }

    /** Fluent accelerator builder: 1 GHz, 16-bit data, 64-bit flits and links, 1 W budget unless changed. */
    public static final class DesignBuilder {
        private final int rows;
        private final int cols;
        private final int layers;
        private final List<Macro> macros = new ArrayList<>();
        private double clockGhz = 1.0;
        private double budgetMw = 1000;
        private long macs = 1000;
        private int flitBits = 64;
        private int linkBits = 64;

        DesignBuilder(int rows, int cols, int layers) {
            this.rows = rows;
            this.cols = cols;
            this.layers = layers;
        }

        public DesignBuilder clock(double ghz) {
            clockGhz = ghz;
            return this;
        }

        public DesignBuilder budgetMw(double mw) {
            budgetMw = mw;
            return this;
        }

        public DesignBuilder macs(long perImage) {
            macs = perImage;
            return this;
        }

        public DesignBuilder noc(int flitWidthBits, int linkWidthBits) {
            flitBits = flitWidthBits;
            linkBits = linkWidthBits;
            return this;
        }

        public MacroBuilder macro(int row, int col) {
            return new MacroBuilder(this, row, col);
        }

        public Accelerator build() {
            return new Accelerator(clockGhz, rows, cols, 16, layers, List.of(), macros, new Noc(flitBits, linkBits),
                    budgetMw, macs);
        }
    }

    /** One macro: 2 DACs of 1 bit unless changed, a 64 KB scratchpad with a 256-bit bus and one port. */
    public static final class MacroBuilder {
        private final DesignBuilder owner;
        private final int row;
        private final int col;
        private final List<Integer> layers = new ArrayList<>();
        private final List<CrossbarGroup> crossbars = new ArrayList<>();
        private final List<AluUnits> alus = new ArrayList<>();
        private int adcs;
        private int ports = 1;
        private int busBits = 256;

        MacroBuilder(DesignBuilder owner, int row, int col) {
            this.owner = owner;
            this.row = row;
            this.col = col;
        }

        public MacroBuilder serves(int... layerIds) {
            for (int l : layerIds) {
                layers.add(l);
            }
            return this;
        }

        public MacroBuilder crossbars(int layer, int count) {
            crossbars.add(new CrossbarGroup(layer, count, 128, 2));
            return this;
        }

        public MacroBuilder adcs(int count) {
            adcs = count;
            return this;
        }

        public MacroBuilder alu(AluKind kind, int count, int vectorWidth) {
            alus.add(new AluUnits(kind, count, vectorWidth));
            return this;
        }

        public MacroBuilder scratchpad(int busWidthBits, int portCount) {
            busBits = busWidthBits;
            ports = portCount;
            return this;
        }

        public DesignBuilder add() {
            owner.macros.add(new Macro(row, col, layers, crossbars, new DacArray(2, 1), new AdcBank(adcs, 8), alus,
                    new Scratchpad(64, busBits, ports)));
            return owner;
        }
    }
}
