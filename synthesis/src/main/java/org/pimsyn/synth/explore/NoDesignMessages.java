package org.pimsyn.synth.explore;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;

/** The messages of an exploration that ends without a design. */
final class NoDesignMessages {
    private static final int REASONS_IN_MESSAGE = 3;

    private NoDesignMessages() {
    }

    /**
     * Every design point was visited and none yielded a design: {@code searched} were searched, {@code proved} more
     * were skipped because their bounds prove them infeasible; {@code reasons} of both, most frequent first.
     */
    static String noDesign(double totalPowerMw, int searched, int proved, Map<String, Integer> reasons) {
        StringBuilder s = new StringBuilder("no design fits under ")
                .append(BigDecimal.valueOf(totalPowerMw / 1000).stripTrailingZeros().toPlainString()).append(" W: ");
        if (searched == 0) {
            s.append("the bounds of all ").append(count(proved)).append(" design point").append(plural(proved))
                    .append(" prove that none can yield a design within the budget; ");
        } else {
            s.append(count(searched)).append(" design point").append(plural(searched))
                    .append(" searched, none yielded a design within the budget");
            if (proved > 0) {
                s.append(", and the bounds of the other ").append(count(proved)).append(" prove that none can");
            }
            s.append("; ");
        }
        s.append(reasons.size() == 1 ? "reason: " : "most frequent reasons: ");
        int shown = 0;
        for (Map.Entry<String, Integer> e : reasons.entrySet()) {
            if (shown == REASONS_IN_MESSAGE) {
                break;
            }
            s.append(shown > 0 ? "; " : "").append(e.getKey()).append(" (").append(count(e.getValue()))
                    .append(" design point").append(plural(e.getValue())).append(')');
            shown++;
        }
        int others = reasons.size() - shown;
        if (others > 0) {
            s.append("; and ").append(others).append(" other reason").append(plural(others));
        }
        return s.toString();
    }

    /** The time budget ran out with {@code searched} of {@code total} design points searched, none with a design. */
    static String outOfTime(long budgetNs, int searched, int total) {
        return budget(budgetNs) + " ran out before a design was found: " + count(searched) + " of " + count(total)
                + " design points searched, none yielded a design within the power budget";
    }

    /** The time budget ran out in {@code phase}, before any design point was searched. */
    static String outOfTimeIn(long budgetNs, ExplorationPhase phase) {
        return budget(budgetNs) + " ran out before a design was found: " + switch (phase) {
            case DUPLICATION -> "stage 1 (weight duplication) was under way";
            case BOUNDS -> "the fitness bounds of the design points were under way";
        } + ", and no design point was searched";
    }

    private static String budget(long budgetNs) {
        return "the time budget of " + BigDecimal.valueOf(budgetNs / 60e9).round(new MathContext(6))
                .stripTrailingZeros().toPlainString() + " minutes";
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
