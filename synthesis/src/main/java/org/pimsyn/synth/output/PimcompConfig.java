package org.pimsyn.synth.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pimsyn.sim.arch.Macro;
import org.pimsyn.synth.design.Design;

/**
 * {@code pimcomp.json}: the architecture parameters the PIMCOMP compiler takes, as the original PIMSYN tool wrote
 * them: cell precision, crossbar rows and columns, the macro mesh ({@code ChipH} x {@code ChipW}) and each macro
 * as a grid of crossbars ({@code CoreH} x {@code CoreW}).
 *
 * <p>PIMCOMP knows one macro size. The grid is the most nearly square one, rows first, that holds the largest
 * macro's crossbars: CoreH = ceil(sqrt(n)), CoreW = ceil(n / CoreH) for n crossbars. With unified macros that
 * is the common size (256 crossbars give 16 x 16); with specified macros every macro fits in it.
 */
public record PimcompConfig(int cellPrecision, int crossbarH, int crossbarW, int chipH, int chipW, int coreH,
        int coreW) {

    public static PimcompConfig of(Design design) {
        int largest = 1;
        for (Macro m : design.accelerator().macros()) {
            largest = Math.max(largest, m.crossbarCount());
        }
        int rows = gridRows(largest);
        int xb = design.spec().xbSize();
        return new PimcompConfig(design.spec().cellBits(), xb, xb, design.accelerator().meshRows(),
                design.accelerator().meshCols(), rows, (largest + rows - 1) / rows);
    }

    /** ceil(sqrt(n)) in integers. */
    static int gridRows(int n) {
        int r = (int) Math.sqrt(n);
        while ((long) r * r < n) {
            r++;
        }
        while (r > 1 && (long) (r - 1) * (r - 1) >= n) {
            r--;
        }
        return r;
    }

    public String toJson() {
        ObjectNode root = OutputJson.MAPPER.createObjectNode();
        root.put("CellPrecision", cellPrecision);
        root.put("CrossbarH", crossbarH);
        root.put("CrossbarW", crossbarW);
        root.put("ChipH", chipH);
        root.put("ChipW", chipW);
        root.put("CoreH", coreH);
        root.put("CoreW", coreW);
        return OutputJson.text(root);
    }
}
