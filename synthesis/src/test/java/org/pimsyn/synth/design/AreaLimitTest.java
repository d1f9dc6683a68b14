package org.pimsyn.synth.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pimsyn.sim.chip.AreaModel;
import org.pimsyn.sim.component.ComponentLibrary;
import org.pimsyn.synth.InputException;
import org.pimsyn.synth.stage.partition.GeneScore;
import org.pimsyn.synth.stage.partition.MacroGene;

/** {@code synthesize --area}: a design over the limit scores 0 with the reason, as one over the power budget does. */
class AreaLimitTest {
    private static final MacroGene GENE = MacroGene.unshared(new int[] {3, 1, 2, 1}, 0);

    private static DesignEvaluator.Evaluation evaluate(SynthesisRequest request) {
        return SmallDesigns.evaluator(request, SmallDesigns.duplication(), SmallDesigns.POINT).evaluate(GENE);
    }

    @Test
    void aDesignOverTheLimitScoresZeroWithTheReasonAndOneWithinScoresAsWithoutALimit() {
        SynthesisRequest free = SmallDesigns.request(2000, MacroMode.SPECIFIED, false);
        DesignEvaluator.Evaluation unlimited = evaluate(free);
        double areaMm2 = AreaModel.of(unlimited.design().accelerator(), unlimited.design().library()).areaMm2();
        assertTrue(areaMm2 > 0);

        GeneScore within = evaluate(free.withAreaLimitMm2(areaMm2 * 1.001)).score();
        assertEquals(unlimited.score().fitness(), within.fitness());

        DesignEvaluator.Evaluation over = evaluate(free.withAreaLimitMm2(areaMm2 * 0.999));
        assertEquals(0, over.score().fitness());
        assertNull(over.design());
        assertTrue(over.score().reason().matches("7 macros: area \\d+\\.\\d{3} mm2 exceeds the \\d+\\.\\d{3} mm2 limit"),
                over.score().reason());
    }

    @Test
    void aLimitNeedsTheAreaOfEveryComponentOfTheLibrary() {
        ComponentLibrary full = ComponentLibraries.from(SmallDesigns.LIBRARY);
        DesignArea.requireAreas(full, "default.json");
        ComponentLibrary without = new ComponentLibrary(full.classes(), full.entries(),
                full.areas().stream().filter(a -> !a.componentClass().equals("adc")).toList());
        InputException e = assertThrows(InputException.class, () -> DesignArea.requireAreas(without, "my.json"));
        assertTrue(e.getMessage().startsWith("--area: my.json gives no areaMm2 for adc 4bit, adc 6bit, "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; an area limit needs the area of every component"), e.getMessage());
    }
}
