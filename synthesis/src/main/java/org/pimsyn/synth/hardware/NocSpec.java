package org.pimsyn.synth.hardware;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * The network on chip joining the macros: one router per mesh node, links of {@code flitWidthBits} wires between
 * neighbours. A transfer spends {@code hopLatencyNs} per hop and {@code flitLatencyNs} per flit.
 *
 * <p>{@code routerPowerMw} and {@code linkPowerMw} are peak powers, what the power budget reserves. How they split
 * into static power and energy per flit is optional, so that libraries written before the split still read:
 * <ul>
 * <li>router: {@code routerStaticPowerMw} with {@code routerEnergyPerFlitPj} (a flit through it per hop), both or
 * neither; without them the router's whole power is static and a flit costs nothing in it (the reports say the
 * routers' dynamic energy is not priced);</li>
 * <li>link: {@code linkStaticPowerMw}, its leakage; a flit over it costs the rest of its power for the flit
 * latency, (linkPowerMw - static) x flitLatencyNs; without it the static power is 0 (the reports say the links'
 * leakage is not priced) and a flit costs linkPowerMw x flitLatencyNs.</li>
 * </ul>
 *
 * @param linkPowerMw         peak power of one unidirectional link between two neighbouring routers; 0 where the
 *                            router's figure includes its links (ISAAC's router)
 * @param routerArea          of one router, null where the library gives none
 * @param linkArea            of one unidirectional link, null where the library gives none
 * @param routerStaticPowerMw a router's leakage, null where the library does not split its power
 * @param routerEnergyPerFlitPj a flit's energy through one router, per hop; null with routerStaticPowerMw
 * @param linkStaticPowerMw   a link's leakage, null where the library gives none
 */
public record NocSpec(int flitWidthBits, int ports, double routerPowerMw, double linkPowerMw, double hopLatencyNs,
                      double flitLatencyNs, Provenance provenance,
                      @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec routerArea,
                      @JsonInclude(JsonInclude.Include.NON_NULL) AreaSpec linkArea,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double routerStaticPowerMw,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double routerEnergyPerFlitPj,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double linkStaticPowerMw) {
    /** A NoC whose router power is all static and whose links do not leak, as libraries before the split. */
    public NocSpec(int flitWidthBits, int ports, double routerPowerMw, double linkPowerMw, double hopLatencyNs,
            double flitLatencyNs, Provenance provenance, AreaSpec routerArea, AreaSpec linkArea) {
        this(flitWidthBits, ports, routerPowerMw, linkPowerMw, hopLatencyNs, flitLatencyNs, provenance, routerArea,
                linkArea, null, null, null);
    }

    public NocSpec {
        if ((routerStaticPowerMw == null) != (routerEnergyPerFlitPj == null)) {
            throw new IllegalArgumentException("routerStaticPowerMw and routerEnergyPerFlitPj come together");
        }
        for (Double v : new Double[] {routerStaticPowerMw, routerEnergyPerFlitPj, linkStaticPowerMw}) {
            if (v != null && (!(v >= 0) || !Double.isFinite(v))) {
                throw new IllegalArgumentException("NoC static powers and energies must be finite numbers >= 0, got "
                        + v);
            }
        }
        if (routerStaticPowerMw != null && routerStaticPowerMw > routerPowerMw) {
            throw new IllegalArgumentException("routerStaticPowerMw " + routerStaticPowerMw
                    + " exceeds routerPowerMw " + routerPowerMw);
        }
        if (linkStaticPowerMw != null && linkStaticPowerMw > linkPowerMw) {
            throw new IllegalArgumentException("linkStaticPowerMw " + linkStaticPowerMw + " exceeds linkPowerMw "
                    + linkPowerMw);
        }
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

    /** A router's static power: its leakage where the library splits its power, else all of it. */
    public double routerStaticMw() {
        return routerStaticPowerMw == null ? routerPowerMw : routerStaticPowerMw;
    }

    /** A flit's energy through one router per hop: 0 where the library does not split the router's power. */
    public double routerFlitPj() {
        return routerEnergyPerFlitPj == null ? 0 : routerEnergyPerFlitPj;
    }

    /** A link's static power: its leakage, 0 where the library gives none. */
    public double linkStaticMw() {
        return linkStaticPowerMw == null ? 0 : linkStaticPowerMw;
    }

    /** A flit's energy over one link: the link power above its leakage for the flit latency. */
    public double linkFlitPj() {
        return (linkPowerMw - linkStaticMw()) * flitLatencyNs;
    }

    /** Flits needed for {@code bits}, rounded up. */
    public long flitsFor(long bits) {
        return (bits + flitWidthBits - 1) / flitWidthBits;
    }
}
