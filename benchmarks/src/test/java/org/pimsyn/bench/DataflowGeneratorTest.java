package org.pimsyn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pimsyn.sim.Simulator;
import org.pimsyn.sim.arch.MacroSharing;
import org.pimsyn.sim.ir.IrKind;
import org.pimsyn.sim.ir.IrProgram;
import org.pimsyn.sim.report.SimulationReport;

class DataflowGeneratorTest {

    private static Map<IrKind, Integer> kinds(IrProgram p) {
        Map<IrKind, Integer> counts = new EnumMap<>(IrKind.class);
        for (int i = 0; i < p.size(); i++) {
            counts.merge(p.kind(i), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void theAlexNetSizedWorkloadHasAboutTenThousandNodesOfEveryKindAndSimulates() {
        Workload w = DataflowGenerator.alexnetSized();
        IrProgram p = w.program();
        assertTrue(p.size() > 9_000 && p.size() < 11_000, "nodes: " + p.size());
        assertEquals(7, kinds(p).size(), "all seven IR kinds: " + kinds(p));
        // Macros 0-15 serve layers 0-5 (3+3+2+2+2+4); layer 6 has 16 and 17; layer 7 shares 16.
        assertEquals(List.of(new MacroSharing(16, List.of(6, 7))), w.accelerator().macroSharing());

        SimulationReport r = new Simulator().report(w.accelerator(), w.library(), p, 2, null);
        assertEquals(8, r.layers().size());
        assertTrue(r.run().cycles() > r.performance().firstImageLatencyCycles());
        assertFalse(r.resources().stream().anyMatch(u -> u.utilization() > 1.0));
    }

    @Test
    void generationIsDeterministic() {
        Workload a = DataflowGenerator.alexnetSized();
        Workload b = DataflowGenerator.alexnetSized();
        assertEquals(a.program().size(), b.program().size());
        assertEquals(a.program().edgeCount(), b.program().edgeCount());
        assertEquals(a.accelerator(), b.accelerator());
        Simulator sim = new Simulator();
        assertEquals(sim.fitness(a.accelerator(), a.library(), a.program(), 1),
                sim.fitness(b.accelerator(), b.library(), b.program(), 1));
    }

    @Test
    void theVgg16SizedWorkloadHasAboutHalfAMillionNodes() {
        int n = DataflowGenerator.vgg16Sized().program().size();
        assertTrue(n > 450_000 && n < 550_000, "nodes: " + n);
    }
}
