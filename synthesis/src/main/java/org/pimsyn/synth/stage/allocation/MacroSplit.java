package org.pimsyn.synth.stage.allocation;

/** Spreads a group's units of one component over the group's macros. */
public final class MacroSplit {
    private MacroSplit() {
    }

    /**
     * Splits {@code units} over the macros that do the work ({@code works[m]}), as evenly as possible: each gets
     * {@code units / w} and the first {@code units % w} of them one more, where w is the number of working
     * macros; the others get 0.
     *
     * @throws IllegalArgumentException where there are fewer units than working macros (pass the number of
     *                                  working macros as the allocator's minimum), or units but no working macro
     */
    public static int[] evenly(int units, boolean[] works) {
        if (units < 0) {
            throw new IllegalArgumentException("units must be >= 0, got " + units);
        }
        int working = 0;
        for (boolean w : works) {
            if (w) {
                working++;
            }
        }
        if (working == 0 ? units > 0 : units < working) {
            throw new IllegalArgumentException(units + " units cannot give each of the " + working
                    + " working macros at least one");
        }
        int[] split = new int[works.length];
        if (working == 0) {
            return split;
        }
        int base = units / working;
        int extra = units % working;
        for (int m = 0; m < works.length; m++) {
            if (works[m]) {
                split[m] = base + (extra-- > 0 ? 1 : 0);
            }
        }
        return split;
    }

    /**
     * Splits {@code units} over the macros that do the work, each getting at least {@code least[m]} (>= 1; the
     * ADCs its crossbar columns need): every working macro first gets its least, and what is left is spread as
     * {@link #evenly(int, boolean[])} spreads it. With every least 1 the split is that of
     * {@link #evenly(int, boolean[])}.
     *
     * @throws IllegalArgumentException where there are fewer units than the working macros' leasts together
     */
    public static int[] atLeast(int units, boolean[] works, int[] least) {
        if (least.length != works.length) {
            throw new IllegalArgumentException(works.length + " macros but " + least.length + " least counts");
        }
        long needed = 0;
        int working = 0;
        for (int m = 0; m < works.length; m++) {
            if (works[m]) {
                if (least[m] < 1) {
                    throw new IllegalArgumentException("macro " + m + " needs at least 1 unit, got " + least[m]);
                }
                needed += least[m];
                working++;
            }
        }
        if (working == 0) {
            return evenly(units, works);
        }
        if (units < needed) {
            throw new IllegalArgumentException(units + " units cannot give the " + working + " working macros the "
                    + needed + " they need at least");
        }
        int[] split = evenly((int) (units - needed + working), works);
        for (int m = 0; m < works.length; m++) {
            if (works[m]) {
                split[m] += least[m] - 1;
            }
        }
        return split;
    }
}
