package org.pimsyn.synth.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoDesignMessagesTest {
    @Test
    void oneReasonIsNamedAsTheReason() {
        assertEquals("no design fits under 0.3 W: 1 design point searched, none yielded a design within the budget; "
                + "reason: too hot (1 design point)",
                NoDesignMessages.noDesign(300, 1, 0, Map.of("too hot", 1)));
    }

    @Test
    void theThreeMostFrequentReasonsAreNamedAndTheOthersCounted() {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        reasons.put("a", 1_200);
        reasons.put("b", 7);
        reasons.put("c", 2);
        reasons.put("d", 1);
        reasons.put("e", 1);
        assertEquals("no design fits under 49 W: 1,211 design points searched, none yielded a design within the "
                + "budget; most frequent reasons: a (1,200 design points); b (7 design points); c (2 design points)"
                + "; and 2 other reasons", NoDesignMessages.noDesign(49_000, 1_211, 0, reasons));
        reasons.remove("e");
        assertEquals("; and 1 other reason", tail(NoDesignMessages.noDesign(49_000, 1_210, 0, reasons)));
    }

    @Test
    void designPointsTheBoundsProveInfeasibleAreCountedApart() {
        assertEquals("no design fits under 25 W: the bounds of all 1,320 design points prove that none can yield a "
                + "design within the budget; most frequent reasons: x (798 design points); y (522 design points)",
                NoDesignMessages.noDesign(25_000, 0, 1_320, Map.of("x", 798, "y", 522).entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll)));
        assertEquals("no design fits under 25 W: 3 design points searched, none yielded a design within the budget, "
                + "and the bounds of the other 7 prove that none can; reason: z (10 design points)",
                NoDesignMessages.noDesign(25_000, 3, 7, Map.of("z", 10)));
    }

    @Test
    void theBudgetIsGivenInMinutes() {
        assertEquals("the time budget of 1.5 minutes ran out before a design was found: 3 of 1,024 design points "
                + "searched, none yielded a design within the power budget",
                NoDesignMessages.outOfTime(90_000_000_000L, 3, 1024));
        assertEquals("the time budget of 0.0166667 minutes",
                NoDesignMessages.outOfTime(1_000_000_000L, 0, 1).split(" ran out")[0]);
    }

    private static String tail(String message) {
        return message.substring(message.lastIndexOf(';'));
    }
}
