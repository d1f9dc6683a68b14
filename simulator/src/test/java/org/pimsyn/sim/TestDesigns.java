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
import org.pimsyn.sim.energy.AdcCost;
import org.pimsyn.sim.energy.AluCost;
import org.pimsyn.sim.energy.ComponentLibrary;
import org.pimsyn.sim.energy.CrossbarCost;
import org.pimsyn.sim.energy.DacCost;
import org.pimsyn.sim.energy.NocCost;
import org.pimsyn.sim.energy.ScratchpadCost;
import org.pimsyn.sim.ir.AluKind;

/**
 * Small designs with round numbers, so tests can work cycle counts out by hand. At 1 GHz, with
 * {@link #library()}: MVM = 10 ns read + 2 ns DAC = 12 cycles; ADC 1 cycle per conversion round; ALU
 * shift-add 4, add 10, pool 20, relu 4, sigmoid 10, eltwise 4 cycles per round; scratchpad (64 KB) read 1
 * and write 2 cycles per bus-wide access; 1 cycle per NoC hop. Data are 16 bits.
 */
public final class TestDesigns {
    private TestDesigns() {
    }

    public static ComponentLibrary library() {
        return new ComponentLibrary(
                List.of(new CrossbarCost(128, 2, 10, 5.0, 0.01)),
                List.of(new DacCost(1, 2, 0.5, 0.001)),
                List.of(new AdcCost(8, 1, 2.0, 0.2)),
                List.of(new AluCost(AluKind.SHIFT_ADD, 4, 1.0, 0.02),
                        new AluCost(AluKind.ADD, 10, 1.5, 0.02),
                        new AluCost(AluKind.POOL, 20, 3.0, 0.02),
                        new AluCost(AluKind.RELU, 4, 0.25, 0.02),
                        new AluCost(AluKind.SIGMOID, 10, 2.5, 0.02),
                        new AluCost(AluKind.ELTWISE, 4, 0.75, 0.02)),
                List.of(new ScratchpadCost(64, 1, 2, 4.0, 6.0, 10.0)),
                new NocCost(1, 0.5, 0.25, 1.0));
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
