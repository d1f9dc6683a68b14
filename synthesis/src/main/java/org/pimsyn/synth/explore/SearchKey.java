package org.pimsyn.synth.explore;

import java.util.Arrays;
import java.util.List;
import org.pimsyn.synth.design.DesignPoint;
import org.pimsyn.synth.stage.duplication.DuplicationCandidate;

/**
 * What a candidate search depends on besides the request: design points equal in it (they differ only in
 * RatioRram, which steers stage 1 alone) share one search and its outcome.
 */
record SearchKey(int resRramBits, int xbSizeRows, int resDacBits, int adcBits, List<Integer> duplications) {
    static SearchKey of(DesignPoint p, DuplicationCandidate d) {
        return new SearchKey(p.resRramBits(), p.xbSizeRows(), p.resDacBits(), p.adcBits(),
                Arrays.stream(d.duplications()).boxed().toList());
    }
}
