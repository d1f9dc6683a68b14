package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The network on chip joining the macros: one router per mesh node, links of {@code flitWidthBits} wires between
 * neighbours. A transfer spends {@code hopLatencyNs} per hop and {@code flitLatencyNs} per flit.
 *
 * @param linkPowerMw power of one unidirectional link between two neighbouring routers; 0 where the router's
 *                    figure includes its links (ISAAC's router)
 * @param routerArea  of one router, null where the library gives none
 * @param linkArea    of one unidirectional link, null where the library gives none
 */
public record NocSpec(int flitWidthBits, int ports, double routerPowerMw, double linkPowerMw, double hopLatencyNs,
                      double flitLatencyNs, Provenance provenance,
                      @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec routerArea,
                      @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec linkArea) {
    public NocSpec {
        if (flitWidthBits < 1 || ports < 1) {
            throw new IllegalArgumentException("flitWidthBits and ports must be >= 1, got " + flitWidthBits
                    + " and " + ports);
        }
        if (!(linkPowerMw >= 0) || !Double.isFinite(linkPowerMw)) {
            throw new IllegalArgumentException("linkPowerMw must be a finite number >= 0, got " + linkPowerMw);
        }
        double[] positives = {routerPowerMw, hopLatencyNs, flitLatencyNs};
        for (double v : positives) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("NoC figures must be finite numbers > 0, got " + v);
            }
        }
        Objects.requireNonNull(provenance, "provenance");
    }

    /** Flits needed for {@code bits}, rounded up. */
    public long flitsFor(long bits) {
        return (bits + flitWidthBits - 1) / flitWidthBits;
    }
}
