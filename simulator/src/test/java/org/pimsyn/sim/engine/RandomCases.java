package org.pimsyn.sim.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.pimsyn.sim.arch.Accelerator;
import org.pimsyn.sim.arch.AdcBank;
import org.pimsyn.sim.arch.AluUnits;
import org.pimsyn.sim.arch.CrossbarGroup;
import org.pimsyn.sim.arch.DacArray;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.sim.arch.Noc;
import org.pimsyn.sim.arch.Scratchpad;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.ir.IrProgramBuilder;

/** Seeded random designs and DAG programs that only use resources the design has. */
public final class RandomCases {
    private RandomCases() {
    }

    public static Accelerator design(SplittableRandom rnd) {
        int rows = 1 + rnd.nextInt(3);
        int cols = 1 + rnd.nextInt(3);
        int layers = 1 + rnd.nextInt(4);
        List<int[]> positions = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                positions.add(new int[] {r, c});
            }
        }
        Collections.shuffle(positions, new java.util.Random(rnd.nextLong()));
        int macroCount = 1 + rnd.nextInt(positions.size());
        List<Macro> macros = new ArrayList<>();
        for (int m = 0; m < macroCount; m++) {
            List<Integer> served = new ArrayList<>();
            List<CrossbarGroup> crossbars = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                if (rnd.nextInt(3) > 0 || (l == layers - 1 && served.isEmpty())) {
                    served.add(l);
                    if (rnd.nextBoolean()) {
                        crossbars.add(new CrossbarGroup(l, 1 + rnd.nextInt(4), 128, 2));
                    }
                }
            }
            List<AluUnits> alus = new ArrayList<>();
            for (AluKind k : AluKind.values()) {
                if (rnd.nextInt(3) == 0) {
                    alus.add(new AluUnits(k, 1 + rnd.nextInt(2), 8 << rnd.nextInt(3)));
                }
            }
            int adcs = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(3);
            macros.add(new Macro(positions.get(m)[0], positions.get(m)[1], served, crossbars, new DacArray(2, 1),
                    new AdcBank(adcs, 8), alus, new Scratchpad(64, rnd.nextBoolean() ? 64 : 256, 1 + rnd.nextInt(2))));
        }
        return new Accelerator(1.0, rows, cols, 16, layers, List.of(), macros,
                new Noc(64, rnd.nextBoolean() ? 32 : 64), 1000, 1000);
    }

    /** Up to {@code maxNodes} IRs with forward edges (so acyclic), every one runnable on the design. */
    public static IrProgram program(SplittableRandom rnd, Accelerator acc, int maxNodes) {
        int macros = acc.macros().size();
        List<int[]> crossbarSlots = new ArrayList<>(); // macro, layer, count
        List<int[]> aluSlots = new ArrayList<>();      // macro, kind
        List<Integer> adcMacros = new ArrayList<>();
        for (int m = 0; m < macros; m++) {
            Macro macro = acc.macros().get(m);
            for (CrossbarGroup g : macro.crossbars()) {
                crossbarSlots.add(new int[] {m, g.layer(), g.count()});
            }
            for (AluUnits a : macro.alus()) {
                aluSlots.add(new int[] {m, a.kind().ordinal()});
            }
            if (macro.adcs().count() > 0) {
                adcMacros.add(m);
            }
        }
        IrProgramBuilder b = new IrProgramBuilder();
        int n = 1 + rnd.nextInt(maxNodes);
        int layers = acc.layerCount();
        for (int i = 0; i < n; i++) {
            int layer = rnd.nextInt(layers);
            int block = rnd.nextInt(4);
            int width = 1 + rnd.nextInt(300);
            int m = rnd.nextInt(macros);
            switch (rnd.nextInt(7)) {
                case 0 -> {
                    if (crossbarSlots.isEmpty()) {
                        b.addLoad(layer, block, width, m);
                    } else {
                        int[] s = crossbarSlots.get(rnd.nextInt(crossbarSlots.size()));
                        b.addMvm(s[1], block, rnd.nextInt(4), 1 + rnd.nextInt(s[2]), s[0]);
                    }
                }
                case 1 -> {
                    if (adcMacros.isEmpty()) {
                        b.addStore(layer, block, width, m);
                    } else {
                        b.addAdc(layer, block, rnd.nextInt(4), width, adcMacros.get(rnd.nextInt(adcMacros.size())));
                    }
                }
                case 2 -> {
                    if (aluSlots.isEmpty()) {
                        b.addLoad(layer, block, width, m);
                    } else {
                        int[] s = aluSlots.get(rnd.nextInt(aluSlots.size()));
                        b.addAlu(AluKind.ofCode(s[1]), layer, block, IrProgram.NO_BIT, width, s[0]);
                    }
                }
                case 3 -> b.addLoad(layer, block, width, m);
                case 4 -> b.addStore(layer, block, width, m);
                case 5 -> b.addTransfer(layer, block, width, m, rnd.nextInt(macros));
                default -> {
                    List<Integer> sources = new ArrayList<>();
                    for (int s = 0; s < macros; s++) {
                        if (rnd.nextBoolean()) {
                            sources.add(s);
                        }
                    }
                    if (sources.isEmpty()) {
                        sources.add(rnd.nextInt(macros));
                    }
                    b.addMerge(layer, block, width, m, sources.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        double density = 0.02 + rnd.nextDouble() * 0.3;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (rnd.nextDouble() < density) {
                    b.addEdge(i, j);
                }
            }
        }
        return b.build();
    }
}
