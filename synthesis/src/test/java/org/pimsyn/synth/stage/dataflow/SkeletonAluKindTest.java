package org.pimsyn.synth.stage.dataflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.ir.AluKind;
import org.pimsyn.synth.network.LayerFunction;
import org.pimsyn.synth.network.Network;
import org.pimsyn.synth.network.NetworkBuilder;
import org.pimsyn.synth.network.Shape;

class SkeletonAluKindTest {
    @Test
    void everyLayerWithAluWorkNamesItsKindAndNoOtherDoes() {
        NetworkBuilder b = new NetworkBuilder("kinds");
        int in = b.input("in", new Shape(1, 2, 8, 8));
        int lead = b.maxPool("lead", in, 2, 2, 0);
        int a = b.relu("relu", b.conv("a", lead, 4, 3, 1, 1));
        int c = b.conv("b", a, 4, 3, 1, 1);
        int sum = b.eltwise("sum", LayerFunction.ADD, a, c);
        int sig = b.activation("sig", sum, LayerFunction.SIGMOID);
        int erf = b.activation("erf", sig, LayerFunction.ERF);
        int norm = b.lrn("norm", erf);
        int fc = b.fc("fc", b.flatten("flat", norm), 3);
        b.softmax("soft", fc, LayerFunction.SOFTMAX);
        Network n = b.build();
        DataflowSkeleton s = DataflowSkeleton.of(new DataflowSpec(n, new int[] {1, 1, 1}, 1, 128, 2, 8, 8));
        assertEquals(AluKind.POOL, s.aluKindOf(n.layer("lead").id()));
        assertEquals(AluKind.RELU, s.aluKindOf(n.layer("relu").id()));
        assertEquals(AluKind.ELTWISE, s.aluKindOf(n.layer("sum").id()));
        assertEquals(AluKind.SIGMOID, s.aluKindOf(n.layer("sig").id()));
        assertEquals(AluKind.SIGMOID, s.aluKindOf(n.layer("soft").id()));
        assertEquals(AluKind.SIGMOID, s.aluKindOf(n.layer("erf").id()));
        assertEquals(AluKind.ELTWISE, s.aluKindOf(n.layer("norm").id()));
        for (String free : new String[] {"in", "a", "b", "flat", "fc"}) {
            assertNull(s.aluKindOf(n.layer(free).id()), free);
        }
    }
}
