package org.pimsyn.synth.explore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pimsyn.synth.design.DesignFigures;
import org.pimsyn.synth.objective.Direction;

/**
 * The Pareto front of an exploration: among the best designs of the design points searched (one per point, the
 * best by the objective), those no other beats over throughput (higher is better), power efficiency (higher) and
 * area (lower; compared only where the library gives every area, else left out of the comparison). One design
 * beats another when it is at least as good in every figure and better in one, or, with every figure equal, when
 * its design point comes first in loop order (the same design found at another RatioRram, say, is listed once).
 *
 * <p>Beating is transitive, so the front is the set of designs no searched design beats: it depends on which
 * points were searched, never on the order their searches ended in, and a design beaten by the front now can never
 * join it, since a member leaves only for one that beats it too. The checkpoint relies on that to keep only the
 * designs that may still join ({@link Standing}).
 */
final class ParetoFront {
    private final boolean compareArea;
    private final List<ParetoDesign> members = new ArrayList<>();

    /** @param compareArea whether the library gives every area, so that designs compare by it */
    ParetoFront(boolean compareArea) {
        this.compareArea = compareArea;
    }

    /** A copy that later additions to this front leave as it is. */
    ParetoFront copy() {
        ParetoFront c = new ParetoFront(compareArea);
        c.members.addAll(members);
        return c;
    }

    /** Whether a design of these figures, at this loop order, would join the front as it is. */
    boolean admits(int order, DesignFigures figures) {
        for (ParetoDesign m : members) {
            if (beats(m.figures(), m.ranked().order(), figures, order)) {
                return false;
            }
        }
        return true;
    }

    /** Takes the design where nothing beats it, and drops the members it beats. */
    void add(RankedDesign design, DesignFigures figures) {
        if (!admits(design.order(), figures)) {
            return;
        }
        members.removeIf(m -> beats(figures, design.order(), m.figures(), m.ranked().order()));
        members.add(new ParetoDesign(design, figures));
    }

    /** The front, best first by the objective's score, ties by loop order. */
    List<ParetoDesign> list(Direction direction) {
        List<ParetoDesign> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparingDouble((ParetoDesign d) -> direction.score(d.ranked().fitness())).reversed()
                .thenComparingInt(d -> d.ranked().order()));
        return List.copyOf(sorted);
    }

    private boolean beats(DesignFigures a, int aOrder, DesignFigures b, int bOrder) {
        int throughput = Double.compare(a.throughputGops(), b.throughputGops());
        int efficiency = Double.compare(a.gopsPerWatt(), b.gopsPerWatt());
        int area = compareArea ? Double.compare(areaOf(b), areaOf(a)) : 0;
        if (throughput < 0 || efficiency < 0 || area < 0) {
            return false;
        }
        return throughput > 0 || efficiency > 0 || area > 0 || aOrder < bOrder;
    }

    /** A design's area, the worst where unknown (which a library giving every area never leaves). */
    private static double areaOf(DesignFigures f) {
        return f.areaMm2() == null ? Double.POSITIVE_INFINITY : f.areaMm2();
    }
}
