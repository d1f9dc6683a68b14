package org.pimsyn.synth.spark;

import java.io.Serializable;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.explore.DesignPointTask;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/** A design point task as a Spark task carries it: numbers only. */
record ShippedTask(double ratioRram, int resRramBits, int xbSizeRows, int resDacBits, int adcBits,
        int[] duplications, double duplicationEnergy, long crossbars, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ShippedTask of(DesignPointTask task) {
        DesignPoint p = task.point();
        DuplicationCandidate d = task.duplication();
        return new ShippedTask(p.ratioRram(), p.resRramBits(), p.xbSizeRows(), p.resDacBits(), p.adcBits(),
                d.duplications(), d.energy(), d.crossbars(), task.seed());
    }

    DesignPointTask toTask() {
        return new DesignPointTask(new DesignPoint(ratioRram, resRramBits, xbSizeRows, resDacBits, adcBits),
                new DuplicationCandidate(duplications, duplicationEnergy, crossbars), seed);
    }
}
