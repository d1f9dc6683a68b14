package org.pimsyn.synth.stage.duplication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pimsyn.synth.hardware.HardwareLibrary;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.zoo.NetworkZoo;

class WeightDuplicationTest {
    private static final HardwareLibrary LIBRARY = HardwareLibrary.builtIn();

    @Test
    void alexNetAt49WattsKeepsFullyConnectedLayersAtOneAndStaysInBudget() {
        Network alexnet = NetworkZoo.build("alexnet");
        DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                WeightDuplication.filter(alexnet, LIBRARY, 49_000, 0.3, 256, 2, 1));
        DuplicationProblem p = f.problem();
        assertEquals(12_250, p.crossbarBudget());
        // 16-bit weights in 2-bit cells: 8 slices. conv1 363 rows -> 2 x 1 x 8; conv2 1600 -> 7 x 1 x 8;
        // conv3 1728 -> 7 x 2 x 8; conv4 3456 -> 14 x 1 x 8; conv5 2304 -> 9 x 1 x 8; fc6 9216 -> 36 x 16 x 8;
        // fc7 4096 -> 16 x 16 x 8; fc8 4096 rows, 1000 columns -> 16 x 4 x 8.
        int[] sets = new int[p.layers()];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = p.setSize(i);
        }
        assertEquals(List.of(16, 56, 112, 112, 72, 4608, 2048, 512), java.util.Arrays.stream(sets).boxed().toList());
        assertEquals(7536, p.crossbarsAtDuplicationOne());
        assertEquals(LIBRARY.search().annealing().candidatesKept(), f.candidates().size());
        // The proportional start uses the budget: 112, 27, 6, 6, 6 copies of the convolutions, 12248 crossbars.
        assertEquals(List.of(112, 27, 6, 6, 6, 1, 1, 1),
                java.util.Arrays.stream(f.start().duplications()).boxed().toList());
        assertEquals(12_248, f.start().crossbars());
        assertTrue(f.best().energy() < f.start().energy());
        for (DuplicationCandidate c : f.candidates()) {
            assertTrue(p.admits(c.duplications()));
            assertEquals(1, c.duplication(5));
            assertEquals(1, c.duplication(6));
            assertEquals(1, c.duplication(7));
        }
        DuplicationOutcome.Feasible again = assertInstanceOf(DuplicationOutcome.Feasible.class,
                WeightDuplication.filter(alexnet, LIBRARY, 49_000, 0.3, 256, 2, 1));
        assertEquals(f, again);
    }

    @Test
    void proportionalModeGivesTheProportionalStartAlone() {
        Network alexnet = NetworkZoo.build("alexnet");
        for (double ratio : List.of(0.2, 0.4)) {
            DuplicationOutcome.Feasible f = assertInstanceOf(DuplicationOutcome.Feasible.class,
                    WeightDuplication.filter(alexnet, LIBRARY, 49_000, ratio, 256, 2, DuplicationMode.PROPORTIONAL, 1,
                            org.pimsyn.synth.Deadline.NONE));
            DuplicationProblem p = f.problem();
            int[] start = p.proportionalStart();
            assertEquals(List.of(new DuplicationCandidate(start, p.energy(start, LIBRARY.search().annealing().alpha()),
                    p.crossbarsUsed(start))), f.candidates());
            assertEquals(f.start(), f.best());
        }
        // Where the weights do not fit, the reason, as the annealing gives it.
        assertInstanceOf(DuplicationOutcome.Infeasible.class, WeightDuplication.filter(alexnet, LIBRARY, 1_000, 0.1,
                256, 2, DuplicationMode.PROPORTIONAL, 1, org.pimsyn.synth.Deadline.NONE));
        assertEquals(DuplicationMode.PROPORTIONAL, DuplicationMode.fromLabel("Proportional").orElseThrow());
        assertTrue(DuplicationMode.fromLabel("annealing").isEmpty());
    }

    @Test
    void smallestFittingPowerOfATinyNetworkWorkedByHand() {
        // 16-bit weights: each of the three layers fits one row and column tile, 16 / ResRram slices. The least
        // is 4-bit cells (12 crossbars) of the cheapest crossbar (128x128, 0.3 mW) at the largest RatioRram 0.4:
        // 12 x 0.3 / 0.4 = 9 mW.
        MinimumPower min = WeightDuplication.minimumTotalPowerMw(TinyNetworks.threeLayers(), LIBRARY);
        assertEquals(9, min.totalPowerMw(), 1e-12);
        assertEquals(0.4, min.ratioRram());
        assertEquals(4, min.cellBits());
        assertEquals(128, min.xbSizeRows());
        assertEquals(12, min.crossbars());
        assertEquals("no design fits under 0.005 W; the crossbars alone need at least 0.01 W (RatioRram 0.4, "
                + "ResRram 4, XbSize 128), and the peripherals (ADCs, DACs, ALUs, scratchpads, NoC) more on top: a "
                + "lower bound, try a budget several times larger", min.noFitMessage(5));
    }

    @Test
    void smallestFittingPowerOfAlexNet() {
        // 128x128 crossbars, 4-bit cells: conv 12 + 104 + 168 + 216 + 144, FC 9216 + 4096 + 1024 = 14980
        // crossbars; 14980 x 0.3 mW / 0.4 = 11235 mW.
        MinimumPower min = WeightDuplication.minimumTotalPowerMw(NetworkZoo.build("alexnet"), LIBRARY);
        assertEquals(14_980, min.crossbars());
        assertEquals(11_235, min.totalPowerMw(), 1e-9);
        assertEquals("no design fits under 10 W; the crossbars alone need at least 11.24 W (RatioRram 0.4, "
                + "ResRram 4, XbSize 128), and the peripherals (ADCs, DACs, ALUs, scratchpads, NoC) more on top: a "
                + "lower bound, try a budget several times larger", min.noFitMessage(10_000));
    }

    @Test
    void theSmallestFittingPowerFitsAndLessDoesNot() {
        for (String name : List.of("alexnet", "vgg16", "resnet18", "cifar10-vgg")) {
            Network net = NetworkZoo.build(name);
            MinimumPower min = WeightDuplication.minimumTotalPowerMw(net, LIBRARY);
            DuplicationProblem at = WeightDuplication.problem(net, LIBRARY, min.xbSizeRows(), min.cellBits(),
                    CrossbarBudget.of(LIBRARY, min.totalPowerMw(), min.ratioRram(), min.xbSizeRows(), min.cellBits())
                            .crossbars());
            assertTrue(at.fitsAtDuplicationOne(), name);
            double below = min.totalPowerMw() * 0.999;
            for (double ratio : LIBRARY.search().designSpace().ratioRram()) {
                for (int cell : LIBRARY.search().designSpace().resRramBits()) {
                    for (int size : LIBRARY.search().designSpace().xbSizeRows()) {
                        long budget = CrossbarBudget.of(LIBRARY, below, ratio, size, cell).crossbars();
                        assertTrue(!WeightDuplication.problem(net, LIBRARY, size, cell, budget).fitsAtDuplicationOne(),
                                name + " at " + ratio + ", " + cell + ", " + size);
                    }
                }
            }
        }
    }
}
